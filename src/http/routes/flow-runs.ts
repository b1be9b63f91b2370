import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  cancelFlowRun,
  getFlowRun,
  listFlowRuns,
  rerunFlowRun,
  startFlowRun,
} from '../../flows/engine/runs.js';
import { flowStats, STATS_PERIODS } from '../../flows/stats.js';
import { getFlow, runVisibleTo } from '../../flows/store.js';
import { RUN_STATUSES } from '../../flows/types.js';
import { notFound } from '../../errors.js';
import type { WorkspaceAccess } from '../auth.js';
import type { AppContext } from '../context.js';
import { PageLimit, Timestamp, Uuid, pageSize, strictObject } from '../schemas.js';
import { FlowParams, literals, RunSchema, RunSummarySchema } from './flow-schemas.js';

const RunParams = Type.Object({ flowRunId: Uuid });
const DEFAULT_LIMIT = 50;

const StatsFigures = {
  runs: Type.Integer(),
  completed: Type.Integer(),
  failed: Type.Integer({ description: 'Failed or timed out' }),
  cancelled: Type.Integer(),
  runsPerMinute: Type.Number(),
  p95DurationMs: Type.Union([Type.Integer(), Type.Null()]),
  failureRate: Type.Union([Type.Number(), Type.Null()], {
    description: 'failed / (completed + failed); null when none finished',
  }),
};

/**
 * Runs of workspace flows: admins start (manual), cancel and rerun them; members read
 * them and the run statistics. A member's automation runs are seen by that member and
 * admins only.
 */
export function flowRunRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const workspace = '/api/workspaces/:workspaceId';
  const tags = ['flows'];

  /** The run as the caller may see it, or 404. */
  async function visibleRun(access: WorkspaceAccess, runId: string) {
    const run = await getFlowRun(ctx.pool, access.workspaceId, runId);
    if (!run || !(await runVisibleTo(ctx.pool, access.workspaceId, run, access))) {
      throw notFound('flow run', runId);
    }
    return run;
  }

  return async (app) => {
    app.post(
      `${workspace}/flows/:flowId/runs`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'startFlowRun',
          tags,
          summary: 'Start a flow run',
          description:
            'A manual run of the latest published version; `input` is what {{trigger.x}} reads. 409 flow_not_published, flow_archived.',
          params: FlowParams,
          body: strictObject({
            input: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          }),
          response: { 201: Type.Object({ run: RunSchema }) },
        },
      },
      async (request, reply) => {
        const { workspaceId, userId } = request.access;
        // Only a workspace flow starts here; an automation starts under its own routes.
        await getFlow(ctx.pool, workspaceId, request.params.flowId, 'flow');
        const { runId } = await startFlowRun(ctx.pool, {
          workspaceId,
          flowId: request.params.flowId,
          trigger: { type: 'manual' },
          input: request.body.input ?? {},
          startedBy: userId,
        });
        return reply.status(201).send({ run: await visibleRun(request.access, runId) });
      },
    );

    app.get(
      `${workspace}/flows/:flowId/runs`,
      {
        schema: {
          operationId: 'listFlowRuns',
          tags,
          summary: 'List flow runs',
          description: "The flow's runs, newest first, a page at a time (without their steps).",
          params: FlowParams,
          querystring: Type.Object({
            status: Type.Optional(literals(RUN_STATUSES)),
            limit: PageLimit(200, DEFAULT_LIMIT),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: {
            200: Type.Object({
              runs: Type.Array(RunSummarySchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        await getFlow(ctx.pool, workspaceId, request.params.flowId, 'flow');
        const query = pageSize(request.query, DEFAULT_LIMIT);
        return listFlowRuns(ctx.pool, workspaceId, {
          flowId: request.params.flowId,
          status: query.status,
          limit: query.limit,
          cursor: query.cursor,
        });
      },
    );

    app.get(
      `${workspace}/flow-runs/:flowRunId`,
      {
        schema: {
          operationId: 'getFlowRun',
          tags,
          summary: 'Get a flow run',
          description:
            "The run and each step's status, resolved input (secrets hidden), output, error, attempts and timing.",
          params: RunParams,
          response: { 200: Type.Object({ run: RunSchema }) },
        },
      },
      async (request) => ({ run: await visibleRun(request.access, request.params.flowRunId) }),
    );

    app.post(
      `${workspace}/flow-runs/:flowRunId/cancel`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'cancelFlowRun',
          tags,
          summary: 'Cancel a flow run',
          description:
            'A pending or waiting run stops now; a running one before its next step. 409 run_finished.',
          params: RunParams,
          response: { 200: Type.Object({ run: RunSchema }) },
        },
      },
      async (request) => {
        const { workspaceId, userId } = request.access;
        await cancelFlowRun(ctx.pool, workspaceId, request.params.flowRunId, userId);
        return { run: await visibleRun(request.access, request.params.flowRunId) };
      },
    );

    app.post(
      `${workspace}/flow-runs/:flowRunId/rerun`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'rerunFlowRun',
          tags,
          summary: 'Rerun a flow run',
          description:
            'A new run from the step that stopped this one, re-using the results before it, on the same version or the latest. 409 run_not_rerunnable unless failed, timed out or cancelled.',
          params: RunParams,
          body: strictObject({
            version: Type.Optional(
              Type.Union([Type.Literal('same'), Type.Literal('latest')], {
                description: "The version to run: the failed run's (default) or the latest",
              }),
            ),
          }),
          response: { 201: Type.Object({ run: RunSchema }) },
        },
      },
      async (request, reply) => {
        const { workspaceId, userId } = request.access;
        const { runId } = await rerunFlowRun(ctx.pool, workspaceId, request.params.flowRunId, {
          on: request.body.version ?? 'same',
          startedBy: userId,
        });
        return reply.status(201).send({ run: await visibleRun(request.access, runId) });
      },
    );

    app.get(
      `${workspace}/flow-stats`,
      {
        schema: {
          operationId: 'getFlowStats',
          tags,
          summary: 'Get flow run statistics',
          description:
            'Runs per minute, p95 run duration and failure rate over the last hour (minute buckets), day (hours) or week (6 hours), for all runs or one flow.',
          querystring: Type.Object({
            period: Type.Optional(literals(STATS_PERIODS)),
            flowId: Type.Optional(Uuid),
          }),
          response: {
            200: Type.Object({
              period: literals(STATS_PERIODS),
              from: Timestamp,
              to: Timestamp,
              bucketSeconds: Type.Integer(),
              totals: Type.Object(StatsFigures),
              buckets: Type.Array(Type.Object({ start: Timestamp, ...StatsFigures })),
            }),
          },
        },
      },
      async (request) =>
        flowStats(ctx.pool, request.access.workspaceId, {
          period: request.query.period ?? 'day',
          flowId: request.query.flowId,
        }),
    );
  };
}
