// HTTP routes of the background tasks: the UI's task panel lists them, a caller polls one by id
// (e.g. an analysis it started), and staff cancel or retry. HTTP ⇄ service only.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { TaskListQuery, TaskOut, TaskPage, TaskParams } from '../../../../shared/api/tasks.js';
import { principalOf, STAFF } from '../../api/access.js';
import type { TaskService } from './service.js';

const tags = ['tasks'];
const config = { access: STAFF };

export function taskRoutes({ tasks }: { tasks: TaskService }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    app.get('/tasks', {
      config,
      schema: {
        tags,
        summary: 'List background tasks, newest first',
        querystring: TaskListQuery,
        response: { 200: TaskPage, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request) => tasks.list(request.query),
    });

    app.get('/tasks/:task_id', {
      config,
      schema: {
        tags,
        summary: 'Get a background task: status, progress, attempts, result or last error',
        params: TaskParams,
        response: { 200: TaskOut, ...AUTH_ERRORS, 404: ErrorResponse },
      },
      handler: async (request) => tasks.get(request.params.task_id),
    });

    app.post('/tasks/:task_id/cancel', {
      config,
      schema: {
        tags,
        summary: 'Cancel a queued or running task',
        description: 'A running task is told to stop. Cancelling a cancelled task answers it unchanged; a finished task is refused with 409.',
        params: TaskParams,
        response: { 200: TaskOut, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request) => tasks.cancel(principalOf(request).userId, request.params.task_id),
    });

    app.post('/tasks/:task_id/retry', {
      config,
      schema: {
        tags,
        summary: 'Queue a failed, dead or cancelled task again, with fresh attempts',
        description: 'A task that is queued, running or succeeded is refused with 409.',
        params: TaskParams,
        response: { 200: TaskOut, ...AUTH_ERRORS, 404: ErrorResponse, 409: ErrorResponse },
      },
      handler: async (request) => tasks.retry(principalOf(request).userId, request.params.task_id),
    });
  };
}
