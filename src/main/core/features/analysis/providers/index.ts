// The providers' public surface for the analysis service: build a provider, ask it for validated
// JSON, price the tokens, and build the versioned prompt.
export { createProvider } from './create-provider.js';
export {
  DEFAULT_BASE_URLS,
  DEFAULT_MODELS,
  LLM_PROVIDER_NAMES,
  ProviderError,
  type LlmProvider,
  type LlmProviderName,
  type ProviderErrorKind,
  type ProviderOptions,
  type ProviderReply,
  type StructuredRequest,
  type TokenUsage,
} from './provider.js';
export {
  InvalidReplyError,
  requestStructured,
  type StructuredRequestOptions,
  type StructuredResult,
} from './structured-request.js';
export { DEFAULT_RETRY_POLICY, sleepOn, type RetryPolicy, type Sleep } from './retry-policy.js';
export { PRICES_CHECKED, estimateCost, type CostEstimate } from './pricing.js';
export {
  JobAnalysisSchema,
  PROMPT_VERSION,
  ResumeOnlyAnalysisSchema,
  buildAnalysisPrompt,
  type AnalysisJob,
  type AnalysisPrompt,
  type AnalysisPromptInput,
} from './prompt.js';
