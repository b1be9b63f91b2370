import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ANOMALY_SEVERITIES, ANOMALY_STATUSES } from '../../anomalies/lifecycle.js';
import {
  acknowledgeAnomalyAs,
  getAnomaly,
  listAnomalies,
  resolveAnomalyAs,
} from '../../anomalies/queries.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  NullableTimestamp,
  PageLimit,
  Timestamp,
  Uuid,
  errorResponses,
  pageSize,
} from '../schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const AnomalySchema = Type.Object({
  id: Uuid,
  rule: Type.String({
    description: 'agent_failure_rate, agent_low_confidence, field_precision_drop...',
  }),
  scopeKey: Type.String({
    description:
      "What it is about: '' for the workspace, an agent id, `agentId:field`, a connection id",
  }),
  severity: literals(ANOMALY_SEVERITIES),
  title: Type.String(),
  description: nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'value, threshold, recoverAt, direction, sampleSize, minSample and what the rule adds',
  }),
  status: literals(ANOMALY_STATUSES),
  firstSeenAt: Timestamp,
  firedAt: NullableTimestamp,
  lastNotifiedAt: NullableTimestamp,
  acknowledgedBy: nullable(Type.String()),
  acknowledgedAt: NullableTimestamp,
  resolvedAt: NullableTimestamp,
  resolvedBy: nullable(Type.String()),
  resolution: nullable(literals(['person', 'recovery'])),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const AnomalyDetailSchema = Type.Composite([
  AnomalySchema,
  Type.Object({
    thresholds: nullable(
      Type.Object({
        direction: literals(['above', 'below']),
        fireAt: Type.Number(),
        recoverAt: Type.Number(),
      }),
    ),
    samples: Type.Array(
      Type.Object({ at: Timestamp, value: Type.Number(), sampleSize: Type.Integer() }),
      { description: 'The measured value at each evaluation, oldest first (the last 30 days)' },
    ),
  }),
]);

const tags = ['anomalies'];
const Params = Type.Object({ anomalyId: Uuid });

export function anomalyRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/anomalies';
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listAnomalies',
          tags,
          summary: 'List anomalies',
          description: 'What the anomaly rules found, newest first; `status` picks one state.',
          querystring: Type.Object(
            { status: Type.Optional(literals(ANOMALY_STATUSES)), limit: PageLimit(200, 50) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ anomalies: Type.Array(AnomalySchema) }) },
        },
      },
      async (request) => ({
        anomalies: await listAnomalies(
          ctx.pool,
          request.access.workspaceId,
          pageSize(request.query, 50),
        ),
      }),
    );

    app.get(
      `${base}/:anomalyId`,
      {
        schema: {
          operationId: 'getAnomaly',
          tags,
          summary: 'Get an anomaly with its trend',
          description:
            "The finding, its rule's thresholds, and the value measured at each evaluation.",
          params: Params,
          response: { 200: Type.Object({ anomaly: AnomalyDetailSchema }) },
        },
      },
      async (request) => ({
        anomaly: await getAnomaly(ctx.pool, request.access.workspaceId, request.params.anomalyId),
      }),
    );

    app.post(
      `${base}/:anomalyId/acknowledge`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'acknowledgeAnomaly',
          tags,
          summary: 'Acknowledge an anomaly',
          description:
            'Someone is on it: nobody is told again, its inbox alerts are settled; it still clears by itself on recovery. 409 anomaly_resolved when it is resolved.',
          params: Params,
          response: { 200: Type.Object({ anomaly: AnomalySchema }), ...errorResponses(409) },
        },
      },
      async (request) => ({
        anomaly: await acknowledgeAnomalyAs(
          ctx.pool,
          await callerOf(ctx.pool, request.access),
          request.params.anomalyId,
        ),
      }),
    );

    app.post(
      `${base}/:anomalyId/resolve`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'resolveAnomaly',
          tags,
          summary: 'Resolve an anomaly',
          description:
            'Fixed: resolved by a person (a resolved one stays as it is). If the rule still finds the condition, its next evaluation opens a new finding.',
          params: Params,
          response: { 200: Type.Object({ anomaly: AnomalySchema }) },
        },
      },
      async (request) => ({
        anomaly: await resolveAnomalyAs(
          ctx.pool,
          await callerOf(ctx.pool, request.access),
          request.params.anomalyId,
        ),
      }),
    );
  };
}
