// JSON Resume (https://jsonresume.org/schema) in and out of the app. Import makes a candidate from
// the document's basics and skills, and keeps the full profile (work, education, languages,
// certificates) as a parsed résumé of that candidate, the place profiles extracted from PDFs live;
// export rebuilds a document from the candidate plus its latest parsed résumé. The mapping is
// idempotent: exporting, importing the export elsewhere and exporting again gives the same document.
import { createHash, randomUUID } from 'node:crypto';
import type { CandidateCreateBody, CandidateUpdateBody } from '../../../../shared/api/candidates.js';
import type { JsonResume, JsonResumeImported } from '../../../../shared/api/json-resume.js';
import type { Candidate, CandidateLink } from '../../../../shared/schemas/candidate.js';
import type { ExtractedProfile } from '../../../../shared/schemas/resume-profile.js';
import type { Resume, ResumeProfile } from '../../../../shared/schemas/resume.js';
import type { AppEventBus } from '../../app-events.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';
import { ConflictError } from '../../errors.js';
import { parseResumeDate, yearsOfExperience, type DateRange } from '../resumes/profile/dates.js';
import { extractEducation, highestEducationLevel } from '../resumes/profile/education.js';
import type { CandidateService } from './service.js';

export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';
/** The `source` of candidates and the file name of résumés made by an import. */
export const JSON_RESUME_SOURCE = 'json-resume';
const IMPORTED_FILE_NAME = 'resume.json';
/** The skill category of an imported skill: JSON Resume skills carry none. */
const IMPORTED_SKILL_CATEGORY = 'imported';
const WEBSITE = 'website';

export interface JsonResumeService {
  /**
   * Creates a candidate and its parsed résumé from the document. A candidate with the same primary
   * e-mail is a 409 (details.existingId), unless `merge`, which fills only that candidate's empty
   * fields and adds the résumé to it.
   */
  importDocument(actorId: string, document: JsonResume, options: { merge: boolean }): Promise<JsonResumeImported>;
  /** @throws NotFoundError */
  exportDocument(candidateId: string): Promise<JsonResume>;
}

// ---- JSON Resume → app ----------------------------------------------------------------------

