// One analysis of a résumé: its status (queued, running, failed with the error), and when completed
// the score bars, the job match (matched and missing skills, verdict), strengths and concerns with
// their evidence quotes, and who answered at what cost (or that the result came from the cache).
import type { AnalysisOut } from '../../../../shared/api/analysis';
import type { EvidencedPoint } from '../../../../shared/schemas/analysis';
import { formatCost } from '../../app/format-cost';
import { VERDICT_LABELS } from '../../app/verdict-labels';
import { ScoreBars } from '../../components/ScoreBars';


function Points({ title, points }: { title: string; points: readonly EvidencedPoint[] }) {
  return (
    <div>
      <h4>{title}</h4>
      {points.length === 0 ? (
        <p className="muted">None noted.</p>
      ) : (
        <ul className="evidence-list">
          {points.map((p, i) => (
            <li key={i}>
              {p.point}
              {p.evidence && <blockquote className="evidence">“{p.evidence}”</blockquote>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SkillChips({ label, skills, kind }: { label: string; skills: readonly string[]; kind: 'matched' | 'missing' | 'plain' }) {
  if (skills.length === 0) return <p className="muted">{label}: none.</p>;
  return (
    <div className="skill-group">
      <span className="skill-group-label">{label}</span>
      <ul className="chips" aria-label={label}>
        {skills.map((s) => <li key={s} className={`chip chip-${kind}`}>{s}</li>)}
      </ul>
    </div>
  );
}

export function AnalysisCard({ analysis, against, cached }: { analysis: AnalysisOut; against: string; cached: boolean }) {
  const a = analysis;
  // The record says whether its result was copied; `cached` is what the request was answered with.
  const fromCache = cached || a.cached;
  const result = a.result;
  const match = result?.jobMatch;
  return (
    <article className="analysis-card" data-analysis-id={a.id} data-status={a.status} aria-label={`Analysis against ${against}, ${a.status}`}>
      <header className="analysis-head">
        <h3>{against}</h3>
        <span className={`badge badge-analysis-${a.status}`}>{a.status}</span>
        {match && <span className={`badge badge-verdict-${match.verdict}`}>{VERDICT_LABELS[match.verdict]} · {Math.round(match.compatibility)}</span>}
        {a.blind && <span className="badge" title="Personal details were removed before the text left the machine">blind</span>}
        {fromCache && <span className="badge" title="An identical analysis already existed: nothing new ran or was billed">cached</span>}
      </header>
      <p className="muted analysis-meta">
        {a.provider}
        {a.model ? ` · ${a.model}` : ''}
        {a.requestedProvider && a.requestedProvider !== a.provider ? ` (asked for ${a.requestedProvider})` : ''}
        {/* A cache hit costs nothing: its result's cost was paid by the analysis it came from. */}
        {fromCache ? ' · from cache' : a.usage ? ` · ${formatCost(a.usage.costUsd)} · ${(a.usage.inputTokens + a.usage.outputTokens).toLocaleString()} tokens` : ''}
        {' · '}
        <time dateTime={new Date(a.createdAt).toISOString()}>{new Date(a.createdAt).toLocaleString()}</time>
      </p>
      {(a.status === 'queued' || a.status === 'running') && (
        <p className="state-loading analysis-pending" role="status">
          <span className="spinner" aria-hidden="true" />
          {a.status === 'queued' ? 'Waiting to start…' : 'Analysing…'}
        </p>
      )}
      {a.status === 'failed' && (
        <div className="form-error" role="alert">
          The analysis failed{a.error ? `: ${a.error.message} (${a.error.code})` : '.'}
          {a.rawReply && (
            <details>
              <summary>The provider’s reply</summary>
              <pre className="raw-reply">{a.rawReply}</pre>
            </details>
          )}
        </div>
      )}
      {result && (
        <div className="analysis-body">
          <div>
            <ScoreBars
              label="Scores"
              scores={[
                { label: 'Technical', value: result.scores.technical },
                { label: 'Soft skills', value: result.scores.soft },
                { label: 'Experience', value: result.scores.experience },
                { label: 'Education', value: result.scores.education },
                { label: 'Overall', value: result.scores.overall },
              ]}
            />
            <Points title="Strengths" points={result.strengths} />
          </div>
          <div>
            {(match?.summary || result.summary) && <p className="pre-wrap">{match?.summary || result.summary}</p>}
            <p className="muted">{result.yearsOfExperience} years of experience · education: {result.educationLevel}</p>
            {match ? (
              <>
                <SkillChips label="Matched required skills" skills={match.matchedRequiredSkills} kind="matched" />
                <SkillChips label="Missing required skills" skills={match.missingRequiredSkills} kind="missing" />
                <SkillChips label="Matched nice-to-haves" skills={match.matchedNiceToHaveSkills} kind="matched" />
              </>
            ) : (
              <SkillChips label="Skills" skills={result.skills} kind="plain" />
            )}
            <Points title="Concerns" points={result.concerns} />
          </div>
        </div>
      )}
    </article>
  );
}
