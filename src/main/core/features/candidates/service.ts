// Candidates: the people recruiters track. Create, read, search, update and delete, with duplicate
// detection by primary e-mail and an activity recorded for every change.
import { randomUUID } from 'node:crypto';
import type { CandidateCreateBody, CandidateListQuery, CandidateUpdateBody } from '../../../../shared/api/candidates.js';
import { MIN_PHONE_DIGITS, phoneDigits, primaryPhoneOf, type Candidate } from '../../../../shared/schemas/candidate.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { ActivityLog } from '../activities/service.js';
import { createCandidateLister, type CandidateListDeps, type CandidateListPage } from './candidate-list.js';
import { createKeyedLock } from './keyed-lock.js';

/** What deleting a candidate needs from the applications feature. */
export interface CandidateApplications {
  countForCandidate(candidateId: string): Promise<number>;
  /** Deletes every application of the candidate (recording each) and returns how many. */
  removeForCandidate(actorId: string, candidateId: string): Promise<number>;
}

/** What deleting a candidate needs from the résumés feature. */
export interface CandidateResumes {
  /** Deletes every résumé of the candidate with its PDF and its analyses (recording each) and returns how many. */
  removeForCandidate(actorId: string, candidateId: string): Promise<number>;
}

export interface CandidateServiceDeps {
  db: AppDatabase;
  activities: ActivityLog;
  applications: CandidateApplications;
  resumes: CandidateResumes;
  /** The application statuses and best scores the list filters by. */
  facets: CandidateListDeps['facets'];
  /** How many facet-filtered candidates are read by id rather than by the sorted query (tests set it). */
  smallFacetSet?: number;
}

