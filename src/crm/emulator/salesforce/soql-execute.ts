import { toId18 } from '../../salesforce/ids.js';
import type { SalesforceSchema, SfFieldDef } from './schema.js';
import {
  SoqlError,
  type ComparisonOperator,
  type SoqlCondition,
  type SoqlLiteral,
  type SoqlQuery,
} from './soql-parser.js';
import type { SalesforceStore, SfRecord, SfValue } from './store.js';
import { NUMBER_TYPES, TEXT_TYPES, outputValue } from './values.js';

/** A selected or filtered path, resolved against the schema. */
export interface Column {
  path: string[];
  field: SfFieldDef;
  /** For `Account.Name`: the lookup field and the object it points to. */
  via?: { lookup: SfFieldDef; type: string };
}

export interface QueryResult {
  type: string;
  columns: Column[];
  count: boolean;
  /** Matching records, ordered, after OFFSET and LIMIT. */
  records: SfRecord[];
}

type Predicate = (record: SfRecord) => boolean;

const DAY = 86_400_000;

function noSuchColumn(name: string, type: string): SoqlError {
  return new SoqlError(
    'INVALID_FIELD',
    `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

export function resolveColumn(schema: SalesforceSchema, type: string, path: string[]): Column {
  if (path.length === 1) {
    const field = schema.field(type, path[0]!);
    if (!field) throw noSuchColumn(path[0]!, type);
    return { path: [field.name], field };
  }
  const lookup = path.length === 2 ? schema.relationship(type, path[0]!) : undefined;
  const targets = (lookup?.referenceTo ?? []).map((name) => schema.referenceTarget(name));
  if (!lookup || targets.length !== 1) {
    throw new SoqlError(
      'INVALID_FIELD',
      `Didn't understand relationship '${path.slice(0, -1).join('.')}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const target = targets[0]!;
  const field = schema.field(target, path[1]!);
  if (!field) throw noSuchColumn(path[1]!, target);
  return { path: [lookup.relationshipName!, field.name], field, via: { lookup, type: target } };
}

function valueOf(store: SalesforceStore, record: SfRecord, column: Column): SfValue {
  if (!column.via) return record[column.field.name] ?? null;
  const id = record[column.via.lookup.name];
  if (typeof id !== 'string') return null;
  return store.get(column.via.type, id)?.[column.field.name] ?? null;
}

function utcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** [start, end) in ms of a date literal, relative to `now`. */
function dateRange(literal: { name: string; n?: number }, now: Date): [number, number] {
  const today = utcDay(now.getTime());
  const n = literal.n ?? 0;
  switch (literal.name) {
    case 'TODAY':
      return [today, today + DAY];
    case 'YESTERDAY':
      return [today - DAY, today];
    case 'TOMORROW':
      return [today + DAY, today + 2 * DAY];
    case 'LAST_90_DAYS':
      return [today - 90 * DAY, today + DAY];
    case 'NEXT_90_DAYS':
      return [today + DAY, today + 91 * DAY];
    case 'LAST_N_DAYS':
      return [today - n * DAY, today + DAY];
    case 'NEXT_N_DAYS':
      return [today + DAY, today + (n + 1) * DAY];
    case 'THIS_MONTH': {
      const d = new Date(today);
      return [
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
      ];
    }
    default: {
      const year = new Date(today).getUTCFullYear();
      return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
    }
  }
}

function filterTypeError(field: SfFieldDef, expected: string): SoqlError {
  return new SoqlError(
    'INVALID_QUERY_FILTER_OPERATOR',
    `value of filter criterion for field '${field.name}' must be of type ${expected} and should not be enclosed in quotes`,
  );
}

/**
 * A literal converted to the form values of `field` are compared in: numbers, day
 * strings, whole seconds for datetimes (Salesforce ignores milliseconds when it
 * compares them), lowercased text (SOQL text comparison is case-insensitive), and
 * 18-character ids.
 */
function operand(
  field: SfFieldDef,
  literal: SoqlLiteral,
  now: Date,
): number | string | boolean | null | [number, number] {
  if (literal.kind === 'null') return null;
  const type = field.type;
  if (NUMBER_TYPES.has(type)) {
    if (literal.kind !== 'number') throw filterTypeError(field, 'number');
    return literal.value;
  }
  if (type === 'boolean') {
    if (literal.kind !== 'boolean') throw filterTypeError(field, 'boolean');
    return literal.value;
  }
  if (type === 'date') {
    if (literal.kind === 'date') return Date.parse(`${literal.value}T00:00:00Z`);
    if (literal.kind === 'dateLiteral') return dateRange(literal, now);
    throw filterTypeError(field, 'date');
  }
  if (type === 'datetime') {
    if (literal.kind === 'datetime') return Math.floor(literal.value / 1000) * 1000;
    if (literal.kind === 'dateLiteral') return dateRange(literal, now);
    throw filterTypeError(field, 'dateTime');
  }
  if (literal.kind !== 'string') throw filterTypeError(field, 'string');
  if (type === 'id' || type === 'reference') return toId18(literal.value) ?? literal.value;
  return literal.value.toLowerCase();
}

/** A stored value in the form `operand` gives literals. */
function comparable(field: SfFieldDef, value: SfValue): number | string | boolean | null {
  if (value === null) return null;
  if (field.type === 'date') return Date.parse(`${value}T00:00:00Z`);
  if (field.type === 'datetime') return Math.floor(Date.parse(String(value)) / 1000) * 1000;
  if (field.type === 'id' || field.type === 'reference') return value;
  if (typeof value === 'string') return value.toLowerCase();
  return value;
}

function test(
  op: ComparisonOperator,
  left: number | string | boolean,
  right: number | string | boolean | [number, number],
): boolean {
  if (Array.isArray(right)) {
    const ms = left as number;
    const [start, end] = right;
    switch (op) {
      case '=':
        return ms >= start && ms < end;
      case '!=':
        return ms < start || ms >= end;
      case '<':
        return ms < start;
      case '<=':
        return ms < end;
      case '>':
        return ms >= end;
      default:
        return ms >= start;
    }
  }
  switch (op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

function likePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '\\' && i + 1 < pattern.length) {
      source += pattern[i + 1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
    } else if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

function compile(
  store: SalesforceStore,
  type: string,
  condition: SoqlCondition,
  now: Date,
): Predicate {
  switch (condition.kind) {
    case 'and': {
      const parts = condition.items.map((item) => compile(store, type, item, now));
      return (record) => parts.every((part) => part(record));
    }
    case 'or': {
      const parts = condition.items.map((item) => compile(store, type, item, now));
      return (record) => parts.some((part) => part(record));
    }
    case 'not': {
      const inner = compile(store, type, condition.item, now);
      return (record) => !inner(record);
    }
    case 'like': {
      const column = resolveColumn(store.schema, type, condition.path);
      if (!TEXT_TYPES.has(column.field.type)) throw filterTypeError(column.field, 'string');
      const regex = likePattern(condition.pattern);
      return (record) => {
        const value = valueOf(store, record, column);
        return typeof value === 'string' && regex.test(value);
      };
    }
    case 'in': {
      const column = resolveColumn(store.schema, type, condition.path);
      const set = new Set(condition.values.map((value) => operand(column.field, value, now)));
      return (record) => {
        const value = comparable(column.field, valueOf(store, record, column));
        return set.has(value as string) !== condition.negated;
      };
    }
    case 'compare': {
      const column = resolveColumn(store.schema, type, condition.path);
      const right = operand(column.field, condition.value, now);
      const { op } = condition;
      return (record) => {
        const left = comparable(column.field, valueOf(store, record, column));
        if (right === null) return op === '=' ? left === null : op === '!=' ? left !== null : false;
        if (left === null) return op === '!=';
        return test(op, left, right);
      };
    }
  }
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
