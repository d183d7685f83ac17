// Worker-thread module for résumé analysis: the pool runs `analyze` on the same threads as the PDF
// work, but from this separate module (piscina `run(task, { filename, name })`), so a worker loads the
// provider SDKs and the offline analyser only once it is first asked to analyse. The skills taxonomy
// path arrives in the pool's workerData and is read once per worker.
import { workerData } from 'piscina';
import { runAnalysis, type AnalysisRunInput, type AnalysisRunOutcome } from '../core/features/analysis/analysis-run.js';
import { createOfflineAnalyser, type OfflineAnalyser } from '../core/features/analysis/offline/offline-analyser.js';
import { loadSkillsTaxonomy } from '../core/features/resumes/profile/skills-taxonomy.js';
import type { PdfWorkerData } from './pdf-worker.js';

/** The names of this module's task functions, for `piscina.run(task, { filename, name })`. */
export type AnalysisWorkerTaskName = 'analyze';

async function loadOfflineAnalyser(data: unknown): Promise<OfflineAnalyser> {
  if (typeof data !== 'object' || data === null || typeof (data as Partial<PdfWorkerData>).taxonomyFile !== 'string') {
    throw new Error('The analysis worker was started without a taxonomyFile in its workerData.');
  }
  return createOfflineAnalyser({ taxonomy: await loadSkillsTaxonomy((data as PdfWorkerData).taxonomyFile) });
}

const offlineAnalyser = loadOfflineAnalyser(workerData);
// Reported by `analyze` when it awaits the analyser, not as an unhandled rejection at load.
offlineAnalyser.catch(() => undefined);

/**
 * Analyses one résumé through the fallback chain. Waits between retries are real time here, capped
 * by the retry policy and by each provider's budget; the pool aborts the task (and so replaces this
 * worker) at the run's deadline or when the caller cancels.
 */
export async function analyze(input: AnalysisRunInput): Promise<AnalysisRunOutcome> {
  return runAnalysis(input, { offline: await offlineAnalyser });
}
