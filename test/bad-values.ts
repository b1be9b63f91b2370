/**
 * Generators of hostile request values for the property tests of "bad input never
 * 500s". A generated value is first one that fits its schema (real ids of the caller's
 * workspace, dates, enums, lengths within bounds), so it gets past validation and into
 * the SQL; then one or two of its leaves are swapped for a value of the same JSON type
 * that a database or a parser chokes on (a NUL byte, a lone surrogate, year 0000, a
 * number past every column's range, another workspace's id); now and then the shape
 * itself is wrong (a wrong type, a required field missing, an unknown one).
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Ids a generated request may use, by kind (`connection`, `action`...): the caller's first. */
export interface IdPool {
  own: Record<string, string>;
  other: Record<string, string>;
}

export const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  'name\u0000',
  '\ud800',
  'x\udfffy',
  '',
  ' ',
  '\n\r\t',
  'x'.repeat(10_001),
  'é'.repeat(70_000),
  '名前',
  '🦄'.repeat(40),
  'e\u0301\u202Eevil',
  "'; drop table deals; --",
  '%_\\',
  '-1',
  '1e309',
  'NaN',
  'null',
  '0000-00-00',
] as const;

export const NASTY_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59.999Z',
  '0001-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '9999-12-31T23:59:59Z',
  '2024-02-30T00:00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-06-01T12:00:00.123456789+14:00',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01',
] as const;

export const NASTY_DATES = [
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '9999-12-31',
  '2023-02-29',
  '2026-00-10',
  '+275760-09-13',
  '2026-01-01T00:00:00Z',
] as const;

export const NASTY_NUMBERS = [
  0,
  -1,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  2 ** 63,
  1e21,
  -1e21,
  1e308,
  -1e308,
  5e-324,
] as const;

const nastyString = fc.oneof(
  // NUL first: Postgres text cannot hold it, the most common 500 of all.
  { weight: 3, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', 'name\u0000') },
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
      .map(([a, b]) => `${a}\u0000${b}`),
  },
);

const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(null, 1, -1, true, 'text', [], {}, [
  '\u0000',
]);

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  /** The kind of object an id names, where its field's name does not tell (`id`). */
  'x-kind'?: string;
}

/** The kind of object an id field names: `connectionId` and `connectionIds` are connections. */
export function idKind(field: string): string {
  return field.replace(/Ids?$/, '').replace(/^(entity|record)$/, 'deal');
}

const saneDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()));

/** A value that fits the schema (as in /openapi.json), with the caller's own ids. */
export function plausible(schema: JsonSchema, ids: IdPool, field = ''): fc.Arbitrary<unknown> {
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((member) => plausible(member, ids, field)));
  if (schema.allOf?.length)
    return plausible(Object.assign({}, ...schema.allOf) as JsonSchema, ids, field);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string':
      return plausibleString(schema, ids, field);
    case 'array':
      return fc.array(plausible(schema.items ?? {}, ids, field), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      // An object without declared properties holds anything (a CRM value, skill options).
      const properties = schema.properties;
      if (!properties) return anyJson;
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, plausible(value, ids, key)]),
      );
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    default:
      return anyJson;
  }
}

function plausibleString(schema: JsonSchema, ids: IdPool, field: string): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid': {
      const own = ids.own[schema['x-kind'] ?? idKind(field)];
      return own ? fc.constant(own) : fc.uuid();
    }
    case 'date-time':
      return saneDate.map((date) => date.toISOString());
    case 'date':
      return saneDate.map((date) => date.toISOString().slice(0, 10));
    case 'email':
      return fc.constantFrom('rep@example.com', 'someone@example.com');
    case 'uri':
      // The CRM emulator when the pool names it, else a port nothing listens on: never a
      // host outside this machine.
      return fc.constant(ids.own.uri ?? 'http://127.0.0.1:9/');
  }
  if (schema.pattern) {
    const maxLength = schema.maxLength ?? 100;
    return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= maxLength);
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 40 });
}

