// Request and response shapes of the analysis API (seed 5.3 and issue 5): analyse a résumé, read its
// analyses, rank a job's applicants, and the token and cost summary. Built from the analyses schema.
import { Type, type Static } from 'typebox';
import { Count, EpochMs, Id, Score, StringList, Text } from '../schemas/base.js';
import { AnalysisProviderSchema, AnalysisSchema, FitVerdictSchema } from '../schemas/analysis.js';

export const RANK_RESUMES_MAX = 5_000;

export const AnalyzeParams = Type.Object({ resume_id: Id() }, { additionalProperties: false });
export type AnalyzeParams = Static<typeof AnalyzeParams>;

export const AnalyzeBody = Type.Object(
  {
    job_id: Type.Optional(Id({ description: 'A job to match the résumé against.' })),
    job_description: Type.Optional(Text(50_000, { minLength: 1, description: 'An ad-hoc job description, instead of job_id.' })),
    provider: Type.Optional(AnalysisProviderSchema),
  },
  { additionalProperties: false },
);
export type AnalyzeBody = Static<typeof AnalyzeBody>;

export const AnalyzeAccepted = Type.Object(
  {
    task_id: Id(),
    analysis_id: Id(),
    cached: Type.Boolean({
      description:
        'True when an identical completed analysis by the first provider of the chain exists: the new analysis copies its result (cachedFrom), no provider is called and nothing is billed.',
    }),
    cached_from: Type.Optional(Id({ description: 'The analysis whose result is reused, when cached.' })),
  },
  { additionalProperties: false },
);
export type AnalyzeAccepted = Static<typeof AnalyzeAccepted>;

/** An analysis as stored, plus `cached`: whether its result was copied from another (`cachedFrom`). */
export const AnalysisOut = Type.Object(
  { ...AnalysisSchema.properties, cached: Type.Boolean({ description: 'The result was reused from the analysis `cachedFrom`: nothing ran, nothing was billed.' }) },
  { additionalProperties: false, description: 'One analysis of a résumé, optionally against a job.' },
);
export type AnalysisOut = Static<typeof AnalysisOut>;

export const AnalysisList = Type.Object(
  { items: Type.Array(AnalysisOut, { description: 'Newest first.' }), total: Count() },
  { additionalProperties: false },
);
export type AnalysisList = Static<typeof AnalysisList>;

export const JobParams = Type.Object({ job_id: Id() }, { additionalProperties: false });
export type JobParams = Static<typeof JobParams>;

export const RankBody = Type.Object(
  {
    resume_ids: Type.Optional(
      Type.Array(Id(), { minItems: 1, maxItems: RANK_RESUMES_MAX, uniqueItems: true, description: 'Rank these résumés instead of the applicants.' }),
    ),
    provider: Type.Optional(AnalysisProviderSchema),
  },
  { additionalProperties: false },
);
export type RankBody = Static<typeof RankBody>;

export const RankAccepted = Type.Object({ task_id: Id() }, { additionalProperties: false });
export type RankAccepted = Static<typeof RankAccepted>;

export const RankingEntry = Type.Object(
  {
    resume_id: Id(),
    candidate_id: Type.String({ description: "Empty when the résumé is linked to no candidate." }),
    candidate_name: Text(200, { description: 'Empty when the candidate record does not exist.' }),
    compatibility: Score(),
    overall: Score(),
    verdict: FitVerdictSchema,
    matched_required_skills: StringList(100, 200),
    missing_required_skills: StringList(100, 200),
    matched_nice_to_have_skills: StringList(100, 200),
    provider: AnalysisProviderSchema,
    model: Text(128),
    analysis_id: Id(),
    cached: Type.Boolean({ description: 'The analysis reused the result of an identical earlier one (no provider call, no cost).' }),
    analyzed_at: EpochMs(),
  },
  { additionalProperties: false },
);
export type RankingEntry = Static<typeof RankingEntry>;

export const Ranking = Type.Object(
  {
    job_id: Id(),
    items: Type.Array(RankingEntry, { description: 'Compatibility descending, then overall descending, then résumé id.' }),
    total: Count(),
  },
  { additionalProperties: false },
);
export type Ranking = Static<typeof Ranking>;

export const UsageQuery = Type.Object(
  {
    from: Type.Optional(EpochMs({ description: 'Analyses created at or after this time (epoch ms).' })),
    to: Type.Optional(EpochMs({ description: 'Analyses created before this time (epoch ms).' })),
  },
  { additionalProperties: false },
);
export type UsageQuery = Static<typeof UsageQuery>;

const UsageFigures = {
  analyses: Count({ description: 'Analyses with recorded usage (cached repeats record zero).' }),
  input_tokens: Count(),
  output_tokens: Count(),
  cost_usd: Type.Number({ minimum: 0, description: 'Estimated from the providers’ published prices.' }),
};

export const UsageRow = Type.Object({ provider: AnalysisProviderSchema, model: Text(128), ...UsageFigures }, { additionalProperties: false });
export type UsageRow = Static<typeof UsageRow>;

export const ProviderUsage = Type.Object({ provider: AnalysisProviderSchema, ...UsageFigures }, { additionalProperties: false });
export type ProviderUsage = Static<typeof ProviderUsage>;

export const UsageSummary = Type.Object(
  {
    from: Type.Optional(EpochMs()),
    to: Type.Optional(EpochMs()),
    providers: Type.Array(ProviderUsage, { description: 'Per provider, by cost descending.' }),
    models: Type.Array(UsageRow, { description: 'Per provider and model, by cost descending.' }),
    total: Type.Object(UsageFigures, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type UsageSummary = Static<typeof UsageSummary>;
