import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../http/schemas.js';

/**
 * The shape of an agent configuration as clients write it, in TypeBox: REST bodies
 * and GraphQL inputs are checked against these same schemas (400 `validation_failed`
 * naming the field), and `configs.ts` checks what needs the database or the CRM.
 */

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const strict = { additionalProperties: false } as const;

export const CALL_TYPES = ['discovery', 'demo', 'negotiation', 'renewal'] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const FIELD_RULES = ['auto', 'ask', 'never'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export const AGENT_STATUSES = ['draft', 'active', 'paused', 'error'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const AGENT_MODES = ['shadow', 'live'] as const;
export type AgentMode = (typeof AGENT_MODES)[number];

export const RECORD_TYPES = ['deal', 'contact', 'account'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The confidence above which an `auto` field is applied, unless the admin sets another. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.9;
export const MAX_FIELDS = 50;
export const MAX_SCOPE_LIST = 500;

export const FieldConfigSchema = Type.Object(
  {
    field: Type.String({
      minLength: 1,
      maxLength: 50,
      pattern: '^[a-z][a-z0-9_]*$',
      description:
        'An agent field id: close_date, amount, stage, next_step, competitors, metrics...',
    }),
    crmProperty: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
        description:
          "The deal property it writes; null or absent: the field's default for the CRM. " +
          "Checked against the CRM's live properties.",
      }),
    ),
    rule: literals(FIELD_RULES),
    threshold: Type.Optional(
      Type.Number({
        minimum: 0.5,
        maximum: 1,
        description: `Confidence at or above which an auto field is applied; default ${DEFAULT_CONFIDENCE_THRESHOLD}`,
      }),
    ),
    autoApplyEnabled: Type.Optional(
      Type.Boolean({
        description:
          "Whether an auto field may be applied without a person: refused (409 trust_not_earned) until the field's shadow precision reaches the agent's threshold over its minimum sample",
      }),
    ),
  },
  strict,
);
export type FieldConfigInput = Static<typeof FieldConfigSchema>;

/** A field as stored and returned: every default filled in. */
export interface AgentFieldConfig {
  field: string;
  crmProperty: string | null;
  rule: FieldRule;
  threshold: number;
  autoApplyEnabled: boolean;
}

export const ScopeSchema = Type.Object(
  {
    ownerIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: MAX_SCOPE_LIST,
        description: "Pandora owner ids (the reps); absent: every rep's calls",
      }),
    ),
    pipelines: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: MAX_SCOPE_LIST,
        description: 'CRM pipeline ids; absent: every pipeline',
      }),
    ),
    recordTypes: Type.Optional(
      Type.Array(literals(RECORD_TYPES), {
        minItems: 1,
        maxItems: RECORD_TYPES.length,
        uniqueItems: true,
        description: 'Record types it updates; default deal',
      }),
    ),
    competitors: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 200,
        description:
          'The competitors the agent listens for (the competitors field names only these)',
      }),
    ),
    fiscalYearStartMonth: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 12,
        description:
          'The first month of the fiscal year, for "Q3" and "next fiscal year"; default 1',
      }),
    ),
  },
  strict,
);
export type ScopeInput = Static<typeof ScopeSchema>;

export interface AgentScope {
  ownerIds?: string[];
  pipelines?: string[];
  recordTypes: RecordType[];
  competitors?: string[];
  fiscalYearStartMonth?: number;
}

const CallTypes = Type.Array(literals(CALL_TYPES), {
  maxItems: CALL_TYPES.length,
  uniqueItems: true,
  description: 'The calls it runs on; empty: every call',
});
const Fields = Type.Array(FieldConfigSchema, { maxItems: MAX_FIELDS });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const PrecisionThreshold = Type.Number({
  minimum: 0.5,
  maximum: 1,
  description: 'Shadow precision a field needs before auto-apply can be turned on; default 0.95',
});
const MinSamples = Type.Integer({
  minimum: 1,
  maximum: 100000,
  description: 'Shadow outcomes a field needs before auto-apply can be turned on; default 20',
});
const InboxExpiryHours = Type.Integer({ minimum: 1, maximum: 8760 });

export const AgentConfigCreateSchema = Type.Object(
  {
    name: Name,
    connectionId: Uuid,
    templateId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description: "A template's id: its call types and fields are the defaults",
      }),
    ),
    callTypes: Type.Optional(CallTypes),
    scope: Type.Optional(ScopeSchema),
    fields: Type.Optional(Fields),
    precisionThreshold: Type.Optional(PrecisionThreshold),
    minSamples: Type.Optional(MinSamples),
    inboxExpiryHours: Type.Optional(InboxExpiryHours),
  },
  strict,
);
export type AgentConfigCreate = Static<typeof AgentConfigCreateSchema>;

export const AgentConfigPatchSchema = Type.Object(
  {
    name: Type.Optional(Name),
    callTypes: Type.Optional(CallTypes),
    scope: Type.Optional(ScopeSchema),
    fields: Type.Optional(Fields),
    mode: Type.Optional(literals(AGENT_MODES)),
    precisionThreshold: Type.Optional(PrecisionThreshold),
    minSamples: Type.Optional(MinSamples),
    inboxExpiryHours: Type.Optional(InboxExpiryHours),
  },
  { ...strict, minProperties: 1 },
);
export type AgentConfigPatch = Static<typeof AgentConfigPatchSchema>;