/** Any JSON, its strings and keys often nasty (jsonb holds no NUL and no lone surrogate). */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(...NASTY_NUMBERS),
    nastyString,
    fc.string({ maxLength: 10 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), nastyString), tie('value'), {
      maxKeys: 3,
    }),
  ),
})).value;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** One replacement of each JSON type; the leaf's own type decides which one is used. */
interface Replacement {
  text: string;
  dateTime: string;
  date: string;
  id: string;
  number: number;
  other: unknown;
}

function replacements(ids: IdPool): fc.Arbitrary<Replacement> {
  const otherIds = Object.values(ids.other);
  return fc.record({
    text: nastyString,
    dateTime: fc.oneof(
      fc.constantFrom('0000-01-01T00:00:00Z', '0000-12-31T23:59:59.999Z'),
      fc.constantFrom(...NASTY_DATE_TIMES),
      fc
        .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z') })
        .filter((date) => !Number.isNaN(date.getTime()))
        .map((date) => date.toISOString()),
    ),
    date: fc.oneof(fc.constant('0000-01-01'), fc.constantFrom(...NASTY_DATES)),
    id: fc.oneof(fc.constantFrom(...otherIds), fc.uuid(), nastyString),
    number: fc.constantFrom(...NASTY_NUMBERS),
    other: wrongType,
  });
}

function replace(leaf: unknown, by: Replacement): unknown {
  if (typeof leaf === 'number') return by.number;
  if (typeof leaf !== 'string') return by.other;
  if (UUID.test(leaf)) return by.id;
  if (DATE.test(leaf)) return by.date;
  if (DATE_TIME.test(leaf)) return by.dateTime;
  return by.text;
}

/** The paths of a value's leaves (strings, numbers, booleans, null), in a stable order. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => leafPaths(item, [...path, index]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]));
  return [path];
}

function withLeaf(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (!path.length) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = withLeaf(copy[head!], rest, leaf);
  return copy;
}

/** A value of the schema with zero to two of its leaves made nasty (mostly one). */
export function mutated(schema: JsonSchema, ids: IdPool, field = ''): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      plausible(schema, ids, field),
      fc.array(fc.tuple(fc.nat(), replacements(ids)), { minLength: 0, maxLength: 2 }),
    )
    .map(([value, swaps]) => {
      let result = value;
      for (const [pick, by] of swaps) {
        const paths = leafPaths(result);
        if (!paths.length) break;
        const path = paths[pick % paths.length]!;
        const leaf = path.reduce<unknown>(
          (node, key) => (node as Record<string | number, unknown>)[key],
          result,
        );
        result = withLeaf(result, path, replace(leaf, by));
      }
      return result;
    });
}

/** A value of the wrong shape: another type, a required field missing, an unknown one. */
export function wrongShape(schema: JsonSchema, ids: IdPool): fc.Arbitrary<unknown> {
  return fc.oneof(
    wrongType,
    plausible(schema, ids).map((value) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const copy: Record<string, unknown> = { ...value, ['unknown\u0000field']: 1 };
      const required = schema.required?.[0];
      if (required) delete copy[required];
      return copy;
    }),
  );
}

/** The documented REST error shape: `{ error: { code, message, details } }`. */
export function expectErrorShape(body: unknown, context: string): void {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  expect(error, `${context}: no error object in ${JSON.stringify(body)?.slice(0, 300)}`).toBeTypeOf(
    'object',
  );
  expect(typeof error?.code, `${context}: error.code`).toBe('string');
  expect(typeof error?.message, `${context}: error.message`).toBe('string');
  expect(error && 'details' in error, `${context}: error.details is missing`).toBe(true);
}

/** The seed of every property run; set FC_SEED to replay another one. */
export const SEED = Number(process.env.FC_SEED ?? 20_261_203);
