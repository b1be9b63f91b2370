import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { crmOutboundPolicy } from '../../crm/outbound.js';
import { checkConnection } from '../../crm/connection-check.js';
import { listWrites } from '../../crm/ledger/queries.js';
import { ORIGIN_TYPES, WRITE_STATUSES } from '../../crm/ledger/types.js';
import { CRM_OBJECT_TYPES } from '../../crm/port.js';
import { usageFor } from '../../crm/rate-limiter.js';
import { getSyncRun, listSyncRuns } from '../../ingest/sync/runs.js';
import { HttpError } from '../../errors.js';
import { enqueue } from '../../jobs/queue.js';
import {
  disconnectConnection,
  getConnection,
  updateConnectionSettings,
} from '../../tenancy/connections.js';
import type { AppContext } from '../context.js';
import {
  errorResponses,
  NullableTimestamp,
  PageLimit,
  pageSize,
  strictObject,
  Timestamp,
  Uuid,
} from '../schemas.js';
import { ConnectionParams, ConnectionSchema } from './connections.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

const UpsertCountsSchema = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
const FetchCountsSchema = Type.Object({
  fetched: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// Stored JSON may carry keys added later: declared for clients, passed through as stored.
const openObject = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: true });

const SyncRunSchema = Type.Object({
  id: Uuid,
  connectionId: Uuid,
  mode: literals(['full', 'incremental'] as const),
  trigger: Type.String(),
  status: literals(['running', 'succeeded', 'partial', 'failed'] as const),
  counts: openObject({
    owners: Type.Optional(UpsertCountsSchema),
    accounts: Type.Optional(FetchCountsSchema),
    contacts: Type.Optional(FetchCountsSchema),
    deals: Type.Optional(FetchCountsSchema),
    dealContacts: Type.Optional(Type.Object({ added: Type.Integer(), removed: Type.Integer() })),
    stageChanges: Type.Optional(Type.Integer()),
  }),
  crmCalls: Type.Integer(),
  errors: Type.Array(
    openObject({
      objectType: Nullable(Type.String()),
      message: Type.String(),
      kind: Nullable(Type.String()),
    }),
  ),
  startedAt: Timestamp,
  finishedAt: Type.Union([Timestamp, Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
});

const UsageSchema = Type.Object({
  connectionId: Uuid,
  day: Type.String({ format: 'date', description: "In the CRM account's time zone" }),
  usedToday: Type.Integer(),
  dailyLimit: Nullable(Type.Integer()),
  percent: Nullable(Type.Number()),
  pausedUntil: NullableTimestamp,
  dailyExhaustedUntil: NullableTimestamp,
  last429At: NullableTimestamp,
  last429Policy: Nullable(Type.String()),
  warnedAt: NullableTimestamp,
  reportedAt: NullableTimestamp,
});

const CrmValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const WriteSchema = Type.Object({
  id: Type.Integer(),
  connectionId: Type.Union([Uuid, Type.Null()]),
  crmType: literals(['hubspot', 'salesforce'] as const),
  objectType: literals(CRM_OBJECT_TYPES),
  recordId: Type.String(),
  field: Type.String(),
  valueBefore: CrmValueSchema,
  valueToWrite: Type.Union([
    ...CrmValueSchema.anyOf,
    // A create (field `*`) records the properties it sends.
    Type.Record(Type.String(), Type.Unknown(), { description: "A create's properties" }),
  ]),
  originType: literals(ORIGIN_TYPES),
  originId: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([Type.String(), Type.Null()]),
  status: literals(WRITE_STATUSES),
  attempts: Type.Integer(),
  error: Nullable(
    openObject({
      kind: Type.String(),
      message: Type.String(),
      crmCode: Nullable(Type.String()),
      field: Nullable(Type.String()),
    }),
  ),
  settledBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  settledAt: Type.Union([Timestamp, Type.Null()]),
});

/**
 * Working with a connection's CRM: test it, sync it and see its runs, its API usage,
 * its schedule and stage mapping, disconnect it; and the write ledger.
 */
export function crmRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = {
    pool: ctx.pool,
    secretKey: ctx.secretKey,
    log: ctx.log,
    outbound: ctx.outbound ?? crmOutboundPolicy(ctx.config),
  };
  return async (app) => {
    app.post(
      '/api/workspaces/:workspaceId/connections/:connectionId/test',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'testConnection',
          tags: ['connections'],
          summary: 'Test a connection',
          description: 'Call the CRM with the stored credentials and record the outcome.',
          params: ConnectionParams,
          response: {
            200: Type.Object({ connection: ConnectionSchema }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        return {
          connection: await checkConnection(
            deps,
            request.access.workspaceId,
            request.params.connectionId,
          ),
        };
      },
    );

    app.patch(
      '/api/workspaces/:workspaceId/connections/:connectionId',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'updateConnection',
          tags: ['connections'],
          summary: 'Update a connection',
          description: 'Rename, set the sync interval, or map CRM stages to Pandora stages.',
          params: ConnectionParams,
          body: strictObject({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            syncIntervalHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
            stageMapping: Type.Optional(
              Type.Record(
                Type.String({ minLength: 1, maxLength: 200 }),
                literals([
                  'prospecting',
                  'qualification',
                  'discovery',
                  'evaluation',
                  'proposal',
                  'negotiation',
                  'closed_won',
                  'closed_lost',
                ] as const),
              ),
            ),
          }),
          response: {
            200: Type.Object({ connection: ConnectionSchema }),
          },
        },
      },
      async (request) => {
        return {
          connection: await updateConnectionSettings(
            ctx.pool,
            request.access.workspaceId,
            request.params.connectionId,
            request.body,
          ),
        };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/connections/:connectionId/disconnect',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'disconnectConnection',
          tags: ['connections'],
          summary: 'Disconnect a CRM',
          description: 'Wipe the credentials; sync history and the write ledger stay.',
          params: ConnectionParams,
          response: {
            200: Type.Object({ connection: ConnectionSchema }),
          },
        },
      },
      async (request) => {
        return {
          connection: await disconnectConnection(
            ctx.pool,
            request.access.workspaceId,
            request.params.connectionId,
          ),
        };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/connections/:connectionId/usage',
      {
        schema: {
          operationId: 'getConnectionUsage',
          tags: ['connections'],
          summary: "Get a connection's API usage",
          description: "Today's API calls against the CRM's limits, pauses and the last 429.",
          params: ConnectionParams,
          response: {
            200: Type.Object({ usage: Nullable(UsageSchema) }),
          },
        },
      },
      async (request) => {
        await getConnection(ctx.pool, request.access.workspaceId, request.params.connectionId);
        const usage = await usageFor(
          ctx.pool,
          request.access.workspaceId,
          request.params.connectionId,
        );
        return { usage };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/connections/:connectionId/sync',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'startSync',
          tags: ['sync'],
          summary: 'Start a sync',
          description: 'Queue a sync of the CRM into Pandora; follow it in sync-runs.',
          params: ConnectionParams,
          body: Type.Optional(
            strictObject({ mode: Type.Optional(literals(['full', 'incremental'] as const)) }),
          ),
          response: {
            202: Type.Object({ jobId: Type.String() }),
            ...errorResponses(409),
          },
        },
      },
      async (request, reply) => {
        const connection = await getConnection(
          ctx.pool,
          request.access.workspaceId,
          request.params.connectionId,
        );
        if (!connection.hasCredentials || connection.status === 'disconnected') {
          throw new HttpError(
            409,
            'connection_not_ready',
            'This connection has no credentials; reconnect it first',
          );
        }
        const jobId = await enqueue(
          ctx.pool,
          'crm.sync',
          {
            workspaceId: request.access.workspaceId,
            connectionId: connection.id,
            mode: request.body?.mode ?? 'incremental',
            trigger: 'manual',
          },
          { jobKey: `crm.sync:${connection.id}`, maxAttempts: 3 },
        );
        return reply.status(202).send({ jobId });
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/connections/:connectionId/sync-runs',
      {
        schema: {
          operationId: 'listSyncRuns',
          tags: ['sync'],
          summary: 'List sync runs',
          params: ConnectionParams,
          querystring: strictObject({
            limit: PageLimit(100, 20),
          }),
          response: {
            200: Type.Object({ runs: Type.Array(SyncRunSchema) }),
          },
        },
      },
      async (request) => {
        await getConnection(ctx.pool, request.access.workspaceId, request.params.connectionId);
        return {
          runs: await listSyncRuns(
            ctx.pool,
            request.access.workspaceId,
            request.params.connectionId,
            pageSize(request.query, 20).limit,
          ),
        };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/sync-runs/:runId',
      {
        schema: {
          operationId: 'getSyncRun',
          tags: ['sync'],
          summary: 'Get a sync run',
          params: Type.Object({ runId: Uuid }),
          response: { 200: Type.Object({ run: SyncRunSchema }) },
        },
      },
      async (request) => {
        return {
          run: await getSyncRun(ctx.pool, request.access.workspaceId, request.params.runId),
        };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/crm-writes',
      {
        schema: {
          operationId: 'listCrmWrites',
          tags: ['sync'],
          summary: 'List CRM writes',
          description: 'The write ledger: every CRM field write, newest first.',
          querystring: strictObject({
            objectType: Type.Optional(literals(CRM_OBJECT_TYPES)),
            recordId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            field: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            originType: Type.Optional(literals(ORIGIN_TYPES)),
            originId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            status: Type.Optional(literals(WRITE_STATUSES)),
            connectionId: Type.Optional(Uuid),
            since: Type.Optional(Timestamp),
            until: Type.Optional(Timestamp),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: PageLimit(200, 50),
          }),
          response: {
            200: Type.Object({
              writes: Type.Array(WriteSchema),
              nextCursor: Type.Union([Type.Integer(), Type.Null()]),
            }),
          },
        },
      },
      async (request) => {
        const { entries, nextCursor } = await listWrites(
          ctx.pool,
          request.access.workspaceId,
          pageSize(request.query, 50),
        );
        return { writes: entries, nextCursor };
      },
    );
  };
}
