import type pg from 'pg';
import { openConnector } from '../crm/connect.js';
import type { CrmProperty } from '../crm/port.js';
import type { Queryable } from '../db/pool.js';
import { HttpError, badRequest, conflict, notFound } from '../errors.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { FIELDS, fieldNamed, type FieldObjectType, type PandoraField } from './fields.js';
import {
  SCORE_LABELS,
  conditionFits,
  parseCondition,
  parseTransform,
  transformFits,
  type Condition,
  type TimestampFormat,
  type Transform,
  type WriteMode,
} from './rules.js';

export type MappingTrigger = 'after_compute' | 'schedule' | 'manual';
export const MAPPING_TRIGGERS: readonly MappingTrigger[] = ['after_compute', 'schedule', 'manual'];

export interface Mapping {
  id: string;
  workspaceId: string;
  connectionId: string;
  pandoraField: string;
  objectType: FieldObjectType;
  crmProperty: string;
  crmPropertyType: string;
  writeMode: WriteMode;
  appendSeparator: string;
  timestampFormat: TimestampFormat;
  maxEntries: number | null;
  writeCondition: string | null;
  valueTransform: string;
  trigger: MappingTrigger;
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** What a client sets; everything but the first four has a default. */
export interface MappingInput {
  connectionId: string;
  pandoraField: string;
  objectType: FieldObjectType;
  crmProperty: string;
  writeMode?: WriteMode;
  appendSeparator?: string;
  timestampFormat?: TimestampFormat;
  maxEntries?: number | null;
  writeCondition?: string | null;
  valueTransform?: string;
  trigger?: MappingTrigger;
  enabled?: boolean;
}

/** A mapping's rules, parsed: what the engine works from. */
export interface MappingRules {
  field: PandoraField;
  transform: Transform;
  condition: Condition | null;
}

const COLUMNS: [column: string, key: keyof Mapping][] = [
  ['id', 'id'],
  ['workspace_id', 'workspaceId'],
  ['connection_id', 'connectionId'],
  ['pandora_field', 'pandoraField'],
  ['object_type', 'objectType'],
  ['crm_property', 'crmProperty'],
  ['crm_property_type', 'crmPropertyType'],
  ['write_mode', 'writeMode'],
  ['append_separator', 'appendSeparator'],
  ['timestamp_format', 'timestampFormat'],
  ['max_entries', 'maxEntries'],
  ['write_condition', 'writeCondition'],
  ['value_transform', 'valueTransform'],
  ['trigger', 'trigger'],
  ['enabled', 'enabled'],
  ['created_by', 'createdBy'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
  ['deleted_at', 'deletedAt'],
];

/** The select list of a `Mapping`, its columns qualified by `table` when given. */
export function mappingColumns(table?: string): string {
  return COLUMNS.map(([column, key]) => `${table ? `${table}.` : ''}${column} as "${key}"`).join(
    ', ',
  );
}

const MAPPING_COLUMNS = mappingColumns();

interface Issue {
  field: string;
  message: string;
}

function refuse(code: string, issue: Issue): HttpError {
  return badRequest(code, `${issue.field}: ${issue.message}`, [issue]);
}

/** Parses a stored mapping's rules; a stored mapping was validated, so this cannot fail. */
export function rulesOf(
  mapping: Pick<Mapping, 'pandoraField' | 'valueTransform' | 'writeCondition'>,
): MappingRules {
  const field = fieldNamed(mapping.pandoraField);
  const transform = parseTransform(mapping.valueTransform);
  const condition = mapping.writeCondition ? parseCondition(mapping.writeCondition) : null;
  if (!field || !transform.ok || (condition && !condition.ok)) {
    throw new Error(`mapping for ${mapping.pandoraField} holds rules that no longer parse`);
  }
  return { field, transform: transform.value, condition: condition?.ok ? condition.value : null };
}

/** What the value looks like once transformed: the CRM types it fits, and with loss. */
function outputTypes(field: PandoraField, transform: Transform) {
  if (transform.kind === 'score_label')
    return { compatible: ['string', 'text', 'enumeration'], lossy: [] as string[] };
  if (transform.kind === 'date_only') return { compatible: ['date'], lossy: ['string', 'text'] };
  return { compatible: field.compatibleTypes as string[], lossy: field.lossyTypes as string[] };
}

/**
 * Checks a mapping against the registry and the CRM's live property definitions;
 * throws a 400 naming the field and the problem, or returns the warnings a person
 * should see (a lossy pair such as a number into a text property).
 */
export function checkMapping(
  input: Required<Omit<MappingInput, 'enabled' | 'trigger'>>,
  properties: CrmProperty[],
): { property: CrmProperty; warnings: string[] } {
  const field = fieldNamed(input.pandoraField);
  if (!field) {
    throw refuse('unknown_field', {
      field: 'pandoraField',
      message: `no Pandora field "${input.pandoraField}"; known: ${FIELDS.map((f) => f.name).join(', ')}`,
    });
  }
  if (!field.objectTypes.includes(input.objectType)) {
    throw refuse('field_not_for_object', {
      field: 'objectType',
      message: `${field.name} applies to ${field.objectTypes.join(' and ')} records, not ${input.objectType}`,
    });
  }
  const transform = parseTransform(input.valueTransform);
  if (!transform.ok)
    throw refuse('invalid_transform', { field: 'valueTransform', message: transform.message });
  if (!transformFits(transform.value, field.kind)) {
    throw refuse('invalid_transform', {
      field: 'valueTransform',
      message: `${input.valueTransform} does not apply to ${field.name} (a ${field.kind} value)`,
    });
  }
  if (input.writeCondition) {
    const condition = parseCondition(input.writeCondition);
    if (!condition.ok)
      throw refuse('invalid_condition', { field: 'writeCondition', message: condition.message });
    if (!conditionFits(condition.value, field.kind)) {
      throw refuse('invalid_condition', {
        field: 'writeCondition',
        message: `${input.writeCondition} compares scores; ${field.name} is ${field.kind}`,
      });
    }
  }

  const property = properties.find(
    (candidate) => candidate.name.toLowerCase() === input.crmProperty.toLowerCase(),
  );
  if (!property) {
    throw refuse('unknown_property', {
      field: 'crmProperty',
      message: `the CRM has no ${input.objectType} property "${input.crmProperty}"`,
    });
  }
  if (property.readOnly) {
    throw refuse('read_only_property', {
      field: 'crmProperty',
      message: `${property.name} (${property.label}) is read-only in the CRM`,
    });
  }
  const appending = input.writeMode === 'append' || input.writeMode === 'append_if_changed';
  if (appending && property.type !== 'string' && property.type !== 'text') {
    throw refuse('incompatible_property', {
      field: 'crmProperty',
      message: `${input.writeMode} adds text entries; ${property.name} is a ${property.type} property`,
    });
  }
  const types = outputTypes(field, transform.value);
  const warnings: string[] = [];
  if (types.lossy.includes(property.type)) {
    warnings.push(
      `${field.label} is a ${field.kind} value; in ${property.name} (a ${property.type} property) ` +
        'it is stored as text, so the CRM cannot sort, filter or report on it as a number',
    );
  } else if (!types.compatible.includes(property.type) && !appending) {
    throw refuse('incompatible_property', {
      field: 'crmProperty',
      message:
        `${field.name} (${field.kind}${transform.value.kind === 'raw' ? '' : `, ${input.valueTransform}`}) ` +
        `cannot go into ${property.name}, a ${property.type} property; it fits ${types.compatible.join(', ')}`,
    });
  }
  if (property.type === 'enumeration') {
    const known = new Set(property.options.flatMap((option) => [option.value, option.label]));
    const missing = SCORE_LABELS.map((band) => band.label).filter((label) => !known.has(label));
    if (missing.length > 0) {
      throw refuse('incompatible_property', {
        field: 'crmProperty',
        message: `${property.name} lacks the options ${missing.join(', ')} that score_label writes`,
      });
    }
  }
  if (field.kind === 'text' && property.maxLength && transform.value.kind !== 'truncate') {
    warnings.push(
      `${property.name} holds at most ${property.maxLength} characters; add truncate:${property.maxLength} so longer values are cut rather than refused`,
    );
  }
  return { property, warnings };
}

function withDefaults(input: MappingInput): Required<MappingInput> {
  return {
    connectionId: input.connectionId,
    pandoraField: input.pandoraField,
    objectType: input.objectType,
    crmProperty: input.crmProperty,
    writeMode: input.writeMode ?? 'overwrite',
    appendSeparator: input.appendSeparator ?? '\n---\n',
    timestampFormat: input.timestampFormat ?? 'none',
    maxEntries: input.maxEntries ?? null,
    writeCondition: input.writeCondition ?? null,
    valueTransform: input.valueTransform ?? 'raw',
    trigger: input.trigger ?? 'after_compute',
    enabled: input.enabled ?? true,
  };
}

export interface MappingDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
}

/** The connection's live property definitions of a type (cached by the connector). */
export async function crmProperties(
  deps: MappingDeps,
  workspaceId: string,
  connectionId: string,
  objectType: FieldObjectType,
): Promise<CrmProperty[]> {
  const { rows } = await deps.pool.query(
    `select 1 from connections where workspace_id = $1::uuid and id = $2::uuid and crm_type is not null`,
    [workspaceId, connectionId],
  );
  if (rows.length === 0) {
    throw refuse('unknown_connection', {
      field: 'connectionId',
      message: `no connection ${connectionId} in this workspace`,
    });
  }
  const { connector } = await openConnector(deps, workspaceId, connectionId);
  return connector.listProperties(objectType);
}

async function validated(
  deps: MappingDeps,
  workspaceId: string,
  input: Required<MappingInput>,
  mappingId: string | null = null,
) {
  const properties = await crmProperties(deps, workspaceId, input.connectionId, input.objectType);
  const checked = checkMapping(input, properties);
  // Two mappings into one property would overwrite each other on every run.
  const { rows } = await deps.pool.query<{ pandoraField: string }>(
    `select pandora_field as "pandoraField" from crm_property_mappings
     where workspace_id = $1::uuid and connection_id = $2::uuid and object_type = $3::text
       and lower(crm_property) = lower($4::text) and deleted_at is null
       and ($5::uuid is null or id <> $5::uuid)`,
    [workspaceId, input.connectionId, input.objectType, checked.property.name, mappingId],
  );
  if (rows[0]) {
    throw conflict(
      'property_taken',
      `crmProperty: ${checked.property.name} already receives ${rows[0].pandoraField}; pick another property`,
      [{ field: 'crmProperty', message: `already mapped from ${rows[0].pandoraField}` }],
    );
  }
  return checked;
}

export async function createMapping(
  deps: MappingDeps,
  workspaceId: string,
  input: MappingInput,
  actor: string | null,
): Promise<{ mapping: Mapping; warnings: string[] }> {
  const full = withDefaults(input);
  const { property, warnings } = await validated(deps, workspaceId, full);
  try {
    const { rows } = await deps.pool.query<Mapping>(
      `insert into crm_property_mappings
         (workspace_id, connection_id, pandora_field, object_type, crm_property, crm_property_type,
          write_mode, append_separator, timestamp_format, max_entries, write_condition,
          value_transform, trigger, enabled, created_by)
       values ($1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,
               $9::text, $10::integer, $11::text, $12::text, $13::text, $14::boolean, $15::text)
       returning ${MAPPING_COLUMNS}`,
      [
        workspaceId,
        full.connectionId,
        full.pandoraField,
        full.objectType,
        property.name,
        property.type,
        full.writeMode,
        full.appendSeparator,
        full.timestampFormat,
        full.maxEntries,
        full.writeCondition,
        full.valueTransform,
        full.trigger,
        full.enabled,
        actor,
      ],
    );
    return { mapping: rows[0]!, warnings };
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw conflict(
        'mapping_exists',
        `${full.pandoraField} already has a mapping for ${full.objectType} records; edit or delete it`,
        { field: 'pandoraField' },
      );
    }
    throw error;
  }
}

