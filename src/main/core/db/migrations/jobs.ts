// Migrations of the `jobs` collection, with every earlier schema kept so a test can open a
// database written by it.
//
// v0 → v1: v0 had one `skills` list in which recruiters marked optional skills by hand
// ("Docker (nice to have)"); v1 splits it into `requiredSkills` and `niceToHaveSkills`, and adds
// `remote` and `autoAnalyze`.
import type { MigrationStrategies } from 'rxdb';
import { Type, type Static } from 'typebox';
import { NonEmptyText, StringList, SyncedDocument, Text } from '../../../../shared/schemas/base.js';
import { JobStatusSchema, type Job } from '../../../../shared/schemas/job.js';
import { toRxSchema } from '../../../../shared/schemas/rx-schema.js';

export const JobV0Schema = SyncedDocument({
  title: NonEmptyText(200),
  description: Text(50_000),
  skills: StringList(120, 400),
  salaryMin: Type.Optional(Type.Number({ minimum: 0 })),
  salaryMax: Type.Optional(Type.Number({ minimum: 0 })),
  salaryCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 })),
  company: Text(200),
  location: Text(120),
  tags: StringList(50, 50),
  status: JobStatusSchema,
});
export type JobV0 = Static<typeof JobV0Schema>;

export const jobRxSchemaV0 = toRxSchema(JobV0Schema, {
  version: 0,
  primaryKey: 'id',
  description: 'jobs',
  indexes: ['updatedAt', 'createdAt', ['status', 'updatedAt'], ['location', 'updatedAt']],
});

const NICE_TO_HAVE_MARK = /\s*[([]\s*(nice[\s-]*to[\s-]*have|optional|bonus|plus)\s*[)\]]\s*$/i;
const REMOTE_LOCATION = /\bremote\b/i;

/** Splits v0's skill list: a skill marked as optional becomes nice-to-have, without its mark. */
export function splitV0Skills(skills: readonly string[]): Pick<Job, 'requiredSkills' | 'niceToHaveSkills'> {
  const requiredSkills: string[] = [];
  const niceToHaveSkills: string[] = [];
  for (const raw of skills) {
    const isNice = NICE_TO_HAVE_MARK.test(raw);
    const skill = raw.replace(NICE_TO_HAVE_MARK, '').trim();
    if (!skill) continue;
    const list = isNice ? niceToHaveSkills : requiredSkills;
    if (!requiredSkills.includes(skill) && !niceToHaveSkills.includes(skill)) list.push(skill);
  }
  return { requiredSkills, niceToHaveSkills };
}

/** The v1 document for a v0 one. RxDB's bookkeeping fields (`_meta`, `_rev`…) pass through. */
export function migrateJobV0ToV1(old: JobV0): Job {
  const { skills, ...rest } = old;
  return {
    ...rest,
    ...splitV0Skills(skills),
    // v0 listings put "Remote" in the location for remote jobs.
    remote: REMOTE_LOCATION.test(old.location),
    autoAnalyze: false,
  };
}

export const jobMigrationStrategies: MigrationStrategies = {
  1: (old: JobV0) => migrateJobV0ToV1(old),
};