const trimmed = (value: string | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** Only the keys whose value is defined, so optional fields stay absent rather than undefined. */
function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

const nonEmpty = (values: readonly string[] | undefined): string[] => (values ?? []).map((v) => v.trim()).filter((v) => v !== '');

/** "2020-01-31" → "2020-01": the profile keeps month precision, as extraction does. */
const monthText = (date: string | undefined): string | undefined => date?.slice(0, 7);

function locationText(location: JsonResume['basics']['location']): string | undefined {
  if (!location) return undefined;
  const address = trimmed(location.address);
  if (address) return address;
  const parts = [location.city, location.region, location.countryCode].map(trimmed).filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The profile a parsed résumé stores, in the shape extraction from a PDF gives. */
export function profileFromJsonResume(document: JsonResume, now: number): ExtractedProfile {
  const { basics } = document;
  const email = trimmed(basics.email);
  const phone = trimmed(basics.phone);
  const address = locationText(basics.location);
  const work = (document.work ?? []).flatMap((entry) => {
    const startDate = monthText(entry.startDate);
    // The profile's work history is dated; an undated entry cannot be placed in it.
    if (!startDate) return [];
    return [defined({
      name: trimmed(entry.name),
      position: trimmed(entry.position),
      location: trimmed(entry.location),
      startDate,
      endDate: monthText(entry.endDate),
      highlights: nonEmpty(entry.highlights),
    })];
  });
  const education = (document.education ?? []).flatMap((entry) => {
    const studyType = trimmed(entry.studyType);
    if (!studyType) return [];
    return [defined({
      institution: trimmed(entry.institution),
      area: trimmed(entry.area),
      studyType,
      level: extractEducation([studyType])[0]?.level ?? 'none',
      startDate: monthText(entry.startDate),
      endDate: monthText(entry.endDate),
    })];
  });
  const ranges: DateRange[] = work.flatMap((entry) => {
    const start = parseResumeDate(entry.startDate);
    const end = entry.endDate === undefined ? 'present' : parseResumeDate(entry.endDate);
    return start && end ? [{ start, end, text: '' }] : [];
  });
  return {
    basics: defined({
      name: trimmed(basics.name),
      email,
      phone,
      url: trimmed(basics.url),
      summary: trimmed(basics.summary),
      location: address === undefined ? undefined : defined({ address, city: trimmed(basics.location?.city), region: trimmed(basics.location?.region) }),
      profiles: (basics.profiles ?? []).flatMap((p) => {
        const url = trimmed(p.url);
        return url ? [defined({ network: trimmed(p.network) ?? 'Other', url, username: trimmed(p.username) })] : [];
      }),
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
    }),
    work,
    education,
    skills: uniqueBy(document.skills ?? [], (s) => s.name.trim().toLowerCase()).map((skill) => ({
      name: skill.name.trim(),
      category: IMPORTED_SKILL_CATEGORY,
      keywords: nonEmpty(skill.keywords),
    })),
    languages: (document.languages ?? []).map((l) => defined({ language: l.language.trim(), fluency: trimmed(l.fluency) })),
    certificates: (document.certificates ?? []).map((c) => defined({ name: c.name.trim(), date: monthText(c.date), issuer: trimmed(c.issuer) })),
    yearsOfExperience: yearsOfExperience(ranges, new Date(now)),
    educationLevel: highestEducationLevel(education),
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The candidate fields a document gives. */
export function candidateFromJsonResume(document: JsonResume, profile: ExtractedProfile): CandidateCreateBody {
  const links: CandidateLink[] = [
    ...(profile.basics.url ? [{ kind: WEBSITE, url: profile.basics.url }] : []),
    ...profile.basics.profiles.map((p) => ({ kind: p.network.toLowerCase().slice(0, 32), url: p.url })),
  ];
  return defined({
    name: document.basics.name.trim(),
    emails: profile.basics.emails,
    phones: profile.basics.phones,
    location: profile.basics.location?.address,
    links: uniqueBy(links, (l) => l.url),
    skills: profile.skills.map((s) => s.name),
    source: JSON_RESUME_SOURCE,
    yearsOfExperience: profile.work.length > 0 ? profile.yearsOfExperience : undefined,
  });
}

/** What `merge` may change: only fields the existing candidate has left empty. */
function fillEmpty(existing: Candidate, incoming: CandidateCreateBody): CandidateUpdateBody {
  return defined({
    phones: existing.phones.length === 0 && incoming.phones?.length ? incoming.phones : undefined,
    location: existing.location === undefined ? incoming.location : undefined,
    links: existing.links.length === 0 && incoming.links?.length ? incoming.links : undefined,
    skills: existing.skills.length === 0 && incoming.skills?.length ? incoming.skills : undefined,
    yearsOfExperience: existing.yearsOfExperience === undefined ? incoming.yearsOfExperience : undefined,
  });
}

// ---- app → JSON Resume ----------------------------------------------------------------------

type Entry = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => text(v) !== undefined) : []);
const entries = (value: unknown): Entry[] =>
  Array.isArray(value) ? value.filter((v): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
const dateText = (value: unknown): string | undefined => {
  const date = text(value);
  return date !== undefined && /^[1-2][0-9]{3}(-[0-1][0-9](-[0-3][0-9])?)?$/.test(date) ? date : undefined;
};
const nonEmptyList = <T>(values: T[]): T[] | undefined => (values.length > 0 ? values : undefined);

/**
 * A JSON Resume document from a candidate and, when there is one, its latest parsed résumé's
 * profile. The candidate record wins for contact details (recruiters may have corrected them); the
 * profile supplies what a candidate record does not hold. Profiles are read defensively: they are
 * stored data of a loose shape, so anything not of the expected type is left out.
 */
export function jsonResumeFromCandidate(candidate: Candidate, profile: ResumeProfile | undefined): JsonResume {
  const basics = profile?.basics ?? {};
  const location = basics.location ?? {};
  const website = candidate.links.find((l) => l.kind === WEBSITE);
  const address = candidate.location ?? text(location.address);
  const skillEntries = entries(profile?.skills).flatMap((s) => {
    const name = text(s.name);
    return name ? [defined({ name, keywords: nonEmptyList(texts(s.keywords)) })] : [];
  });
  const known = new Set(skillEntries.map((s) => s.name.toLowerCase()));
  const skills = [...skillEntries, ...candidate.skills.filter((s) => !known.has(s.toLowerCase())).map((name) => ({ name }))];
  const work = entries(profile?.work).map((w) =>
    defined({
      name: text(w.name),
      position: text(w.position),
      location: text(w.location),
      startDate: dateText(w.startDate),
      endDate: dateText(w.endDate),
      highlights: nonEmptyList(texts(w.highlights)),
    }),
  );
  const education = entries(profile?.education).map((e) =>
    defined({ institution: text(e.institution), area: text(e.area), studyType: text(e.studyType), startDate: dateText(e.startDate), endDate: dateText(e.endDate) }),
  );
  const languages = entries(profile?.languages).flatMap((l) => {
    const language = text(l.language);
    return language ? [defined({ language, fluency: text(l.fluency) })] : [];
  });
  const certificates = entries(profile?.certificates).flatMap((c) => {
    const name = text(c.name);
    return name ? [defined({ name, date: dateText(c.date), issuer: text(c.issuer) })] : [];
  });
  return defined({
    $schema: JSON_RESUME_SCHEMA_URL,
    basics: defined({
      name: candidate.name,
      label: text(basics.label),
      email: candidate.emails[0],
      phone: candidate.phones[0],
      url: website?.url,
      summary: text(basics.summary),
      location: address === undefined ? undefined : defined({ address, city: text(location.city), region: text(location.region) }),
      profiles: nonEmptyList(candidate.links.filter((l) => l !== website).map((l) => ({ network: l.kind || 'other', url: l.url }))),
    }),
    work: nonEmptyList(work),
    education: nonEmptyList(education),
    skills: nonEmptyList(skills),
    languages: nonEmptyList(languages),
    certificates: nonEmptyList(certificates),
    meta: { version: 'v1.0.0', lastModified: new Date(candidate.updatedAt).toISOString() },
  });
}

// ---- the service ----------------------------------------------------------------------------

export interface JsonResumeServiceDeps {
  db: AppDatabase;
  clock: Clock;
  events: AppEventBus;
  candidates: CandidateService;
}

export function createJsonResumeService({ db, clock, events, candidates }: JsonResumeServiceDeps): JsonResumeService {
  async function addResume(actorId: string, candidateId: string, document: JsonResume, profile: ExtractedProfile): Promise<string> {
    const bytes = Buffer.from(JSON.stringify(document), 'utf8');
    const resume = await db.resumes.insert(
      unstamped<Resume>({
        id: randomUUID(),
        candidateId,
        uploadedBy: actorId,
        fileName: IMPORTED_FILE_NAME,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
        status: 'parsed',
        parsedAt: clock.now(),
        profile,
      }),
    );
    events.emit('resume.changed', { id: resume.id, status: resume.status, candidateId });
    return resume.id;
  }

  async function mergeInto(actorId: string, existingId: string, incoming: CandidateCreateBody): Promise<Candidate> {
    const existing = await candidates.get(existingId);
    const changes = fillEmpty(existing, incoming);
    return Object.keys(changes).length > 0 ? candidates.update(actorId, existingId, changes) : existing;
  }

  return {
    async importDocument(actorId, document, { merge }) {
      // Everything is derived before anything is written, so a document that cannot be mapped changes nothing.
      const profile = profileFromJsonResume(document, clock.now());
      const incoming = candidateFromJsonResume(document, profile);
      let candidate: Candidate;
      let merged = false;
      try {
        candidate = await candidates.create(actorId, incoming);
      } catch (error) {
        const existingId = error instanceof ConflictError ? (error.details as { existingId?: unknown } | undefined)?.existingId : undefined;
        if (!merge || typeof existingId !== 'string') throw error;
        candidate = await mergeInto(actorId, existingId, incoming);
        merged = true;
      }
      const resumeId = await addResume(actorId, candidate.id, document, profile);
      return { candidate, resumeId, merged };
    },

    async exportDocument(candidateId) {
      const candidate = await candidates.get(candidateId);
      const latest = await db.resumes
        .findOne({ selector: { candidateId, status: { $in: ['parsed', 'analyzed'] } }, sort: [{ createdAt: 'desc' }] })
        .exec();
      return jsonResumeFromCandidate(candidate, latest?.toMutableJSON().profile);
    },
  };
}
