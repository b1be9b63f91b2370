import { toId18 } from '../../salesforce/ids.js';
import {
  addHistory,
  applyDefaults,
  clearOtherPrimaries,
  derive,
  picklistOf,
  type WriteContext,
} from './derived.js';
import { SfApiError, SfRecordFailure } from './errors.js';
import type { SfFieldDef, SfObjectDef } from './schema.js';
import type { SfRecord, SfValue } from './store.js';
import { coerceValue } from './values.js';

export { LockSet, activeStages, picklistOf, type WriteContext } from './derived.js';

function writableObject(
  ctx: WriteContext,
  def: SfObjectDef,
  operation: 'inserted' | 'updated' | 'deleted',
): void {
  if (ctx.readOnly) {
    throw new SfRecordFailure(
      'INSUFFICIENT_ACCESS_OR_READONLY',
      'insufficient access rights on object id',
      [],
      403,
    );
  }
  const allowed =
    operation === 'inserted'
      ? def.createable
      : operation === 'updated'
        ? def.updateable
        : def.deletable;
  if (!allowed) {
    throw new SfRecordFailure(
      'INVALID_TYPE_FOR_OPERATION',
      `entity type cannot be ${operation}: ${def.label}`,
    );
  }
}

function checkReference(ctx: WriteContext, field: SfFieldDef, value: SfValue): SfValue {
  if (value === null) return null;
  const id = toId18(String(value));
  if (!id) {
    throw new SfRecordFailure(
      'MALFORMED_ID',
      `${field.label}: id value of incorrect type: ${value}`,
      [field.name],
    );
  }
  const schema = ctx.store.schema;
  const type = ctx.store.typeOf(id);
  const allowed = (field.referenceTo ?? []).map((name) => schema.referenceTarget(name));
  if (!type || !allowed.includes(type)) {
    throw new SfRecordFailure(
      'FIELD_INTEGRITY_EXCEPTION',
      `${field.label}: id value of incorrect type: ${value}`,
      [field.name],
    );
  }
  const target = ctx.store.get(type, id);
  if (!target || target.IsDeleted === true) {
    throw new SfRecordFailure('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [
      field.name,
    ]);
  }
  if (type === 'User' && target.IsActive !== true) {
    throw new SfRecordFailure(
      'INACTIVE_OWNER_OR_USER',
      `operation performed with inactive user [${id}] as owner of ${field.name}`,
      [field.name],
    );
  }
  return id;
}

/**
 * Validates an incoming body against the object's fields, in the order the API
 * does: unknown fields, then fields the caller may not write, then each value.
 */
function readBody(
  ctx: WriteContext,
  def: SfObjectDef,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): SfRecord {
  const schema = ctx.store.schema;
  const values: SfRecord = {};
  const entries = Object.entries(body).filter(
    ([key]) => key !== 'attributes' && !(mode === 'update' && key.toLowerCase() === 'id'),
  );
  for (const [key] of entries) {
    if (!schema.field(def.name, key)) {
      throw new SfRecordFailure(
        'INVALID_FIELD',
        `No such column '${key}' on sobject of type ${def.name}`,
        [key],
      );
    }
  }
  const readOnly = entries
    .map(([key]) => schema.field(def.name, key)!)
    .filter((f) => (mode === 'create' ? !f.createable : !f.updateable));
  if (readOnly.length > 0) {
    const names = readOnly.map((f) => f.name);
    throw new SfRecordFailure(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      names,
    );
  }
  const picklist = picklistOf(ctx.store);
  for (const [key, raw] of entries) {
    const field = schema.field(def.name, key)!;
    let value = coerceValue(field, raw, picklist);
    if (field.type === 'reference') value = checkReference(ctx, field, value);
    values[field.name] = value;
  }
  return values;
}

function missingRequired(def: SfObjectDef, fields: SfFieldDef[]): never {
  const names = fields.map((f) => f.name);
  throw new SfRecordFailure(
    'REQUIRED_FIELD_MISSING',
    `Required fields are missing: [${names.join(', ')}]`,
    names,
  );
}

