import type { Record as JsforceRecord, SaveResult } from 'jsforce';
import { CrmError } from '../errors.js';
import type {
  ChangedPage,
  CrmObjectType,
  CrmProperties,
  CrmRecord,
  CrmValue,
  ListChangedOptions,
  RecordResult,
} from '../port.js';
import type { SalesforceClient } from './client.js';
import { errorFromBody } from './errors.js';
import { SOBJECT } from './field-map.js';
import { toId18 } from './ids.js';
import { listAssociations } from './relations.js';
import { chunk, queryPage, soqlDatetime } from './soql.js';

/** sObject Collections limits: 200 records per write, 2,000 ids per retrieve. */
export const WRITE_BATCH = 200;
const RETRIEVE_BATCH = 2000;
/** Query pages: Salesforce honours a batch size of 200 to 2,000 records. */
const MIN_PAGE = 200;
const MAX_PAGE = 2000;

export const KEY_PREFIX: Record<CrmObjectType, string> = {
  deal: '006',
  contact: '003',
  account: '001',
};

const SYSTEM_FIELDS = ['Id', 'CreatedDate', 'LastModifiedDate'];

/** The 18-character id of a record of this type, or undefined when `id` cannot be one. */
export function recordId(objectType: CrmObjectType, id: string): string | undefined {
  const id18 = toId18(id);
  return id18?.startsWith(KEY_PREFIX[objectType]) ? id18 : undefined;
}

export function notFound(objectType: CrmObjectType, id: string): CrmError {
  return new CrmError('not_found', `No Salesforce ${SOBJECT[objectType]} with id ${id}`, {
    crmCode: 'NOT_FOUND',
  });
}

/** Field names once each (Salesforce names are case-insensitive), system fields first. */
export function fieldList(properties: string[], system: string[] = SYSTEM_FIELDS): string[] {
  const seen = new Set<string>();
  const fields: string[] = [];
  for (const name of [...system, ...properties]) {
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    fields.push(name);
  }
  return fields;
}

function isoInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A value by field name or `Relationship.Field` path, case-insensitively. */
function pick(record: Record<string, unknown>, path: string): CrmValue {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    const object = current as Record<string, unknown>;
    const key =
      part in object
        ? part
        : Object.keys(object).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? null : object[key];
  }
  if (current === undefined || current === null) return null;
  if (typeof current === 'object') return JSON.stringify(current);
  return current as CrmValue;
}

export function toCrmRecord(
  objectType: CrmObjectType,
  record: JsforceRecord,
  properties: string[],
): CrmRecord {
  const values: CrmProperties = {};
  for (const property of properties) values[property] = pick(record, property);
  const crmRecord: CrmRecord = {
    id: String(record.Id),
    objectType,
    properties: values,
    updatedAt:
      isoInstant(record.LastModifiedDate) ??
      isoInstant(record.SystemModstamp) ??
      new Date(0).toISOString(),
  };
  const createdAt = isoInstant(record.CreatedDate);
  if (createdAt) crmRecord.createdAt = createdAt;
  if (record.IsDeleted === true) crmRecord.archived = true;
  return crmRecord;
}

/** The failure in a SaveResult, as a `CrmError`. */
export function saveError(result: SaveResult): CrmError {
  const first = result.errors?.[0] as unknown as Record<string, unknown> | undefined;
  return errorFromBody(
    first ?? { errorCode: 'UNKNOWN', message: 'Salesforce reported a failure without a reason' },
  );
}

export async function readRecords(
  client: SalesforceClient,
  objectType: CrmObjectType,
  ids: string[],
  properties: string[],
): Promise<RecordResult[]> {
  const sobject = SOBJECT[objectType];
  const valid = [
    ...new Set(ids.map((id) => recordId(objectType, id)).filter((id) => id !== undefined)),
  ];
  const found = new Map<string, JsforceRecord>();
  const fields = fieldList(properties);
  for (const part of chunk(valid, RETRIEVE_BATCH)) {
    const records = await client.call('idempotent', (conn) =>
      conn.retrieve(sobject, part, { fields }),
    );
    for (const record of records) if (record) found.set(String(record.Id), record);
  }
  return ids.map((id): RecordResult => {
    const id18 = recordId(objectType, id);
    const record = id18 ? found.get(id18) : undefined;
    if (!record) return { ok: false, id, error: notFound(objectType, id) };
    return { ok: true, id, value: toCrmRecord(objectType, record, properties) };
  });
}

const LOCATOR = /^[A-Za-z0-9]{15,18}-\d+$/;

