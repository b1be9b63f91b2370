/**
 * GraphQL for actions: list, read with the audit trail, propose, dismiss, approve,
 * preview, execute, undo. The same domain calls as REST (src/actions/service.ts),
 * so the same rules and error codes. Preview, execute and undo are in
 * action-execution.ts; batches and notifications in action-batches.ts.
 */
import { Type } from '@sinclair/typebox';
import {
  approveActionAs,
  auditOf,
  createActionAs,
  dismissActionAs,
  type NewAction,
} from '../actions/service.js';
import { getAction, listActions, type Action, type ActionFilters } from '../actions/store.js';
import type { CrmValue } from '../crm/port.js';
import { Uuid } from '../http/schemas.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls, type Nullable } from './validate.js';

export const actionTypeDefs = /* GraphQL */ `
  "A CRM field value: a string, number, boolean or null."
  scalar CrmValue

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

  enum SourceType {
    skill
    person
    api
    flow
    agent
  }

  enum ActionOrder {
    "Newest first."
    created
    "Largest impact first; actions without an amount last."
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
    fromStatus: ActionStatus
    toStatus: ActionStatus
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
    targetEntityId: ID
    targetName: String
    ownerEmail: String
    "{ crm_updates: [{ field, proposed_value, current_value }], note }"
    executionPayload: JSON!
    status: ActionStatus!
    "The last execution's or undo's per-operation results."
    executionResult: JSON
    sourceType: SourceType!
    sourceId: String
    sourceName: String
    approvedBy: String
    approvedAt: String
    executedAt: String
    undoneAt: String
    createdAt: String!
    updatedAt: String!
    "Every state change, oldest first (append-only)."
    audit: [AuditEntry!]!
  }

  "A page of actions; pass nextCursor as after for the next (null on the last page)."
  type ActionConnection {
    actions: [Action!]!
    nextCursor: String
  }

  input ActionFilter {
    status: [ActionStatus!]
    severity: [Severity!]
    actionType: String
    targetType: CrmObjectType
    targetSourceId: String
    ownerEmail: String
    sourceName: String
  }

  input CrmUpdateInput {
    field: String!
    proposed_value: CrmValue
    current_value: CrmValue
  }

  input ExecutionPayloadInput {
    crm_updates: [CrmUpdateInput!]
    note: String
  }

  input NewActionInput {
    "Lowercase letters, digits and _, e.g. update_field, add_note, notify_rep."
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

  extend type Workspace {
    "Newest (or largest impact) first, the filters as REST's; first is 1 to 200 (50)."
    actions(filter: ActionFilter, order: ActionOrder, first: Int, after: String): ActionConnection!
    action(id: ID!): Action!
  }

  extend type Mutation {
    "Propose an action as the caller; the workspace's policies act on it at once."
    createAction(workspaceId: ID!, input: NewActionInput!): Action!
    dismissAction(workspaceId: ID!, id: ID!, reason: String): Action!
    "Approve an action a policy holds (an admin, or the action's owner)."
    approveAction(workspaceId: ID!, id: ID!): Action!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;
type ById = { workspaceId: string; id: string };

const checkFirst = argument('first', Type.Integer({ minimum: 1, maximum: 200 }));
const checkAfter = argument('after', Type.String({ maxLength: 500 }));
const checkReason = argument('reason', Type.String({ maxLength: 1_000 }));
// What the actions table's own checks would otherwise refuse as a 500, until
// src/http/routes/actions.ts exports CreateBody for both layers.
const checkActionType = argument(
  'input.actionType',
  Type.String({ pattern: '^[a-z][a-z0-9_]{1,49}$' }),
);
const checkTitle = argument('input.title', Type.String({ minLength: 1, maxLength: 300 }));
const checkConnectionId = argument('input.connectionId', Uuid);

function isCrmValue(value: unknown): value is CrmValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Field values in and out: a string, number, boolean or null, never an object. */
const crmValueScalar = {
  serialize: (value: unknown) => value,
  parseValue(value: unknown) {
    if (!isCrmValue(value)) {
      throw new TypeError('A CRM value is a string, number, boolean or null');
    }
    return value;
  },
  parseLiteral(node: { kind: string; value?: string }) {
    switch (node.kind) {
      case 'StringValue':
        return node.value;
      case 'IntValue':
      case 'FloatValue':
        return Number(node.value);
      case 'BooleanValue':
        return node.value;
      case 'NullValue':
        return null;
      default:
        throw new TypeError('A CRM value is a string, number, boolean or null');
    }
  },
};

function newActionOf(input: Nullable<NewAction>): NewAction {
  const action = withoutNulls(input) as NewAction;
  checkActionType(action.actionType);
  checkTitle(action.title);
  checkConnectionId(action.connectionId);
  if (action.executionPayload) {
    action.executionPayload = withoutNulls(action.executionPayload);
  }
  return action;
}

export const actionResolvers = {
  CrmValue: crmValueScalar,
  Workspace: {
    actions: (
      parent: Parent,
      args: Nullable<{
        filter: Nullable<ActionFilters>;
        order: 'created' | 'impact';
        first: number;
        after: string;
      }>,
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listActions(context.pool, caller.workspaceId, {
          ...withoutNulls(args.filter ?? {}),
          order: args.order ?? 'created',
          limit: checkFirst(args.first) ?? 50,
          after: checkAfter(args.after),
        });
      }),
    action: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return getAction(context.pool, caller.workspaceId, uuidArg('id', args.id));
      }),
  },
  Action: {
    audit: (parent: Action, _args: unknown, context: Ctx) =>
      guarded(() => auditOf(context.pool, parent.workspaceId, parent.id)),
  },
  Mutation: {
    createAction: (
      _parent: unknown,
      args: { workspaceId: string; input: Nullable<NewAction> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return createActionAs(context.pool, caller, newActionOf(args.input));
      }),
    dismissAction: (_parent: unknown, args: ById & { reason?: string | null }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return dismissActionAs(
          context.pool,
          caller,
          uuidArg('id', args.id),
          checkReason(args.reason) ?? null,
        );
      }),
    approveAction: (_parent: unknown, args: ById, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return approveActionAs(context.pool, caller, uuidArg('id', args.id));
      }),
  },
};
