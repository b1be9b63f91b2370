/**
 * GraphQL for the inbox, through the same service as REST (src/inbox): a workspace's
 * items, one item and the pending count; approve (with edits or a deal), reject,
 * batch approve; and `inboxItemCreated`, live from any process. Members get only
 * their own items, here as over REST.
 */
import { Type } from '@sinclair/typebox';
import { Repeater } from 'graphql-yoga';
import { HttpError } from '../errors.js';
import type { WorkspaceEvent } from '../events/bus.js';
import {
  approveInboxItemAs,
  batchApproveInboxItemsAs,
  MAX_BATCH,
  rejectInboxItemAs,
} from '../inbox/decisions.js';
import {
  getInboxItem,
  mayDecide,
  type InboxItem,
  type InboxItemType,
  type InboxSource,
  type InboxStatus,
} from '../inbox/items.js';
import { countPendingInboxItems, listInboxItems } from '../inbox/queries.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, uuidList, type Nullable } from './validate.js';

export const inboxTypeDefs = /* GraphQL */ `
  enum InboxItemType {
    approval
    question
    alert
  }

  enum InboxItemSource {
    agent
    policy
    anomaly
  }

  enum InboxStatus {
    pending
    approved
    rejected
    expired
  }

  enum InboxAssignee {
    "The caller's own items (an admin's include the admins' unassigned ones)."
    me
    "Every item (admins; a member always gets only their own)."
    all
  }

  type InboxItemError {
    message: String!
    retryable: Boolean!
    errors: [ExecutionError!]!
  }

  type InboxItem {
    id: ID!
    "The person who decides it; null: the workspace's admins."
    assigneeUserId: ID
    itemType: InboxItemType!
    source: InboxItemSource!
    title: String!
    description: String
    "{ meeting, record, fields: [{ field, crmProperty, before, after, confidence, quote, startSeconds }], candidates?, question? }"
    context: JSON!
    confidence: Float
    status: InboxStatus!
    activityLogId: ID
    actionId: ID
    anomalyId: ID
    actionStatus: ActionStatus
    "Why approving did not write yet; approving again retries."
    error: InboxItemError
    expiresAt: String
    resolvedAt: String
    resolvedBy: String
    "{ reason }, { edits } or { dealId }."
    resolution: JSON
    createdAt: String!
    updatedAt: String!
  }

  type InboxItemPage {
    items: [InboxItem!]!
    "Pass as after for the next page; null on the last."
    nextCursor: String
  }

  input InboxFilter {
    "Default: pending."
    status: [InboxStatus!]
    type: [InboxItemType!]
    source: InboxItemSource
    assignee: InboxAssignee
  }

  type InboxDecision {
    item: InboxItem!
    "The write approving made (or tried), when the item carries one."
    execution: ActionExecution
  }

  type InboxBatchResult {
    id: ID!
    item: InboxItem
    execution: ActionExecution
    error: InboxBatchError
  }

  type InboxBatchError {
    code: String!
    message: String!
  }

  extend type Workspace {
    "Inbox items newest first (keyset pages of first, at most 200)."
    inboxItems(filter: InboxFilter, first: Int, after: String): InboxItemPage!
    inboxItem(id: ID!): InboxItem!
    "How many items wait for the caller."
    inboxCount(assignee: InboxAssignee, type: [InboxItemType!]): Int!
  }

  extend type Mutation {
    "Approves an item, writing its change; edits: { field: value } (null leaves a field out); dealId answers a question."
    approveInboxItem(workspaceId: ID!, id: ID!, edits: JSON, dealId: ID): InboxDecision!
    rejectInboxItem(workspaceId: ID!, id: ID!, reason: String): InboxItem!
    "Each item approved on its own, as proposed; at most 100."
    batchApproveInboxItems(workspaceId: ID!, ids: [ID!]!): [InboxBatchResult!]!
  }

  extend type Subscription {
    "Items as they arrive: a member's own, every one for an admin."
    inboxItemCreated(workspaceId: ID!): InboxItem!
  }
`;

