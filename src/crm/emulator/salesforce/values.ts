import { SfApiError, SfRecordFailure } from './errors.js';
import type { SfFieldDef, SfPicklistValue } from './schema.js';
import type { SfValue } from './store.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export const NUMBER_TYPES = new Set(['double', 'int', 'currency', 'percent']);
export const TEXT_TYPES = new Set([
  'id', 'string', 'textarea', 'email', 'phone', 'url', 'picklist', 'reference', 'base64',
]); // prettier-ignore

export function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Salesforce's wire form of a datetime: `2024-05-01T12:00:00.000+0000`. */
export function formatDatetime(iso: string): string {
  return iso.replace(/Z$/, '+0000');
}

/** A stored value as the REST API returns it. */
export function outputValue(field: SfFieldDef | undefined, value: SfValue | undefined): SfValue {
  if (value === undefined) return null;
  if (field?.type === 'datetime' && typeof value === 'string') return formatDatetime(value);
  return value;
}

function typeError(field: SfFieldDef, raw: unknown): SfRecordFailure {
  return new SfRecordFailure(
    'INVALID_TYPE_ON_FIELD_IN_RECORD',
    `${field.label}: value not of required type: ${String(raw)}`,
    [field.name],
  );
}

/**
 * Checks and converts one incoming value for a field, as the API does on insert and
 * update: JSON types where they fit (numbers may come as numeric strings, as
 * Salesforce accepts), lengths, e-mail shape, restricted picklists. `picklist` gives
 * the field's current values (StageName's come from OpportunityStage rows).
 */
export function coerceValue(
  field: SfFieldDef,
  raw: unknown,
  picklist: (field: SfFieldDef) => SfPicklistValue[] = (f) => f.picklistValues ?? [],
): SfValue {
  if (raw !== null && typeof raw === 'object') {
    // Salesforce fails the whole request when the JSON does not deserialize.
    throw new SfApiError(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${field.type} from ${Array.isArray(raw) ? 'START_ARRAY' : 'START_OBJECT'} value at [field ${field.name}]`,
    );
  }
  if (raw === undefined || raw === null || raw === '') {
    if (field.type === 'boolean') throw typeError(field, raw);
    if (field.type === 'picklist' && field.restrictedPicklist && field.required) {
      throw new SfRecordFailure(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${raw ?? 'null'}`,
        [field.name],
      );
    }
    return null;
  }
  if (field.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw typeError(field, raw);
  }
  if (NUMBER_TYPES.has(field.type)) {
    const value =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && NUMERIC.test(raw.trim())
          ? Number(raw)
          : NaN;
    if (!Number.isFinite(value) || (field.type === 'int' && !Number.isInteger(value))) {
      throw typeError(field, raw);
    }
    const digits = (field.precision ?? 18) - (field.scale ?? 0);
    if (Math.abs(value) >= 10 ** digits) {
      throw new SfRecordFailure(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${field.label}: value outside of valid range on numeric field: ${value}`,
        [field.name],
      );
    }
    return field.scale !== undefined && field.type !== 'int'
      ? Number(value.toFixed(field.scale))
      : value;
  }
  if (field.type === 'date') {
    const text = typeof raw === 'string' ? raw.slice(0, 10) : '';
    if (!isValidDate(text)) throw typeError(field, raw);
    return text;
  }
  if (field.type === 'datetime') {
    const ms = typeof raw === 'string' ? Date.parse(raw) : typeof raw === 'number' ? raw : NaN;
    if (!Number.isFinite(ms)) throw typeError(field, raw);
    return new Date(ms).toISOString();
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') throw typeError(field, raw);
  const text = String(raw);
  if (field.type === 'picklist') {
    const values = picklist(field);
    const match = values.find((v) => v.active && v.value.toLowerCase() === text.toLowerCase());
    if (field.restrictedPicklist && !match) {
      throw new SfRecordFailure(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${text}`,
        [field.name],
      );
    }
    return match?.value ?? text;
  }
  if (field.type === 'email' && !EMAIL.test(text)) {
    throw new SfRecordFailure(
      'INVALID_EMAIL_ADDRESS',
      `${field.label}: invalid email address: ${text}`,
      [field.name],
    );
  }
  if (field.length !== undefined && field.type !== 'base64' && text.length > field.length) {
    throw new SfRecordFailure(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${text.length > 60 ? `${text.slice(0, 60)}...` : text} (max length=${field.length})`,
      [field.name],
    );
  }
  return text;
}
