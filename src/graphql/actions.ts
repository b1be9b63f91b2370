/**
 * GraphQL for actions, their batches, notifications, policies and skills: the same
 * domain calls as REST (src/actions/service.ts and friends), the same error codes.
 */
import { getBatch } from '../actions/batch.js';
import { dryRunPolicy } from '../actions/policy-dry-run.js';
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  updatePolicy,
  type PolicyInput,
  type PolicyPatch,
} from '../actions/policies.js';
import {
  approveActionAs,
  auditOf,
  createActionAs,
  dismissActionAs,
  executeActionAs,
  markNotificationsRead,
  notificationsOf,
  operationsOf,
  previewActionAs,
  startBatchAs,
  undoActionAs,
  type NewAction,
} from '../actions/service.js';
import { getAction, listActions, type Action, type ActionFilters } from '../actions/store.js';
import { listSkills, runSkill } from '../skills/registry.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';

export const actionTypeDefs = /* GraphQL */ `
  enum Severity {
    critical
    warning
    info
  }

  enum ActionStatus {
    open
    in_progress
    awaiting_approval
    executed
    failed
    dismissed
    undone
  }

  enum ActionOrder {
    created
    impact
  }

  enum CrmObjectType {
    deal
    contact
    account
  }

  type AuditEntry {
    id: ID!
    event: String!
    fromStatus: String
    toStatus: String
    actor: String
    details: JSON
    createdAt: String!
  }

  type Action {
    id: ID!
    actionType: String!
    severity: Severity!
    title: String!
    summary: String!
    impactAmount: Float
    urgencyLabel: String
    recommendedSteps: [String!]!
    connectionId: ID
    targetType: CrmObjectType!
    targetSourceId: String!
    targetName: String
    ownerEmail: String
    "{ crm_updates: [{ field, proposed_value, current_value }], note }"
    executionPayload: JSON!
    status: ActionStatus!
    executionResult: JSON
    sourceType: String!
    sourceName: String
    approvedBy: String
    executedAt: String
    undoneAt: String
    createdAt: String!
    updatedAt: String!
    "Every state change, oldest first (append-only)."
    audit: [AuditEntry!]!
  }

  type ActionPage {
    actions: [Action!]!
    nextCursor: String
  }

  input ActionFilter {
    status: [ActionStatus!]
    severity: [Severity!]
    actionType: String
    targetType: CrmObjectType
    ownerEmail: String
    sourceName: String
  }

  type ActionBatch {
    id: ID!
    status: String!
    total: Int!
    done: Int!
    crmCalls: Int!
    "Per action id: outcome, status and the first error."
    results: JSON!
    createdAt: String!
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

  type ActionPolicy {
    id: ID!
    name: String!
    enabled: Boolean!
    priority: Int!
    match: JSON!
    effect: String!
    createdBy: String
    createdAt: String!
    updatedAt: String!
  }

  type Skill {
    name: String!
    description: String!
    lastRun: JSON
  }

  input CrmUpdateInput {
    field: String!
    proposed_value: JSON
    current_value: JSON
  }

  input ExecutionPayloadInput {
    crm_updates: [CrmUpdateInput!]
    note: String
  }

  input NewActionInput {
    actionType: String!
    severity: Severity!
    title: String!
    summary: String
    impactAmount: Float
    urgencyLabel: String
    recommendedSteps: [String!]
    connectionId: ID!
    targetType: CrmObjectType!
    targetSourceId: String!
    targetName: String
    ownerEmail: String
    executionPayload: ExecutionPayloadInput
  }

  input PolicyInput {
    name: String!
    enabled: Boolean
    priority: Int
    match: JSON
    effect: String!
  }

  input PolicyPatch {
    name: String
    enabled: Boolean
    priority: Int
    match: JSON
    effect: String
  }

  extend type Workspace {
    actions(filter: ActionFilter, order: ActionOrder, first: Int, after: String): ActionPage!
    action(id: ID!): Action!
    actionBatch(id: ID!): ActionBatch!
    notifications(unread: Boolean, first: Int): [Notification!]!
    actionPolicies: [ActionPolicy!]!
    actionPolicy(id: ID!): ActionPolicy!
    skills: [Skill!]!
  }

  extend type Mutation {
    createAction(workspaceId: ID!, input: NewActionInput!): Action!
    dismissAction(workspaceId: ID!, id: ID!, reason: String): Action!
    approveAction(workspaceId: ID!, id: ID!): Action!
    "The exact diff execute would apply, current values read fresh; writes nothing."
    previewAction(workspaceId: ID!, id: ID!): JSON!
    "The planned operations (field updates, note, notifications)."
    actionOperations(workspaceId: ID!, id: ID!): JSON!
    executeAction(workspaceId: ID!, id: ID!, idempotencyKey: String): JSON!
    undoAction(workspaceId: ID!, id: ID!, force: Boolean, idempotencyKey: String): JSON!
    batchExecuteActions(workspaceId: ID!, ids: [ID!]!): ActionBatch!
    markNotificationsRead(workspaceId: ID!, ids: [ID!]): Int!
    createActionPolicy(workspaceId: ID!, input: PolicyInput!): ActionPolicy!
    updateActionPolicy(workspaceId: ID!, id: ID!, patch: PolicyPatch!): ActionPolicy!
    deleteActionPolicy(workspaceId: ID!, id: ID!): Boolean!
    "What a policy (saved, or not yet) would have done over the last N actions."
    dryRunActionPolicy(workspaceId: ID!, id: ID, input: PolicyInput, last: Int): JSON!
    "Run a skill now (as of now, or the given ISO instant); its findings become actions."
    runSkill(workspaceId: ID!, skill: String!, now: String, options: JSON): JSON!
  }
`;

