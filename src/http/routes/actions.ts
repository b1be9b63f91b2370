import { listNotifications } from '../../notifications/in-app.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { getBatch } from '../../actions/batch.js';
import {
  ACTION_STATUSES,
  getAction,
  listActions,
  SEVERITIES,
  type ActionStatus,
  type Severity,
} from '../../actions/store.js';
import {
  approveActionAs,
  auditOf,
  createActionAs,
  dismissActionAs,
  executeActionAs,
  markNotificationsRead,
  operationsOf,
  previewActionAs,
  startBatchAs,
  undoActionAs,
} from '../../actions/service.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { errorResponses, PageLimit, pageSize, strictObject, Uuid } from '../schemas.js';
import {
  ActionSchema,
  BatchSchema,
  ExecutionSchema,
  NotificationSchema,
  OperationsSchema,
  PreviewSchema,
  UndoSchema,
} from './action-schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

const CrmValueSchema = Type.Union([
  Type.String({ maxLength: 65_536 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);
const ObjectType = literals(['deal', 'contact', 'account'] as const);
const ActionType = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,49}$',
  description: 'e.g. update_field, clean_data, notify_rep',
});

const ExecutionPayload = strictObject({
  crm_updates: Type.Optional(
    Type.Array(
      strictObject({
        field: Type.String({ minLength: 1, maxLength: 200 }),
        proposed_value: CrmValueSchema,
        current_value: Type.Optional(CrmValueSchema),
      }),
      { maxItems: 50 },
    ),
  ),
  note: Type.Optional(Type.String({ maxLength: 10_000 })),
});

const ActionParams = Type.Object({ actionId: Uuid });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

const CreateBody = strictObject({
  actionType: ActionType,
  severity: literals(SEVERITIES),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  summary: Type.Optional(Type.String({ maxLength: 10_000 })),
  impactAmount: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  urgencyLabel: Type.Optional(Type.String({ maxLength: 100 })),
  recommendedSteps: Type.Optional(Type.Array(Type.String({ maxLength: 1_000 }), { maxItems: 20 })),
  connectionId: Uuid,
  targetType: ObjectType,
  targetSourceId: Type.String({ minLength: 1, maxLength: 100 }),
  targetName: Type.Optional(Type.String({ maxLength: 300 })),
  ownerEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  executionPayload: Type.Optional(ExecutionPayload),
});

