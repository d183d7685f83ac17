// "Analyse": against one of the open jobs, an ad-hoc job description, or nothing (a general
// assessment), with the provider of the settings unless another is chosen.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { AnalyzeAccepted, AnalyzeBody } from '../../../../shared/api/analysis';
import type { AnalysisProvider } from '../../../../shared/schemas/analysis';
import { ANALYSIS_PROVIDERS } from '../../app/contract';
import { useFormSubmit } from '../../app/form-errors';
import { useStores } from '../../app/stores-context';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField } from '../../components/Field';

const FIELDS = ['job_id', 'job_description', 'provider'] as const;
const NO_JOB = '';
const AD_HOC = '__ad_hoc__';
const DEFAULT = '';

export function AnalyseDialog({ resumeId, fileName, onClose, onQueued }: { resumeId: string; fileName: string; onClose: () => void; onQueued: (accepted: AnalyzeAccepted) => void }) {
  const { analysis, aiSettings } = useStores();
  const jobs = useStore(analysis, (s) => s.jobs);
  const settings = useStore(aiSettings, (s) => s.settings);
  const [target, setTarget] = useState(NO_JOB);
  const [description, setDescription] = useState('');
  const [provider, setProvider] = useState<AnalysisProvider | typeof DEFAULT>(DEFAULT);
  const { errors, busy, run } = useFormSubmit(FIELDS);

  useEffect(() => {
    void analysis.getState().loadJobs();
    if (!aiSettings.getState().settings) void aiSettings.getState().load();
  }, [analysis, aiSettings]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: AnalyzeBody = {
      ...(target === AD_HOC ? { job_description: description } : target !== NO_JOB ? { job_id: target } : {}),
      ...(provider !== DEFAULT ? { provider } : {}),
    };
    let accepted: AnalyzeAccepted | undefined;
    const done = await run(async () => {
      accepted = await analysis.getState().analyze(resumeId, body);
    });
    if (done && accepted) {
      onQueued(accepted);
      onClose();
    }
  }

  const defaultLabel = settings ? `Default (${settings.activeProvider})` : 'Default';
  return (
    <Dialog
      title={`Analyse ${fileName}`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="analyse-form" busy={busy} disabled={target === AD_HOC && description.trim() === ''}>
            Analyse
          </Button>
        </>
      }
    >
      <form id="analyse-form" onSubmit={(e) => void submit(e)} noValidate>
        {errors.general && <p className="form-error" role="alert">{errors.general}</p>}
        <SelectField
          label="Match against"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={errors.byField.job_id}
          data-autofocus
          options={[
            { value: NO_JOB, label: 'No job: a general assessment' },
            ...jobs.map((j) => ({ value: j.id, label: `Job: ${j.title}` })),
            { value: AD_HOC, label: 'A job description I paste…' },
          ]}
        />
        {target === AD_HOC && (
          <TextAreaField label="Job description" rows={8} maxLength={50_000} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.byField.job_description} hint="Required skills, nice-to-haves and the role, as in a job ad." />
        )}
        <SelectField
          label="Provider"
          value={provider}
          onChange={(e) => setProvider(e.target.value as AnalysisProvider | typeof DEFAULT)}
          error={errors.byField.provider}
          hint="The fallback chain of the settings applies when the provider does not answer."
          options={[{ value: DEFAULT, label: defaultLabel }, ...ANALYSIS_PROVIDERS.map((p) => ({ value: p, label: p === 'mock' ? 'mock (offline)' : p }))]}
        />
      </form>
    </Dialog>
  );
}
