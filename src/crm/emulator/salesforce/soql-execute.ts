import { toId18 } from '../../salesforce/ids.js';
import { resolveColumn, valueOf, type Column } from './soql-columns.js';
import { compile } from './soql-filter.js';
import { SoqlError, type SoqlCondition, type SoqlOrder, type SoqlQuery } from './soql-parser.js';
import type { SalesforceStore, SfRecord, SfValue } from './store.js';
import type { SfFieldDef } from './schema.js';
import { outputValue } from './values.js';

export { resolveColumn, type Column } from './soql-columns.js';

/** A parent-to-child subquery, resolved: run per parent record when it is projected. */
export interface ChildQuery {
  /** The relationship name as the answer spells it (`OpportunityContactRoles`). */
  name: string;
  type: string;
  /** The child's lookup to the parent. */
  field: string;
  columns: Column[];
  predicate: (record: SfRecord) => boolean;
  orders: Order[];
  limit?: number;
}

type Order = SoqlOrder & { column: Column };

export interface QueryResult {
  type: string;
  columns: Column[];
  children: ChildQuery[];
  count: boolean;
  /** Matching records, ordered, after OFFSET and LIMIT. */
  records: SfRecord[];
}

/**
 * Ids worth looking at instead of the whole table: `Id = / IN` or a lookup field's
 * `= / IN` at the top level of the WHERE clause, using the store's indexes.
 */
function candidates(
  store: SalesforceStore,
  type: string,
  where: SoqlCondition | undefined,
): Iterable<string> | undefined {
  if (!where) return undefined;
  const terms = where.kind === 'and' ? where.items : [where];
  let best: Set<string> | undefined;
  for (const term of terms) {
    if (term.kind !== 'compare' && term.kind !== 'in') continue;
    const values =
      term.kind === 'compare'
        ? term.op === '='
          ? [term.value]
          : null
        : term.negated
          ? null
          : term.values;
    if (!values || term.path.length !== 1 || values.some((v) => v.kind !== 'string')) continue;
    const field = store.schema.field(type, term.path[0]!);
    if (!field) continue;
    const ids = values.map((v) => toId18((v as { value: string }).value) ?? '');
    let found: Set<string> | undefined;
    if (field.type === 'id') found = new Set(ids);
    else if (store.isIndexed(type, field.name)) {
      found = new Set();
      for (const id of ids)
        for (const match of store.lookup(type, field.name, id) ?? []) found.add(match);
    }
    if (found && (!best || found.size < best.size)) best = found;
  }
  return best;
}

function sortKey(field: SfFieldDef, value: SfValue): number | string | boolean | null {
  if (value === null) return null;
  if (
    typeof value === 'string' &&
    field.type !== 'id' &&
    field.type !== 'reference' &&
    field.type !== 'date' &&
    field.type !== 'datetime'
  ) {
    return value.toLowerCase();
  }
  return value;
}

