// GET /events: the live Server-Sent-Events stream of the app's event bus, for the desktop UI. The
// renderer reads it with fetch() and the usual bearer header, so no token ever travels in a URL.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { AUTH_ERRORS, ErrorResponse } from '../../../../shared/api/common.js';
import { STAFF } from '../../api/access.js';
import { APP_EVENT_NAMES } from '../../app-events.js';
import { OVERFLOW_EVENT, parseEventTypes, RECONNECT_HINT_MS, type EventStreams } from './event-stream.js';

const EventsQuery = Type.Object(
  {
    types: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: `Comma-separated event names to receive (all when omitted): ${APP_EVENT_NAMES.join(', ')}.`,
      }),
    ),
  },
  { additionalProperties: false },
);

const EventStreamResponse = {
  description: [
    'A text/event-stream. Each message is `event: <name>`, `data: <JSON payload>`, `id: <n>`.',
    `The stream starts with a \`retry: ${RECONNECT_HINT_MS}\` hint and sends a \`: heartbeat\` comment every 15 s.`,
    `A client too slow to read gets progress coalesced per task; past the buffer, events are dropped and a \`${OVERFLOW_EVENT}\``,
    'event with `{ dropped }` follows, meaning state should be fetched again. Events are not replayed on reconnect.',
  ].join(' '),
  content: { 'text/event-stream': { schema: { type: 'string' } } },
};

export function eventRoutes({ streams }: { streams: EventStreams }): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<TypeBoxTypeProvider>();

    // Open streams never end by themselves; without this, closing the server would wait on them.
    app.addHook('preClose', async () => streams.closeAll());

    app.get('/events', {
      config: { access: STAFF },
      schema: {
        tags: ['events'],
        summary: 'Live events (Server-Sent Events)',
        querystring: EventsQuery,
        response: { 200: EventStreamResponse, 400: ErrorResponse, ...AUTH_ERRORS },
      },
      handler: async (request, reply) => {
        const names = parseEventTypes(request.query.types);
        // Fastify stops handling the reply here; the stream writes the raw response itself.
        reply.hijack();
        streams.open(reply.raw, names);
      },
    });
  };
}
