import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { createBatch, getBatch } from '../../actions/batch.js';
import { executeActions, type ActionExecution } from '../../actions/engine.js';
import { applyPoliciesToNew, policyGate } from '../../actions/policy-gate.js';
import { previewAction } from '../../actions/preview.js';
import {
  ACTION_STATUSES,
  getAction,
  listActions,
  proposeAction,
  SEVERITIES,
  transition,
  type ActionStatus,
  type Severity,
} from '../../actions/store.js';
import { undoAction } from '../../actions/undo.js';
import { HttpError, forbidden } from '../../errors.js';
import { enqueue } from '../../jobs/queue.js';
import { actorName, workspaceAccess, type WorkspaceAccess } from '../auth.js';
import type { AppContext } from '../context.js';
import { Uuid, WorkspaceParams, errorResponses, strictObject } from '../schemas.js';

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

const ActionSchema = Type.Object({
  id: Uuid,
  actionType: Type.String(),
  severity: literals(SEVERITIES),
  title: Type.String(),
  summary: Type.String(),
  impactAmount: Type.Union([Type.Number(), Type.Null()]),
  urgencyLabel: Type.Union([Type.String(), Type.Null()]),
  recommendedSteps: Type.Array(Type.String()),
  connectionId: Type.Union([Uuid, Type.Null()]),
  targetType: ObjectType,
  targetSourceId: Type.String(),
  targetEntityId: Type.Union([Uuid, Type.Null()]),
  targetName: Type.Union([Type.String(), Type.Null()]),
  ownerEmail: Type.Union([Type.String(), Type.Null()]),
  executionPayload: Type.Unknown(),
  status: literals(ACTION_STATUSES),
  executionResult: Type.Unknown(),
  sourceType: Type.String(),
  sourceId: Type.Union([Type.String(), Type.Null()]),
  sourceName: Type.Union([Type.String(), Type.Null()]),
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  executedAt: Type.Union([Type.String(), Type.Null()]),
  undoneAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const ActionParams = Type.Object({ workspaceId: Uuid, actionId: Uuid });
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

/** An execution's outcome as an HTTP answer: refusals are 4xx with a stable code. */
function answerExecution(result: ActionExecution): ActionExecution {
  const message = result.errors.map((error) => error.message).join('; ');
  switch (result.outcome) {
    case 'not_found':
      throw new HttpError(404, 'not_found', message);
    case 'busy':
      throw new HttpError(409, 'execution_in_progress', message);
    case 'needs_approval':
      throw new HttpError(409, 'approval_required', message, result);
    case 'blocked':
      throw new HttpError(403, 'policy_blocked', message, result);
    case 'not_executable':
      throw new HttpError(409, 'invalid_status', message, { status: result.status });
    case 'invalid':
      throw new HttpError(422, 'invalid_operations', `Nothing was written: ${message}`, result);
    default:
      return result;
  }
}

export function actionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log };
  const base = '/api/workspaces/:workspaceId/action-items';
  /** Whose notifications a caller sees: a person their own, an API key everyone's (null). */
  const recipientOf = async (access: WorkspaceAccess) =>
    access.principal.kind === 'user' ? actorName(ctx.pool, access) : null;
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags: ['actions'],
          summary: 'Actions, newest (or largest impact) first, with keyset pagination',
          params: WorkspaceParams,
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
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
              after: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              actions: Type.Array(ActionSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const { status, severity, ...rest } = request.query;
        return listActions(ctx.pool, access.workspaceId, {
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
          tags: ['actions'],
          summary: 'Propose an action (by a person or an API client)',
          params: WorkspaceParams,
          body: CreateBody,
          response: {
            201: Type.Object({ action: ActionSchema }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const { rows } = await ctx.pool.query(
          `select 1 from connections where workspace_id = $1::uuid and id = $2::uuid`,
          [access.workspaceId, request.body.connectionId],
        );
        if (rows.length === 0) {
          throw new HttpError(
            400,
            'unknown_connection',
            `connectionId: no connection ${request.body.connectionId} in this workspace`,
            {
              field: 'connectionId',
            },
          );
        }
        const actor = await actorName(ctx.pool, access);
        const { action } = await proposeAction(ctx.pool, access.workspaceId, {
          ...request.body,
          executionPayload: request.body.executionPayload as Static<typeof ExecutionPayload>,
          sourceType: access.principal.kind === 'apiKey' ? 'api' : 'person',
          sourceId:
            access.userId ?? (access.principal.kind === 'apiKey' ? access.principal.keyId : null),
          sourceName: actor,
          actor,
        });
        // Policies act on a new action: hold it for approval, or run it in the background.
        const [decided] = await applyPoliciesToNew(ctx.pool, access.workspaceId, [action]);
        reply.code(201);
        return { action: decided! };
      },
    );

    app.get(
      `${base}/:actionId`,
      {
        schema: {
          tags: ['actions'],
          summary: 'One action',
          params: ActionParams,
          response: { 200: Type.Object({ action: ActionSchema }), ...errorResponses(401, 404) },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        return { action: await getAction(ctx.pool, access.workspaceId, request.params.actionId) };
      },
    );

    app.get(
      `${base}/:actionId/audit`,
      {
        schema: {
          tags: ['actions'],
          summary: 'The action’s audit trail, oldest first (append-only)',
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
            ...errorResponses(401, 404),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        await getAction(ctx.pool, access.workspaceId, request.params.actionId);
        const { rows } = await ctx.pool.query(
          `select id, event, from_status as "fromStatus", to_status as "toStatus", actor, details,
                  created_at as "createdAt"
           from action_audit_log where workspace_id = $1::uuid and action_id = $2::uuid order by id`,
          [access.workspaceId, request.params.actionId],
        );
        return { entries: rows };
      },
    );

    app.post(
      `${base}/:actionId/dismiss`,
      {
        schema: {
          tags: ['actions'],
          summary: 'Dismiss an open action',
          params: ActionParams,
          body: Type.Optional(
            strictObject({ reason: Type.Optional(Type.String({ maxLength: 1_000 })) }),
          ),
          response: {
            200: Type.Object({ action: ActionSchema }),
            ...errorResponses(401, 404, 409),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const action = await transition(
          ctx.pool,
          access.workspaceId,
          request.params.actionId,
          ['open', 'awaiting_approval', 'failed'],
          'dismissed',
          {
            event: 'dismissed',
            actor: await actorName(ctx.pool, access),
            details: { reason: request.body?.reason ?? null },
          },
        );
        return { action };
      },
    );

    app.post(
      `${base}/:actionId/approve`,
      {
        schema: {
          tags: ['actions'],
          summary:
            'Approve an action a policy holds for approval (an admin, or the action’s owner)',
          params: ActionParams,
          response: {
            200: Type.Object({ action: ActionSchema }),
            ...errorResponses(401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const actor = await actorName(ctx.pool, access);
        const current = await getAction(ctx.pool, access.workspaceId, request.params.actionId);
        const isOwner =
          current.ownerEmail !== null && current.ownerEmail.toLowerCase() === actor.toLowerCase();
        if (access.role !== 'admin' && !isOwner)
          throw forbidden('Only an admin or the action’s owner can approve it');
        const action = await transition(
          ctx.pool,
          access.workspaceId,
          request.params.actionId,
          ['awaiting_approval'],
          'open',
          { event: 'approved', actor },
          { approvedBy: actor },
        );
        return { action };
      },
    );

    for (const [suffix, method, summary] of [
      [
        'preview',
        'POST',
        'The exact diff execute would apply, current values read fresh; writes nothing',
      ],
      ['operations', 'GET', 'The planned operations with current values read fresh from the CRM'],
    ] as const) {
      app.route({
        method,
        url: `${base}/:actionId/${suffix}`,
        schema: {
          tags: ['actions'],
          summary,
          params: ActionParams,
          response: { 200: Type.Unknown(), ...errorResponses(401, 404, 409) },
        },
        handler: async (request) => {
          const params = request.params as Static<typeof ActionParams>;
          const access = await workspaceAccess(ctx.pool, request.principal, params.workspaceId);
          const preview = await previewAction(
            deps,
            access.workspaceId,
            params.actionId,
            await actorName(ctx.pool, access),
          );
          if (suffix === 'preview') return { preview };
          return {
            operations: [
              ...preview.changes.map((change) => ({ kind: 'field_update', ...change })),
              ...(preview.note ? [{ kind: 'note', text: preview.note }] : []),
              ...preview.notifications.map((n) => ({ kind: 'notification', audience: n.audience })),
            ],
            errors: preview.errors,
            executable: preview.executable,
          };
        },
      });
    }

    app.post(
      `${base}/:actionId/execute`,
      {
        schema: {
          tags: ['actions'],
          summary: 'Execute an action now (Idempotency-Key honoured)',
          params: ActionParams,
          headers: IdempotencyHeaders,
          response: { 200: Type.Unknown(), ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const actor = await actorName(ctx.pool, access);
        const [result] = await executeActions(deps, access.workspaceId, [request.params.actionId], {
          actor,
          idempotencyKey: request.headers['idempotency-key'],
          gate: policyGate(ctx.pool, access.workspaceId),
        });
        if (result!.outcome === 'partial' && result!.retryable) {
          await enqueue(
            ctx.pool,
            'actions.execute',
            { workspaceId: access.workspaceId, actionIds: [result!.actionId], actor },
            { runAt: new Date(Date.now() + 30_000), jobKey: `action-retry:${result!.actionId}` },
          );
        }
        return { execution: answerExecution(result!) };
      },
    );

    app.post(
      `${base}/:actionId/undo`,
      {
        schema: {
          tags: ['actions'],
          summary:
            'Put back what the action wrote, where the CRM still holds it (force: overwrite changes made since)',
          params: ActionParams,
          headers: IdempotencyHeaders,
          body: Type.Optional(strictObject({ force: Type.Optional(Type.Boolean()) })),
          response: { 200: Type.Unknown(), ...errorResponses(401, 404, 409) },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const undo = await undoAction(deps, access.workspaceId, request.params.actionId, {
          actor: await actorName(ctx.pool, access),
          force: request.body?.force ?? false,
          idempotencyKey: request.headers['idempotency-key'],
        });
        return { undo };
      },
    );

    app.post(
      `${base}/batch-execute`,
      {
        schema: {
          tags: ['actions'],
          summary: 'Execute many actions in one background job, their writes coalesced',
          params: WorkspaceParams,
          body: strictObject({
            actionIds: Type.Array(Uuid, { minItems: 1, maxItems: 10_000, uniqueItems: true }),
          }),
          response: {
            202: Type.Object({ batch: Type.Unknown() }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const { rows } = await ctx.pool.query<{ id: string }>(
          `select id from actions where workspace_id = $1::uuid and id = any($2::uuid[])`,
          [access.workspaceId, request.body.actionIds],
        );
        const known = new Set(rows.map((row) => row.id));
        const unknown = request.body.actionIds.filter((id) => !known.has(id));
        if (unknown.length > 0) {
          throw new HttpError(
            400,
            'unknown_actions',
            `actionIds: no action ${unknown.slice(0, 5).join(', ')} in this workspace`,
            {
              field: 'actionIds',
              ids: unknown,
            },
          );
        }
        const batch = await createBatch(
          ctx.pool,
          access.workspaceId,
          await actorName(ctx.pool, access),
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
          tags: ['actions'],
          summary: 'A batch execution’s progress and per-action results',
          params: Type.Object({ workspaceId: Uuid, batchId: Uuid }),
          response: { 200: Type.Object({ batch: Type.Unknown() }), ...errorResponses(401, 404) },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        return { batch: await getBatch(ctx.pool, access.workspaceId, request.params.batchId) };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/notifications',
      {
        schema: {
          tags: ['actions'],
          summary:
            'In-app notifications for the current user (all of the workspace’s for an API key)',
          params: WorkspaceParams,
          querystring: Type.Object(
            {
              unread: Type.Optional(Type.Boolean()),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ notifications: Type.Array(Type.Unknown()) }),
            ...errorResponses(401, 404),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const recipient = await recipientOf(access);
        const { rows } = await ctx.pool.query(
          `select id, recipient_email as "recipientEmail", kind, title, body, action_id as "actionId",
                  read_at as "readAt", created_at as "createdAt"
           from notifications
           where workspace_id = $1::uuid and ($2::text is null or lower(recipient_email) = lower($2::text))
             and (not $3::boolean or read_at is null)
           order by created_at desc, id desc limit $4::integer`,
          [access.workspaceId, recipient, request.query.unread ?? false, request.query.limit],
        );
        return { notifications: rows };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/notifications/read',
      {
        schema: {
          tags: ['actions'],
          summary:
            'Marks notifications read: the given ids, or all of the caller’s when none are given',
          params: WorkspaceParams,
          body: Type.Optional(
            strictObject({ ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500 })) }),
          ),
          response: {
            200: Type.Object({ marked: Type.Integer() }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const recipient = await recipientOf(access);
        const { rowCount } = await ctx.pool.query(
          `update notifications set read_at = now()
           where workspace_id = $1::uuid and read_at is null
             and ($2::text is null or lower(recipient_email) = lower($2::text))
             and ($3::uuid[] is null or id = any($3::uuid[]))`,
          [access.workspaceId, recipient, request.body?.ids ?? null],
        );
        return { marked: rowCount ?? 0 };
      },
    );
  };
}