export function actionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log };
  const base = '/api/workspaces/:workspaceId/action-items';
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listActionItems',
          tags: ['actions'],
          summary: 'List actions',
          description: 'Actions, newest (or largest impact) first, with keyset pagination.',
          querystring: Type.Object(
            {
              status: Type.Optional(Type.Array(literals(ACTION_STATUSES), { maxItems: 7 })),
              severity: Type.Optional(Type.Array(literals(SEVERITIES), { maxItems: 3 })),
              actionType: Type.Optional(ActionType),
              targetType: Type.Optional(ObjectType),
              targetSourceId: Type.Optional(Type.String({ maxLength: 100 })),
              ownerEmail: Type.Optional(Type.String({ maxLength: 254 })),
              sourceName: Type.Optional(Type.String({ maxLength: 100 })),
              order: Type.Optional(literals(['created', 'impact'] as const)),
              limit: PageLimit(200, 50),
              after: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              actions: Type.Array(ActionSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (request) => {
        const { status, severity, ...rest } = request.query;
        return listActions(ctx.pool, request.access.workspaceId, {
          ...rest,
          status: status as ActionStatus[] | undefined,
          severity: severity as Severity[] | undefined,
        });
      },
    );

    app.post(
      base,
      {
        schema: {
          operationId: 'createActionItem',
          tags: ['actions'],
          summary: 'Propose an action',
          description: 'Propose an action (by a person or an API client).',
          body: CreateBody,
          response: {
            201: Type.Object({ action: ActionSchema }),
          },
        },
      },
      async (request, reply) => {
        const action = await createActionAs(ctx.pool, await callerOf(ctx.pool, request.access), {
          ...request.body,
          executionPayload: request.body.executionPayload as Static<typeof ExecutionPayload>,
        });
        reply.code(201);
        return { action };
      },
    );

    app.get(
      `${base}/:actionId`,
      {
        schema: {
          operationId: 'getActionItem',
          tags: ['actions'],
          summary: 'Get an action',
          params: ActionParams,
          response: { 200: Type.Object({ action: ActionSchema }) },
        },
      },
      async (request) => {
        return {
          action: await getAction(ctx.pool, request.access.workspaceId, request.params.actionId),
        };
      },
    );

    app.get(
      `${base}/:actionId/audit`,
      {
        schema: {
          operationId: 'getActionItemAudit',
          tags: ['actions'],
          summary: "Get an action's audit trail",
          description: 'The action’s audit trail, oldest first (append-only).',
          params: ActionParams,
          response: {
            200: Type.Object({
              entries: Type.Array(
                Type.Object({
                  id: Type.Number(),
                  event: Type.String(),
                  fromStatus: Type.Union([Type.String(), Type.Null()]),
                  toStatus: Type.Union([Type.String(), Type.Null()]),
                  actor: Type.Union([Type.String(), Type.Null()]),
                  details: Type.Unknown(),
                  createdAt: Type.String(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        return {
          entries: await auditOf(ctx.pool, request.access.workspaceId, request.params.actionId),
        };
      },
    );

    app.post(
      `${base}/:actionId/dismiss`,
      {
        schema: {
          operationId: 'dismissActionItem',
          tags: ['actions'],
          summary: 'Dismiss an open action',
          params: ActionParams,
          body: Type.Optional(
            strictObject({ reason: Type.Optional(Type.String({ maxLength: 1_000 })) }),
          ),
          response: {
            200: Type.Object({ action: ActionSchema }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        const action = await dismissActionAs(
          ctx.pool,
          await callerOf(ctx.pool, request.access),
          request.params.actionId,
          request.body?.reason ?? null,
        );
        return { action };
      },
    );

    app.post(
      `${base}/:actionId/approve`,
      {
        schema: {
          operationId: 'approveActionItem',
          tags: ['actions'],
          summary: 'Approve an action',
          description:
            'Approve an action a policy holds for approval (an admin, or the action’s owner).',
          params: ActionParams,
          response: {
            200: Type.Object({ action: ActionSchema }),
            ...errorResponses(403, 409),
          },
        },
      },
      async (request) => {
        const action = await approveActionAs(
          ctx.pool,
          await callerOf(ctx.pool, request.access),
          request.params.actionId,
        );
        return { action };
      },
    );

    const previewOf = async (access: Parameters<typeof callerOf>[1], actionId: string) =>
      previewActionAs(deps, await callerOf(ctx.pool, access), actionId);

    app.post(
      `${base}/:actionId/preview`,
      {
        schema: {
          operationId: 'previewActionItem',
          tags: ['actions'],
          summary: "Preview an action's changes",
          description:
            'The exact diff execute would apply, current values read fresh; writes nothing.',
          params: ActionParams,
          response: { 200: Type.Object({ preview: PreviewSchema }), ...errorResponses(409) },
        },
      },
      async (request) => ({ preview: await previewOf(request.access, request.params.actionId) }),
    );

    app.get(
      `${base}/:actionId/operations`,
      {
        schema: {
          operationId: 'listActionItemOperations',
          tags: ['actions'],
          summary: "List an action's planned operations",
          description: 'The planned operations with current values read fresh from the CRM.',
          params: ActionParams,
          response: { 200: OperationsSchema, ...errorResponses(409) },
        },
      },
      async (request) => operationsOf(await previewOf(request.access, request.params.actionId)),
    );

    app.post(
      `${base}/:actionId/execute`,
      {
        schema: {
          operationId: 'executeActionItem',
          tags: ['actions'],
          summary: 'Execute an action',
          description: 'Execute an action now (Idempotency-Key honoured).',
          params: ActionParams,
          headers: IdempotencyHeaders,
          response: {
            200: Type.Object({ execution: ExecutionSchema }),
            ...errorResponses(403, 409, 422),
          },
        },
      },
      async (request) => {
        const execution = await executeActionAs(
          deps,
          await callerOf(ctx.pool, request.access),
          request.params.actionId,
          request.headers['idempotency-key'],
        );
        return { execution };
      },
    );

    app.post(
      `${base}/:actionId/undo`,
      {
        schema: {
          operationId: 'undoActionItem',
          tags: ['actions'],
          summary: 'Undo an action',
          description:
            'Put back what the action wrote, where the CRM still holds it (force: overwrite changes made since).',
          params: ActionParams,
          headers: IdempotencyHeaders,
          body: Type.Optional(strictObject({ force: Type.Optional(Type.Boolean()) })),
          response: { 200: Type.Object({ undo: UndoSchema }), ...errorResponses(409) },
        },
      },
      async (request) => {
        const undo = await undoActionAs(
          deps,
          await callerOf(ctx.pool, request.access),
          request.params.actionId,
          {
            force: request.body?.force ?? false,
            idempotencyKey: request.headers['idempotency-key'],
          },
        );
        return { undo };
      },
    );

    app.post(
      `${base}/batch-execute`,
      {
        schema: {
          operationId: 'createActionBatch',
          tags: ['actions'],
          summary: 'Execute actions in a batch',
          description: 'Execute many actions in one background job, their writes coalesced.',
          body: strictObject({
            actionIds: Type.Array(Uuid, { minItems: 1, maxItems: 10_000, uniqueItems: true }),
          }),
          response: {
            202: Type.Object({ batch: BatchSchema }),
          },
        },
      },
      async (request, reply) => {
        const batch = await startBatchAs(
          ctx.pool,
          await callerOf(ctx.pool, request.access),
          request.body.actionIds,
        );
        reply.code(202);
        return { batch };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/action-batches/:batchId',
      {
        schema: {
          operationId: 'getActionBatch',
          tags: ['actions'],
          summary: 'Get a batch execution',
          description: 'A batch execution’s progress and per-action results.',
          params: Type.Object({ batchId: Uuid }),
          response: { 200: Type.Object({ batch: BatchSchema }) },
        },
      },
      async (request) => {
        return {
          batch: await getBatch(ctx.pool, request.access.workspaceId, request.params.batchId),
        };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/notifications',
      {
        schema: {
          operationId: 'listNotifications',
          tags: ['actions'],
          summary: 'List notifications',
          description:
            'In-app notifications for the current user (all of the workspace’s for an API key), newest first with keyset pagination (`cursor` = the previous `nextCursor`), and how many are unread.',
          querystring: Type.Object(
            {
              unread: Type.Optional(Type.Boolean()),
              limit: PageLimit(200, 50),
              cursor: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              notifications: Type.Array(NotificationSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
              unread: Type.Integer(),
            }),
          },
        },
      },
      async (request) => {
        const page = await listNotifications(
          ctx.pool,
          await callerOf(ctx.pool, request.access),
          pageSize(request.query, 50),
        );
        return { notifications: page.items, nextCursor: page.nextCursor, unread: page.unread };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/notifications/read',
      {
        schema: {
          operationId: 'markNotificationsRead',
          tags: ['actions'],
          summary: 'Mark notifications read',
          description:
            'Marks notifications read: the given ids, or all of the caller’s when none are given.',
          body: Type.Optional(
            strictObject({ ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500 })) }),
          ),
          response: {
            200: Type.Object({ marked: Type.Integer() }),
          },
        },
      },
      async (request) => {
        const marked = await markNotificationsRead(
          ctx.pool,
          await callerOf(ctx.pool, request.access),
          request.body?.ids ?? null,
        );
        return { marked };
      },
    );
  };
}
