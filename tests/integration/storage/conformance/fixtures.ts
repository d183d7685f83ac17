// Small factories for the documents, schemas and write rows the conformance suite writes.
import { createHash } from 'node:crypto';
import { createRevision, now, randomToken } from 'rxdb';
import type { BulkWriteRow, RxAttachmentWriteData, RxDocumentData, RxJsonSchema } from 'rxdb';

export interface Person {
  id: string;
  name: string;
  age: number;
  active: boolean;
  /** Not indexed, may be fractional or negative. */
  score: number;
  /** Optional and not indexed: the field for $exists. */
  nickname?: string;
  address: { city: string; zip: number };
}

export type PersonDoc = RxDocumentData<Person>;

/** Indexes on a plain, a compound, a nested and a boolean-led field; score, nickname and zip stay unindexed. */
export const personSchema: RxJsonSchema<Person> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 40 },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    active: { type: 'boolean' },
    score: { type: 'number' },
    nickname: { type: 'string' },
    address: {
      type: 'object',
      properties: {
        city: { type: 'string', maxLength: 40 },
        zip: { type: 'integer' },
      },
      required: ['city', 'zip'],
    },
  },
  required: ['id', 'name', 'age', 'active', 'score', 'address'],
  indexes: ['age', ['name', 'age'], 'address.city', ['active', 'age']],
};

/** The same shape with attachments enabled. */
export const personWithAttachmentsSchema: RxJsonSchema<Person> = { ...personSchema, attachments: {} };

/** The revision token the factories stamp on revisions; any stable string works. */
const fixtureToken = 'conformance';

export function makePerson(overrides: Partial<PersonDoc> = {}): PersonDoc {
  return {
    id: randomToken(12),
    name: 'Alice',
    age: 30,
    active: true,
    score: 1.5,
    address: { city: 'Lisbon', zip: 1000 },
    _deleted: false,
    _attachments: {},
    _rev: createRevision(fixtureToken),
    _meta: { lwt: now() },
    ...overrides,
  };
}

/** The next revision of `doc` with `changes` applied and a fresh last-write time. */
export function nextRevision(doc: PersonDoc, changes: Partial<PersonDoc> = {}): PersonDoc {
  return { ...doc, ...changes, _rev: createRevision(fixtureToken, doc), _meta: { lwt: now() } };
}

/** The tombstone of `doc`: its next revision, marked deleted. */
export function deletionOf(doc: PersonDoc): PersonDoc {
  return nextRevision(doc, { _deleted: true, _attachments: {} });
}

export function insertRow(document: PersonDoc): BulkWriteRow<Person> {
  return { document };
}

export function updateRow(previous: PersonDoc, document: PersonDoc): BulkWriteRow<Person> {
  return { previous, document };
}

/** Attachment write data for `text`; the digest changes whenever the text does. */
export function textAttachment(text: string): RxAttachmentWriteData {
  const data = new Blob([text], { type: 'text/plain' });
  return {
    data,
    length: data.size,
    type: 'text/plain',
    digest: 'sha256-' + createHash('sha256').update(text).digest('base64'),
  };
}

/** What the storage keeps of an attachment once its data is stored apart from the document. */
export function storedAttachment(write: RxAttachmentWriteData): { length: number; type: string; digest: string } {
  return { length: write.length, type: write.type, digest: write.digest };
}

export function idsOf(docs: readonly { id: string }[]): string[] {
  return docs.map((doc) => doc.id);
}

export function sortedIds(docs: readonly { id: string }[]): string[] {
  return idsOf(docs).sort();
}
