import { toId18 } from '../../salesforce/ids.js';
import type { CustomFieldInput, SalesforceSchema } from './schema.js';

export type SfValue = string | number | boolean | null;
/** A stored record: canonical field names; datetimes as ISO 8601 UTC (`...Z`). */
export type SfRecord = Record<string, SfValue>;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Pod and reserved characters of every id this org issues. */
const POD = '5g0';

/**
 * A record number in base 62, 9 characters. The alphabet is in ASCII order, so ids
 * sort in the order they were issued, which keeps `ORDER BY Id` meaningful.
 */
function base62(n: number, width: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < width; i += 1) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

export function makeId(prefix: string, n: number): string {
  return toId18(`${prefix}${POD}${base62(n, 9)}`)!;
}

export interface StoreSnapshot {
  version: 1;
  orgId: string;
  sequences: Record<string, number>;
  records: Record<string, SfRecord[]>;
  sourceIds: [string, string][];
  customFields: CustomFieldInput[];
}

/**
 * The org's records in memory: one Map per object type (deleted records stay, with
 * `IsDeleted`, as in the recycle bin), and an index on every lookup field so the
 * queries Pandora runs (`WHERE OpportunityId IN (...)`) never scan a whole table.
 */
export class SalesforceStore {
  orgId: string;
  private tables = new Map<string, Map<string, SfRecord>>();
  private sequences = new Map<string, number>();
  private indexes = new Map<string, Map<string, Set<string>>>();
  private lookupCache = new Map<string, string[]>();
  /** Demo `sourceId` -> Salesforce id, for tests and the demo to find seeded records. */
  readonly sourceIds = new Map<string, string>();

  constructor(readonly schema: SalesforceSchema) {
    this.orgId = makeId('00D', 1);
    this.clear();
  }

  clear(): void {
    this.tables.clear();
    this.sequences.clear();
    this.indexes.clear();
    this.lookupCache.clear();
    this.sourceIds.clear();
    for (const name of this.schema.objectNames()) this.tables.set(name, new Map());
  }

  newId(type: string): string {
    const def = this.schema.object(type)!;
    const next = (this.sequences.get(def.keyPrefix) ?? 0) + 1;
    this.sequences.set(def.keyPrefix, next);
    return makeId(def.keyPrefix, next);
  }

  /** The object type an id belongs to, from its key prefix. */
  typeOf(id: string): string | undefined {
    return this.schema.objectForPrefix(id.slice(0, 3));
  }

  table(type: string): Map<string, SfRecord> {
    const name = this.schema.object(type)?.name ?? type;
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table;
  }

  /** A record by id, deleted or not. */
  get(type: string, id: string): SfRecord | undefined {
    return this.table(type).get(id);
  }

  /** A live record of any type by id. */
  find(id: string): { type: string; record: SfRecord } | undefined {
    const type = this.typeOf(id);
    const record = type ? this.table(type).get(id) : undefined;
    return type && record ? { type, record } : undefined;
  }

  insert(type: string, record: SfRecord): SfRecord {
    const id = String(record.Id);
    this.table(type).set(id, record);
    for (const field of this.lookupFields(type))
      this.indexAdd(type, field, record[field] ?? null, id);
    return record;
  }

  /** The lookup fields of a type (the indexed ones), computed once per type. */
  private lookupFields(type: string): string[] {
    let fields = this.lookupCache.get(type);
    if (!fields) {
      fields = this.schema
        .fields(type)
        .filter((f) => this.isIndexed(type, f.name))
        .map((f) => f.name);
      this.lookupCache.set(type, fields);
    }
    return fields;
  }

  /** Applies changes to a record in place, keeping the lookup indexes right. */
  patch(type: string, id: string, changes: SfRecord): SfRecord {
    const record = this.table(type).get(id)!;
    for (const [field, value] of Object.entries(changes)) {
      if (record[field] === value) continue;
      const indexed = this.isIndexed(type, field);
      if (indexed) this.indexRemove(type, field, record[field] ?? null, id);
      record[field] = value;
      if (indexed) this.indexAdd(type, field, value, id);
    }
    return record;
  }

  /** Ids of records (deleted ones too) whose lookup `field` holds `value`; undefined if not indexed. */
  lookup(type: string, field: string, value: string): Set<string> | undefined {
    if (!this.isIndexed(type, field)) return undefined;
    return this.indexes.get(`${type}.${field}`)?.get(value) ?? new Set();
  }

  /**
   * Lookups to other records are indexed; lookups to users (owner, created by) are
   * not: a handful of users own everything, so those indexes would be huge and
   * barely narrow a query.
   */
  isIndexed(type: string, field: string): boolean {
    const def = this.schema.field(type, field);
    return (
      def?.type === 'reference' && !(def.referenceTo?.length === 1 && def.referenceTo[0] === 'User')
    );
  }

  private indexAdd(type: string, field: string, value: SfValue, id: string): void {
    if (typeof value !== 'string') return;
    const key = `${type}.${field}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map();
      this.indexes.set(key, index);
    }
    let ids = index.get(value);
    if (!ids) {
      ids = new Set();
      index.set(value, ids);
    }
    ids.add(id);
  }

  private indexRemove(type: string, field: string, value: SfValue, id: string): void {
    if (typeof value !== 'string') return;
    this.indexes.get(`${type}.${field}`)?.get(value)?.delete(id);
  }

  snapshot(): StoreSnapshot {
    return {
      version: 1,
      orgId: this.orgId,
      sequences: Object.fromEntries(this.sequences),
      records: Object.fromEntries(
        [...this.tables].map(([type, table]) => [type, [...table.values()]]),
      ),
      sourceIds: [...this.sourceIds],
      customFields: this.schema.customFields(),
    };
  }

  restore(snapshot: StoreSnapshot): void {
    if (snapshot?.version !== 1) throw new Error('Unknown Salesforce emulator snapshot version');
    this.schema.reset(snapshot.customFields);
    this.clear();
    this.orgId = snapshot.orgId;
    for (const [prefix, n] of Object.entries(snapshot.sequences)) this.sequences.set(prefix, n);
    for (const [type, records] of Object.entries(snapshot.records)) {
      for (const record of records) this.insert(type, { ...record });
    }
    for (const [sourceId, id] of snapshot.sourceIds) this.sourceIds.set(sourceId, id);
  }
}
