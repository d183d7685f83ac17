// HTTP routes of the analysis feature (seed 5.3, issue 5): analyse a résumé, read its analyses, rank a
// job's applicants, read the ranking, and the usage summary. HTTP ⇄ service only.
// Access: the seed makes analysis admin-only; here staff (admins and recruiters) analyse, rank and
// read, because recruiters do the screening. Candidates never see analyses, their own included: an
// analysis is the recruiter's assessment, not the candidate's data. Usage (cost) is for admins.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  AnalysisList,
  AnalyzeAccepted,
  AnalyzeBody,
  AnalyzeParams,
  JobParams,
  RankAccepted,
  RankBody,
  Ranking,
  UsageQuery,
  UsageSummary,
} from '../../../../shared/api/analysis.js';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { ADMIN_ONLY, principalOf, STAFF } from '../../api/access.js';
import type { AnalysisService } from './service.js';

const tags = ['analysis'];

const ANALYZE_DESCRIPTION = [
  'Queues a durable analysis task and creates the analysis at once (status queued → running → completed or failed);',
  'poll GET /tasks/{task_id} or GET /resumes/analysis/{resume_id}, or follow the event stream (analysis.completed).',
  'Optional job_id (a stored job) or job_description (ad-hoc text), not both, and provider (gemini, openai, ollama, mock;',
  'the configured fallback chain when omitted). An identical completed analysis (same résumé file, job content, providers,',
  'models, prompt version and blind mode) answered by the first provider of the chain gives cached: true and cached_from: the',
  'new analysis copies its result (cachedFrom), no provider is called and nothing is billed. A result a fallback gave (for',
  'example mock while the cloud provider was unreachable) is not reused: the analysis runs again.',
  'A résumé not parsed yet is refused with 409; one without text (a scan: no text layer) or whose parse failed with 400.',
].join(' ');

export function analysisRoutes({ analysis }: { analysis: AnalysisService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();
    // Every field of these bodies is optional, so no body at all means "all defaults".
    const emptyBodyIsDefaults = async (request: FastifyRequest) => {
      request.body ??= {};
    };

    app.post('/resumes/analyze/:resume_id', {
      config: { access: STAFF },
      preValidation: emptyBodyIsDefaults,
      schema: {
        tags,
        summary: 'Analyse a résumé, optionally against a job',
        description: ANALYZE_DESCRIPTION,
        params: AnalyzeParams,
        body: AnalyzeBody,
        response: { 202: AnalyzeAccepted, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request, reply) => {
        const body = request.body;
        const accepted = await analysis.analyze(principalOf(request).userId, request.params.resume_id, {
          ...(body.job_id !== undefined ? { jobId: body.job_id } : {}),
          ...(body.job_description !== undefined ? { jobDescription: body.job_description } : {}),
          ...(body.provider !== undefined ? { provider: body.provider } : {}),
        });
        return reply.code(202).send(accepted);
      },
    });

    app.get('/resumes/analysis/:resume_id', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Every analysis of a résumé, newest first',
        description: 'Queued, running, completed and failed analyses; a failed one keeps its error and, when the reply was invalid, the raw reply.',
        params: AnalyzeParams,
        response: { 200: AnalysisList, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => {
        const items = (await analysis.listForResume(request.params.resume_id)).map((item) => ({ ...item, cached: item.cachedFrom !== undefined }));
        return { items, total: items.length };
      },
    });

    app.post('/jobs/:job_id/rank', {
      config: { access: STAFF },
      preValidation: emptyBodyIsDefaults,
      schema: {
        tags,
        summary: "Analyse every applicant's résumé (or the résumés given) against the job",
        description:
          'Queues a durable analysis.rank task with progress on the event stream (task.progress). Résumés already analysed with the same question are not analysed again. Read the result with GET /jobs/{job_id}/ranking.',
        params: JobParams,
        body: RankBody,
        response: { 202: RankAccepted, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request, reply) => {
        const task = await analysis.rank(principalOf(request).userId, request.params.job_id, request.body);
        return reply.code(202).send({ task_id: task.id });
      },
    });

    app.get('/jobs/:job_id/ranking', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The résumés analysed against the job, best first',
        description: 'The newest completed analysis of each résumé against the job, by compatibility, then overall score, then résumé id.',
        params: JobParams,
        response: { 200: Ranking, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => analysis.ranking(request.params.job_id),
    });

    app.get('/analysis/usage', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Tokens and estimated cost per provider and model',
        description: 'Sums the usage recorded on analyses created in [from, to) (epoch ms; both optional). Cached repeats record zero.',
        querystring: UsageQuery,
        response: { 200: UsageSummary, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => analysis.usage(request.query),
    });
  };
}
