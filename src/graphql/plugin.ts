import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createYoga } from 'graphql-yoga';
import type { AppContext } from '../http/context.js';
import { useInputErrorCodes } from './context.js';
import { refuseMalformedGraphQLRequest, useTextChecks } from './input-checks.js';
import { graphqlLimitPlugins } from './limits.js';
import { schema, type GraphQLContext } from './schema.js';

/**
 * Mounts GraphQL at `/graphql`: queries over GET/POST, subscriptions over SSE
 * (`Accept: text/event-stream`). Authentication is the REST one: the session cookie
 * or an API key, resolved by the same hook before the request reaches Yoga.
 */
export function registerGraphQL(app: FastifyInstance, ctx: AppContext): void {
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
    }),
    landingPage: false,
    // GraphiQL loads its code from a CDN into this origin, which holds the session
    // cookie; the security policy allows only the console's own scripts.
    graphiql: false,
  });

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
