import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { ACTION_STATUSES, SEVERITIES } from '../../actions/store.js';
import { Uuid } from '../schemas.js';

/**
 * The answers of the action routes, as src/actions types them, so generated clients
 * read them typed: a response schema also drops every field it does not declare.
 */

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// Stored JSON may carry keys added later: declared for clients, passed through as stored.
const openObject = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: true });

const CrmValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const ObjectType = literals(['deal', 'contact', 'account'] as const);
const Status = literals(ACTION_STATUSES);
const CrmType = literals(['hubspot', 'salesforce'] as const);

/** What an action's execution writes, as stored (`execution_payload`). */
const StoredPayload = openObject({
  crm_updates: Type.Optional(
    Type.Array(
      openObject({
        field: Type.String(),
        proposed_value: CrmValueSchema,
        current_value: Type.Optional(CrmValueSchema),
      }),
    ),
  ),
  note: Type.Optional(Type.String()),
  create_deal: Type.Optional(
    openObject({
      conversationId: Nullable(Type.String()),
      name: Type.String(),
      amount: Nullable(Type.Number()),
      stage: Type.String(),
      pipeline: Type.Optional(Nullable(Type.String())),
      closeDate: Type.String(),
      ownerEmail: Nullable(Type.String()),
      contacts: Type.Array(
        openObject({
          email: Type.String(),
          firstName: Type.Optional(Nullable(Type.String())),
          lastName: Type.Optional(Nullable(Type.String())),
          mode: literals(['create', 'associate'] as const),
        }),
      ),
    }),
  ),
});

const OperationResultSchema = openObject({
  kind: literals(['field_update', 'note', 'notification', 'create', 'associate'] as const),
  field: Type.Optional(Type.String()),
  objectType: Type.Optional(Type.String()),
  recordId: Type.Optional(Nullable(Type.String())),
  url: Type.Optional(Type.String()),
  created: Type.Optional(Type.Unknown({ description: 'What a create_deal execution made' })),
  crmField: Type.Optional(Type.String()),
  before: Type.Optional(CrmValueSchema),
  after: Type.Optional(CrmValueSchema),
  status: literals([
    'written',
    'unchanged',
    'failed',
    'pending',
    'created',
    'sent',
    'skipped',
  ] as const),
  error: Type.Optional(
    openObject({
      kind: Nullable(Type.String()),
      message: Type.String(),
      field: Type.Optional(Nullable(Type.String())),
      retryable: Type.Boolean(),
    }),
  ),
});

const ExecutionErrorSchema = openObject({
  field: Type.Optional(Type.String()),
  code: Type.String(),
  message: Type.String(),
});

const OUTCOMES = [
  'executed',
  'partial',
  'failed',
  'invalid',
  'busy',
  'needs_approval',
  'blocked',
  'not_executable',
  'not_found',
] as const;

/** The last execution's result, as stored (`execution_result`); null before any. */
const StoredResult = Nullable(
  openObject({
    executionId: Type.Optional(Nullable(Type.String())),
    outcome: Type.Optional(literals(OUTCOMES)),
    operations: Type.Optional(Type.Array(OperationResultSchema)),
    errors: Type.Optional(Type.Array(ExecutionErrorSchema)),
    retryable: Type.Optional(Type.Boolean()),
  }),
);

export const ActionSchema = Type.Object({
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
  executionPayload: StoredPayload,
  status: Status,
  executionResult: StoredResult,
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

const PlanErrorSchema = Type.Object({
  field: Type.String(),
  code: literals([
    'unknown_property',
    'read_only_property',
    'invalid_value',
    'invalid_option',
    'unknown_stage',
    'too_long',
  ] as const),
  message: Type.String(),
});

const PreviewChangeFields = {
  field: Type.String(),
  crmField: Type.String(),
  label: Type.String(),
  before: CrmValueSchema,
  after: CrmValueSchema,
  proposed: CrmValueSchema,
  changes: Type.Boolean({ description: 'False when the CRM already holds the value' }),
};
const Audience = literals(['rep', 'manager'] as const);

export const PreviewSchema = Type.Object({
  actionId: Uuid,
  status: Status,
  crmType: CrmType,
  recordId: Type.String(),
  objectType: ObjectType,
  executable: Type.Boolean(),
  errors: Type.Array(PlanErrorSchema),
  changes: Type.Array(Type.Object(PreviewChangeFields)),
  note: Nullable(Type.String()),
  notifications: Type.Array(
    Type.Object({
      audience: Audience,
      recipients: Type.Array(
        Type.Object({ userId: Type.String(), email: Type.String(), name: Type.String() }),
        { description: 'The members it would reach now' },
      ),
      managerSource: Nullable(
        Type.Union([Type.Literal('crm'), Type.Literal('setting'), Type.Literal('admins')], {
          description:
            "Where a manager comes from: the CRM's owner hierarchy, the workspace's rep-managers, or the admins",
        }),
      ),
    }),
  ),
});

export const OperationsSchema = Type.Object({
  operations: Type.Array(
    Type.Union([
      Type.Object({ kind: Type.Literal('field_update'), ...PreviewChangeFields }),
      Type.Object({ kind: Type.Literal('note'), text: Type.String() }),
      Type.Object({ kind: Type.Literal('notification'), audience: Audience }),
    ]),
  ),
  errors: Type.Array(PlanErrorSchema),
  executable: Type.Boolean(),
});

export const ExecutionSchema = Type.Object({
  actionId: Uuid,
  outcome: literals(OUTCOMES),
  status: Nullable(Status),
  executionId: Nullable(Type.String()),
  operations: Type.Array(OperationResultSchema),
  errors: Type.Array(ExecutionErrorSchema),
  retryable: Type.Boolean({ description: 'True when running it again may help' }),
  replayed: Type.Optional(Type.Boolean()),
});

export const UndoSchema = Type.Object({
  actionId: Uuid,
  status: Status,
  executionId: Nullable(Type.String()),
  fields: Type.Array(
    Type.Object({
      field: Type.String(),
      before: CrmValueSchema,
      written: CrmValueSchema,
      current: CrmValueSchema,
      status: literals(['restored', 'already_restored', 'conflict', 'failed'] as const),
      message: Type.Optional(Type.String()),
    }),
  ),
  note: Nullable(OperationResultSchema),
  replayed: Type.Optional(Type.Boolean()),
});

export const BatchSchema = Type.Object({
  id: Uuid,
  workspaceId: Uuid,
  actor: Type.String(),
  status: literals(['queued', 'running', 'succeeded', 'partial', 'failed'] as const),
  total: Type.Integer(),
  done: Type.Integer(),
  results: Type.Record(
    Type.String(),
    openObject({
      outcome: Type.String(),
      status: Nullable(Type.String()),
      error: Type.Optional(Type.String()),
    }),
    { description: 'Per action id: its outcome and status, and the first error' },
  ),
  crmCalls: Type.Integer(),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});

export const NotificationSchema = Type.Object({
  id: Uuid,
  recipientEmail: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  /** Where the console shows the subject, inside the workspace (`/inbox/<id>`). */
  link: Nullable(Type.String()),
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')]),
  /** An error anomaly or an approval about to expire: it never waits for a digest. */
  critical: Type.Boolean(),
  actionId: Nullable(Uuid),
  inboxItemId: Nullable(Uuid),
  anomalyId: Nullable(Uuid),
  readAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
