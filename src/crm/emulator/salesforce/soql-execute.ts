import { toId18 } from '../../salesforce/ids.js';
import { resolveColumn, valueOf, type Column } from './soql-columns.js';
import { compile } from './soql-filter.js';
import { SoqlError, type SoqlCondition, type SoqlQuery } from './soql-parser.js';
import type { SalesforceStore, SfRecord, SfValue } from './store.js';
import type { SfFieldDef } from './schema.js';
import { outputValue } from './values.js';

export { resolveColumn, type Column } from './soql-columns.js';

export interface QueryResult {
  type: string;
  columns: Column[];
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
  if (orders.length > 0) {
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
    records = keyed.map((entry) => entry.record);
  }
  const start = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : start + query.limit;
  if (start > 0 || end !== undefined) records = records.slice(start, end);
  return { type, columns, count: query.count, records };
}

/** One record as the query endpoint returns it, with `attributes` and nested relationships. */
export function projectRecord(
  store: SalesforceStore,
  type: string,
  record: SfRecord,
  columns: Column[],
  version: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type, url: `/services/data/${version}/sobjects/${type}/${record.Id}` },
  };
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
