import type {
  CrmConnector,
  CrmObjectType,
  CrmPipeline,
  CrmProperty,
  CrmStage,
  CrmValue,
} from '../crm/port.js';
import { normalizePipeline, NORMALIZED_STAGES } from '../ingest/stages.js';
import type { Action } from './store.js';

/** A field update of the action's target record, in the CRM's terms. */
export interface FieldOperation {
  kind: 'field_update';
  objectType: CrmObjectType;
  recordId: string;
  /** The name the action used (`close_date`) and the CRM's (`closedate`). */
  field: string;
  crmField: string;
  label: string;
  /** The value to write, converted to the property's type (a stage resolved to its id). */
  value: CrmValue;
  /** What the proposer asked for, before resolution. */
  proposed: CrmValue;
}

export interface NoteOperation {
  kind: 'note';
  objectType: CrmObjectType;
  recordId: string;
}

export interface NotificationOperation {
  kind: 'notification';
  /** `rep` (the action's owner) or `manager` (the workspace's admins). */
  audience: 'rep' | 'manager';
}

export type Operation = FieldOperation | NoteOperation | NotificationOperation;

/** Why a proposed update cannot be written; execution stops before any CRM call. */
export interface PlanError {
  field: string;
  code:
    | 'unknown_property'
    | 'read_only_property'
    | 'invalid_value'
    | 'invalid_option'
    | 'unknown_stage'
    | 'too_long';
  message: string;
}

export interface Plan {
  operations: Operation[];
  errors: PlanError[];
}

/** What the planner needs from the CRM, fetched once per connection and object type. */
export interface PlanContext {
  connector: CrmConnector;
  properties: (objectType: CrmObjectType) => Promise<CrmProperty[]>;
  pipelines: () => Promise<CrmPipeline[]>;
  /** The connection's stage mapping: CRM stage id or label -> Pandora's stage. */
  stageMapping: Record<string, string>;
}

export function planContext(
  connector: CrmConnector,
  stageMapping: Record<string, string>,
): PlanContext {
  const properties = new Map<CrmObjectType, Promise<CrmProperty[]>>();
  let pipelines: Promise<CrmPipeline[]> | undefined;
  return {
    connector,
    stageMapping,
    properties(objectType) {
      let cached = properties.get(objectType);
      if (!cached) {
        cached = connector.listProperties(objectType);
        properties.set(objectType, cached);
      }
      return cached;
    },
    pipelines() {
      pipelines ??= connector.listPipelines();
      return pipelines;
    },
  };
}

const NOTIFY: Record<string, NotificationOperation['audience']> = {
  notify_rep: 'rep',
  notify_manager: 'manager',
};

/**
 * Turns an action into operations: its proposed field updates mapped to the CRM's
 * names, validated against the CRM's property definitions (exists, writable, value
 * fits the type) and with stages resolved; an audit note on the record when
 * anything is written (or the action is a note); and a message for `notify_*`.
 * `pipelineOf` gives the target deal's pipeline for HubSpot stage ids.
 */
export async function planAction(
  ctx: PlanContext,
  action: Action,
  pipelineOf?: string | null,
): Promise<Plan> {
  const operations: Operation[] = [];
  const errors: PlanError[] = [];
  const objectType = action.targetType;
  const updates = action.executionPayload.crm_updates ?? [];
  if (updates.length > 0) {
    const properties = await ctx.properties(objectType);
    const byName = new Map(properties.map((property) => [property.name.toLowerCase(), property]));
    for (const update of updates) {
      const crmField = ctx.connector.crmField(objectType, update.field);
      const property = byName.get(crmField.toLowerCase());
      if (!property) {
        errors.push({
          field: update.field,
          code: 'unknown_property',
          message: `${update.field}: the ${objectType} has no property ${crmField} in this CRM`,
        });
        continue;
      }
      if (property.readOnly) {
        errors.push({
          field: update.field,
          code: 'read_only_property',
          message: `${update.field}: ${property.label} (${property.name}) is read-only in the CRM`,
        });
        continue;
      }
      const isStage = objectType === 'deal' && ctx.connector.crmField('deal', 'stage') === crmField;
      const converted = isStage
        ? await resolveStage(ctx, update.proposed_value, pipelineOf ?? null)
        : convertValue(property, update.proposed_value);
      if ('error' in converted) {
        errors.push({
          field: update.field,
          code: converted.error.code,
          message: `${update.field}: ${converted.error.message}`,
        });
        continue;
      }
      operations.push({
        kind: 'field_update',
        objectType,
        recordId: action.targetSourceId,
        field: update.field,
        crmField: property.name,
        label: property.label,
        value: converted.value,
        proposed: update.proposed_value,
      });
    }
  }
  if (operations.length > 0 || action.actionType === 'add_note') {
    operations.push({ kind: 'note', objectType, recordId: action.targetSourceId });
  }
  const audience = NOTIFY[action.actionType];
  if (audience) operations.push({ kind: 'notification', audience });
  return { operations, errors };
}

