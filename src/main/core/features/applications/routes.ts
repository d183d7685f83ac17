// HTTP routes of the applications feature: a candidate applying (POST /jobs/apply), staff adding
// candidates and moving applications along the pipeline, and the lists (per job, filtered).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  ApplicationCreateBody,
  ApplicationListQuery,
  ApplicationOut,
  ApplicationPage,
  ApplicationParams,
  ApplicationStatusBody,
  ApplyBody,
  JobApplicationsQuery,
  JobParams,
} from '../../../../shared/api/applications.js';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { ALL_ROLES, principalOf, STAFF } from '../../api/access.js';
import type { ApplicationService } from './service.js';

const tags = ['applications'];
const PIPELINE =
  'Pipeline: applied → screening → interview → offer → hired, forward only (stages may be skipped); rejected or withdrawn from any ' +
  'non-final status. hired, rejected and withdrawn are final (no reopen). An invalid change is a 409 naming from, to and the allowed statuses.';

export function applicationRoutes({ applications }: { applications: ApplicationService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.post('/jobs/apply', {
      config: { access: ['candidate'] },
      schema: {
        tags: ['jobs', ...tags],
        summary: 'Apply to a job',
        description: 'For the signed-in candidate. The job must be open (409 when closed); applying twice to the same job is a 409.',
        body: ApplyBody,
        response: { 201: ApplicationOut, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request, reply) => {
        const { job_id, resume_id } = request.body;
        const application = await applications.apply(principalOf(request), { jobId: job_id, ...(resume_id ? { resumeId: resume_id } : {}) });
        return reply.code(201).send(application);
      },
    });

    app.get('/jobs/:job_id/applications', {
      config: { access: STAFF },
      schema: {
        tags: ['jobs', ...tags],
        summary: 'Applicants of a job',
        params: JobParams,
        querystring: JobApplicationsQuery,
        response: { 200: ApplicationPage, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => applications.listForJob(principalOf(request), request.params.job_id, request.query),
    });

    app.post('/applications', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Add a candidate to a job',
        description: 'The job must be open; a candidate has at most one application per job (409).',
        body: ApplicationCreateBody,
        response: { 201: ApplicationOut, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request, reply) => {
        const { job_id, candidate_id, resume_id, note } = request.body;
        const application = await applications.add(principalOf(request).userId, {
          jobId: job_id,
          candidateId: candidate_id,
          ...(resume_id ? { resumeId: resume_id } : {}),
          ...(note ? { note } : {}),
        });
        return reply.code(201).send(application);
      },
    });

    app.get('/applications', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'List applications',
        description: 'Staff see all (filter by job_id, candidate_id, status); a candidate sees only their own.',
        querystring: ApplicationListQuery,
        response: { 200: ApplicationPage, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => applications.list(principalOf(request), request.query),
    });

    app.get('/applications/:application_id', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'Get an application with its history',
        description: 'A candidate can get only their own applications.',
        params: ApplicationParams,
        response: { 200: ApplicationOut, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => applications.get(principalOf(request), request.params.application_id),
    });

    app.patch('/applications/:application_id', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'Change an application’s status',
        description: `${PIPELINE} A candidate may only set withdrawn on their own application (403 otherwise).`,
        params: ApplicationParams,
        body: ApplicationStatusBody,
        response: { 200: ApplicationOut, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request) => applications.changeStatus(principalOf(request), request.params.application_id, request.body),
    });
  };
}
