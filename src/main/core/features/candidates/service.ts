// Candidates: the people recruiters track. Create, read, search, update and delete, with duplicate
// detection by primary e-mail and an activity recorded for every change.
import { randomUUID } from 'node:crypto';
import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import type { CandidateCreateBody, CandidateListQuery, CandidateUpdateBody } from '../../../../shared/api/candidates.js';
import type { Candidate } from '../../../../shared/schemas/candidate.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { ActivityLog } from '../activities/service.js';
import { escapeRegex, findPage, type FoundPage } from './find-page.js';
import { createKeyedLock } from './keyed-lock.js';

/** What deleting a candidate needs from the applications feature. */
export interface CandidateApplications {
  countForCandidate(candidateId: string): Promise<number>;
  /** Deletes every application of the candidate (recording each) and returns how many. */
  removeForCandidate(actorId: string, candidateId: string): Promise<number>;
}

export interface CandidateServiceDeps {
  db: AppDatabase;
  activities: ActivityLog;
  applications: CandidateApplications;
}

export interface CandidateService {
  create(actorId: string, input: CandidateCreateBody): Promise<Candidate>;
  /** A candidate record for a newly registered candidate account (no duplicate check: the person is signing up themselves). */
  createForAccount(actorId: string, account: { name: string; email: string }): Promise<Candidate>;
  get(id: string): Promise<Candidate>;
  list(query: CandidateListQuery): Promise<FoundPage<Candidate> & { limit: number; skip: number }>;
  update(actorId: string, id: string, changes: CandidateUpdateBody): Promise<Candidate>;
  /** Refuses (409) while the candidate has applications, unless `force`, which deletes them too. */
  remove(actorId: string, id: string, options: { force: boolean }): Promise<{ applicationsDeleted: number }>;
}

const uniqueTrimmed = (values: readonly string[] = [], key: (v: string) => string = (v) => v): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (value && !seen.has(key(value))) {
      seen.add(key(value));
      out.push(value);
    }
  }
  return out;
};
const caseless = (v: string) => v.toLowerCase();

/** The e-mail duplicates are found by: the first one, lower-cased ('' when there is none). */
export const primaryEmailOf = (emails: readonly string[]): string => emails[0]?.trim().toLowerCase() ?? '';

/** The body's list fields, trimmed and without repeats (tags and skills compared case-insensitively). */
function normalized<T extends CandidateUpdateBody>(input: T): T {
  const out = { ...input };
  if (input.name !== undefined) {
    out.name = input.name.trim();
    if (!out.name) throw new ValidationError('name must not be blank.', { field: 'name' });
  }
  if (input.emails) out.emails = uniqueTrimmed(input.emails, caseless);
  if (input.phones) out.phones = uniqueTrimmed(input.phones);
  if (input.tags) out.tags = uniqueTrimmed(input.tags, caseless);
  if (input.skills) out.skills = uniqueTrimmed(input.skills, caseless);
  return out;
}

const exactly = (text: string) => ({ $regex: `^${escapeRegex(text)}$`, $options: 'i' });

function listSelector(query: CandidateListQuery): MangoQuerySelector<Candidate> {
  const clauses: MangoQuerySelector<Candidate>[] = [];
  if (query.q) {
    const contains = { $regex: escapeRegex(query.q.trim()), $options: 'i' };
    clauses.push({ $or: [{ name: contains }, { emails: { $elemMatch: contains } }] } as MangoQuerySelector<Candidate>);
  }
  if (query.tag) clauses.push({ tags: { $elemMatch: exactly(query.tag.trim()) } } as MangoQuerySelector<Candidate>);
  if (query.skill) clauses.push({ skills: { $elemMatch: exactly(query.skill.trim()) } } as MangoQuerySelector<Candidate>);
  if (query.source) clauses.push({ source: exactly(query.source.trim()) });
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? (clauses[0] as MangoQuerySelector<Candidate>) : { $and: clauses };
}