type Converted = { value: CrmValue } | { error: Omit<PlanError, 'field'> };

const invalid = (message: string, code: PlanError['code'] = 'invalid_value'): Converted => ({
  error: { code, message },
});

/** The value as the property's type wants it, or why it does not fit. */
export function convertValue(property: CrmProperty, value: CrmValue): Converted {
  const name = `${property.label} (${property.name})`;
  if (value === null || value === '') return { value: null };
  switch (property.type) {
    case 'number':
    case 'currency':
    case 'percent': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (typeof value === 'boolean' || !Number.isFinite(number)) {
        return invalid(`${name} takes a number; got ${JSON.stringify(value)}`);
      }
      return { value: number };
    }
    case 'date': {
      const text = String(value);
      const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : '';
      if (!date || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
        return invalid(`${name} takes a date (YYYY-MM-DD); got ${JSON.stringify(value)}`);
      }
      return { value: date };
    }
    case 'datetime': {
      const ms = typeof value === 'number' ? value : Date.parse(String(value));
      if (!Number.isFinite(ms)) {
        return invalid(`${name} takes a date and time; got ${JSON.stringify(value)}`);
      }
      return { value: new Date(ms).toISOString() };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { value };
      const text = String(value).toLowerCase();
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      return invalid(`${name} takes true or false; got ${JSON.stringify(value)}`);
    }
    case 'enumeration': {
      const text = String(value);
      const option =
        property.options.find((candidate) => candidate.value === text) ??
        property.options.find((candidate) => candidate.label.toLowerCase() === text.toLowerCase());
      if (!option) {
        const choices = property.options.map((candidate) => candidate.value).join(', ');
        return invalid(
          `${name} has no option ${JSON.stringify(value)}; options: ${choices}`,
          'invalid_option',
        );
      }
      return { value: option.value };
    }
    default: {
      const text = typeof value === 'string' ? value : String(value);
      const max = property.maxLength ?? 65_536;
      if (text.length > max) {
        return invalid(`${name} takes at most ${max} characters; got ${text.length}`, 'too_long');
      }
      return { value: text };
    }
  }
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A proposed stage as the CRM's value (HubSpot: the stage id in the deal's pipeline;
 * Salesforce: the stage's name). Tried in order: the connection's stage mapping (a
 * Pandora stage such as `negotiation` -> the CRM stage mapped to it), the pipelines'
 * stages by id or label, then Pandora's normalization of each stage.
 */
export async function resolveStage(
  ctx: PlanContext,
  proposed: CrmValue,
  pipelineId: string | null,
): Promise<Converted> {
  if (proposed === null || proposed === '') return invalid('A deal needs a stage', 'unknown_stage');
  const wanted = String(proposed);
  const all = await ctx.pipelines();
  // The deal's own pipeline first: HubSpot stage ids only mean something inside it.
  const pipelines = [
    ...all.filter((pipeline) => pipeline.id === pipelineId),
    ...all.filter((pipeline) => pipeline.id !== pipelineId),
  ];
  const candidates =
    pipelineId && ctx.connector.crm === 'hubspot' ? pipelines.slice(0, 1) : pipelines;
  const valueOf = (stage: CrmStage) =>
    ctx.connector.crm === 'salesforce' ? stage.label : stage.id;

  const mapped = Object.entries(ctx.stageMapping).find(
    ([, normalized]) => normalized === wanted.toLowerCase(),
  );
  if (mapped) {
    for (const pipeline of candidates) {
      const stage = pipeline.stages.find((s) => s.id === mapped[0] || s.label === mapped[0]);
      if (stage) return { value: valueOf(stage) };
    }
  }
  for (const pipeline of candidates) {
    const stage =
      pipeline.stages.find((s) => s.id === wanted || s.label === wanted) ??
      pipeline.stages.find(
        (s) => squash(s.id) === squash(wanted) || squash(s.label) === squash(wanted),
      );
    if (stage) return { value: valueOf(stage) };
  }
  if ((NORMALIZED_STAGES as readonly string[]).includes(wanted.toLowerCase())) {
    for (const pipeline of candidates) {
      const normalized = normalizePipeline(pipeline, ctx.stageMapping);
      const stage = [...pipeline.stages]
        .sort((a, b) => a.displayOrder - b.displayOrder)
        .find((s) => normalized.get(s.id) === wanted.toLowerCase());
      if (stage) return { value: valueOf(stage) };
    }
  }
  const known = candidates.flatMap((pipeline) => pipeline.stages.map((stage) => stage.label));
  return invalid(
    `No stage ${JSON.stringify(wanted)} in ${candidates.length === 1 ? `pipeline ${candidates[0]!.label}` : 'any pipeline'}; stages: ${[...new Set(known)].join(', ')}`,
    'unknown_stage',
  );
}