/** The query locator (`01g...-2000`, the last part of `nextRecordsUrl`), wrapped. */
function encodeCursor(nextRecordsUrl: string): string {
  const locator = nextRecordsUrl.split('/').pop() ?? '';
  return Buffer.from(JSON.stringify({ locator })).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      locator?: unknown;
    };
    if (typeof value.locator === 'string' && LOCATOR.test(value.locator)) return value.locator;
  } catch {
    // Reported below.
  }
  throw new CrmError('validation', `Not a Salesforce listChanged cursor: ${cursor}`);
}

/**
 * Records changed at or after `since`, oldest change first (by SystemModstamp, then
 * Id), deleted ones included as `archived` (queryAll reads the recycle bin). Pages
 * come from Salesforce's own query cursor (`nextRecordsUrl`), a snapshot taken when
 * the first page was read: records changed meanwhile show up in the next sync from
 * a later `since`. A cursor idles out after 15 minutes (INVALID_QUERY_LOCATOR);
 * start over from `since` then. The page size is 200 to 2,000, Salesforce's range.
 */
export async function listChanged(
  client: SalesforceClient,
  objectType: CrmObjectType,
  options: ListChangedOptions,
): Promise<ChangedPage> {
  const sobject = SOBJECT[objectType];
  const related = relatedIn(objectType, options.associations ?? []);
  const fields = [
    ...fieldList(options.properties, [
      ...SYSTEM_FIELDS,
      'SystemModstamp',
      'IsDeleted',
      ...related.lookups.map(([, field]) => field),
    ]),
    ...related.children.map(([, child]) => `(SELECT ${child.field} FROM ${child.relationship})`),
  ];
  const batchSize = Math.min(MAX_PAGE, Math.max(MIN_PAGE, options.limit ?? MAX_PAGE));
  const where = options.since ? ` WHERE SystemModstamp >= ${soqlDatetime(options.since)}` : '';
  const page = options.cursor
    ? await queryPage(client, { locator: decodeCursor(options.cursor) })
    : await queryPage(client, {
        soql: `SELECT ${fields.join(', ')} FROM ${sobject}${where} ORDER BY SystemModstamp ASC, Id ASC`,
        scanAll: true,
        batchSize,
      });
  const records = page.records.map((record) => toCrmRecord(objectType, record, options.properties));
  if (options.associations?.length) {
    await withRelated(client, objectType, records, page.records, related, options.associations);
  }
  const result: ChangedPage = { records };
  if (!page.done && page.nextRecordsUrl) result.cursor = encodeCursor(page.nextRecordsUrl);
  return result;
}

/**
 * How a record's associations of one type come with it in one query: a lookup field
 * on the record (a deal's or contact's account), or a parent-to-child subquery
 * (a deal's contact roles, an account's contacts and deals).
 */
const LOOKUPS: Partial<Record<`${CrmObjectType}>${CrmObjectType}`, string>> = {
  'deal>account': 'AccountId',
  'contact>account': 'AccountId',
};
const CHILDREN: Partial<
  Record<`${CrmObjectType}>${CrmObjectType}`, { relationship: string; field: string }>
> = {
  'deal>contact': { relationship: 'OpportunityContactRoles', field: 'ContactId' },
  'contact>deal': { relationship: 'OpportunityContactRoles', field: 'OpportunityId' },
  'account>deal': { relationship: 'Opportunities', field: 'Id' },
  'account>contact': { relationship: 'Contacts', field: 'Id' },
};

interface Related {
  lookups: [CrmObjectType, string][];
  children: [CrmObjectType, { relationship: string; field: string }][];
}

function relatedIn(objectType: CrmObjectType, types: CrmObjectType[]): Related {
  const related: Related = { lookups: [], children: [] };
  for (const type of types) {
    const lookup = LOOKUPS[`${objectType}>${type}`];
    const child = CHILDREN[`${objectType}>${type}`];
    if (lookup) related.lookups.push([type, lookup]);
    else if (child) related.children.push([type, child]);
  }
  return related;
}

/**
 * Sets `associations` from the lookups and subqueries a page carried. A subquery
 * Salesforce did not finish (`done: false`, a record with very many children) and a
 * pair no query covers are read through `listAssociations` for those records only.
 */
