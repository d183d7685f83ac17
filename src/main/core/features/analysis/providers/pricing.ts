// Estimated cost of a request from its token counts, from the providers' published per-million-token
// list prices (standard tier, text, prompts under 200k tokens). Prices change: update the table and
// PRICES_CHECKED together. Ollama runs locally and costs nothing.
import type { LlmProviderName, TokenUsage } from './provider.js';

/**
 * When the table was last compared with the pricing pages (ai.google.dev/gemini-api/docs/pricing,
 * openai.com/api/pricing). Written offline from the prices published as of that month; re-check
 * before relying on the figures for billing.
 */
export const PRICES_CHECKED = '2025-08';

interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Keyed by model name prefix; the longest matching prefix wins (dated snapshots share a prefix). */
const PRICES: Readonly<Record<Exclude<LlmProviderName, 'ollama'>, Readonly<Record<string, Price>>>> = {
  gemini: {
    'gemini-2.5-pro': { inputPerMillion: 1.25, outputPerMillion: 10 },
    'gemini-2.5-flash': { inputPerMillion: 0.3, outputPerMillion: 2.5 },
    'gemini-2.5-flash-lite': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
    'gemini-2.0-flash': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
    'gemini-2.0-flash-lite': { inputPerMillion: 0.075, outputPerMillion: 0.3 },
  },
  openai: {
    'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
    'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
    'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
    'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  },
};

export interface CostEstimate {
  costUsd: number;
  /** False when the model is not in the table: the cost is then reported as 0, not guessed. */
  priced: boolean;
}

export function estimateCost(provider: LlmProviderName, model: string, usage: TokenUsage): CostEstimate {
  if (provider === 'ollama') return { costUsd: 0, priced: true };
  const price = priceFor(PRICES[provider], model);
  if (!price) return { costUsd: 0, priced: false };
  const cost = (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
  // Rounded to a millionth of a dollar so sums over many analyses stay free of float dust.
  return { costUsd: Math.round(cost * 1_000_000) / 1_000_000, priced: true };
}

function priceFor(table: Readonly<Record<string, Price>>, model: string): Price | undefined {
  const name = model.replace(/^models\//, '');
  let best: string | undefined;
  for (const prefix of Object.keys(table)) {
    if ((name === prefix || name.startsWith(`${prefix}-`)) && (best === undefined || prefix.length > best.length)) {
      best = prefix;
    }
  }
  return best === undefined ? undefined : table[best];
}
