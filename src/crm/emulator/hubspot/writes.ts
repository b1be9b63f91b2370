import { isValidType, ASSOCIATION_TYPES } from './associations.js';
import type { PropertyProblem } from './errors.js';
import { MODIFIED_PROPERTY, type HsObjectType } from './properties.js';
import type { HsRecord, HubspotStore } from './store.js';
import { normalizeValue, type RawValue } from './values.js';

export type PropertyInput = Record<string, RawValue>;

/** `associations` of a create input: `{to: {id}, types: [{associationCategory, associationTypeId}]}`. */
export interface AssociationInput {
  to?: { id?: unknown };
  types?: { associationCategory?: unknown; associationTypeId?: unknown }[];
}

export interface Link {
  to: HsObjectType;
  toId: string;
  typeIds: number[];
}

export type Checked =
  { ok: true; values: Record<string, string | null> } | { ok: false; problems: PropertyProblem[] };

const REQUIRED_ON_CREATE: Partial<Record<HsObjectType, string[]>> = { notes: ['hs_timestamp'] };

/**
 * Validates a create or update's properties as HubSpot does: unknown names, read-only
 * and calculated properties, enumeration options, numbers, dates; a deal's stage
 * must belong to its pipeline. Returns the values as they will be stored.
 */
export function checkProperties(
  store: HubspotStore,
  type: HsObjectType,
  input: PropertyInput,
  existing?: HsRecord,
): Checked {
  const problems: PropertyProblem[] = [];
  const values: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(input)) {
    const def = store.property(type, name);
    if (!def) {
      problems.push({
        code: 'PROPERTY_DOESNT_EXIST',
        propertyName: name,
        message: `Property "${name}" does not exist`,
      });
      continue;
    }
    if (def.readOnly) {
      problems.push({
        code: 'READ_ONLY_VALUE',
        propertyName: name,
        message: `"${name}" is a read only property; its value cannot be set.`,
      });
      continue;
    }
    const normalized = normalizeValue(def, raw, store.optionsOf(def));
    if (normalized.ok) values[name] = normalized.value;
    else problems.push(normalized.problem);
  }
  if (!existing) {
    for (const name of REQUIRED_ON_CREATE[type] ?? []) {
      if (values[name] === undefined || values[name] === null) {
        problems.push({
          code: 'REQUIRED_PROPERTY',
          propertyName: name,
          message: `Property "${name}" is required.`,
        });
      }
    }
  }
  if (type === 'deals' && problems.length === 0) {
    const stageProblem = checkStage(store, values, existing);
    if (stageProblem) problems.push(stageProblem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** Fills a new deal's pipeline and stage as HubSpot does, and checks they go together. */
function checkStage(
  store: HubspotStore,
  values: Record<string, string | null>,
  existing?: HsRecord,
): PropertyProblem | undefined {
  const pipelineId =
    values.pipeline !== undefined
      ? values.pipeline
      : existing
        ? existing.properties.pipeline
        : null;
  const pipeline =
    store.pipelines.find((p) => p.id === pipelineId) ?? (existing ? undefined : store.pipelines[0]);
  if (!pipeline) return undefined;
  if (!existing && values.pipeline == null) values.pipeline = pipeline.id;
  let stageId = values.dealstage !== undefined ? values.dealstage : existing?.properties.dealstage;
  if (!existing && !stageId) stageId = values.dealstage = pipeline.stages[0]?.id ?? null;
  if (!stageId || pipeline.stages.some((stage) => stage.id === stageId)) return undefined;
  return {
    code: 'INVALID_OPTION',
    propertyName: 'dealstage',
    message: `${stageId} is not a valid deal stage for pipeline ${pipeline.id} (${pipeline.label}).`,
  };
}

/** The id of another contact that already has this email, if any. */
export function emailConflict(
  store: HubspotStore,
  type: HsObjectType,
  values: Record<string, string | null>,
  selfId?: string,
): string | undefined {
  if (type !== 'contacts' || !values.email) return undefined;
  const existing = store.emails.get(values.email.toLowerCase());
  return existing && existing !== selfId ? existing : undefined;
}

/** Resolves inline associations of a create; a message when one is not valid. */
export function checkAssociations(
  store: HubspotStore,
  type: HsObjectType,
  inputs: AssociationInput[] | undefined,
): { ok: true; links: Link[] } | { ok: false; message: string } {
  const links: Link[] = [];
  for (const input of inputs ?? []) {
    const toId = input?.to?.id === undefined ? '' : String(input.to.id);
    const types = Array.isArray(input?.types) ? input.types : [];
    if (!toId || types.length === 0) {
      return { ok: false, message: 'Each association needs to.id and at least one type' };
    }
    let to: HsObjectType | undefined;
    const typeIds: number[] = [];
    for (const spec of types) {
      const typeId = Number(spec.associationTypeId);
      const info = ASSOCIATION_TYPES[typeId];
      if (spec.associationCategory !== 'HUBSPOT_DEFINED' || !info || info.from !== type) {
        return {
          ok: false,
          message: `association type id ${String(spec.associationTypeId)} (${String(spec.associationCategory)}) doesn't exist from ${type}`,
        };
      }
      if (to && !isValidType(typeId, type, to)) {
        return { ok: false, message: 'One association mixes types to different objects' };
      }
      to = info.to;
      typeIds.push(typeId);
    }
    if (!store.tables[to!].get(toId)) {
      return {
        ok: false,
        message: `One or more associations are invalid: no ${to} with id ${toId}`,
      };
    }
    links.push({ to: to!, toId, typeIds });
  }
  return { ok: true, links };
}

export function createRecord(
  store: HubspotStore,
  type: HsObjectType,
  values: Record<string, string | null>,
  links: Link[],
  at: string,
): HsRecord {
  const id = store.newId();
  const properties: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) properties[name] = value;
  properties.hs_object_id = id;
  properties.createdate = at;
  properties[MODIFIED_PROPERTY[type]] = at;
  const record: HsRecord = { id, properties, createdAt: at, updatedAt: at, archived: false };
  store.insert(type, record);
  for (const link of links) store.associations.add(type, id, link.to, link.toId, link.typeIds);
  if (type === 'notes') noteActivity(store, record, links, at);
  return record;
}

export function updateRecord(
  store: HubspotStore,
  type: HsObjectType,
  record: HsRecord,
  values: Record<string, string | null>,
  at: string,
): HsRecord {
  const previousEmail = record.properties.email ?? null;
  for (const [name, value] of Object.entries(values)) {
    if (value === null) delete record.properties[name];
    else record.properties[name] = value;
  }
  store.touched(type, record, previousEmail, at);
  return record;
}

/** A note moves its records' "Last Activity Date" forward, as HubSpot's calculation does. */
export function noteActivity(store: HubspotStore, note: HsRecord, links: Link[], at: string): void {
  const when = note.properties.hs_timestamp;
  if (!when) return;
  for (const link of links) {
    const target = store.tables[link.to].get(link.toId);
    if (!target || link.to === 'notes') continue;
    const current = target.properties.notes_last_updated;
    if (current && Date.parse(current) >= Date.parse(when)) continue;
    target.properties.notes_last_updated = when;
    store.touched(link.to, target, target.properties.email ?? null, at);
  }
}