async function withRelated(
  client: SalesforceClient,
  objectType: CrmObjectType,
  records: CrmRecord[],
  raw: JsforceRecord[],
  related: Related,
  types: CrmObjectType[],
): Promise<void> {
  const incomplete = new Map<CrmObjectType, string[]>();
  records.forEach((record, index) => {
    const row = raw[index]!;
    record.associations = {};
    for (const [type, field] of related.lookups) {
      const value = pick(row, field);
      record.associations[type] = typeof value === 'string' && value ? [value] : [];
    }
    for (const [type, child] of related.children) {
      const answer = row[child.relationship] as
        { done?: boolean; records?: JsforceRecord[] } | null | undefined;
      const ids = (answer?.records ?? []).map((r) => pick(r, child.field));
      record.associations[type] = [
        ...new Set(ids.filter((id): id is string => typeof id === 'string')),
      ];
      if (answer && answer.done === false) {
        incomplete.set(type, [...(incomplete.get(type) ?? []), record.id]);
      }
    }
    for (const type of types) {
      if (!record.associations[type]) {
        incomplete.set(type, [...(incomplete.get(type) ?? []), record.id]);
      }
    }
  });
  for (const [type, ids] of incomplete) {
    const complete = await listAssociations(client, objectType, ids, type);
    for (const record of records) {
      const list = complete.get(record.id);
      if (list) record.associations![type] = list;
    }
  }
}

/**
 * Field updates through sObject Collections, 200 records per call, each call retried
 * as a whole after transient failures (setting fields to values is idempotent).
 * A success's `value` holds the properties written and the time Salesforce confirmed
 * them; read the record for anything Salesforce derived.
 */
export async function updateRecords(
  client: SalesforceClient,
  objectType: CrmObjectType,
  inputs: { id: string; properties: CrmProperties }[],
): Promise<RecordResult[]> {
  const results: RecordResult[] = new Array(inputs.length);
  const valid: { index: number; id: string }[] = [];
  inputs.forEach((input, index) => {
    const id = recordId(objectType, input.id);
    if (id) valid.push({ index, id });
    else results[index] = { ok: false, id: input.id, error: notFound(objectType, input.id) };
  });
  for (const part of chunk(valid, WRITE_BATCH)) {
    const records = part.map(({ index, id }) => {
      const { Id: _ignored, ...properties } = inputs[index]!.properties;
      return { ...properties, Id: id };
    });
    const saved = await client.call('idempotent', (conn) =>
      conn.update(SOBJECT[objectType], records, { allOrNone: false }),
    );
    const at = new Date().toISOString();
    part.forEach(({ index, id }, i) => {
      const result = saved[i];
      const input = inputs[index]!;
      if (result?.success) {
        results[index] = {
          ok: true,
          id: input.id,
          value: { id, objectType, properties: { ...input.properties }, updatedAt: at },
        };
      } else {
        results[index] = {
          ok: false,
          id: input.id,
          error: result ? saveError(result) : missingResult(),
        };
      }
    });
  }
  return results;
}

export function missingResult(): CrmError {
  return new CrmError('transient', 'Salesforce returned fewer results than records sent', {
    crmCode: 'MISSING_RESULT',
  });
}

/** Creates in chunks of 200; not retried after transient failures (a retry could duplicate). */
export async function createMany(
  client: SalesforceClient,
  sobject: string,
  records: Record<string, CrmValue>[],
): Promise<(SaveResult | undefined)[]> {
  const results: (SaveResult | undefined)[] = [];
  for (const part of chunk(records, WRITE_BATCH)) {
    const saved = await client.call('unsafe', (conn) =>
      conn.create(sobject, part, { allOrNone: false }),
    );
    for (let i = 0; i < part.length; i += 1) results.push(saved[i]);
  }
  return results;
}

/**
 * Deletes through sObject Collections (to the recycle bin). A record already
 * deleted counts as archived, so a retried archive gives the same answer.
 */
export async function archiveRecords(
  client: SalesforceClient,
  objectType: CrmObjectType,
  ids: string[],
): Promise<RecordResult<null>[]> {
  const results: RecordResult<null>[] = new Array(ids.length);
  const valid: { index: number; id: string }[] = [];
  ids.forEach((raw, index) => {
    const id = recordId(objectType, raw);
    if (id) valid.push({ index, id });
    else results[index] = { ok: false, id: raw, error: notFound(objectType, raw) };
  });
  for (const part of chunk(valid, WRITE_BATCH)) {
    const deleted = await client.call('idempotent', (conn) =>
      conn.destroy(
        SOBJECT[objectType],
        part.map((entry) => entry.id),
        { allOrNone: false },
      ),
    );
    part.forEach(({ index }, i) => {
      const result = deleted[i];
      const error =
        result && !result.success ? saveError(result) : result ? undefined : missingResult();
      results[index] =
        !error || error.crmCode === 'ENTITY_IS_DELETED'
          ? { ok: true, id: ids[index]!, value: null }
          : { ok: false, id: ids[index]!, error };
    });
  }
  return results;
}