function lockCheck(ctx: WriteContext, id: string): void {
  if (ctx.locks.take(id)) {
    throw new SfRecordFailure(
      'UNABLE_TO_LOCK_ROW',
      `unable to obtain exclusive access to this record or 1 records: ${id}`,
    );
  }
}

/** A new record's values after validation; nothing is stored yet. */
export function prepareCreate(
  ctx: WriteContext,
  type: string,
  body: Record<string, unknown>,
): SfRecord {
  const def = ctx.store.schema.object(type);
  if (!def) throw new SfApiError(400, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
  writableObject(ctx, def, 'inserted');
  const idKey = Object.keys(body).find((key) => key.toLowerCase() === 'id');
  if (idKey && body[idKey] !== null && body[idKey] !== undefined) {
    throw new SfRecordFailure(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      'cannot specify Id in an insert call',
      ['Id'],
    );
  }
  if (idKey) body = Object.fromEntries(Object.entries(body).filter(([key]) => key !== idKey));
  const values = readBody(ctx, def, body, 'create');
  const missing = def.fields.filter((f) => f.required && (values[f.name] ?? null) === null);
  if (missing.length > 0) missingRequired(def, missing);
  if (def.name === 'ContentDocumentLink') checkDuplicateLink(ctx, values);
  if (def.name === 'CampaignMember') checkDuplicateMember(ctx, values);
  return values;
}

/** Salesforce keeps one CampaignMember per campaign and contact. */
function checkDuplicateMember(ctx: WriteContext, values: SfRecord): void {
  const contactId = values.ContactId === null ? null : String(values.ContactId);
  if (!contactId) return;
  for (const id of ctx.store.lookup('CampaignMember', 'CampaignId', String(values.CampaignId)) ??
    []) {
    const member = ctx.store.get('CampaignMember', id)!;
    if (member.IsDeleted !== true && member.ContactId === contactId) {
      throw new SfRecordFailure('DUPLICATE_VALUE', 'Already a campaign member.');
    }
  }
}

function checkDuplicateLink(ctx: WriteContext, values: SfRecord): void {
  const documentId = String(values.ContentDocumentId);
  const entityId = String(values.LinkedEntityId);
  for (const id of ctx.store.lookup('ContentDocumentLink', 'ContentDocumentId', documentId) ?? []) {
    const link = ctx.store.get('ContentDocumentLink', id)!;
    if (link.IsDeleted !== true && link.LinkedEntityId === entityId) {
      throw new SfRecordFailure(
        'DUPLICATE_VALUE',
        `Document with ID: ${documentId} is already linked with the entity with ID: ${entityId}`,
      );
    }
  }
}

/** Stores a prepared record with its system fields and derived values; returns its id. */
export function applyCreate(ctx: WriteContext, type: string, values: SfRecord): string {
  const def = ctx.store.schema.object(type)!;
  const id = ctx.store.newId(def.name);
  const record: SfRecord = {};
  for (const f of def.fields) record[f.name] = null;
  Object.assign(record, {
    Id: id,
    IsDeleted: false,
    CreatedDate: ctx.now,
    CreatedById: ctx.userId,
  });
  if (def.modstamp) {
    Object.assign(record, {
      LastModifiedDate: ctx.now,
      LastModifiedById: ctx.userId,
      SystemModstamp: ctx.now,
    });
  }
  if ('OwnerId' in record) record.OwnerId = ctx.userId;
  for (const f of def.fields) if (f.type === 'boolean') record[f.name] = false;
  applyDefaults(def.name, record);
  Object.assign(record, values);
  derive(ctx, def.name, record, values, null);
  ctx.store.insert(def.name, record);
  if (def.name === 'Opportunity') addHistory(ctx, id, 'created', null, null);
  if (def.name === 'OpportunityContactRole' && record.IsPrimary === true)
    clearOtherPrimaries(ctx, record);
  return id;
}

/** The live record a write targets, or the 404 Salesforce answers. */
export function targetRecord(ctx: WriteContext, type: string, rawId: string): SfRecord {
  const id = toId18(rawId);
  const def = ctx.store.schema.object(type);
  if (!id || !def || id.slice(0, 3) !== def.keyPrefix) {
    throw new SfRecordFailure(
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${rawId}`,
      [],
      404,
    );
  }
  const record = ctx.store.get(def.name, id);
  if (!record)
    throw new SfRecordFailure('NOT_FOUND', 'The requested resource does not exist', [], 404);
  if (record.IsDeleted === true) {
    throw new SfRecordFailure('ENTITY_IS_DELETED', 'entity is deleted', [], 404);
  }
  return record;
}

/** Validated changes to an existing record; nothing is stored yet. */
export function prepareUpdate(
  ctx: WriteContext,
  type: string,
  rawId: string,
  body: Record<string, unknown>,
): { id: string; changes: SfRecord } {
  const def = ctx.store.schema.requireObject(type);
  const record = targetRecord(ctx, def.name, rawId);
  writableObject(ctx, def, 'updated');
  const changes = readBody(ctx, def, body, 'update');
  const cleared = def.fields.filter(
    (f) => f.required && f.name in changes && changes[f.name] === null,
  );
  if (cleared.length > 0) missingRequired(def, cleared);
  lockCheck(ctx, String(record.Id));
  return { id: String(record.Id), changes };
}

export function applyUpdate(ctx: WriteContext, type: string, id: string, changes: SfRecord): void {
  const def = ctx.store.schema.object(type)!;
  const record = ctx.store.get(def.name, id)!;
  const previous = { ...record };
  const next: SfRecord = { ...record, ...changes };
  derive(ctx, def.name, next, changes, previous);
  if (def.modstamp) {
    Object.assign(next, {
      LastModifiedDate: ctx.now,
      LastModifiedById: ctx.userId,
      SystemModstamp: ctx.now,
    });
  }
  ctx.store.patch(def.name, id, next);
  if (def.name === 'Opportunity' && previous.StageName !== next.StageName) {
    addHistory(ctx, id, 'StageName', previous.StageName ?? null, next.StageName ?? null);
  }
  if (def.name === 'OpportunityContactRole' && changes.IsPrimary === true)
    clearOtherPrimaries(ctx, next);
}

export function prepareDelete(ctx: WriteContext, type: string, rawId: string): string {
  const def = ctx.store.schema.requireObject(type);
  const record = targetRecord(ctx, def.name, rawId);
  writableObject(ctx, def, 'deleted');
  lockCheck(ctx, String(record.Id));
  return String(record.Id);
}

/** Children Salesforce deletes with their parent. */
const CASCADES: Record<string, [string, string][]> = {
  Account: [
    ['Contact', 'AccountId'],
    ['Opportunity', 'AccountId'],
    ['ContentDocumentLink', 'LinkedEntityId'],
  ],
  Contact: [
    ['OpportunityContactRole', 'ContactId'],
    ['ContentDocumentLink', 'LinkedEntityId'],
  ],
  Opportunity: [
    ['OpportunityContactRole', 'OpportunityId'],
    ['ContentDocumentLink', 'LinkedEntityId'],
  ],
  ContentNote: [['ContentDocumentLink', 'ContentDocumentId']],
};

/** Moves a record (and its cascade) to the recycle bin. */
export function applyDelete(ctx: WriteContext, type: string, id: string): void {
  const def = ctx.store.schema.object(type)!;
  const record = ctx.store.get(def.name, id);
  if (!record || record.IsDeleted === true) return;
  const changes: SfRecord = { IsDeleted: true };
  if (def.modstamp) Object.assign(changes, { LastModifiedDate: ctx.now, SystemModstamp: ctx.now });
  ctx.store.patch(def.name, id, changes);
  for (const [child, field] of CASCADES[def.name] ?? []) {
    for (const childId of [...(ctx.store.lookup(child, field, id) ?? [])]) {
      applyDelete(ctx, child, childId);
    }
  }
}