type WorkspaceParent = { id: string };
const MAX_PAGE = 200;

function pageSize(first: number | null | undefined, fallback = 50): number {
  return Math.max(1, Math.min(first ?? fallback, MAX_PAGE));
}

export const actionResolvers = {
  Workspace: {
    actions: (
      parent: WorkspaceParent,
      args: {
        filter?: ActionFilters;
        order?: 'created' | 'impact';
        first?: number;
        after?: string;
      },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listActions(context.pool, caller.workspaceId, {
          ...(args.filter ?? {}),
          order: args.order ?? 'created',
          limit: pageSize(args.first),
          after: args.after ?? undefined,
        });
      }),
    action: (parent: WorkspaceParent, args: { id: string }, context: GraphQLContext) =>
      guarded(async () =>
        getAction(context.pool, (await callerAs(context, parent.id)).workspaceId, args.id),
      ),
    actionBatch: (parent: WorkspaceParent, args: { id: string }, context: GraphQLContext) =>
      guarded(async () =>
        getBatch(context.pool, (await callerAs(context, parent.id)).workspaceId, args.id),
      ),
    notifications: (
      parent: WorkspaceParent,
      args: { unread?: boolean; first?: number },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        notificationsOf(context.pool, await callerAs(context, parent.id), {
          unread: args.unread ?? false,
          limit: pageSize(args.first),
        }),
      ),
    actionPolicies: (parent: WorkspaceParent, _args: unknown, context: GraphQLContext) =>
      guarded(async () =>
        listPolicies(context.pool, (await callerAs(context, parent.id)).workspaceId),
      ),
    actionPolicy: (parent: WorkspaceParent, args: { id: string }, context: GraphQLContext) =>
      guarded(async () =>
        getPolicy(context.pool, (await callerAs(context, parent.id)).workspaceId, args.id),
      ),
    skills: (parent: WorkspaceParent, _args: unknown, context: GraphQLContext) =>
      guarded(async () =>
        listSkills(context.pool, (await callerAs(context, parent.id)).workspaceId),
      ),
  },
  Action: {
    audit: (parent: Action, _args: unknown, context: GraphQLContext) =>
      guarded(() => auditOf(context.pool, parent.workspaceId, parent.id)),
  },
  Mutation: {
    createAction: (
      _p: unknown,
      args: { workspaceId: string; input: NewAction },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        createActionAs(context.pool, await callerAs(context, args.workspaceId), args.input),
      ),
    dismissAction: (
      _p: unknown,
      args: { workspaceId: string; id: string; reason?: string },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        dismissActionAs(
          context.pool,
          await callerAs(context, args.workspaceId),
          args.id,
          args.reason ?? null,
        ),
      ),
    approveAction: (
      _p: unknown,
      args: { workspaceId: string; id: string },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        approveActionAs(context.pool, await callerAs(context, args.workspaceId), args.id),
      ),
    previewAction: (
      _p: unknown,
      args: { workspaceId: string; id: string },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        previewActionAs(context, await callerAs(context, args.workspaceId), args.id),
      ),
    actionOperations: (
      _p: unknown,
      args: { workspaceId: string; id: string },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        operationsOf(
          await previewActionAs(context, await callerAs(context, args.workspaceId), args.id),
        ),
      ),
    executeAction: (
      _p: unknown,
      args: { workspaceId: string; id: string; idempotencyKey?: string },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        executeActionAs(
          context,
          await callerAs(context, args.workspaceId),
          args.id,
          args.idempotencyKey ?? undefined,
        ),
      ),
    undoAction: (
      _p: unknown,
      args: { workspaceId: string; id: string; force?: boolean; idempotencyKey?: string },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        undoActionAs(context, await callerAs(context, args.workspaceId), args.id, {
          force: args.force ?? false,
          idempotencyKey: args.idempotencyKey ?? undefined,
        }),
      ),
    batchExecuteActions: (
      _p: unknown,
      args: { workspaceId: string; ids: string[] },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        startBatchAs(context.pool, await callerAs(context, args.workspaceId), [
          ...new Set(args.ids),
        ]),
      ),
    markNotificationsRead: (
      _p: unknown,
      args: { workspaceId: string; ids?: string[] },
      context: GraphQLContext,
    ) =>
      guarded(async () =>
        markNotificationsRead(
          context.pool,
          await callerAs(context, args.workspaceId),
          args.ids ?? null,
        ),
      ),
    createActionPolicy: (
      _p: unknown,
      args: { workspaceId: string; input: PolicyInput },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        return createPolicy(context.pool, caller.workspaceId, args.input, caller.actor);
      }),
    updateActionPolicy: (
      _p: unknown,
      args: { workspaceId: string; id: string; patch: PolicyPatch },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        return updatePolicy(context.pool, caller.workspaceId, args.id, args.patch);
      }),
    deleteActionPolicy: (
      _p: unknown,
      args: { workspaceId: string; id: string },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        await deletePolicy(context.pool, caller.workspaceId, args.id);
        return true;
      }),
    dryRunActionPolicy: (
      _p: unknown,
      args: { workspaceId: string; id?: string; input?: PolicyInput; last?: number },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        const policy = args.id
          ? await getPolicy(context.pool, caller.workspaceId, args.id)
          : args.input;
        if (!policy) throw new Error('Give the id of a saved policy or an input');
        return dryRunPolicy(context.pool, caller.workspaceId, policy, {
          last: args.last ?? undefined,
        });
      }),
    runSkill: (
      _p: unknown,
      args: { workspaceId: string; skill: string; now?: string; options?: Record<string, unknown> },
      context: GraphQLContext,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        const now = args.now ? new Date(args.now) : undefined;
        return runSkill(
          context.pool,
          caller.workspaceId,
          args.skill,
          { ...args.options, now },
          {
            trigger: 'manual',
            actor: caller.actor,
          },
        );
      }),
  },
};