export interface CandidateService {
  create(actorId: string, input: CandidateCreateBody): Promise<Candidate>;
  /** A candidate record for a newly registered candidate account (no duplicate check: the person is signing up themselves). */
  createForAccount(actorId: string, account: { name: string; email: string }): Promise<Candidate>;
  get(id: string): Promise<Candidate>;
  list(query: CandidateListQuery): Promise<CandidateListPage>;
  update(actorId: string, id: string, changes: CandidateUpdateBody): Promise<Candidate>;
  /**
   * Refuses (409) while the candidate has applications, unless `force`, which deletes them too.
   * The candidate's résumés (PDFs and analyses included) always go with them.
   */
  remove(actorId: string, id: string, options: { force: boolean }): Promise<{ applicationsDeleted: number; resumesDeleted: number }>;
  /** The candidate who is likely the same person: any of the e-mails (caseless) or phone numbers (digits). */
  findLikelyDuplicate(contact: { emails: readonly string[]; phones: readonly string[] }): Promise<Candidate | undefined>;
  /**
   * The candidate a parsed résumé describes: a likely duplicate is linked (only its empty fields
   * filled from `fields`), otherwise a new candidate is created. `into` names the candidate to fill
   * when the résumé already belongs to one.
   */
  upsertFromProfile(actorId: string, fields: CandidateCreateBody, into?: string): Promise<{ candidate: Candidate; created: boolean }>;
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

/** What `fields` adds to `existing` without overwriting anything a recruiter entered. */
function emptyFieldsFilled(existing: Candidate, fields: CandidateCreateBody): CandidateUpdateBody {
  const changes: CandidateUpdateBody = {};
  const missing = <T>(current: readonly T[], incoming: readonly T[] = [], key: (v: T) => string) => {
    const known = new Set(current.map(key));
    return incoming.filter((v) => !known.has(key(v)));
  };
  const emails = missing(existing.emails, fields.emails, caseless);
  if (emails.length > 0) changes.emails = [...existing.emails, ...emails].slice(0, 20);
  const phones = missing(existing.phones, fields.phones, phoneDigits);
  if (phones.length > 0) changes.phones = [...existing.phones, ...phones].slice(0, 20);
  const links = missing(existing.links, fields.links, (l) => l.url.toLowerCase());
  if (links.length > 0) changes.links = [...existing.links, ...links].slice(0, 50);
  const skills = missing(existing.skills, fields.skills, caseless);
  if (skills.length > 0) changes.skills = [...existing.skills, ...skills].slice(0, 500);
  if (!existing.location && fields.location) changes.location = fields.location;
  if (existing.yearsOfExperience === undefined && fields.yearsOfExperience !== undefined) changes.yearsOfExperience = fields.yearsOfExperience;
  return changes;
}

/** A patch that changes the phones also sets the primaryPhone derived from them. */
function withPrimaryPhone<T extends CandidateUpdateBody>(changes: T): T & { primaryPhone?: string } {
  return changes.phones ? { ...changes, primaryPhone: primaryPhoneOf(changes.phones) } : changes;
}

/** " and 2 application(s) and 1 résumé(s)": what a candidate's deletion took with it. */
function deletedAlso(applications: number, resumes: number): string {
  const parts = [applications ? `${applications} application(s)` : '', resumes ? `${resumes} résumé(s)` : ''].filter(Boolean);
  return parts.length > 0 ? ` and ${parts.join(' and ')}` : '';
}

export function createCandidateService({ db, activities, applications, resumes, facets, smallFacetSet }: CandidateServiceDeps): CandidateService {
  const listCandidates = createCandidateLister({ db, facets, ...(smallFacetSet === undefined ? {} : { smallFacetSet }) });
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
          primaryPhone: primaryPhoneOf(body.phones ?? []),
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

  async function findLikelyDuplicate({ emails, phones }: { emails: readonly string[]; phones: readonly string[] }) {
    const lowered = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
    if (lowered.length > 0) {
      const byPrimary = await db.candidates.findOne({ selector: { primaryEmail: { $in: lowered } } }).exec();
      if (byPrimary) return byPrimary.toMutableJSON();
    }
    // Like e-mails, each incoming number is compared with every candidate's primary one, through
    // the primaryPhone index: one index lookup per number, whatever the number of candidates.
    const digits = new Set(phones.map(phoneDigits).filter((d) => d.length >= MIN_PHONE_DIGITS));
    for (const primaryPhone of digits) {
      const byPhone = await db.candidates.findOne({ selector: { primaryPhone } }).exec();
      if (byPhone) return byPhone.toMutableJSON();
    }
    return undefined;
  }

  async function fillEmptyFields(actorId: string, existing: Candidate, fields: CandidateCreateBody): Promise<Candidate> {
    const changes = emptyFieldsFilled(existing, fields);
    if (Object.keys(changes).length === 0) return existing;
    const updated = await (await findDocument(existing.id)).incrementalPatch(withPrimaryPhone(changes));
    await activities.record({
      actorId,
      action: 'candidate.updated',
      subjectType: 'candidate',
      subjectId: existing.id,
      summary: `Filled ${existing.name}'s empty fields from a résumé`,
      details: { fields: Object.keys(changes).sort() },
    });
    return updated.toMutableJSON();
  }

  return {
    create: (actorId, input) => insert(actorId, input, true),

    findLikelyDuplicate,

    async upsertFromProfile(actorId, input, into) {
      const fields = normalized(input);
      if (into) return { candidate: await fillEmptyFields(actorId, (await findDocument(into)).toMutableJSON(), fields), created: false };
      // One at a time per e-mail, so two résumés of one person parsed at once make one candidate
      // (a key of its own: `insert` takes the plain e-mail key itself).
      return byEmail(`profile:${primaryEmailOf(fields.emails ?? [])}`, async () => {
        const existing = await findLikelyDuplicate({ emails: fields.emails ?? [], phones: fields.phones ?? [] });
        if (existing) return { candidate: await fillEmptyFields(actorId, existing, fields), created: false };
        return { candidate: await insert(actorId, fields, false), created: true };
      });
    },

    createForAccount: (actorId, { name, email }) => insert(actorId, { name, emails: [email], source: 'self-registered' }, false),

    async get(id) {
      return (await findDocument(id)).toMutableJSON();
    },

    list: listCandidates,

    async update(actorId, id, input) {
      const changes = normalized(input);
      const doc = await findDocument(id);
      const primaryEmail = changes.emails ? primaryEmailOf(changes.emails) : doc.primaryEmail;
      return byEmail(primaryEmail, async () => {
        if (primaryEmail !== doc.primaryEmail) await assertEmailFree(primaryEmail, id);
        const updated = await doc.incrementalPatch(withPrimaryPhone({ ...changes, ...(changes.emails ? { primaryEmail } : {}) }));
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
      // Before the record: a failure half-way leaves the candidate to delete again, not an orphaned PDF.
      const resumesDeleted = await resumes.removeForCandidate(actorId, id);
      await doc.getLatest().remove();
      await activities.record({
        actorId,
        action: 'candidate.deleted',
        subjectType: 'candidate',
        subjectId: id,
        summary: `Deleted candidate ${doc.name}${deletedAlso(applicationsDeleted, resumesDeleted)}`,
        details: { applicationsDeleted, resumesDeleted, ...(doc.primaryEmail ? { primaryEmail: doc.primaryEmail } : {}) },
      });
      return { applicationsDeleted, resumesDeleted };
    },
  };
}
