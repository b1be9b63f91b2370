/**
 * GraphQL for batch execution (start, progress) and the in-app notifications actions
 * send: the same calls as REST's action routes.
 */
import { Type } from '@sinclair/typebox';
import { getBatch, type ActionBatch } from '../actions/batch.js';
import { markNotificationsRead, notificationsOf, startBatchAs } from '../actions/service.js';
import { Uuid } from '../http/schemas.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg } from './validate.js';

export const actionBatchTypeDefs = /* GraphQL */ `
  enum BatchStatus {
    queued
    running
    succeeded
    partial
    failed
  }

  type BatchActionResult {
    actionId: ID!
    outcome: ExecutionOutcome!
    status: ActionStatus
    "The first error's message."
    error: String
  }

  type ActionBatch {
    id: ID!
    status: BatchStatus!
    "Who started it."
    actor: String!
    total: Int!
    done: Int!
    crmCalls: Int!
    "One per action settled so far."
    results: [BatchActionResult!]!
    createdAt: String!
    startedAt: String
    finishedAt: String
  }

  type Notification {
    id: ID!
    recipientEmail: String!
    kind: String!
    title: String!
    body: String!
    actionId: ID
    readAt: String
    createdAt: String!
  }

  extend type Workspace {
    "A batch execution's progress and per-action results."
    actionBatch(id: ID!): ActionBatch!
    "The caller's notifications, newest first (all of the workspace's for an API key)."
    notifications(unread: Boolean, first: Int): [Notification!]!
  }

  extend type Mutation {
    "Execute many actions in one background job, their writes coalesced; poll actionBatch."
    batchExecuteActions(workspaceId: ID!, actionIds: [ID!]!): ActionBatch!
    "Mark the given notifications read, or all of the caller's; answers how many."
    markNotificationsRead(workspaceId: ID!, ids: [ID!]): Int!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;

const checkFirst = argument('first', Type.Integer({ minimum: 1, maximum: 200 }));
const checkActionIds = argument(
  'actionIds',
  Type.Array(Uuid, { minItems: 1, maxItems: 10_000, uniqueItems: true }),
);
const checkNotificationIds = argument('ids', Type.Array(Uuid, { minItems: 1, maxItems: 500 }));

export const actionBatchResolvers = {
  ActionBatch: {
    results: (parent: ActionBatch) =>
      Object.entries(parent.results).map(([actionId, result]) => ({ actionId, ...result })),
  },
  Workspace: {
    actionBatch: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return getBatch(context.pool, caller.workspaceId, uuidArg('id', args.id));
      }),
    notifications: (
      parent: Parent,
      args: { unread?: boolean | null; first?: number | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return notificationsOf(context.pool, caller, {
          unread: args.unread ?? undefined,
          limit: checkFirst(args.first) ?? 50,
        });
      }),
  },
  Mutation: {
    batchExecuteActions: (
      _parent: unknown,
      args: { workspaceId: string; actionIds: string[] },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        checkActionIds(args.actionIds);
        return startBatchAs(context.pool, caller, args.actionIds);
      }),
    markNotificationsRead: (
      _parent: unknown,
      args: { workspaceId: string; ids?: string[] | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return markNotificationsRead(context.pool, caller, checkNotificationIds(args.ids) ?? null);
      }),
  },
};
