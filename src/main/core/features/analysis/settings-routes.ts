// HTTP routes of the AI settings and the write-only secrets. HTTP ⇄ service only. A secret's value
// goes in through PUT and never comes out: no route answers with it, and it is stored only in the
// credential store.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  AnalysisSettingsOut,
  AnalysisSettingsUpdate,
  ProviderTestBody,
  ProviderTestOut,
  SecretBody,
  SecretParams,
  SecretStateOut,
} from '../../../../shared/api/analysis-settings.js';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { ADMIN_ONLY, principalOf, STAFF } from '../../api/access.js';
import type { AnalysisSettingsService } from './settings.js';

const tags = ['settings'];

export function analysisSettingsRoutes({ analysisSettings }: { analysisSettings: AnalysisSettingsService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.get('/settings/analysis', {
      config: { access: STAFF },
      schema: {
        tags,
        summary: 'The AI analysis settings, and which secrets are set (never their values)',
        response: { 200: AnalysisSettingsOut, ...AUTH_ERRORS },
      },
      handler: async () => analysisSettings.describe(),
    });

    app.put('/settings/analysis', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Change the AI analysis settings (only the fields given)',
        body: AnalysisSettingsUpdate,
        response: { 200: AnalysisSettingsOut, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => analysisSettings.update(principalOf(request).userId, request.body),
    });

    app.post('/settings/analysis/test', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Send one small real request through a provider with the saved settings',
        description: 'Answers 200 whether or not the provider answered: `ok`, the latency, or the error code and message.',
        body: ProviderTestBody,
        response: { 200: ProviderTestOut, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => analysisSettings.test(request.body.provider),
    });

    app.put('/settings/secrets/:name', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Set a secret (API key, mail password, Zoom credential); write-only',
        description: 'The value is kept in the OS keychain (or the protected secrets file), never in the database, and no route returns it.',
        params: SecretParams,
        body: SecretBody,
        response: { 200: SecretStateOut, 400: ErrorResponse, ...AUTH_ERRORS, 503: ErrorResponse },
      },
      handler: async (request) => analysisSettings.setSecret(principalOf(request).userId, request.params.name, request.body.value),
    });

    app.delete('/settings/secrets/:name', {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Delete a stored secret',
        description: '`set` stays true when an environment variable still provides it.',
        params: SecretParams,
        response: { 200: SecretStateOut, 400: ErrorResponse, ...AUTH_ERRORS, 503: ErrorResponse },
      },
      handler: async (request) => analysisSettings.deleteSecret(principalOf(request).userId, request.params.name),
    });
  };
}
