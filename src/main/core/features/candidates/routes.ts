// HTTP routes of the candidates feature: CRUD and search for staff, and a candidate's own record.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  CandidateCreateBody,
  CandidateDeleteQuery,
  CandidateDeleteResponse,
  CandidateListQuery,
  CandidateOut,
  CandidateParams,
  CandidatePage,
  CandidateSelfOut,
  CandidateUpdateBody,
} from '../../../../shared/api/candidates.js';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { principalOf, STAFF } from '../../api/access.js';
import { NotFoundError } from '../../errors.js';
import type { CandidateService } from './service.js';

const tags = ['candidates'];

export function candidateRoutes({ candidates }: { candidates: CandidateService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.post('/candidates', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Add a candidate',
        description: 'A candidate whose primary (first) e-mail is already on file is refused with 409 and the existing id in details.existingId.',
        body: CandidateCreateBody,
        response: { 201: CandidateOut, 400: ErrorResponse, ...AUTH_ERRORS, 409: ErrorResponse },
      },
      handler: async (request, reply) => {
        const candidate = await candidates.create(principalOf(request).userId, request.body);
        return reply.code(201).send(candidate);
      },
    });

    app.get('/candidates', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'List and search candidates',
        description: [
          'q, tag, skill and source filter the candidate record; status and min_score/max_score filter by the candidate’s applications',
          'and analyses (a range leaves out candidates never analysed; min_score above max_score is a 400).',
          'Each item carries its bestScore (when analysed) and the distinct statuses of its applications.',
          'sort=bestScore puts the best first (desc) or last (asc), candidates never analysed always at the end.',
        ].join(' '),
        querystring: CandidateListQuery,
        response: { 200: CandidatePage, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => candidates.list(request.query),
    });

    app.get('/candidates/me', {
      config: { access: ['candidate'] },
      schema: {
        tags,
        summary: 'The signed-in candidate’s own record',
        description: 'Recruiters’ notes, tags and source are not shown.',
        response: { 200: CandidateSelfOut, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => {
        const { candidateId } = principalOf(request);
        if (!candidateId) throw new NotFoundError('This account has no candidate profile yet.');
        return candidates.get(candidateId);
      },
    });

    app.get('/candidates/:candidate_id', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Get a candidate',
        params: CandidateParams,
        response: { 200: CandidateOut, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => candidates.get(request.params.candidate_id),
    });

    app.route({
      method: ['PUT', 'PATCH'],
      url: '/candidates/:candidate_id',
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Change a candidate (only the fields sent)',
        params: CandidateParams,
        body: CandidateUpdateBody,
        response: { 200: CandidateOut, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request) => candidates.update(principalOf(request).userId, request.params.candidate_id, request.body),
    });

    app.delete('/candidates/:candidate_id', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Delete a candidate',
        description: [
          'A candidate with applications is refused with 409 unless force=true, which deletes the applications too.',
          'The candidate’s résumés always go with them: each PDF, its extracted text and its analyses are deleted (resumesDeleted says how many).',
        ].join(' '),
        params: CandidateParams,
        querystring: CandidateDeleteQuery,
        response: { 200: CandidateDeleteResponse, 400: ErrorResponse, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request) => {
        const deleted = await candidates.remove(principalOf(request).userId, request.params.candidate_id, {
          force: request.query.force ?? false,
        });
        return { ok: true as const, ...deleted };
      },
    });
  };
}
