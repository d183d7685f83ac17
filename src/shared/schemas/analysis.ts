// Résumé analyses (seed 2.1): scores, extracted facts and, against a job, a fit assessment.
// `AnalysisResultSchema` is also the structured-output shape the LLM providers are asked to fill.
import { Type, type Static } from 'typebox';
import { Count, EpochMs, Id, NonEmptyText, OptionalRef, Score, StringEnum, StringList, SyncedDocument, Text } from './base.js';
import { EDUCATION_LEVELS as PROFILE_EDUCATION_LEVELS } from './resume-profile.js';
import { toRxSchema } from './rx-schema.js';

export const ANALYSIS_PROVIDERS = ['gemini', 'openai', 'ollama', 'mock'] as const;
export const AnalysisProviderSchema = StringEnum([...ANALYSIS_PROVIDERS]);
export type AnalysisProvider = Static<typeof AnalysisProviderSchema>;

export const ANALYSIS_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const AnalysisStatusSchema = StringEnum([...ANALYSIS_STATUSES]);
export type AnalysisStatus = Static<typeof AnalysisStatusSchema>;

/**
 * The profile extraction's levels plus `unknown`, for a provider that could not tell: derived, so
 * the two lists cannot drift apart.
 */
export const EDUCATION_LEVELS = ['unknown', ...PROFILE_EDUCATION_LEVELS] as const;
export const EducationLevelSchema = StringEnum([...EDUCATION_LEVELS]);
export type EducationLevel = Static<typeof EducationLevelSchema>;

export const FIT_VERDICTS = ['strong', 'moderate', 'weak'] as const;
export const FitVerdictSchema = StringEnum([...FIT_VERDICTS]);
export type FitVerdict = Static<typeof FitVerdictSchema>;

export const AnalysisScoresSchema = Type.Object(
  {
    technical: Score(),
    soft: Score(),
    experience: Score(),
    education: Score(),
    overall: Score(),
  },
  { additionalProperties: false },
);
export type AnalysisScores = Static<typeof AnalysisScoresSchema>;

/** A strength or concern, backed by a short quote from the résumé. */
export const EvidencedPointSchema = Type.Object(
  {
    point: NonEmptyText(500),
    evidence: Text(500, { description: 'A short verbatim quote from the résumé.' }),
  },
  { additionalProperties: false },
);
export type EvidencedPoint = Static<typeof EvidencedPointSchema>;

export const JobMatchSchema = Type.Object(
  {
    compatibility: Score(),
    matchedRequiredSkills: StringList(100, 200),
    missingRequiredSkills: StringList(100, 200),
    matchedNiceToHaveSkills: StringList(100, 200),
    verdict: FitVerdictSchema,
    summary: Text(4000),
  },
  { additionalProperties: false },
);
export type JobMatch = Static<typeof JobMatchSchema>;

export const AnalysisResultSchema = Type.Object(
  {
    scores: AnalysisScoresSchema,
    skills: StringList(100, 500),
    yearsOfExperience: Type.Number({ minimum: 0, maximum: 80 }),
    educationLevel: EducationLevelSchema,
    strengths: Type.Array(EvidencedPointSchema, { maxItems: 20 }),
    concerns: Type.Array(EvidencedPointSchema, { maxItems: 20 }),
    summary: Text(4000),
    jobMatch: Type.Optional(JobMatchSchema),
  },
  { additionalProperties: false },
);
export type AnalysisResult = Static<typeof AnalysisResultSchema>;

export const AnalysisUsageSchema = Type.Object(
  {
    inputTokens: Count(),
    outputTokens: Count(),
    costUsd: Type.Number({ minimum: 0, description: 'Estimated from the provider’s published prices.' }),
  },
  { additionalProperties: false },
);
export type AnalysisUsage = Static<typeof AnalysisUsageSchema>;

export const AnalysisFailureSchema = Type.Object(
  { code: NonEmptyText(64), message: Text(2000) },
  { additionalProperties: false },
);
export type AnalysisFailure = Static<typeof AnalysisFailureSchema>;

/**
 * What the evidence check (core/features/analysis/evidence.ts) removed from a provider's result:
 * strengths or concerns whose quote is not in the résumé, and skills the résumé never names. Kept
 * beside the result, not inside it, because the result is what providers are asked to fill.
 */
export const EvidenceChecksSchema = Type.Object(
  {
    droppedEvidence: Count({ description: 'Strengths and concerns dropped because their quote is not in the résumé.' }),
    droppedSkills: Count({ description: 'Skills dropped because the résumé does not name them, even by a synonym.' }),
  },
  { additionalProperties: false },
);
export type EvidenceChecks = Static<typeof EvidenceChecksSchema>;

export const AnalysisSchema = SyncedDocument(
  {
    resumeId: Id(),
    jobId: OptionalRef('The job the résumé was matched against.'),
    jobDescription: Type.Optional(Text(50_000, { description: 'An ad-hoc job description, when no job was given.' })),
    provider: AnalysisProviderSchema,
    requestedProvider: Type.Optional(AnalysisProviderSchema),
    model: Text(128),
    promptVersion: NonEmptyText(32),
    blind: Type.Boolean({ description: 'Personal details were removed before the text left the machine.' }),
    status: AnalysisStatusSchema,
    result: Type.Optional(AnalysisResultSchema),
    usage: Type.Optional(AnalysisUsageSchema),
    rawReply: Type.Optional(Text(500_000, { description: 'Kept when the reply failed validation.' })),
    error: Type.Optional(AnalysisFailureSchema),
    checks: Type.Optional(EvidenceChecksSchema),
    cacheKey: NonEmptyText(128, { description: 'Hash of résumé, job, provider, model and prompt version.' }),
    taskId: Type.Optional(Id()),
    cachedFrom: Type.Optional(Id({ description: 'The analysis whose result this one reused (a cache hit: nothing ran, nothing was billed).' })),
    durationMs: Type.Optional(Count()),
    completedAt: Type.Optional(EpochMs()),
  },
  { description: 'One analysis of a résumé, optionally against a job.' },
);
export type Analysis = Static<typeof AnalysisSchema>;

export const analysisRxSchema = toRxSchema(AnalysisSchema, {
  version: 2,
  primaryKey: 'id',
  description: 'analyses',
  indexes: [
    ['resumeId', 'createdAt'],
    ['jobId', 'createdAt'],
    'cacheKey',
    ['provider', 'createdAt'],
    ['status', 'updatedAt'],
    'createdAt',
  ],
});
