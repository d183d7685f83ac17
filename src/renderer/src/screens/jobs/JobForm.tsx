// The create / edit form of a job, in a dialog. Validation messages appear by the field the API
// names; the few rules the form can check itself (title, salary range) are checked before sending.
import { useState, type FormEvent } from 'react';
import type { JobCreateBody, JobOut } from '../../../../shared/api/jobs';
import { Button } from '../../components/Button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { useFormSubmit } from '../../app/form-errors';

const FIELDS = ['title', 'company', 'location', 'description', 'requiredSkills', 'niceToHaveSkills', 'salaryMin', 'salaryMax', 'salaryCurrency', 'tags', 'status', 'remote'] as const;

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

interface Draft {
  title: string;
  company: string;
  location: string;
  description: string;
  requiredSkills: string;
  niceToHaveSkills: string;
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  tags: string;
  status: 'open' | 'closed';
  remote: boolean;
}

function draftOf(job: JobOut | null): Draft {
  return {
    title: job?.title ?? '',
    company: job?.company ?? '',
    location: job?.location ?? '',
    description: job?.description ?? '',
    requiredSkills: job?.requiredSkills.join(', ') ?? '',
    niceToHaveSkills: job?.niceToHaveSkills.join(', ') ?? '',
    salaryMin: job?.salaryMin !== undefined ? String(job.salaryMin) : '',
    salaryMax: job?.salaryMax !== undefined ? String(job.salaryMax) : '',
    salaryCurrency: job?.salaryCurrency ?? '',
    tags: job?.tags?.join(', ') ?? '',
    status: job?.status ?? 'open',
    remote: job?.remote ?? false,
  };
}

export function JobForm({ job, onSave, onClose }: { job: JobOut | null; onSave: (body: JobCreateBody) => Promise<void>; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(job));
  const { errors, setErrors, busy, run } = useFormSubmit(FIELDS);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: Exclude<keyof Draft, 'remote' | 'status'>) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    error: errors.byField[key],
  });

  function localErrors(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!draft.title.trim()) found.title = 'A job needs a title.';
    const min = draft.salaryMin ? Number(draft.salaryMin) : undefined;
    const max = draft.salaryMax ? Number(draft.salaryMax) : undefined;
    if (min !== undefined && (!Number.isFinite(min) || min < 0)) found.salaryMin = 'Enter a number of 0 or more.';
    if (max !== undefined && (!Number.isFinite(max) || max < 0)) found.salaryMax = 'Enter a number of 0 or more.';
    if (min !== undefined && max !== undefined && min > max) found.salaryMax = 'The maximum salary is below the minimum.';
    if (draft.salaryCurrency && !/^[A-Z]{3}$/.test(draft.salaryCurrency.trim())) found.salaryCurrency = 'Three capital letters, e.g. EUR.';
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = localErrors();
    if (Object.keys(found).length > 0) {
      setErrors({ byField: found, general: null });
      return;
    }
    const body: JobCreateBody = {
      title: draft.title.trim(),
      company: draft.company.trim(),
      location: draft.location.trim(),
      description: draft.description,
      requiredSkills: list(draft.requiredSkills),
      niceToHaveSkills: list(draft.niceToHaveSkills),
      tags: list(draft.tags),
      status: draft.status,
      remote: draft.remote,
      ...(draft.salaryMin ? { salaryMin: Number(draft.salaryMin) } : {}),
      ...(draft.salaryMax ? { salaryMax: Number(draft.salaryMax) } : {}),
      ...(draft.salaryCurrency.trim() ? { salaryCurrency: draft.salaryCurrency.trim() } : {}),
    };
    const saved = await run(() => onSave(body));
    if (saved) onClose();
  }

  return (
    <Dialog
      title={job ? `Edit “${job.title}”` : 'New job'}
      onClose={onClose}
      wide
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="job-form" variant="primary" busy={busy}>
            {job ? 'Save changes' : 'Create job'}
          </Button>
        </>
      }
    >
      <form id="job-form" className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        {errors.general && (
          <p className="form-error span-2" role="alert">
            {errors.general}
          </p>
        )}
        <TextField label="Title" required data-autofocus className="span-2" {...text('title')} />
        <TextField label="Company" {...text('company')} />
        <TextField label="Location" {...text('location')} />
        <TextAreaField label="Description" rows={6} className="span-2" {...text('description')} />
        <TextField label="Required skills" hint="Separated by commas." {...text('requiredSkills')} />
        <TextField label="Nice-to-have skills" hint="Separated by commas." {...text('niceToHaveSkills')} />
        <TextField label="Minimum salary" inputMode="numeric" {...text('salaryMin')} />
        <TextField label="Maximum salary" inputMode="numeric" {...text('salaryMax')} />
        <TextField label="Currency" hint="ISO code, e.g. EUR." maxLength={3} {...text('salaryCurrency')} />
        <TextField label="Tags" hint="Your own labels, separated by commas." {...text('tags')} />
        <SelectField
          label="Status"
          value={draft.status}
          onChange={(e) => set('status', e.target.value === 'closed' ? 'closed' : 'open')}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'closed', label: 'Closed' },
          ]}
          error={errors.byField.status}
        />
        <CheckboxField label="Remote" checked={draft.remote} onChange={(e) => set('remote', e.target.checked)} />
      </form>
    </Dialog>
  );
}
