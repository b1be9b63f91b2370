/**
 * GraphQL for previewing, executing and undoing an action: the same calls as REST
 * (src/actions/service.ts) with the engine's dependencies from the context.
 */
import { Type } from '@sinclair/typebox';
import type { OperationResult } from '../actions/execute.js';
import type { Preview } from '../actions/preview.js';
import {
  executeActionAs,
  operationsOf,
  previewActionAs,
  undoActionAs,
} from '../actions/service.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg } from './validate.js';

export const actionExecutionTypeDefs = /* GraphQL */ `
  type PlanError {
    field: String!
    code: String!
    message: String!
  }

  type PreviewChange {
    field: String!
    crmField: String!
    label: String!
    "What the CRM holds now, read for this preview."
    before: CrmValue
    "What execute would write (a stage resolved to the CRM's value)."
    after: CrmValue
    proposed: CrmValue
    "False when the CRM already holds the value: execute will not call for it."
    changes: Boolean!
  }

  enum NotificationAudience {
    rep
    manager
  }

  type PreviewRecipient {
    userId: ID!
    email: String!
    name: String!
  }

  type PreviewNotification {
    audience: NotificationAudience!
    "The members it would reach now."
    recipients: [PreviewRecipient!]!
    "Where a manager comes from: crm (the CRM's owner hierarchy), setting (rep-managers) or admins."
    managerSource: String
  }

  enum OperationKind {
    field_update
    note
    notification
    "A record a create_deal action made (the deal, a contact)."
    create
    "A contact a create_deal action linked to the deal."
    associate
  }

  "One planned operation: a field update (field...), the audit note (text) or a notification (audience)."
  type PlannedOperation {
    kind: OperationKind!
    field: String
    crmField: String
    label: String
    before: CrmValue
    after: CrmValue
    proposed: CrmValue
    changes: Boolean
    text: String
    audience: NotificationAudience
  }

  type ActionPreview {
    actionId: ID!
    status: ActionStatus!
    crmType: String!
    recordId: String!
    objectType: CrmObjectType!
    "False when a planned update cannot be written (see errors): execute would write nothing."
    executable: Boolean!
    errors: [PlanError!]!
    changes: [PreviewChange!]!
    "The audit note execute would leave on the record."
    note: String
    notifications: [PreviewNotification!]!
    "Field updates, the note and notifications as one list (REST's .../operations)."
    operations: [PlannedOperation!]!
  }

  type OperationError {
    kind: String
    message: String!
    field: String
    retryable: Boolean!
  }

  type OperationResult {
    kind: OperationKind!
    field: String
    "create / associate: the record's object type and CRM id; url: where to open it."
    objectType: CrmObjectType
    recordId: String
    url: String
    crmField: String
    before: CrmValue
    after: CrmValue
    status: String!
    error: OperationError
  }

  type ExecutionError {
    field: String
    code: String!
    message: String!
  }

  enum ExecutionOutcome {
    executed
    partial
    failed
    invalid
    busy
    needs_approval
    blocked
    not_executable
    not_found
  }

  type ActionExecution {
    actionId: ID!
    outcome: ExecutionOutcome!
    "The action's status afterwards."
    status: ActionStatus
    executionId: ID
    operations: [OperationResult!]!
    errors: [ExecutionError!]!
    "True when running it again may help (a transient CRM failure); a retry is queued."
    retryable: Boolean!
    "Answered from an earlier request with the same idempotency key; nothing was written."
    replayed: Boolean!
  }

  type UndoField {
    field: String!
    "The value before the action, which undo restores."
    before: CrmValue
    written: CrmValue
    "What the CRM held when undo looked."
    current: CrmValue
    "restored, already_restored, conflict (changed since; force overwrites) or failed"
    status: String!
    message: String
  }

  type UndoResult {
    actionId: ID!
    status: ActionStatus!
    executionId: ID
    fields: [UndoField!]!
    note: OperationResult
    replayed: Boolean!
  }

  extend type Mutation {
    "The exact diff execute would apply, current values read fresh from the CRM; writes nothing."
    previewAction(workspaceId: ID!, id: ID!): ActionPreview!
    "Execute now; a repeated idempotencyKey answers the first execution and writes nothing."
    executeAction(workspaceId: ID!, id: ID!, idempotencyKey: String): ActionExecution!
    "Put back what the action wrote where the CRM still holds it (force: overwrite changes since)."
    undoAction(workspaceId: ID!, id: ID!, force: Boolean, idempotencyKey: String): UndoResult!
  }
`;

type Ctx = GraphQLContext;
type ById = { workspaceId: string; id: string };

const checkKey = argument('idempotencyKey', Type.String({ minLength: 1, maxLength: 200 }));

export const actionExecutionResolvers = {
  ActionPreview: {
    operations: (parent: Preview) => operationsOf(parent).operations,
  },
  ActionExecution: { replayed: (parent: { replayed?: boolean }) => parent.replayed ?? false },
  UndoResult: { replayed: (parent: { replayed?: boolean }) => parent.replayed ?? false },
  OperationResult: {
    error: (parent: OperationResult) => parent.error ?? null,
  },
  Mutation: {
    previewAction: (_parent: unknown, args: ById, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return previewActionAs(context, caller, uuidArg('id', args.id));
      }),
    executeAction: (
      _parent: unknown,
      args: ById & { idempotencyKey?: string | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return executeActionAs(
          context,
          caller,
          uuidArg('id', args.id),
          checkKey(args.idempotencyKey),
        );
      }),
    undoAction: (
      _parent: unknown,
      args: ById & { force?: boolean | null; idempotencyKey?: string | null },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        return undoActionAs(context, caller, uuidArg('id', args.id), {
          force: args.force ?? false,
          idempotencyKey: checkKey(args.idempotencyKey),
        });
      }),
  },
};