type Ctx = GraphQLContext;
type Parent = { id: string };

const checkFirst = argument('first', Type.Integer({ minimum: 1, maximum: 200 }));
const checkAfter = argument('after', Type.String({ maxLength: 500 }));
const checkReason = argument('reason', Type.String({ maxLength: 2_000 }));
const checkEdits = argument(
  'edits',
  Type.Record(Type.String({ maxLength: 200 }), Type.Unknown(), { maxProperties: 50 }),
);
const checkIds = argument('ids', Type.Array(Type.String(), { minItems: 1, maxItems: MAX_BATCH }));

interface Filter {
  status: InboxStatus[];
  type: InboxItemType[];
  source: InboxSource;
  assignee: 'me' | 'all';
}

/** Whether a new item's event is one the subscriber may see (before reading the item). */
function visibleTo(
  caller: { role: string; kind: string; sourceId: string | null },
  event: WorkspaceEvent,
) {
  return (
    event.type === 'inbox_item.created' &&
    (caller.role === 'admin' ||
      (caller.kind === 'user' && event.payload.assigneeUserId === caller.sourceId))
  );
}

export const inboxResolvers = {
  Workspace: {
    inboxItems: (
      parent: Parent,
      args: Nullable<{ filter: Nullable<Filter>; first: number; after: string }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const filter = args.filter ?? {};
        return listInboxItems(context.pool, caller, {
          status: filter.status ?? undefined,
          type: filter.type ?? undefined,
          source: filter.source ?? undefined,
          assignee: filter.assignee ?? undefined,
          limit: checkFirst(args.first) ?? 50,
          cursor: checkAfter(args.after),
        });
      }),
    inboxItem: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return getInboxItem(context.pool, caller, uuidArg('id', args.id));
      }),
    inboxCount: (
      parent: Parent,
      args: Nullable<{ assignee: 'me' | 'all'; type: InboxItemType[] }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return countPendingInboxItems(context.pool, caller, {
          assignee: args.assignee ?? undefined,
          type: args.type ?? undefined,
        });
      }),
  },
  Mutation: {
    approveInboxItem: (
      _parent: unknown,
      args: { workspaceId: string; id: string } & Nullable<{
        edits: Record<string, unknown>;
        dealId: string;
      }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return approveInboxItemAs(context, caller, uuidArg('id', args.id), {
          edits: checkEdits(args.edits),
          dealId: args.dealId ? uuidArg('dealId', args.dealId) : undefined,
        });
      }),
    rejectInboxItem: (
      _parent: unknown,
      args: { workspaceId: string; id: string; reason?: string | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return rejectInboxItemAs(
          context.pool,
          caller,
          uuidArg('id', args.id),
          checkReason(args.reason)?.trim() || null,
        );
      }),
    batchApproveInboxItems: (
      _parent: unknown,
      args: { workspaceId: string; ids: string[] },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        const ids = uuidList('ids', checkIds(args.ids) ?? []);
        return batchApproveInboxItemsAs(context, caller, ids);
      }),
  },
  Subscription: {
    inboxItemCreated: {
      subscribe: (_parent: unknown, args: { workspaceId: string }, context: Ctx) =>
        guarded(async () => {
          const caller = await callerAs(context, args.workspaceId);
          const events = context.events;
          if (!events)
            throw new HttpError(
              503,
              'subscriptions_unavailable',
              'This process serves no subscriptions',
            );
          return new Repeater<{ inboxItemCreated: InboxItem }>(async (push, stop) => {
            const unsubscribe = events.subscribe(caller.workspaceId, (event) => {
              if (!visibleTo(caller, event)) return;
              void getInboxItem(context.pool, caller, String(event.payload.inboxItemId))
                .then((item) =>
                  mayDecide(caller, item) ? push({ inboxItemCreated: item }) : undefined,
                )
                // Gone or no longer theirs by the time it is read: nothing to show.
                .catch(() => undefined);
            });
            await stop;
            unsubscribe();
          });
        }),
    },
  },
};
