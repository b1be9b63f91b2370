/**
 * GraphQL for the activity log, as over REST (src/http/routes/activity.ts): the timeline
 * with filters and keyset pages, one run, quick stats, and `activityLogCreated` from
 * the `activity_log.created` events of any process. Members see the runs of records
 * they own, admins all.
 */
import { Type } from '@sinclair/typebox';
import { Repeater } from 'graphql-yoga';
import { activityStats, type StatBucket } from '../activity/stats.js';
import {
  getActivity,
  listActivity,
  type ActivityFilters,
  type ActivityLog,
} from '../activity/timeline.js';
import { activityViewer, type ActivityViewer } from '../activity/viewer.js';
import { HttpError } from '../errors.js';
import type { WorkspaceEvent } from '../events/bus.js';
import { access, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls, type Nullable } from './validate.js';

export const activityTypeDefs = /* GraphQL */ `
  enum ActivityStatus {
    pending
    success
    failed
    rejected
  }

  enum ActivityStatsBucket {
    hour
    day
  }

  type ActivityAgent {
    id: ID!
    name: String!
  }

  type ActivityConversation {
    id: ID!
    title: String!
    startedAt: String!
  }

  "The rep: the record's CRM owner."
  type ActivityOwner {
    id: ID!
    name: String!
    email: String
  }

  type ActivityDeal {
    id: ID!
    name: String!
  }

  type ActivityInboxItem {
    id: ID!
    "approval, question or alert"
    itemType: String!
    "pending, approved, rejected or expired"
    status: String!
    title: String!
  }

  type ActivityLog {
    id: ID!
    agent: ActivityAgent
    conversation: ActivityConversation
    owner: ActivityOwner
    "linked, manual or replay"
    trigger: String!
    crmRecordType: String
    "The record's id in the CRM."
    crmRecordId: String
    deal: ActivityDeal
    "create, update or skip"
    actionType: String!
    "{ field: { before, after, confidence, quote, decision, status } }"
    fieldsUpdated: JSON!
    matchConfidence: Float
    overallConfidence: Float
    status: ActivityStatus!
    "Proposed only: the agent was in shadow mode."
    shadow: Boolean!
    actionId: ID
    warnings: JSON!
    errorMessage: String
    createdAt: String!
    updatedAt: String!
    "The inbox items the run made."
    inboxItems: [ActivityInboxItem!]!
  }

  type ActivityLogConnection {
    items: [ActivityLog!]!
    "Pass as after for the next (older) page; null on the last."
    nextCursor: String
  }

  input ActivityLogFilters {
    agentId: ID
    "The rep (a CRM owner id)."
    ownerId: ID
    status: ActivityStatus
    "The record's id in the CRM."
    recordId: String
    "Created at or after (ISO 8601)."
    from: String
    "Created before (ISO 8601)."
    to: String
  }

  type ActivityCounts {
    runs: Int!
    "Fields written without a person."
    autoApplied: Int!
    "Runs waiting for a person."
    waiting: Int!
    succeeded: Int!
    failed: Int!
    rejected: Int!
    "Runs that waited for a person and were approved."
    approved: Int!
    approvalRate: Float
    failureRate: Float
    averageConfidence: Float
  }

  type ActivityStatsPoint {
    at: String!
    runs: Int!
    autoApplied: Int!
    waiting: Int!
    succeeded: Int!
    failed: Int!
    rejected: Int!
    approved: Int!
    approvalRate: Float
    failureRate: Float
    averageConfidence: Float
  }

  type ActivityStats {
    "The period, widened to whole buckets (UTC)."
    from: String!
    to: String!
    bucket: ActivityStatsBucket!
    totals: ActivityCounts!
    series: [ActivityStatsPoint!]!
  }

  extend type Workspace {
    "Agent runs, newest first; first is 1 to 200 (50)."
    activityLogs(filters: ActivityLogFilters, first: Int, after: String): ActivityLogConnection!
    activityLog(id: ID!): ActivityLog!
    "Quick stats; the last seven days by day when no period is given."
    activityStats(from: String, to: String, bucket: ActivityStatsBucket): ActivityStats!
  }

  extend type Subscription {
    "Each new agent run the caller may see, from any Pandora process."
    activityLogCreated(workspaceId: ID!): ActivityLog!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;
type Row = ActivityLog & { workspaceId: string; viewer: ActivityViewer; inboxItems?: unknown };

const checkFirst = argument('first', Type.Integer({ minimum: 1, maximum: 200 }));
const checkAfter = argument('after', Type.String({ maxLength: 200 }));
const checkTime = (field: string) => argument(field, Type.String({ format: 'date-time' }));
const checkFilters = argument(
  'filters',
  Type.Object({
    recordId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
);

/** The caller's access and whose runs it sees, checked as REST checks them. */
async function viewerFor(context: Ctx, workspaceId: string) {
  const granted = await access(context, workspaceId);
  return { granted, viewer: await activityViewer(context.pool, granted) };
}

/**
 * A subscription to one event type of a workspace, each event turned into what the
 * field returns by `load` (null: not for this caller, skipped). Delivered across
 * processes, as `workspaceEvents`.
 */
export function eventSubscription<T>(
  context: Ctx,
  workspaceId: string,
  field: string,
  type: string,
  load: (event: WorkspaceEvent) => Promise<T | null>,
) {
  const events = context.events;
  if (!events) {
    throw new HttpError(503, 'subscriptions_unavailable', 'This process serves no subscriptions');
  }
  return new Repeater<Record<string, T>>(async (push, stop) => {
    const unsubscribe = events.subscribe(workspaceId, (event) => {
      if (event.type !== type) return;
      void load(event)
        .then((value) => (value === null ? undefined : push({ [field]: value })))
        .catch((error: unknown) =>
          context.log.warn({ err: error, type }, 'subscription event not delivered'),
        );
    });
    await stop;
    unsubscribe();
  });
}

export const activityResolvers = {
  Workspace: {
    activityLogs: (
      parent: Parent,
      args: Nullable<{
        filters: Nullable<Omit<ActivityFilters, 'limit' | 'cursor'>>;
        first: number;
        after: string;
      }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const { granted, viewer } = await viewerFor(context, parent.id);
        const filters = withoutNulls(args.filters ?? {});
        checkFilters(filters);
        if (filters.agentId) uuidArg('filters.agentId', filters.agentId);
        if (filters.ownerId) uuidArg('filters.ownerId', filters.ownerId);
        const page = await listActivity(context.pool, granted.workspaceId, viewer, {
          ...filters,
          limit: checkFirst(args.first) ?? 50,
          cursor: checkAfter(args.after),
        });
        return {
          ...page,
          items: page.items.map((item) => ({ ...item, workspaceId: granted.workspaceId, viewer })),
        };
      }),
    activityLog: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const { granted, viewer } = await viewerFor(context, parent.id);
        return getActivity(context.pool, granted.workspaceId, viewer, uuidArg('id', args.id));
      }),
    activityStats: (
      parent: Parent,
      args: Nullable<{ from: string; to: string; bucket: StatBucket }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const { granted, viewer } = await viewerFor(context, parent.id);
        return activityStats(context.pool, granted.workspaceId, viewer, {
          from: checkTime('from')(args.from),
          to: checkTime('to')(args.to),
          bucket: args.bucket ?? undefined,
        });
      }),
  },
  ActivityLog: {
    inboxItems: (parent: Row, _args: unknown, context: Ctx) =>
      guarded(async () =>
        parent.inboxItems !== undefined
          ? parent.inboxItems
          : (await getActivity(context.pool, parent.workspaceId, parent.viewer, parent.id))
              .inboxItems,
      ),
  },
  Subscription: {
    activityLogCreated: {
      subscribe: (_parent: unknown, args: { workspaceId: string }, context: Ctx) =>
        guarded(async () => {
          const { granted, viewer } = await viewerFor(context, args.workspaceId);
          return eventSubscription(
            context,
            granted.workspaceId,
            'activityLogCreated',
            'activity_log.created',
            async (event) => {
              const id = event.payload.activityLogId;
              if (typeof id !== 'string') return null;
              // A member's subscription skips runs on other reps' records (a 404 here).
              return getActivity(context.pool, granted.workspaceId, viewer, id).catch(
                (error: unknown) => {
                  if (error instanceof HttpError && error.status === 404) return null;
                  throw error;
                },
              );
            },
          );
        }),
    },
  },
};
