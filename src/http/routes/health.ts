import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { appliedVersion } from '../../db/migrate.js';
import type { AppContext } from '../context.js';
import { errorBody } from '../error-handler.js';

/** `/healthz`: the process is up. `/readyz`: the database answers and is fully migrated. */
export function healthRoutes(ctx: AppContext, latestMigration: number): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          operationId: 'getLiveness',
          security: [],
          tags: ['health'],
          summary: 'Check that the process is up',
          response: { 200: Type.Object({ status: Type.Literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          operationId: 'getReadiness',
          security: [],
          tags: ['health'],
          summary: 'Check that the database is reachable and migrated',
          response: {
            200: Type.Object({ status: Type.Literal('ready'), migration: Type.Integer() }),
            503: Type.Ref('ErrorBody', {
              description: 'migrations_pending or database_unavailable: not ready for traffic',
            }),
          },
        },
      },
      async (_request, reply) => {
        try {
          const version = await appliedVersion(ctx.pool);
          if (version < latestMigration) {
            return reply
              .status(503)
              .send(
                errorBody(
                  'migrations_pending',
                  `Database is at migration ${version}, this build needs ${latestMigration}`,
                ),
              );
          }
          return { status: 'ready' as const, migration: version };
        } catch (error) {
          ctx.log.warn({ err: error }, 'readiness check failed');
          return reply
            .status(503)
            .send(errorBody('database_unavailable', 'The database is not reachable'));
        }
      },
    );
  };
}
