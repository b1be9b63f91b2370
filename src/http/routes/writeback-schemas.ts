import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { MAPPING_TRIGGERS } from '../../writeback/mappings.js';
import { TIMESTAMP_FORMATS, WRITE_MODES } from '../../writeback/rules.js';
import { Uuid } from '../schemas.js';
import { WriteSchema } from './crm.js';

/**
 * The answers of the write-back routes, as src/writeback types them, so generated
 * clients read them typed: a response schema also drops every field it does not declare.
 */

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// Stored JSON may carry keys added later: declared for clients, passed through as stored.
const openObject = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: true });

const CrmValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const FieldObjectType = literals(['deal', 'account'] as const);
const FieldSkill = literals(['deal-score', 'account-score'] as const);
const WriteMode = literals(WRITE_MODES);

export const FieldRegistrySchema = Type.Object({
  fields: Type.Array(
    Type.Object({
      name: Type.String(),
      label: Type.String(),
      description: Type.String(),
      example: Type.String(),
      objectTypes: Type.Array(FieldObjectType),
      kind: literals(['score', 'text', 'datetime'] as const),
      compatibleTypes: Type.Array(Type.String(), { description: 'CRM property types' }),
      lossyTypes: Type.Array(Type.String(), { description: 'Types it goes into with a loss' }),
      skills: Type.Array(FieldSkill),
    }),
  ),
  writeModes: Type.Array(Type.Object({ mode: WriteMode, description: Type.String() })),
  scoreLabels: Type.Array(Type.Object({ label: Type.String(), min: Type.Number() })),
});

export const CrmPropertiesSchema = Type.Object({
  properties: Type.Array(
    Type.Object({
      name: Type.String(),
      label: Type.String(),
      type: Type.String({ description: "Pandora's word for the property's type" }),
      crmType: Type.String({ description: "The CRM's own type words" }),
      options: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
      readOnly: Type.Boolean(),
      maxLength: Type.Optional(Type.Integer()),
      custom: Type.Boolean(),
      fits: Type.Array(Type.String(), { description: 'Pandora fields it takes without loss' }),
      fitsWithLoss: Type.Array(Type.String()),
    }),
  ),
});

const mappingFields = {
  id: Uuid,
  workspaceId: Uuid,
  connectionId: Uuid,
  pandoraField: Type.String(),
  objectType: FieldObjectType,
  crmProperty: Type.String(),
  crmPropertyType: Type.String(),
  writeMode: WriteMode,
  appendSeparator: Type.String(),
  timestampFormat: literals(TIMESTAMP_FORMATS),
  maxEntries: Nullable(Type.Integer()),
  writeCondition: Nullable(Type.String()),
  valueTransform: Type.String(),
  trigger: literals(MAPPING_TRIGGERS),
  enabled: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  deletedAt: Nullable(Type.String()),
};
const MappingSchema = Type.Object(mappingFields);

export const MappingListSchema = Type.Object({
  mappings: Type.Array(
    Type.Object({
      ...mappingFields,
      recent: openObject({
        written: Type.Integer(),
        unchanged: Type.Integer(),
        failed: Type.Integer(),
        pending: Type.Integer(),
      }),
      lastWrite: Nullable(openObject({ status: Type.String(), at: Type.String() })),
    }),
  ),
});

export const MappingAnswerSchema = Type.Object({ mapping: MappingSchema });
export const MappingChangeSchema = Type.Object({
  mapping: MappingSchema,
  warnings: Type.Array(Type.String()),
});

export const MappingPreviewSchema = Type.Object({
  preview: Type.Object({
    mapping: MappingSchema,
    record: Type.Object({ entityId: Uuid, recordId: Type.String(), name: Nullable(Type.String()) }),
    computed: Type.Object({ value: CrmValueSchema, computedAt: Type.String() }),
    transformed: CrmValueSchema,
    current: CrmValueSchema,
    decision: literals(['write', 'unchanged', 'skipped'] as const),
    reason: Nullable(Type.String()),
    after: CrmValueSchema,
  }),
});

const RunSchema = Type.Object({
  id: Uuid,
  workspaceId: Uuid,
  trigger: literals(['after_compute', 'manual', 'schedule'] as const),
  actor: Nullable(Type.String()),
  mappingIds: Type.Array(Uuid),
  computeRunId: Nullable(Uuid),
  status: literals(['queued', 'running', 'succeeded', 'partial', 'failed'] as const),
  total: Type.Integer(),
  done: Type.Integer(),
  report: openObject({
    considered: Type.Optional(Type.Integer()),
    unchanged: Type.Optional(Type.Integer()),
    skipped_condition: Type.Optional(Type.Integer()),
    written: Type.Optional(Type.Integer()),
    failed: Type.Optional(Type.Integer()),
    crm_calls: Type.Optional(Type.Integer()),
  }),
  failures: Type.Array(
    openObject({
      mappingId: Type.String(),
      entityId: Type.String(),
      recordId: Type.String(),
      reason: Type.String(),
    }),
  ),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});

export const RunAnswerSchema = Type.Object({ run: RunSchema });
export const RunListSchema = Type.Object({ runs: Type.Array(RunSchema) });

export const ComputeSchema = Type.Object({
  runId: Uuid,
  considered: Type.Integer(),
  changed: Type.Integer({ description: 'Records whose fields changed' }),
  writebackRunIds: Type.Array(Uuid, { description: 'Write-back runs queued after it' }),
});

export const WriteLogSchema = Type.Object({
  writes: Type.Array(WriteSchema),
  nextCursor: Nullable(Type.Integer()),
});
