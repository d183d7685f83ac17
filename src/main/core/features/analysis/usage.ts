// Tokens and estimated cost summed per provider and per provider and model, for the admin's usage
// summary. Every analysis with recorded usage counts (failed ones too: invalid replies are billed).
import type { ProviderUsage, UsageRow, UsageSummary } from '../../../../shared/api/analysis.js';
import type { Analysis, AnalysisProvider } from '../../../../shared/schemas/analysis.js';

interface Figures {
  analyses: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

const zero = (): Figures => ({ analyses: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 });

function add(into: Figures, usage: NonNullable<Analysis['usage']>): void {
  into.analyses++;
  into.input_tokens += usage.inputTokens;
  into.output_tokens += usage.outputTokens;
  into.cost_usd += usage.costUsd;
}

/** Cost in dollars to a millionth, so sums of many small estimates do not show float noise. */
const rounded = <T extends Figures>(row: T): T => ({ ...row, cost_usd: Math.round(row.cost_usd * 1e6) / 1e6 });
const byCost = (a: Figures & { provider: string; model?: string }, b: Figures & { provider: string; model?: string }) =>
  b.cost_usd - a.cost_usd || b.input_tokens + b.output_tokens - (a.input_tokens + a.output_tokens) || `${a.provider}/${a.model ?? ''}`.localeCompare(`${b.provider}/${b.model ?? ''}`);

export function summariseUsage(analyses: readonly Analysis[], range: { from?: number; to?: number } = {}): UsageSummary {
  const providers = new Map<AnalysisProvider, Figures>();
  const models = new Map<string, { provider: AnalysisProvider; model: string; figures: Figures }>();
  const total = zero();
  for (const analysis of analyses) {
    if (!analysis.usage) continue;
    const perProvider = providers.get(analysis.provider) ?? zero();
    providers.set(analysis.provider, perProvider);
    const modelKey = JSON.stringify([analysis.provider, analysis.model]);
    const perModel = models.get(modelKey) ?? { provider: analysis.provider, model: analysis.model, figures: zero() };
    models.set(modelKey, perModel);
    add(perProvider, analysis.usage);
    add(perModel.figures, analysis.usage);
    add(total, analysis.usage);
  }
  const providerRows: ProviderUsage[] = [...providers].map(([provider, figures]) => rounded({ provider, ...figures }));
  const modelRows: UsageRow[] = [...models.values()].map(({ provider, model, figures }) => rounded({ provider, model, ...figures }));
  return {
    ...(range.from === undefined ? {} : { from: range.from }),
    ...(range.to === undefined ? {} : { to: range.to }),
    providers: providerRows.sort(byCost),
    models: modelRows.sort(byCost),
    total: rounded(total),
  };
}
