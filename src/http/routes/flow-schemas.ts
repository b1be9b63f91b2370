/**
 * The REST shapes of flows, shared by the flow, run and automation routes. Structure only:
 * what needs the whole definition (unique keys, configs against their step type's schema,
 * templates, forward jumps, cron) is checked by definition.ts and answered as invalid_flow.
 */
import { Type } from '@sinclair/typebox';
import {
  ERROR_CATEGORIES,
  FLOW_EVENT_TYPES,
  RUN_STATUSES,
  STEP_CATEGORIES,
  STEP_RUN_STATUSES,
  STEP_TYPES,
} from '../../flows/types.js';
import { Timestamp, Uuid, strictObject } from '../schemas.js';

export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

export const TriggerSchema = Type.Union(
  [
    strictObject({ type: Type.Literal('manual') }),
    strictObject({
      type: Type.Literal('schedule'),
      cron: Type.String({
        maxLength: 200,
        description: 'Five fields: minute hour day-of-month month day-of-week',
      }),
      timezone: Type.String({ maxLength: 100, description: 'An IANA time zone: Europe/Paris' }),
    }),
    strictObject({
      type: Type.Literal('event'),
      event: literals(FLOW_EVENT_TYPES),
      filter: Type.Optional(
        Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
          description: "Equality on the event's top-level fields: { toStage: 'negotiation' }",
        }),
      ),
    }),
    strictObject({
      type: Type.Literal('webhook'),
    }),
  ],
  { description: 'What starts a run' },
);

const RetrySchema = strictObject({
  attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  backoffMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 3_600_000 })),
  maxDelayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
});

export const StepSchema = strictObject({
  key: Type.String({
    maxLength: 64,
    description: 'Unique in the flow; {{steps.<key>.output}} names its output',
  }),
  type: literals(STEP_TYPES),
  config: Type.Record(Type.String(), Type.Unknown(), {
    description: "Valid against the step type's configSchema; strings may hold {{...}} templates",
  }),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  retry: Type.Optional(RetrySchema),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 3_600_000 })),
});

export const StepsSchema = Type.Array(StepSchema, { maxItems: 100 });

export const DefinitionSchema = Type.Object({ trigger: TriggerSchema, steps: StepsSchema });

export const FlowSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  status: literals(['active', 'archived']),
  draft: DefinitionSchema,
  draftRevision: Type.Integer({ description: 'Send it back with an update to refuse stale edits' }),
  latestVersion: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The last published version; null until the first publish',
  }),
  hasUnpublishedChanges: Type.Boolean(),
  hasWebhookSecret: Type.Boolean(),
  createdBy: Type.Union([Uuid, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const VersionSummarySchema = Type.Object({
  version: Type.Integer(),
  publishedBy: Type.Union([Uuid, Type.Null()]),
  publishedAt: Timestamp,
  stepCount: Type.Integer(),
  triggerType: Type.String(),
});

export const VersionSchema = Type.Object({
  ...VersionSummarySchema.properties,
  flowId: Uuid,
  definition: DefinitionSchema,
});

export const StepTypeSchema = Type.Object({
  id: literals(STEP_TYPES),
  category: literals(STEP_CATEGORIES),
  title: Type.String(),
  description: Type.String(),
  effect: literals(['read', 'write']),
  configSchema: Type.Unknown({ description: "The config's JSON schema; forms are built from it" }),
  allowedInAutomations: Type.Boolean(),
  defaultRetry: Type.Object({
    attempts: Type.Integer(),
    backoffMs: Type.Integer(),
    maxDelayMs: Type.Integer(),
  }),
  defaultTimeoutMs: Type.Integer(),
  secretFields: Type.Array(Type.String()),
  jumpFields: Type.Array(Type.String()),
  literalFields: Type.Array(Type.String(), {
    description: 'Config fields used as written: no {{...}} templates there',
  }),
});

export const FlowParams = Type.Object({ flowId: Uuid });
export const VersionNumber = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

const NullableTime = Type.Union([Timestamp, Type.Null()]);
const Duration = Type.Union([Type.Integer(), Type.Null()]);

export const StepErrorSchema = Type.Object({
  category: literals(ERROR_CATEGORIES),
  severity: literals(['low', 'medium', 'high', 'critical']),
  message: Type.String(),
  suggestion: Type.String(),
  retryable: Type.Boolean(),
  status: Type.Optional(Type.Integer({ description: 'What an outside system answered' })),
  stepKey: Type.Optional(Type.String({ description: 'The step that failed (on a run)' })),
});

export const StepRunSchema = Type.Object({
  key: Type.String(),
  type: Type.String(),
  status: literals(STEP_RUN_STATUSES),
  input: Type.Unknown({ description: 'The config as resolved; secrets shown as [secret]' }),
  output: Type.Unknown(),
  error: Type.Union([StepErrorSchema, Type.Null()]),
  attempts: Type.Integer(),
  startedAt: Timestamp,
  finishedAt: NullableTime,
  durationMs: Duration,
});

const runFields = {
  id: Uuid,
  flowId: Uuid,
  version: Type.Integer(),
  status: literals(RUN_STATUSES),
  trigger: Type.Record(Type.String(), Type.Unknown(), {
    description: 'What started it: { type: manual|schedule|event|webhook|rerun, ... }',
  }),
  input: Type.Record(Type.String(), Type.Unknown()),
  scopeUserId: Type.Union([Uuid, Type.Null()]),
  startedBy: Type.Union([Uuid, Type.Null()]),
  rerunOf: Type.Union([Uuid, Type.Null()]),
  rerunFromStep: Type.Union([Type.String(), Type.Null()]),
  currentStep: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([StepErrorSchema, Type.Null()]),
  wakeAt: NullableTime,
  cancelRequestedAt: NullableTime,
  createdAt: Timestamp,
  startedAt: NullableTime,
  finishedAt: NullableTime,
  durationMs: Duration,
};

export const RunSummarySchema = Type.Object(runFields);
export const RunSchema = Type.Object({
  ...runFields,
  steps: Type.Array(StepRunSchema, { description: "In the version's step order; steps that ran" }),
});
