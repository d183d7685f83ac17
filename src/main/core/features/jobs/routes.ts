// HTTP for the jobs feature (seed 5.2) under /api/v1/jobs: HTTP ⇄ JobService, nothing more.
// POST /jobs/apply and GET /jobs/{job_id}/applications belong to the applications feature.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  JobCreateBody,
  JobDeleteQuery,
  JobDeleteResult,
  JobListQuery,
  JobOut,
  JobPage,
  JobParams,
  JobPatchBody,
  JobSeedResult,
} from '../../../../shared/api/jobs.js';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { ALL_ROLES, principalOf, STAFF } from '../../api/access.js';
import type { FeatureServices } from '../index.js';
import type { JobAudience } from './service.js';

const tags = ['jobs'];

/** Candidates see what is public; admins and recruiters see everything. */
function audienceOf(request: FastifyRequest): JobAudience {
  return principalOf(request).role === 'candidate' ? 'public' : 'staff';
}

const actorOf = (request: FastifyRequest) => ({ userId: principalOf(request).userId });

export function jobRoutes(services: FeatureServices): FastifyPluginAsync {
  const { jobs } = services;
  const routes: FastifyPluginAsync = async (scope) => {
    const app = scope.withTypeProvider<TypeBoxTypeProvider>();

    // The seed's paths end with a slash (/api/v1/jobs/); both spellings are registered as routes of
    // their own, so each is in the OpenAPI document with its roles and covered by the access test.
    for (const url of ['', '/']) {
      app.post(url, {
        prefixTrailingSlash: 'slash',
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Post a new job',
          body: JobCreateBody,
          response: { 201: JobOut, 400: ErrorResponse, ...AUTH_ERRORS },
        },
        handler: async (request, reply) => reply.code(201).send(await jobs.create(request.body, actorOf(request))),
      });

      app.get(url, {
        prefixTrailingSlash: 'slash',
        config: { access: ALL_ROLES },
        schema: {
          tags,
          summary: 'List and search jobs',
          description:
            'Filters combine (AND). Candidates see open jobs only, without tags, autoAnalyze or createdBy. `total` counts every match, not only this page.',
          querystring: JobListQuery,
          response: { 200: JobPage, 400: ErrorResponse, ...AUTH_ERRORS },
        },
        handler: async (request) => jobs.list(request.query, audienceOf(request)),
      });
    }

    app.post('/seed', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Add the sample jobs',
        description: 'Inserts about 25 realistic jobs with fixed ids; samples already present are skipped, so seeding twice adds nothing.',
        response: { 200: JobSeedResult, ...AUTH_ERRORS },
      },
      handler: async (request) => jobs.seed(actorOf(request)),
    });

    app.get('/:job_id', {
      config: { access: ALL_ROLES },
      schema: {
        tags,
        summary: 'Get one job',
        description: 'A candidate asking for a closed job gets 404.',
        params: JobParams,
        response: { 200: JobOut, 404: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => jobs.get(request.params.job_id, audienceOf(request)),
    });

    app.put('/:job_id', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Replace a job',
        description: 'Every editable field is replaced; fields left out take their defaults (as on create).',
        params: JobParams,
        body: JobCreateBody,
        response: { 200: JobOut, 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => jobs.replace(request.params.job_id, request.body, actorOf(request)),
    });

    app.patch('/:job_id', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Change some fields of a job',
        params: JobParams,
        body: JobPatchBody,
        response: { 200: JobOut, 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => jobs.update(request.params.job_id, request.body, actorOf(request)),
    });

    app.delete('/:job_id', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Delete a job',
        description:
          'A job with applications is not deleted (409): close it instead, or pass force=true to delete its applications with it.',
        params: JobParams,
        querystring: JobDeleteQuery,
        response: { 200: JobDeleteResult, 404: ErrorResponse, 409: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => {
        const { applicationsRemoved } = await jobs.remove(request.params.job_id, { force: request.query.force ?? false }, actorOf(request));
        return { ok: true as const, applicationsRemoved };
      },
    });
  };
  return async (api) => {
    await api.register(routes, { prefix: '/jobs' });
  };
}