/** Runs a parsed query against the store. `all` includes deleted records (queryAll). */
export function executeQuery(
  store: SalesforceStore,
  query: SoqlQuery,
  options: { all: boolean; now: Date },
): QueryResult {
  const def = store.schema.object(query.from);
  if (!def) {
    throw new SoqlError(
      'INVALID_TYPE',
      `\nFROM ${query.from}\n     ^\nERROR at Row:1:Column:1\nsObject type '${query.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const type = def.name;
  const columns = query.fields.map((path) => resolveColumn(store.schema, type, path));
  const predicate = query.where ? compile(store, type, query.where, options.now) : () => true;
  const orders = query.orderBy.map((order) => ({
    ...order,
    column: resolveColumn(store.schema, type, order.path),
  }));
  const children = query.subqueries.map((sub) => childQuery(store, type, sub, options.now));
  if (query.offset !== undefined && query.offset > 2000) {
    throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  }

  const table = store.table(type);
  const ids = candidates(store, type, query.where);
  const source = ids
    ? [...ids].map((id) => table.get(id)).filter((r) => r !== undefined)
    : table.values();
  let records: SfRecord[] = [];
  for (const record of source) {
    if (!options.all && record.IsDeleted === true) continue;
    if (predicate(record)) records.push(record);
  }
  records = sortRecords(store, records, orders);
  const start = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : start + query.limit;
  if (start > 0 || end !== undefined) records = records.slice(start, end);
  return { type, columns, children, count: query.count, records };
}

function sortRecords(store: SalesforceStore, records: SfRecord[], orders: Order[]): SfRecord[] {
  if (orders.length === 0) return records;
  const keyed = records.map((record) => ({
    record,
    keys: orders.map((o) => sortKey(o.column.field, valueOf(store, record, o.column))),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < orders.length; i += 1) {
      const order = orders[i]!;
      const x = a.keys[i]!;
      const y = b.keys[i]!;
      if (x === y) continue;
      if (x === null) return order.nullsLast ? 1 : -1;
      if (y === null) return order.nullsLast ? -1 : 1;
      const cmp = x < y ? -1 : 1;
      return order.descending ? -cmp : cmp;
    }
    return 0;
  });
  return keyed.map((entry) => entry.record);
}

function childQuery(
  store: SalesforceStore,
  parentType: string,
  sub: SoqlQuery,
  now: Date,
): ChildQuery {
  const relationship = store.schema.childRelationship(parentType, sub.from);
  if (!relationship || sub.count) {
    throw new SoqlError(
      'INVALID_TYPE',
      `Didn't understand relationship '${sub.from}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const { type, field } = relationship;
  return {
    name: field.childRelationshipName!,
    type,
    field: field.name,
    columns: sub.fields.map((path) => resolveColumn(store.schema, type, path)),
    predicate: sub.where ? compile(store, type, sub.where, now) : () => true,
    orders: sub.orderBy.map((order) => ({
      ...order,
      column: resolveColumn(store.schema, type, order.path),
    })),
    limit: sub.limit,
  };
}

/** A subquery's answer for one parent: null when it has no matching children, as Salesforce sends. */
function projectChildren(
  store: SalesforceStore,
  parentId: string,
  child: ChildQuery,
  version: string,
): Record<string, unknown> | null {
  const table = store.table(child.type);
  let records: SfRecord[] = [];
  for (const id of store.lookup(child.type, child.field, parentId) ?? []) {
    const record = table.get(id);
    if (record && record.IsDeleted !== true && child.predicate(record)) records.push(record);
  }
  if (records.length === 0) return null;
  records = sortRecords(store, records, child.orders).slice(0, child.limit);
  return {
    totalSize: records.length,
    done: true,
    records: records.map((record) =>
      projectRecord(store, child.type, record, child.columns, version),
    ),
  };
}

/** One record as the query endpoint returns it, with `attributes` and nested relationships. */
export function projectRecord(
  store: SalesforceStore,
  type: string,
  record: SfRecord,
  columns: Column[],
  version: string,
  children: ChildQuery[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type, url: `/services/data/${version}/sobjects/${type}/${record.Id}` },
  };
  for (const child of children) {
    out[child.name] = projectChildren(store, String(record.Id), child, version);
  }
  for (const column of columns) {
    if (!column.via) {
      out[column.field.name] = outputValue(column.field, record[column.field.name]);
      continue;
    }
    const name = column.via.lookup.relationshipName!;
    const id = record[column.via.lookup.name];
    const target = typeof id === 'string' ? store.get(column.via.type, id) : undefined;
    if (!target) {
      out[name] = null;
      continue;
    }
    const nested = (out[name] as Record<string, unknown> | null | undefined) ?? {
      attributes: {
        type: column.via.type,
        url: `/services/data/${version}/sobjects/${column.via.type}/${id}`,
      },
    };
    nested[column.field.name] = outputValue(column.field, target[column.field.name]);
    out[name] = nested;
  }
  return out;
}
