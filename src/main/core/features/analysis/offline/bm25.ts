// Okapi BM25 between a job (the query) and a résumé (the document), normalised to 0–1 so scores
// for different jobs can be compared. The IDF comes from corpus statistics when ranking many
// résumés; for one résumé alone every term weighs the same, which keeps the TF saturation and length
// normalisation of BM25 and still ranks sensibly.
import type { TermBag } from './terms.js';

/** Corpus statistics for BM25's IDF and length normalisation. Plain data: safe to pass to a worker. */
export interface CorpusStats {
  readonly documentCount: number;
  readonly averageLength: number;
  /** Term → number of documents containing it. */
  readonly documentFrequency: ReadonlyMap<string, number>;
}

const K1 = 1.2;
const B = 0.75;
// With no corpus, a document is compared with a nominal length, so a long résumé is not rewarded
// just for repeating words.
const NOMINAL_LENGTH = 250;

export function buildCorpusStats(documents: readonly TermBag[]): CorpusStats {
  const documentFrequency = new Map<string, number>();
  let totalLength = 0;
  for (const document of documents) {
    totalLength += document.length;
    for (const term of document.counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  return {
    documentCount: documents.length,
    averageLength: documents.length > 0 ? totalLength / documents.length : NOMINAL_LENGTH,
    documentFrequency,
  };
}

/** BM25+'s always-positive IDF variant (Lucene's), so a term in every document still counts a little. */
function idf(term: string, corpus: CorpusStats | undefined): number {
  if (!corpus || corpus.documentCount === 0) return 1;
  const df = corpus.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (corpus.documentCount - df + 0.5) / (df + 0.5));
}

/**
 * The document's BM25 score for the query divided by the most any document could score (every
 * query term present, saturated): 0 when nothing is shared, approaching 1 when all of it is.
 */
export function bm25Similarity(query: TermBag, document: TermBag, corpus?: CorpusStats): number {
  const averageLength = corpus && corpus.documentCount > 0 ? corpus.averageLength : NOMINAL_LENGTH;
  const lengthNorm = K1 * (1 - B + (B * document.length) / Math.max(1, averageLength));
  let score = 0;
  let ceiling = 0;
  // Sorted so the floating-point sum is the same whatever order the bag was built in.
  const terms = [...query.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [term, queryCount] of terms) {
    const weight = idf(term, corpus) * (1 + Math.log(queryCount));
    ceiling += weight * (K1 + 1);
    const tf = document.counts.get(term) ?? 0;
    if (tf > 0) score += (weight * tf * (K1 + 1)) / (tf + lengthNorm);
  }
  return ceiling > 0 ? Math.min(1, score / ceiling) : 0;
}
