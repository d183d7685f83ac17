// The analysis cache key: two analyses with the same key would send the same text to the same model
// with the same prompt, so a completed one can stand in for the other at no cost.
import { createHash } from 'node:crypto';
import type { AnalysisProvider } from '../../../../shared/schemas/analysis.js';

/** The job an analysis is matched against, as far as the prompt sees it. */
export type AnalysisJobContent =
  | { title: string; description: string; requiredSkills: readonly string[]; niceToHaveSkills: readonly string[] }
  | { description: string };

export interface CacheKeyInput {
  resumeSha256: string;
  job: AnalysisJobContent | undefined;
  /** The providers that may answer, in order, each with its model. */
  chain: readonly { provider: AnalysisProvider; model: string }[];
  promptVersion: string;
  blind: boolean;
  /**
   * Only the offline analyser reads corpus statistics (BM25's IDF over the résumés ranked together),
   * so the corpus is part of the key only when `mock` is in the chain; an LLM's answer does not
   * change with the other applicants, and re-paying for it when one more applies would be waste.
   */
  corpusFingerprint?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A hash of the job's content (not its id: an edited job is a different question). */
export function jobContentHash(job: AnalysisJobContent | undefined): string {
  if (job === undefined) return '';
  if (!('title' in job)) return sha256(JSON.stringify(['adhoc', job.description.trim()]));
  return sha256(JSON.stringify(['job', job.title, job.description, [...job.requiredSkills], [...job.niceToHaveSkills]]));
}

/** The résumés ranked together, order-free: the sorted hashes of their files. */
export function corpusFingerprint(resumeSha256s: readonly string[]): string {
  return sha256(JSON.stringify([...resumeSha256s].sort()));
}

export function analysisCacheKey(input: CacheKeyInput): string {
  const usesCorpus = input.chain.some((run) => run.provider === 'mock');
  return sha256(
    JSON.stringify([
      'analysis-cache-v1',
      input.resumeSha256,
      jobContentHash(input.job),
      input.chain.map((run) => [run.provider, run.model]),
      input.promptVersion,
      input.blind,
      usesCorpus ? (input.corpusFingerprint ?? '') : '',
    ]),
  );
}
