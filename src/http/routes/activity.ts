import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { STAT_BUCKETS, activityStats } from '../../activity/stats.js';
import { ACTIVITY_STATUSES, getActivity, listActivity } from '../../activity/timeline.js';
import { activityViewer } from '../../activity/viewer.js';
import type { AppContext } from '../context.js';
import { PageLimit, Timestamp, Uuid, pageSize } from '../schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Confidence = nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const ActivityLogSchema = Type.Object({
  id: Uuid,
  agent: nullable(Type.Object({ id: Uuid, name: Type.String() })),
  conversation: nullable(Type.Object({ id: Uuid, title: Type.String(), startedAt: Timestamp })),
  owner: nullable(
    Type.Object(
      { id: Uuid, name: Type.String(), email: nullable(Type.String()) },
      { description: "The rep: the record's CRM owner" },
    ),
  ),
  trigger: literals(['linked', 'manual', 'replay']),
  crmRecordType: nullable(literals(['deal', 'contact', 'account'])),
  crmRecordId: nullable(Type.String({ description: "The record's id in the CRM" })),
  deal: nullable(Type.Object({ id: Uuid, name: Type.String() })),
  actionType: literals(['create', 'update', 'skip']),
  fieldsUpdated: Type.Record(Type.String(), Type.Unknown(), {
    description: '{ field: { before, after, confidence, quote, decision, status } }',
  }),
  matchConfidence: Confidence,
  overallConfidence: Confidence,
  status: literals(ACTIVITY_STATUSES),
  shadow: Type.Boolean({ description: 'Proposed only: the agent was in shadow mode' }),
  actionId: nullable(Uuid),
  warnings: Type.Array(Type.Unknown()),
  errorMessage: nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const Rate = nullable(Type.Number({ minimum: 0, maximum: 1 }));
const Counts = {
  runs: Type.Integer(),
  autoApplied: Type.Integer({ description: 'Fields written without a person' }),
  waiting: Type.Integer({ description: 'Runs waiting for a person' }),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  rejected: Type.Integer(),
  approved: Type.Integer({ description: 'Runs that waited for a person and were approved' }),
  approvalRate: Rate,
  failureRate: Rate,
  averageConfidence: Rate,
};

const tags = ['activity'];

export function activityRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/activity';
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listActivity',
          tags,
          summary: 'List agent runs',
          description:
            "The activity timeline, newest first, with keyset pagination (pass `nextCursor` as `cursor`). Admins see every run, a member the runs on records they own (the CRM owner with the member's email).",
          querystring: Type.Object(
            {
              agentId: Type.Optional(Uuid),
              ownerId: Type.Optional(
                Type.String({ format: 'uuid', description: 'The rep (a CRM owner id)' }),
              ),
              status: Type.Optional(literals(ACTIVITY_STATUSES)),
              recordId: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 100,
                  description: "The record's id in the CRM",
                }),
              ),
              from: Type.Optional(
                Type.String({ format: 'date-time', description: 'Created at or after' }),
              ),
              to: Type.Optional(
                Type.String({ format: 'date-time', description: 'Created before' }),
              ),
              cursor: Type.Optional(Type.String({ maxLength: 200 })),
              limit: PageLimit(200, 50),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(ActivityLogSchema),
              nextCursor: nullable(Type.String()),
            }),
          },
        },
      },
      async (request) =>
        listActivity(
          ctx.pool,
          request.access.workspaceId,
          await activityViewer(ctx.pool, request.access),
          pageSize(request.query, 50),
        ),
    );

    app.get(
      `${base}/stats`,
      {
        schema: {
          operationId: 'getActivityStats',
          tags,
          summary: 'Summarize agent runs over a period',
          description:
            'Totals and a series by hour or day (UTC) for charts: runs, fields auto-applied, runs waiting, approval rate, failure rate, average confidence. The period defaults to the last seven days, widened to whole buckets; by hour at most 31 days, by day 366. A run counts in the bucket it was created in.',
          querystring: Type.Object(
            {
              from: Type.Optional(Type.String({ format: 'date-time' })),
              to: Type.Optional(Type.String({ format: 'date-time' })),
              bucket: Type.Optional(literals(STAT_BUCKETS)),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              from: Timestamp,
              to: Timestamp,
              bucket: literals(STAT_BUCKETS),
              totals: Type.Object(Counts),
              series: Type.Array(Type.Object({ at: Timestamp, ...Counts })),
            }),
          },
        },
      },
      async (request) =>
        activityStats(
          ctx.pool,
          request.access.workspaceId,
          await activityViewer(ctx.pool, request.access),
          request.query,
        ),
    );

    app.get(
      `${base}/:activityId`,
      {
        schema: {
          operationId: 'getActivity',
          tags,
          summary: 'Get an agent run',
          description: 'One run with every field it proposed and the inbox items it made.',
          params: Type.Object({ activityId: Uuid }),
          response: {
            200: Type.Object({
              activity: Type.Composite([
                ActivityLogSchema,
                Type.Object({
                  inboxItems: Type.Array(
                    Type.Object({
                      id: Uuid,
                      itemType: literals(['approval', 'question', 'alert']),
                      status: literals(['pending', 'approved', 'rejected', 'expired']),
                      title: Type.String(),
                    }),
                  ),
                }),
              ]),
            }),
          },
        },
      },
      async (request) => ({
        activity: await getActivity(
          ctx.pool,
          request.access.workspaceId,
          await activityViewer(ctx.pool, request.access),
          request.params.activityId,
        ),
      }),
    );
  };
}
