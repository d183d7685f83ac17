// Request and response shapes of the AI settings API: which provider analyses by default, the
// fallback chain, blind mode, each provider's model, address, time-out and attempts, and the
// write-only secrets (API keys, mail and Zoom credentials) kept in the credential store.
import { Type, type Static } from 'typebox';
import { AnalysisProviderSchema } from '../schemas/analysis.js';
import { StringEnum } from '../schemas/base.js';

export const LLM_PROVIDERS = ['gemini', 'openai', 'ollama'] as const;

/** The secrets an admin may set through the API; the app's own keys (SECRET_KEY, SYNC_TOKEN) are not among them. */
export const SETTABLE_SECRET_NAMES = [
  'GOOGLE_API_KEY',
  'OPENAI_API_KEY',
  'MAIL_PASSWORD',
  'ZOOM_ACCOUNT_ID',
  'ZOOM_CLIENT_ID',
  'ZOOM_CLIENT_SECRET',
  'ZOOM_WEBHOOK_SECRET_TOKEN',
] as const;
export const SettableSecretNameSchema = StringEnum([...SETTABLE_SECRET_NAMES]);
export type SettableSecretName = Static<typeof SettableSecretNameSchema>;

const BaseUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^https?://', description: 'http(s) address of the provider’s API.' });
const Model = Type.String({ minLength: 1, maxLength: 128 });
const TimeoutMs = Type.Integer({ minimum: 1_000, maximum: 600_000, description: 'Per request, in ms.' });
const MaxAttempts = Type.Integer({ minimum: 1, maximum: 10, description: 'Requests per analysis for rate limits, outages and time-outs.' });

export const ProviderSettingsSchema = Type.Object(
  { model: Model, baseUrl: BaseUrl, timeoutMs: TimeoutMs, maxAttempts: MaxAttempts },
  { additionalProperties: false },
);
export type ProviderSettings = Static<typeof ProviderSettingsSchema>;

/** `auto`: the first cloud provider of the fallback chain with a key, else `mock`. */
export const DefaultProviderSchema = Type.Union([Type.Literal('auto'), AnalysisProviderSchema]);
export type DefaultProvider = Static<typeof DefaultProviderSchema>;

const FallbackChain = Type.Array(AnalysisProviderSchema, {
  maxItems: 4,
  uniqueItems: true,
  description: 'Tried in order after the requested or default provider; `mock` always goes last.',
});

export const AnalysisSettingsSchema = Type.Object(
  {
    defaultProvider: DefaultProviderSchema,
    fallbackChain: FallbackChain,
    blindMode: Type.Boolean({ description: 'Remove personal details before text goes to a cloud provider.' }),
    autoAnalyzeDefault: Type.Boolean({ description: 'Whether new jobs analyse attached résumés automatically.' }),
    providers: Type.Object(
      { gemini: ProviderSettingsSchema, openai: ProviderSettingsSchema, ollama: ProviderSettingsSchema },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type AnalysisSettings = Static<typeof AnalysisSettingsSchema>;

const ProviderSettingsPatch = Type.Partial(ProviderSettingsSchema, { additionalProperties: false });

/** A partial update: only the fields given change. */
export const AnalysisSettingsUpdate = Type.Object(
  {
    defaultProvider: Type.Optional(DefaultProviderSchema),
    fallbackChain: Type.Optional(FallbackChain),
    blindMode: Type.Optional(Type.Boolean()),
    autoAnalyzeDefault: Type.Optional(Type.Boolean()),
    providers: Type.Optional(
      Type.Object(
        { gemini: Type.Optional(ProviderSettingsPatch), openai: Type.Optional(ProviderSettingsPatch), ollama: Type.Optional(ProviderSettingsPatch) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AnalysisSettingsUpdate = Static<typeof AnalysisSettingsUpdate>;

export const AnalysisSettingsOut = Type.Object(
  {
    ...AnalysisSettingsSchema.properties,
    /** What `auto` (or the chosen default) resolves to now. */
    activeProvider: AnalysisProviderSchema,
    secrets: Type.Object(
      {
        GOOGLE_API_KEY: Type.Boolean(),
        OPENAI_API_KEY: Type.Boolean(),
        MAIL_PASSWORD: Type.Boolean(),
        ZOOM_ACCOUNT_ID: Type.Boolean(),
        ZOOM_CLIENT_ID: Type.Boolean(),
        ZOOM_CLIENT_SECRET: Type.Boolean(),
        ZOOM_WEBHOOK_SECRET_TOKEN: Type.Boolean(),
      } satisfies Record<SettableSecretName, unknown>,
      { additionalProperties: false, description: 'Whether each secret is set; values are never shown.' },
    ),
  },
  { additionalProperties: false },
);
export type AnalysisSettingsOut = Static<typeof AnalysisSettingsOut>;

export const SecretParams = Type.Object({ name: SettableSecretNameSchema }, { additionalProperties: false });
export type SecretParams = Static<typeof SecretParams>;

export const SecretBody = Type.Object({ value: Type.String({ minLength: 1, maxLength: 16_384 }) }, { additionalProperties: false });
export type SecretBody = Static<typeof SecretBody>;

export const SecretStateOut = Type.Object({ name: SettableSecretNameSchema, set: Type.Boolean() }, { additionalProperties: false });
export type SecretStateOut = Static<typeof SecretStateOut>;

export const ProviderTestBody = Type.Object({ provider: AnalysisProviderSchema }, { additionalProperties: false });
export type ProviderTestBody = Static<typeof ProviderTestBody>;

export const ProviderTestOut = Type.Object(
  {
    ok: Type.Boolean(),
    provider: AnalysisProviderSchema,
    model: Type.String(),
    latencyMs: Type.Integer({ minimum: 0 }),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type ProviderTestOut = Static<typeof ProviderTestOut>;
