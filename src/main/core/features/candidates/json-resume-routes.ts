// HTTP routes for JSON Resume import and export of candidates (https://jsonresume.org/schema).
// HTTP ⇄ service only; the mapping is in json-resume.ts.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CandidateParams } from '../../../../shared/api/candidates.js';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { JsonResume, JsonResumeImported, JsonResumeImportQuery } from '../../../../shared/api/json-resume.js';
import { principalOf, STAFF } from '../../api/access.js';
import type { JsonResumeService } from './json-resume.js';

const tags = ['candidates'];

export function jsonResumeRoutes({ jsonResume }: { jsonResume: JsonResumeService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.post('/candidates/import/json-resume', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'Add a candidate from a JSON Resume document',
        description: [
          'Reads basics, work, education, skills, languages and certificates; other keys are ignored. basics.name is required.',
          'The candidate gets the contact details, links and skill names; the whole profile is kept as a parsed résumé of the candidate.',
          'Not kept: basics.label and image, work summaries, work entries without a startDate, education entries without a studyType, skill levels; dates keep month precision.',
          'A candidate with the same e-mail is refused with 409 and details.existingId, unless merge=true: then only the existing',
          'candidate’s empty fields (phones, location, links, skills, years of experience) are filled and the résumé is added to it.',
        ].join(' '),
        querystring: JsonResumeImportQuery,
        body: JsonResume,
        response: { 200: JsonResumeImported, 201: JsonResumeImported, 400: ErrorResponse, ...AUTH_ERRORS, 409: ErrorResponse },
      },
      handler: async (request, reply) => {
        const imported = await jsonResume.importDocument(principalOf(request).userId, request.body, { merge: request.query.merge ?? false });
        return reply.code(imported.merged ? 200 : 201).send(imported);
      },
    });

    app.get('/candidates/:candidate_id/json-resume', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'A candidate as a JSON Resume document',
        description: 'Built from the candidate and the profile of their latest parsed (or analysed) résumé, when there is one.',
        params: CandidateParams,
        response: { 200: JsonResume, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => jsonResume.exportDocument(request.params.candidate_id),
    });
  };
}