export function createCandidateService({ db, activities, applications }: CandidateServiceDeps): CandidateService {
  // Serialises check-then-insert per primary e-mail, so two simultaneous creates of the same
  // person cannot both pass the duplicate check.
  const byEmail = createKeyedLock();

  async function findDocument(id: string) {
    const doc = await db.candidates.findOne(id).exec();
    if (!doc) throw new NotFoundError(`No candidate with id ${id}.`, { candidateId: id });
    return doc;
  }

  async function assertEmailFree(primaryEmail: string, exceptId?: string): Promise<void> {
    if (!primaryEmail) return;
    const existing = await db.candidates.findOne({ selector: { primaryEmail } }).exec();
    if (existing && existing.id !== exceptId) {
      throw new ConflictError(`A candidate with the e-mail ${primaryEmail} already exists.`, {
        field: 'emails',
        existingId: existing.id,
        existingName: existing.name,
      });
    }
  }

  async function insert(actorId: string, input: CandidateCreateBody, checkDuplicate: boolean): Promise<Candidate> {
    const body = normalized(input);
    const emails = body.emails ?? [];
    const primaryEmail = primaryEmailOf(emails);
    return byEmail(primaryEmail, async () => {
      if (checkDuplicate) await assertEmailFree(primaryEmail);
      const doc = await db.candidates.insert(
        unstamped<Candidate>({
          ...body,
          id: randomUUID(),
          emails,
          primaryEmail,
          phones: body.phones ?? [],
          links: body.links ?? [],
          tags: body.tags ?? [],
          skills: body.skills ?? [],
        }),
      );
      const candidate = doc.toMutableJSON();
      await activities.record({
        actorId,
        action: 'candidate.created',
        subjectType: 'candidate',
        subjectId: candidate.id,
        summary: `Added candidate ${candidate.name}`,
        details: { primaryEmail, ...(candidate.source ? { source: candidate.source } : {}) },
      });
      return candidate;
    });
  }

  return {
    create: (actorId, input) => insert(actorId, input, true),

    createForAccount: (actorId, { name, email }) => insert(actorId, { name, emails: [email], source: 'self-registered' }, false),

    async get(id) {
      return (await findDocument(id)).toMutableJSON();
    },

    async list(query) {
      const limit = query.limit ?? 20;
      const skip = query.skip ?? 0;
      const order = query.order ?? 'desc';
      const sort = [{ [query.sort ?? 'createdAt']: order }, { id: order }] as MangoQuerySortPart<Candidate>[];
      const page = await findPage(db.candidates, { selector: listSelector(query), sort, limit, skip });
      return { ...page, limit, skip };
    },

    async update(actorId, id, input) {
      const changes = normalized(input);
      const doc = await findDocument(id);
      const primaryEmail = changes.emails ? primaryEmailOf(changes.emails) : doc.primaryEmail;
      return byEmail(primaryEmail, async () => {
        if (primaryEmail !== doc.primaryEmail) await assertEmailFree(primaryEmail, id);
        const updated = await doc.incrementalPatch({ ...changes, ...(changes.emails ? { primaryEmail } : {}) });
        const candidate = updated.toMutableJSON();
        await activities.record({
          actorId,
          action: 'candidate.updated',
          subjectType: 'candidate',
          subjectId: id,
          summary: `Updated candidate ${candidate.name}`,
          details: { fields: Object.keys(input).sort() },
        });
        return candidate;
      });
    },

    async remove(actorId, id, { force }) {
      const doc = await findDocument(id);
      const count = await applications.countForCandidate(id);
      if (count > 0 && !force) {
        throw new ConflictError(`${doc.name} has ${count} application(s); delete with force=true to delete them too.`, {
          candidateId: id,
          applications: count,
        });
      }
      const applicationsDeleted = count > 0 ? await applications.removeForCandidate(actorId, id) : 0;
      await doc.getLatest().remove();
      await activities.record({
        actorId,
        action: 'candidate.deleted',
        subjectType: 'candidate',
        subjectId: id,
        summary: `Deleted candidate ${doc.name}${applicationsDeleted ? ` and ${applicationsDeleted} application(s)` : ''}`,
        details: { applicationsDeleted, ...(doc.primaryEmail ? { primaryEmail: doc.primaryEmail } : {}) },
      });
      return { applicationsDeleted };
    },
  };
}
