// The editable fields of a job as the service stores them: defaults for what a create leaves out,
// tidied text and lists, and the rules a schema cannot state (salary range, currency code).
import type { JobCreateBody, JobEditableField, JobPatchBody } from '../../../../shared/api/jobs.js';
import { JOB_EDITABLE_FIELDS } from '../../../../shared/api/jobs.js';
import type { Job } from '../../../../shared/schemas/job.js';
import { ValidationError } from '../../errors.js';

export type JobFields = Pick<Job, JobEditableField>;

/** ISO 4217 codes the runtime knows (Intl has the current list; "XYZ" is well-formed but not one). */
const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));

function invalid(field: string, message: string): never {
  throw new ValidationError(message, { field });
}

/** Trimmed, blank ones dropped, duplicates (ignoring case) kept once in their first spelling. */
function tidyList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const tidy: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    tidy.push(value);
  }
  return tidy;
}

function checkSalary(fields: JobFields): void {
  const { salaryMin, salaryMax, salaryCurrency } = fields;
  if (salaryMin !== undefined && salaryMax !== undefined && salaryMin > salaryMax) {
    invalid('salaryMin', `salaryMin (${salaryMin}) must not be greater than salaryMax (${salaryMax}).`);
  }
  if (salaryCurrency !== undefined && !CURRENCY_CODES.has(salaryCurrency)) {
    invalid('salaryCurrency', `salaryCurrency "${salaryCurrency}" is not an ISO 4217 currency code.`);
  }
  if ((salaryMin !== undefined || salaryMax !== undefined) && salaryCurrency === undefined) {
    invalid('salaryCurrency', 'salaryCurrency is required when a salary is given.');
  }
}

/** Tidies and checks a complete set of fields; throws ValidationError naming the first bad field. */
function finish(fields: JobFields): JobFields {
  const tidy: JobFields = {
    ...fields,
    title: fields.title.trim(),
    company: fields.company.trim(),
    location: fields.location.trim(),
    requiredSkills: tidyList(fields.requiredSkills),
    niceToHaveSkills: tidyList(fields.niceToHaveSkills),
    tags: tidyList(fields.tags),
  };
  if (!tidy.title) invalid('title', 'title must not be blank.');
  checkSalary(tidy);
  return tidy;
}

/** Drops keys whose value is undefined, so "no salary" is an absent field, as the schema wants. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The fields of a new job, or of a job replaced whole (PUT): what the body leaves out takes its default. */
export function fieldsFromBody(body: JobCreateBody): JobFields {
  return finish(
    withoutUndefined({
      description: '',
      requiredSkills: [],
      niceToHaveSkills: [],
      company: '',
      location: '',
      remote: false,
      tags: [],
      status: 'open',
      autoAnalyze: false,
      ...body,
    }),
  );
}

/** The fields of `current` with `patch` applied (PATCH); the result is checked as a whole. */
export function fieldsWithPatch(current: Job, patch: JobPatchBody): JobFields {
  return finish(withoutUndefined({ ...editableFieldsOf(current), ...patch }));
}

export function editableFieldsOf(job: Job): JobFields {
  const fields: Partial<Record<JobEditableField, unknown>> = {};
  for (const field of JOB_EDITABLE_FIELDS) if (job[field] !== undefined) fields[field] = job[field];
  return fields as JobFields;
}

/** The fields whose value differs between two versions of a job. */
export function changedFields(before: JobFields, after: JobFields): JobEditableField[] {
  return JOB_EDITABLE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