export async function getMapping(db: Queryable, workspaceId: string, id: string): Promise<Mapping> {
  const { rows } = await db.query<Mapping>(
    `select ${MAPPING_COLUMNS} from crm_property_mappings
     where workspace_id = $1::uuid and id = $2::uuid and deleted_at is null`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('mapping', id);
  return rows[0];
}

/** A change to a mapping: the merged whole is validated again against the CRM. */
export async function updateMapping(
  deps: MappingDeps,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<MappingInput, 'pandoraField' | 'objectType'>>,
): Promise<{ mapping: Mapping; warnings: string[] }> {
  const current = await getMapping(deps.pool, workspaceId, id);
  const merged = withDefaults({ ...current, ...patch } as MappingInput);
  const { property, warnings } = await validated(deps, workspaceId, merged, id);
  const { rows } = await deps.pool.query<Mapping>(
    `update crm_property_mappings
     set connection_id = $3::uuid, crm_property = $4::text, crm_property_type = $5::text,
         write_mode = $6::text, append_separator = $7::text, timestamp_format = $8::text,
         max_entries = $9::integer, write_condition = $10::text, value_transform = $11::text,
         trigger = $12::text, enabled = $13::boolean, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and deleted_at is null
     returning ${MAPPING_COLUMNS}`,
    [
      workspaceId,
      id,
      merged.connectionId,
      property.name,
      property.type,
      merged.writeMode,
      merged.appendSeparator,
      merged.timestampFormat,
      merged.maxEntries,
      merged.writeCondition,
      merged.valueTransform,
      merged.trigger,
      merged.enabled,
    ],
  );
  if (!rows[0]) throw notFound('mapping', id);
  // A different property or rules: what was written under the old ones says nothing now.
  if (
    current.crmProperty !== property.name ||
    current.connectionId !== merged.connectionId ||
    current.valueTransform !== merged.valueTransform ||
    current.writeMode !== merged.writeMode
  ) {
    await deps.pool.query(`delete from writeback_state where mapping_id = $1::uuid`, [id]);
  }
  return { mapping: rows[0], warnings };
}

/** Soft delete: the mapping stops, its write history stays. */
export async function deleteMapping(db: Queryable, workspaceId: string, id: string): Promise<void> {
  const { rowCount } = await db.query(
    `update crm_property_mappings set deleted_at = now(), enabled = false, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and deleted_at is null`,
    [workspaceId, id],
  );
  if (!rowCount) throw notFound('mapping', id);
}

export interface MappingWithHistory extends Mapping {
  /** Ledger rows of this mapping in the last 7 days, by status. */
  recent: { written: number; unchanged: number; failed: number; pending: number };
  lastWrite: { status: string; at: string } | null;
}

/** Live mappings with their recent write history from the ledger. */
export async function listMappings(
  db: Queryable,
  workspaceId: string,
): Promise<MappingWithHistory[]> {
  const { rows } = await db.query<MappingWithHistory>(
    `select ${mappingColumns('m')},
            coalesce(h.recent, '{"written":0,"unchanged":0,"failed":0,"pending":0}') as recent,
            h.last_write as "lastWrite"
     from crm_property_mappings m
     left join lateral (
       select jsonb_build_object(
                'written', count(*) filter (where l.status = 'written'),
                'unchanged', count(*) filter (where l.status = 'unchanged'),
                'failed', count(*) filter (where l.status = 'failed'),
                'pending', count(*) filter (where l.status = 'pending')) as recent,
              (select jsonb_build_object('status', l2.status, 'at', l2.updated_at)
               from crm_write_log l2
               where l2.workspace_id = m.workspace_id and l2.origin_type = 'writeback'
                 and l2.origin_id = m.id::text
               order by l2.id desc limit 1) as last_write
       from crm_write_log l
       where l.workspace_id = m.workspace_id and l.origin_type = 'writeback'
         and l.origin_id = m.id::text and l.created_at > now() - interval '7 days'
     ) h on true
     where m.workspace_id = $1::uuid and m.deleted_at is null
     order by m.object_type, m.pandora_field`,
    [workspaceId],
  );
  return rows;
}
