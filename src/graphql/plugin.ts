import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
// The file itself, not `graphql`: a bundler-style resolver (vitest) takes the package's
// ESM copy for a bare import while graphql-yoga uses the CommonJS one Node resolves, and
// graphql refuses a schema built by the other copy.
import { printSchema } from 'graphql/utilities/printSchema.js';
import { createYoga } from 'graphql-yoga';
import { crmOutboundPolicy } from '../crm/outbound.js';
import { HttpError } from '../errors.js';
import type { AppContext } from '../http/context.js';
import { errorResponse } from '../http/schemas.js';
import { useInputErrorCodes } from './context.js';
import { refuseMalformedGraphQLRequest, useTextChecks } from './input-checks.js';
import { graphqlLimitPlugins } from './limits.js';
import { schema, type GraphQLContext } from './schema.js';

/** Where the schema's SDL is served, for GraphQL client generators (README, API). */
const SDL_PATH = '/graphql/schema.graphql';

/**
 * Mounts GraphQL at `/graphql`: queries over GET/POST, subscriptions over SSE
 * (`Accept: text/event-stream`). Authentication is the REST one: the session cookie
 * or an API key, resolved by the same hook before the request reaches Yoga. The
 * schema's SDL is at SDL_PATH.
 */
export function registerGraphQL(app: FastifyInstance, ctx: AppContext): void {
  const outbound = ctx.outbound ?? crmOutboundPolicy(ctx.config);
  const yoga = createYoga<{ req: FastifyRequest; reply: FastifyReply }>({
    schema,
    plugins: [
      ...graphqlLimitPlugins({
        maxTokens: ctx.config.graphqlMaxTokens,
        maxDepth: ctx.config.graphqlMaxDepth,
        maxAliases: ctx.config.graphqlMaxAliases,
        maxCost: ctx.config.graphqlMaxCost,
        introspection: ctx.config.graphqlIntrospection,
      }),
      useInputErrorCodes(),
      useTextChecks(),
    ],
    graphqlEndpoint: '/graphql',
    logging: {
      debug: (...args) => ctx.log.debug({ args }, 'graphql'),
      info: (...args) => ctx.log.info({ args }, 'graphql'),
      warn: (...args) => ctx.log.warn({ args }, 'graphql'),
      error: (...args) => ctx.log.error({ args }, 'graphql'),
    },
    context: ({ req }): Omit<GraphQLContext, 'req' | 'reply'> => ({
      pool: ctx.pool,
      secretKey: ctx.secretKey,
      log: ctx.log,
      principal: req.principal,
      events: ctx.events,
      outbound,
      publicUrl: ctx.config.publicUrl,
    }),
    landingPage: false,
    // GraphiQL loads its code from a CDN into this origin, which holds the session
    // cookie; the security policy allows only the console's own scripts.
    graphiql: false,
  });

  // The SDL says what introspection says, so the switch that refuses one refuses both.
  const sdl = ctx.config.graphqlIntrospection ? `${printSchema(schema)}\n` : undefined;
  app.get(
    SDL_PATH,
    {
      schema: {
        operationId: 'getGraphqlSchema',
        security: [],
        tags: ['graphql'],
        summary: 'Get the GraphQL schema',
        description:
          'The schema served at /graphql, in the GraphQL schema language (SDL), for client generators. ' +
          'A 404 (introspection_disabled) when PANDORA_GRAPHQL_INTROSPECTION is false.',
        response: {
          200: {
            description: 'The schema in SDL',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          404: errorResponse(
            'introspection_disabled: PANDORA_GRAPHQL_INTROSPECTION is false on this server',
          ),
        },
      },
    },
    async (_request, reply) => {
      if (sdl === undefined) {
        throw new HttpError(
          404,
          'introspection_disabled',
          'The GraphQL schema is not published on this server (PANDORA_GRAPHQL_INTROSPECTION is false)',
        );
      }
      return reply.type('text/plain; charset=utf-8').send(sdl);
    },
  );

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    schema: { hide: true },
    handler: async (req, reply) => {
      refuseMalformedGraphQLRequest(req);
      const response = await yoga.handleNodeRequestAndResponse(req, reply, { req, reply });
      response.headers.forEach((value, key) => {
        void reply.header(key, value);
      });
      void reply.status(response.status);
      return reply.send(response.body);
    },
  });
}
