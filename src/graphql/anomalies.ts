/**
 * GraphQL for anomalies, as over REST (src/http/routes/anomalies.ts): any member reads
 * them with their trend, admins acknowledge and resolve them; `anomalyDetected` from the
 * `anomaly.detected` events of any process (a finding firing, or told again).
 */
import { Type } from '@sinclair/typebox';
import type { AnomalyStatus } from '../anomalies/lifecycle.js';
import {
  acknowledgeAnomalyAs,
  getAnomaly,
  listAnomalies,
  resolveAnomalyAs,
} from '../anomalies/queries.js';
import { readAnomaly, type Anomaly } from '../anomalies/store.js';
import { eventSubscription } from './activity.js';
import { access, callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, type Nullable } from './validate.js';

export const anomalyTypeDefs = /* GraphQL */ `
  enum AnomalyStatus {
    pending
    active
    acknowledged
    resolved
  }

  enum AnomalySeverity {
    info
    warning
    error
  }

  "Where the rule fires (fireAt) and where it clears (recoverAt); direction says which side is bad."
  type AnomalyThresholds {
    direction: String!
    fireAt: Float!
    recoverAt: Float!
  }

  type AnomalySample {
    at: String!
    value: Float!
    sampleSize: Int!
  }

  type Anomaly {
    id: ID!
    "agent_failure_rate, agent_low_confidence, field_precision_drop, crm_sync_stale..."
    rule: String!
    "'' for the workspace, an agent id, agentId:field, a connection id."
    scopeKey: String!
    severity: AnomalySeverity!
    title: String!
    description: String
    "value, threshold, recoverAt, direction, sampleSize, minSample and what the rule adds."
    data: JSON!
    status: AnomalyStatus!
    firstSeenAt: String!
    firedAt: String
    lastNotifiedAt: String
    acknowledgedBy: String
    acknowledgedAt: String
    resolvedAt: String
    resolvedBy: String
    "person or recovery"
    resolution: String
    createdAt: String!
    updatedAt: String!
    thresholds: AnomalyThresholds
    "The measured value at each evaluation, oldest first (the last 30 days)."
    samples: [AnomalySample!]!
  }

  extend type Workspace {
    "Newest first; first is 1 to 200 (50)."
    anomalies(status: AnomalyStatus, first: Int): [Anomaly!]!
    anomaly(id: ID!): Anomaly!
  }

  extend type Mutation {
    "Someone is on it (admins): nobody is told again; it still clears on recovery."
    acknowledgeAnomaly(workspaceId: ID!, id: ID!): Anomaly!
    "Fixed (admins); if the rule still finds it, its next evaluation opens a new finding."
    resolveAnomaly(workspaceId: ID!, id: ID!): Anomaly!
  }

  extend type Subscription {
    "Each anomaly that fires (or is told again), from any Pandora process."
    anomalyDetected(workspaceId: ID!): Anomaly!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;
type Row = Anomaly & { workspaceId: string };

const checkFirst = argument('first', Type.Integer({ minimum: 1, maximum: 200 }));

// Thresholds and samples come with the detail, read once per anomaly and request.
const details = new WeakMap<Ctx, Map<string, ReturnType<typeof getAnomaly>>>();
function detailOf(context: Ctx, row: Row) {
  let known = details.get(context);
  if (!known) details.set(context, (known = new Map()));
  let detail = known.get(row.id);
  if (!detail) {
    detail = getAnomaly(context.pool, row.workspaceId, row.id);
    known.set(row.id, detail);
  }
  return detail;
}

export const anomalyResolvers = {
  Workspace: {
    anomalies: (
      parent: Parent,
      args: Nullable<{ status: AnomalyStatus; first: number }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const status = args.status ?? undefined;
        const rows = await listAnomalies(context.pool, caller.workspaceId, {
          status,
          limit: checkFirst(args.first) ?? 50,
        });
        return rows.map((row) => ({ ...row, workspaceId: caller.workspaceId }));
      }),
    anomaly: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        const detail = await getAnomaly(context.pool, caller.workspaceId, uuidArg('id', args.id));
        return { ...detail, workspaceId: caller.workspaceId };
      }),
  },
  Anomaly: {
    thresholds: (parent: Row & { thresholds?: unknown }, _args: unknown, context: Ctx) =>
      guarded(async () =>
        parent.thresholds !== undefined
          ? parent.thresholds
          : (await detailOf(context, parent)).thresholds,
      ),
    samples: (parent: Row & { samples?: unknown }, _args: unknown, context: Ctx) =>
      guarded(async () =>
        parent.samples !== undefined ? parent.samples : (await detailOf(context, parent)).samples,
      ),
  },
  Mutation: {
    acknowledgeAnomaly: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const anomaly = await acknowledgeAnomalyAs(context.pool, caller, uuidArg('id', args.id));
        return { ...anomaly, workspaceId: caller.workspaceId };
      }),
    resolveAnomaly: (_parent: unknown, args: { workspaceId: string; id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const anomaly = await resolveAnomalyAs(context.pool, caller, uuidArg('id', args.id));
        return { ...anomaly, workspaceId: caller.workspaceId };
      }),
  },
  Subscription: {
    anomalyDetected: {
      subscribe: (_parent: unknown, args: { workspaceId: string }, context: Ctx) =>
        guarded(async () => {
          const granted = await access(context, args.workspaceId);
          return eventSubscription(
            context,
            granted.workspaceId,
            'anomalyDetected',
            'anomaly.detected',
            async (event) => {
              const id = event.payload.anomalyId;
              if (typeof id !== 'string') return null;
              const anomaly = await readAnomaly(context.pool, granted.workspaceId, id);
              return anomaly && { ...anomaly, workspaceId: granted.workspaceId };
            },
          );
        }),
    },
  },
};
