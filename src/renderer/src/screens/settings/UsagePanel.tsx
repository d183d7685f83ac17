// Analysis usage per provider (admin): analyses, tokens and the estimated cost.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ProviderUsage } from '../../../../shared/api/analysis';
import { formatCost } from '../../app/format-cost';
import { useStores } from '../../app/stores-context';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState, ErrorState, Loading } from '../../components/States';

const COLUMNS: readonly Column<ProviderUsage>[] = [
  { key: 'provider', header: 'Provider', render: (r) => r.provider },
  { key: 'analyses', header: 'Analyses', render: (r) => r.analyses.toLocaleString(), className: 'num' },
  { key: 'input', header: 'Input tokens', render: (r) => r.input_tokens.toLocaleString(), className: 'num' },
  { key: 'output', header: 'Output tokens', render: (r) => r.output_tokens.toLocaleString(), className: 'num' },
  { key: 'cost', header: 'Estimated cost', render: (r) => formatCost(r.cost_usd), className: 'num' },
];

export function UsagePanel() {
  const { aiSettings } = useStores();
  const usage = useStore(aiSettings, (s) => s.usage);
  const status = useStore(aiSettings, (s) => s.usageStatus);
  const error = useStore(aiSettings, (s) => s.usageError);

  useEffect(() => {
    void aiSettings.getState().loadUsage();
  }, [aiSettings]);

  let body;
  if (status === 'error') body = <ErrorState message={error ?? ''} onRetry={() => void aiSettings.getState().loadUsage()} />;
  else if (!usage) body = <Loading label="Loading the usage…" />;
  else if (usage.providers.length === 0) body = <EmptyState title="No analyses yet"><p>Tokens and cost per provider appear here once résumés are analysed.</p></EmptyState>;
  else
    body = (
      <>
        <DataTable caption="Analysis usage per provider" columns={COLUMNS} rows={usage.providers} rowKey={(r) => r.provider} />
        <p className="muted">
          In all: {usage.total.analyses.toLocaleString()} analyses, {(usage.total.input_tokens + usage.total.output_tokens).toLocaleString()} tokens, {formatCost(usage.total.cost_usd)}.
        </p>
      </>
    );
  return (
    <section className="panel" aria-labelledby="usage-title" data-testid="analysis-usage">
      <h2 id="usage-title">Analysis usage</h2>
      {body}
    </section>
  );
}
