import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getDeal, listDeals } from '../../ingest/deals.js';
import { listFailedJobs } from '../../jobs/failed-jobs.js';
import type { AppContext } from '../context.js';
import { PageLimit, pageSize, Timestamp, Uuid } from '../schemas.js';

const DealSchema = Type.Object({
  id: Uuid,
  source: Type.String(),
  sourceId: Type.String(),
  name: Type.String(),
  amount: Type.Union([Type.Number(), Type.Null()]),
  closeDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  pipeline: Type.Union([Type.String(), Type.Null()]),
  stage: Type.Union([Type.String(), Type.Null()]),
  stageNormalized: Type.Union([Type.String(), Type.Null()]),
  accountId: Type.Union([Uuid, Type.Null()]),
  accountName: Type.Union([Type.String(), Type.Null()]),
  ownerId: Type.Union([Uuid, Type.Null()]),
  ownerEmail: Type.Union([Type.String(), Type.Null()]),
  nextStep: Type.Union([Type.String(), Type.Null()]),
  lastActivityAt: Type.Union([Timestamp, Type.Null()]),
  updatedAt: Timestamp,
});

const StageNormalized = Type.Union(
  [
    'prospecting',
    'qualification',
    'discovery',
    'evaluation',
    'proposal',
    'negotiation',
    'closed_won',
    'closed_lost',
  ].map((stage) => Type.Literal(stage)),
);

export function recordRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/deals',
      {
        schema: {
          operationId: 'listDeals',
          tags: ['records'],
          summary: 'List deals',
          description: 'Deals, newest first by id, with keyset pagination.',
          querystring: Type.Object(
            {
              limit: PageLimit(200, 50),
              after: Type.Optional(Uuid),
              stage: Type.Optional(StageNormalized),
              ownerId: Type.Optional(Uuid),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              deals: Type.Array(DealSchema),
              nextCursor: Type.Union([Uuid, Type.Null()]),
            }),
          },
        },
      },
      async (request) => {
        return listDeals(ctx.pool, request.access.workspaceId, pageSize(request.query, 50));
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/deals/:dealId',
      {
        schema: {
          operationId: 'getDeal',
          tags: ['records'],
          summary: 'Get a deal',
          params: Type.Object({ dealId: Uuid }),
          response: { 200: Type.Object({ deal: DealSchema }) },
        },
      },
      async (request) => {
        return { deal: await getDeal(ctx.pool, request.access.workspaceId, request.params.dealId) };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/jobs/failed',
      {
        schema: {
          operationId: 'listFailedJobs',
          tags: ['jobs'],
          summary: 'List failed jobs',
          description: 'Background jobs of this workspace that failed for good.',
          querystring: Type.Object({ limit: PageLimit(200, 50) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              failedJobs: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  jobId: Type.String(),
                  task: Type.String(),
                  payload: Type.Unknown(),
                  attempts: Type.Integer(),
                  lastError: Type.String(),
                  failedAt: Timestamp,
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        return {
          failedJobs: await listFailedJobs(
            ctx.pool,
            request.access.workspaceId,
            request.query.limit,
          ),
        };
      },
    );
  };
}
