// Candidates: search and filters over a virtualised list (only the rows in view are rendered and
// fetched), so ten thousand candidates scroll like thirty.
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { VirtualList } from '../../components/VirtualList';
import { Screen } from '../../app/Screen';
import { hrefOf, navigate } from '../../app/router';
import { useStores } from '../../app/stores-context';
import type { CandidateFilters } from '../../stores/candidates';
import { APPLICATION_STATUSES } from '../../../../shared/schemas/application';
import { STATUS_LABELS } from '../job/status-labels';
import { checkScoreRange, type ScoreRangeText } from './score-range';
import { ImportDialog } from './ImportDialog';
import { NewCandidateDialog } from './NewCandidateDialog';

const ROW_HEIGHT = 44;
const DEBOUNCE_MS = 250;

type TextFilter = 'q' | 'skill' | 'tag' | 'source';

const STATUS_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'none', label: 'No application' },
  ...APPLICATION_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
];

export function CandidatesScreen() {
  const { candidates } = useStores();
  const rows = useStore(candidates, (s) => s.rows);
  const total = useStore(candidates, (s) => s.total);
  const status = useStore(candidates, (s) => s.status);
  const error = useStore(candidates, (s) => s.error);
  const filters = useStore(candidates, (s) => s.filters);
  const [text, setText] = useState<Record<TextFilter, string>>({ q: filters.q ?? '', skill: filters.skill ?? '', tag: filters.tag ?? '', source: filters.source ?? '' });
  const [score, setScore] = useState<ScoreRangeText>({ min: filters.min_score?.toString() ?? '', max: filters.max_score?.toString() ?? '' });
  const range = checkScoreRange(score);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void candidates.getState().reload();
  }, [candidates]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const current = candidates.getState().filters;
      const next: Partial<CandidateFilters> = {};
      let changed = false;
      for (const key of ['q', 'skill', 'tag', 'source'] as const) {
        const value = text[key].trim() || undefined;
        if (value !== current[key]) {
          next[key] = value;
          changed = true;
        }
      }
      // An invalid range sends nothing: the list keeps the last valid one while the field says why.
      const scores = checkScoreRange(score).filters;
      for (const key of ['min_score', 'max_score'] as const) {
        if (scores && scores[key] !== current[key]) {
          next[key] = scores[key];
          changed = true;
        }
      }
      if (changed) candidates.getState().setFilters(next);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, score, candidates]);

  const onRange = useCallback((from: number, to: number) => candidates.getState().ensureRows(from, to), [candidates]);
  const setTextFilter = (key: TextFilter) => (e: { target: { value: string } }) => setText((t) => ({ ...t, [key]: e.target.value }));
  const setScoreBound = (key: keyof ScoreRangeText) => (e: { target: { value: string } }) => setScore((r) => ({ ...r, [key]: e.target.value }));
  const filtered = Boolean(filters.q || filters.skill || filters.tag || filters.source || filters.status) || filters.min_score !== undefined || filters.max_score !== undefined;

  let body;
  if (status === 'error' && rows.size === 0) body = <ErrorState message={error ?? ''} onRetry={() => void candidates.getState().reload()} />;
  else if (status !== 'ready' && rows.size === 0) body = <Loading label="Loading candidates…" />;
  else if (total === 0 && filtered) body = <EmptyState title="No candidate matches these filters"><p>Try another spelling or clear a filter.</p></EmptyState>;
  else if (total === 0)
    body = (
      <EmptyState title="No candidates yet" action={<Button variant="primary" onClick={() => setImporting(true)}>Import résumés</Button>}>
        <p>Import résumés (PDF) to create candidates from them, or add one by hand.</p>
      </EmptyState>
    );
  else
    body = (
      <VirtualList
        label="Candidates"
        count={total}
        rowHeight={ROW_HEIGHT}
        onRange={onRange}
        onActivate={(index) => {
          const row = rows.get(index);
          if (row) navigate({ name: 'candidate', id: row.id });
        }}
        header={
          <div role="row" className="vrow-header cand-grid">
            <span role="columnheader">Name</span>
            <span role="columnheader">E-mail</span>
            <span role="columnheader">Skills</span>
            <span role="columnheader">Applications</span>
            <span role="columnheader">Best score</span>
            <span role="columnheader">Source</span>
            <span role="columnheader">Added</span>
          </div>
        }
        renderRow={(index) => {
          const c = rows.get(index);
          if (!c)
            return (
              <div className="cand-grid placeholder-row">
                <span role="gridcell">Loading…</span>
              </div>
            );
          return (
            <div className="cand-grid">
              <span role="gridcell">
                <a href={hrefOf({ name: 'candidate', id: c.id })} tabIndex={-1}>{c.name}</a>
              </span>
              <span role="gridcell">{c.primaryEmail || '—'}</span>
              <span role="gridcell" className="ellipsis">{c.skills.slice(0, 5).join(', ') || '—'}</span>
              <span role="gridcell" className="ellipsis">{c.applicationStatuses.map((s) => STATUS_LABELS[s]).join(', ') || '—'}</span>
              <span role="gridcell">{c.bestScore === undefined ? '—' : Math.round(c.bestScore)}</span>
              <span role="gridcell">{c.source || '—'}</span>
              <span role="gridcell">{new Date(c.createdAt).toLocaleDateString()}</span>
            </div>
          );
        }}
      />
    );

  return (
    <Screen
      name="candidates"
      title="Candidates"
      actions={
        <>
          <Button variant="primary" onClick={() => setImporting(true)}>Import résumés</Button>
          <Button onClick={() => setCreating(true)}>New candidate</Button>
        </>
      }
    >
      <form className="filters" role="search" aria-label="Filter candidates" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Search candidates" type="search" placeholder="Name or e-mail" value={text.q} onChange={setTextFilter('q')} />
        <TextField label="Filter by skill" value={text.skill} onChange={setTextFilter('skill')} />
        <TextField label="Filter by tag" value={text.tag} onChange={setTextFilter('tag')} />
        <TextField label="Filter by source" value={text.source} onChange={setTextFilter('source')} />
        <SelectField
          label="Status"
          value={filters.status ?? ''}
          onChange={(e) => candidates.getState().setFilters({ status: (e.target.value || undefined) as CandidateFilters['status'] })}
          options={STATUS_OPTIONS}
        />
        <TextField label="Score from" type="number" inputMode="decimal" min={0} max={100} value={score.min} error={range.errors.min} onChange={setScoreBound('min')} />
        <TextField label="Score to" type="number" inputMode="decimal" min={0} max={100} value={score.max} error={range.errors.max} onChange={setScoreBound('max')} />
        <SelectField
          label="Sort by"
          value={`${filters.sort ?? 'name'}:${filters.order ?? 'asc'}`}
          onChange={(e) => {
            const [sort, order] = e.target.value.split(':') as [CandidateFilters['sort'], CandidateFilters['order']];
            candidates.getState().setFilters({ sort, order });
          }}
          options={[
            { value: 'name:asc', label: 'Name A–Z' },
            { value: 'name:desc', label: 'Name Z–A' },
            { value: 'createdAt:desc', label: 'Newest first' },
            { value: 'createdAt:asc', label: 'Oldest first' },
            { value: 'updatedAt:desc', label: 'Recently updated' },
            { value: 'bestScore:desc', label: 'Best score first' },
          ]}
        />
      </form>
      <p className="muted" aria-live="polite">{status === 'ready' ? `${total.toLocaleString()} ${total === 1 ? 'candidate' : 'candidates'}` : ''}</p>
      {body}
      {creating && <NewCandidateDialog onClose={() => setCreating(false)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </Screen>
  );
}
