import type { PropertyProblem } from './errors.js';
import type { OptionDef, PropertyDef } from './properties.js';

/** HubSpot's limit on one property value. */
export const MAX_VALUE_LENGTH = 65_536;

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const EPOCH_MS = /^-?\d{1,15}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type RawValue = string | number | boolean | null | undefined;

export type Normalized =
  { ok: true; value: string | null } | { ok: false; problem: PropertyProblem };

const problem = (code: string, def: PropertyDef, message: string): Normalized => ({
  ok: false,
  problem: { code, propertyName: def.name, message },
});

function text(raw: RawValue): string {
  return typeof raw === 'string' ? raw : String(raw);
}

/** Epoch milliseconds from an ISO 8601 string or an epoch-milliseconds string. */
export function instantOf(value: string): number | undefined {
  const trimmed = value.trim();
  if (EPOCH_MS.test(trimmed)) return Number(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Checks one value against its property and returns what HubSpot stores: numbers as
 * given, datetimes as ISO 8601 with milliseconds, dates as `YYYY-MM-DD`, booleans as
 * `true`/`false`. An empty string or null clears the property.
 */
export function normalizeValue(def: PropertyDef, raw: RawValue, options: OptionDef[]): Normalized {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  const value = text(raw);
  if (value.length > MAX_VALUE_LENGTH) {
    return problem(
      'INVALID_LENGTH',
      def,
      `Property "${def.name}" is ${value.length} characters long; the limit is ${MAX_VALUE_LENGTH}.`,
    );
  }
  switch (def.type) {
    case 'number': {
      const trimmed = value.trim();
      if (def.integer) {
        if (!/^[-+]?\d+$/.test(trimmed)) {
          return problem('INVALID_INTEGER', def, `${value} was not a valid integer.`);
        }
        return { ok: true, value: String(Number(trimmed)) };
      }
      if (!DECIMAL.test(trimmed)) {
        return problem('INVALID_DECIMAL', def, `${value} was not a valid decimal.`);
      }
      return { ok: true, value: String(Number(trimmed)) };
    }
    case 'datetime': {
      const ms = instantOf(value);
      if (ms === undefined) {
        return problem('INVALID_DATE', def, `${value} is not a valid date-time for ${def.name}.`);
      }
      return { ok: true, value: new Date(ms).toISOString() };
    }
    case 'date': {
      const ms = DATE_ONLY.test(value.trim())
        ? Date.parse(`${value.trim()}T00:00:00Z`)
        : instantOf(value);
      if (ms === undefined || Number.isNaN(ms) || ms % 86_400_000 !== 0) {
        return problem(
          'INVALID_DATE',
          def,
          `${value} is not a valid date for ${def.name}: use YYYY-MM-DD or midnight UTC in epoch milliseconds.`,
        );
      }
      return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
    }
    case 'bool':
    case 'enumeration': {
      const allowed = def.type === 'bool' ? ['true', 'false'] : options.map((o) => o.value);
      const given = def.fieldType === 'checkbox' ? value.split(';') : [value];
      for (const one of given) {
        if (!allowed.includes(one)) {
          const shown = allowed.slice(0, 20).join(', ') + (allowed.length > 20 ? ', ...' : '');
          return problem(
            'INVALID_OPTION',
            def,
            `${one} was not one of the allowed options: [${shown}]`,
          );
        }
      }
      return { ok: true, value };
    }
    default:
      if (def.name === 'email' && !EMAIL.test(value.trim())) {
        return problem('INVALID_EMAIL', def, `Email address ${value} is invalid`);
      }
      return { ok: true, value };
  }
}

/** A value as a number for comparisons: numbers, instants (ms), booleans. */
export function comparable(def: PropertyDef | undefined, value: string): number | string {
  if (!def) return value.toLowerCase();
  if (def.type === 'number') return Number(value);
  if (def.type === 'datetime' || def.type === 'date') {
    const ms =
      def.type === 'date' && DATE_ONLY.test(value)
        ? Date.parse(`${value}T00:00:00Z`)
        : instantOf(value);
    return ms ?? Number.NaN;
  }
  return value.toLowerCase();
}
