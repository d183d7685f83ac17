// The OpenAPI 3 document at /openapi.json and Swagger UI at /docs, generated from the route
// schemas (as FastAPI does for the original). Each operation states its access: the bearer
// security requirement and `x-roles` (the roles that may call it, or "public").
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Access } from './access.js';

const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  const accessByOperation = new Map<string, Access>();
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) return;
    for (const method of [route.method].flat()) accessByOperation.set(`${method.toLowerCase()} ${toOpenApiPath(route.url)}`, access);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Recruiting Desk API',
        version,
        description: 'The embedded REST API of the Recruiting Desk app. Sign in with POST /api/v1/auth/login and send the token as "Authorization: Bearer <token>".',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transformObject: (documentObject) => {
      const doc = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
      for (const [path, operations] of Object.entries(doc.paths ?? {})) {
        for (const [method, operation] of Object.entries(operations as Record<string, Record<string, unknown>>)) {
          // A plugin's '/' route is documented with or without its trailing slash.
          const access = accessByOperation.get(`${method} ${path}`) ?? accessByOperation.get(`${method} ${path.endsWith('/') ? path.slice(0, -1) : `${path}/`}`);
          if (access === undefined) continue;
          operation['x-roles'] = access === 'public' ? 'public' : [...access];
          operation.security = access === 'public' ? [] : [{ bearerAuth: [] }];
        }
      }
      return doc;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
