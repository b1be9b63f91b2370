import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getDealActivity, listPipelineStages } from '../../deals/activity.js';
import type { AppContext } from '../context.js';
import { errorResponses, Timestamp, Uuid } from '../schemas.js';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const DealActivitySchema = Type.Object({
  stageHistory: Type.Array(
    Type.Object({
      fromStage: nullable(Type.String()),
      toStage: Type.String(),
      changedAt: Timestamp,
    }),
    { description: 'Oldest first' },
  ),
  scores: Type.Array(
    Type.Object({
      field: Type.String({ description: 'A computed field: deal_score, deal_risk...' }),
      value: Type.Unknown(),
      factors: Type.Unknown({ description: 'Why: the factors behind the value' }),
      computedAt: Timestamp,
      changedAt: Timestamp,
    }),
  ),
  meetings: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      source: Type.String(),
      startedAt: Timestamp,
      durationSeconds: Type.Integer(),
      linkMethod: nullable(Type.String()),
      linkConfidence: nullable(Type.Number()),
    }),
    { description: 'Newest first, at most 100' },
  ),
});

const PipelineStageSchema = Type.Object({
  source: Type.String({ description: 'The CRM: hubspot or salesforce' }),
  pipelineId: Type.String(),
  pipelineLabel: Type.String(),
  stageId: Type.String(),
  stageLabel: Type.String(),
  displayOrder: Type.Integer(),
  isClosed: Type.Boolean(),
  isWon: Type.Boolean(),
  stageNormalized: Type.String(),
});

/** Reads for the console's deal page and the create-deal form; members and admins alike. */
export function dealRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/deals/:dealId/activity',
      {
        schema: {
          operationId: 'getDealActivity',
          tags: ['records'],
          summary: "Get a deal's stage history, scores and meetings",
          description:
            'What Pandora holds about a deal beyond its fields. Its actions and ledger writes are ' +
            'listed by `listActionItems` and `listCrmWrites` filtered on the deal.',
          params: Type.Object({ dealId: Uuid }),
          response: { 200: DealActivitySchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        getDealActivity(ctx.pool, request.access.workspaceId, request.params.dealId),
    );

    app.get(
      '/api/workspaces/:workspaceId/pipeline-stages',
      {
        schema: {
          operationId: 'listPipelineStages',
          tags: ['records'],
          summary: "List the CRM pipelines' stages",
          description: 'As last synced, each pipeline in its own order.',
          querystring: Type.Object(
            {
              source: Type.Optional(
                Type.String({ minLength: 1, maxLength: 50, description: 'hubspot or salesforce' }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ stages: Type.Array(PipelineStageSchema) }) },
        },
      },
      async (request) => ({
        stages: await listPipelineStages(
          ctx.pool,
          request.access.workspaceId,
          request.query.source,
        ),
      }),
    );
  };
}
