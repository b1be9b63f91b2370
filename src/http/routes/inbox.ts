import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import {
  approveInboxItemAs,
  batchApproveInboxItemsAs,
  MAX_BATCH,
  rejectInboxItemAs,
} from '../../inbox/decisions.js';
import {
  getInboxItem,
  INBOX_ITEM_TYPES,
  INBOX_SOURCES,
  INBOX_STATUSES,
} from '../../inbox/items.js';
import { countPendingInboxItems, listInboxItems } from '../../inbox/queries.js';
import { callerOf } from '../auth.js';
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
import { ExecutionSchema } from './action-schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Assignee = literals(['me', 'all'] as const);

export const InboxItemSchema = Type.Object({
  id: Uuid,
  assigneeUserId: Nullable(Uuid),
  itemType: literals(INBOX_ITEM_TYPES),
  source: literals(INBOX_SOURCES),
  title: Type.String(),
  description: Nullable(Type.String()),
  context: Type.Object(
    {},
    {
      additionalProperties: true,
      description:
        'What it is about: { meeting, record, fields: [{ field, crmProperty, before, after, confidence, quote, startSeconds }], candidates?, question? }',
    },
  ),
  confidence: Nullable(Type.Number()),
  status: literals(INBOX_STATUSES),
  activityLogId: Nullable(Uuid),
  actionId: Nullable(Uuid),
  anomalyId: Nullable(Uuid),
  actionStatus: Nullable(Type.String({ description: 'The linked action’s status' })),
  error: Nullable(
    Type.Object(
      {
        message: Type.String(),
        retryable: Type.Boolean(),
        errors: Type.Array(
          Type.Object({
            field: Type.Optional(Type.String()),
            code: Type.String(),
            message: Type.String(),
          }),
        ),
      },
      { description: 'Why approving did not write yet; approve again to retry' },
    ),
  ),
  expiresAt: NullableTimestamp,
  resolvedAt: NullableTimestamp,
  resolvedBy: Nullable(Type.String()),
  resolution: Nullable(
    Type.Object(
      {},
      { additionalProperties: true, description: '{ reason } or { edits } or { dealId }' },
    ),
  ),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const ItemParams = Type.Object({ itemId: Uuid });
const Decision = Type.Object({ item: InboxItemSchema, execution: Nullable(ExecutionSchema) });

/**
 * The inbox: what waits for a person. Members list and decide the items assigned to
 * them; admins every item. Deciding goes through the inbox service (src/inbox).
 */
export function inboxRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log };
  const base = '/api/workspaces/:workspaceId/inbox';
  const tags = ['inbox'];
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listInboxItems',
          tags,
          summary: 'List inbox items',
          description:
            'Items newest first, with keyset pagination (pending unless `status` says otherwise). A member gets only their own; an admin every item, or with `assignee=me` their own and the admins’ unassigned ones.',
          querystring: Type.Object(
            {
              status: Type.Optional(Type.Array(literals(INBOX_STATUSES), { maxItems: 4 })),
              type: Type.Optional(Type.Array(literals(INBOX_ITEM_TYPES), { maxItems: 3 })),
              source: Type.Optional(literals(INBOX_SOURCES)),
              assignee: Type.Optional(Assignee),
              limit: PageLimit(200, 50),
              cursor: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(InboxItemSchema),
              nextCursor: Nullable(Type.String()),
            }),
          },
        },
      },
      async (request) => {
        const caller = await callerOf(ctx.pool, request.access);
        return listInboxItems(ctx.pool, caller, pageSize(request.query, 50));
      },
    );

    app.get(
      `${base}/count`,
      {
        schema: {
          operationId: 'countInboxItems',
          tags,
          summary: 'Count pending inbox items',
          description: 'How many items wait for the caller, as the header’s badge shows.',
          querystring: Type.Object(
            {
              assignee: Type.Optional(Assignee),
              type: Type.Optional(Type.Array(literals(INBOX_ITEM_TYPES), { maxItems: 3 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ count: Type.Integer() }) },
        },
      },
      async (request) => {
        const caller = await callerOf(ctx.pool, request.access);
        return { count: await countPendingInboxItems(ctx.pool, caller, request.query) };
      },
    );

    app.post(
      `${base}/batch-approve`,
      {
        schema: {
          operationId: 'batchApproveInboxItems',
          tags,
          summary: 'Approve inbox items',
          description:
            'Approves each item on its own, as proposed; one failing does not stop the others. Each result says what became of its item.',
          body: strictObject({
            ids: Type.Array(Uuid, { minItems: 1, maxItems: MAX_BATCH }),
          }),
          response: {
            200: Type.Object({
              results: Type.Array(
                Type.Object({
                  id: Uuid,
                  item: Nullable(InboxItemSchema),
                  execution: Nullable(ExecutionSchema),
                  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const caller = await callerOf(ctx.pool, request.access);
        return { results: await batchApproveInboxItemsAs(deps, caller, request.body.ids) };
      },
    );

    app.get(
      `${base}/:itemId`,
      {
        schema: {
          operationId: 'getInboxItem',
          tags,
          summary: 'Get an inbox item',
          description: 'One item with each field’s before, after and quote.',
          params: ItemParams,
          response: { 200: Type.Object({ item: InboxItemSchema }), ...errorResponses(403) },
        },
      },
      async (request) => {
        const caller = await callerOf(ctx.pool, request.access);
        return { item: await getInboxItem(ctx.pool, caller, request.params.itemId) };
      },
    );

    app.post(
      `${base}/:itemId/approve`,
      {
        schema: {
          operationId: 'approveInboxItem',
          tags,
          summary: 'Approve an inbox item',
          description:
            'Approves an item, writing its change through the actions engine: `edits` replace proposed values by field (null leaves a field out); a question takes `dealId`. A CRM failure leaves the item pending with its `error`; approving again retries.',
          params: ItemParams,
          body: Type.Optional(
            strictObject({
              edits: Type.Optional(
                Type.Record(Type.String({ maxLength: 200 }), Type.Unknown(), {
                  maxProperties: 50,
                  description: 'New values by field, e.g. { "close_date": "2027-01-31" }',
                }),
              ),
              dealId: Type.Optional(Uuid),
            }),
          ),
          response: { 200: Decision, ...errorResponses(403, 409, 422) },
        },
      },
      async (request) => {
        const caller = await callerOf(ctx.pool, request.access);
        return approveInboxItemAs(deps, caller, request.params.itemId, request.body ?? {});
      },
    );

    app.post(
      `${base}/:itemId/reject`,
      {
        schema: {
          operationId: 'rejectInboxItem',
          tags,
          summary: 'Reject an inbox item',
          description:
            'Rejects an item with a reason: its change is dismissed, never written, and an agent’s fields count as wrong for its precision.',
          params: ItemParams,
          body: strictObject({ reason: Type.Optional(Type.String({ maxLength: 2_000 })) }),
          response: { 200: Type.Object({ item: InboxItemSchema }), ...errorResponses(403, 409) },
        },
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const caller = await callerOf(ctx.pool, request.access);
        const item = await rejectInboxItemAs(
          ctx.pool,
          caller,
          request.params.itemId,
          request.body.reason?.trim() || null,
        );
        return { item };
      },
    );
  };
}
