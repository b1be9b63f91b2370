import { toId18 } from '../../salesforce/ids.js';
import type { SfFieldDef } from './schema.js';
import { resolveColumn, valueOf } from './soql-columns.js';
import {
  SoqlError,
  type ComparisonOperator,
  type SoqlCondition,
  type SoqlLiteral,
} from './soql-parser.js';
import type { SalesforceStore, SfRecord, SfValue } from './store.js';
import { NUMBER_TYPES, TEXT_TYPES } from './values.js';

export type Predicate = (record: SfRecord) => boolean;

const DAY = 86_400_000;

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

export function compile(
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
