/**
 * What a mapping does to a value before it reaches the CRM: its transform, its write
 * condition, and its write mode (with append's separator, timestamp and max entries).
 * Pure functions; the engine brings the values and the CRM's current text.
 */
import type { CrmValue } from '../crm/port.js';
import type { FieldValueKind } from './fields.js';

export type WriteMode = 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
export const WRITE_MODES: readonly WriteMode[] = [
  'overwrite',
  'never_overwrite',
  'append',
  'append_if_changed',
];
export type TimestampFormat = 'prefix' | 'suffix' | 'none';
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['prefix', 'suffix', 'none'];

/** One sentence per mode, for the console's mode picker and the API's docs. */
export const WRITE_MODE_SENTENCES: Record<WriteMode, string> = {
  overwrite: 'Replaces the property with the latest value each time it changes.',
  never_overwrite:
    'Writes only into an empty property; a value already there (from anyone) is kept.',
  append:
    'Adds the latest value as a new entry after what the property holds, every time it is computed.',
  append_if_changed:
    'Adds the latest value as a new entry only when it differs from the last entry Pandora added.',
};

export type Transform =
  | { kind: 'raw' }
  | { kind: 'truncate'; length: number }
  | { kind: 'round'; digits: number }
  | { kind: 'date_only' }
  | { kind: 'uppercase' }
  | { kind: 'score_label' };

export type Condition =
  | { kind: 'score_above'; threshold: number }
  | { kind: 'score_below'; threshold: number }
  | { kind: 'score_changed_by'; delta: number }
  | { kind: 'field_is_blank' };

/** Score labels, from the top: a score at or above `min` gets `label`. */
export const SCORE_LABELS: readonly { min: number; label: string }[] = [
  { min: 80, label: 'Excellent' },
  { min: 60, label: 'Good' },
  { min: 40, label: 'Fair' },
  { min: -Infinity, label: 'At Risk' },
];

/** A transform or condition written as text (`truncate:255`), or why it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NUMBER_ARG = /^-?\d+(\.\d+)?$/;

export function parseTransform(text: string): Parsed<Transform> {
  const [name, arg, ...rest] = text.split(':');
  const bad = (message: string): Parsed<Transform> => ({ ok: false, message });
  if (rest.length > 0) return bad(`"${text}" has more than one ":"`);
  switch (name) {
    case 'raw':
    case 'date_only':
    case 'uppercase':
    case 'score_label':
      return arg === undefined
        ? { ok: true, value: { kind: name } }
        : bad(`${name} takes no argument`);
    case 'truncate': {
      const length = Number(arg);
      if (!Number.isInteger(length) || length < 1 || length > 65_536)
        return bad('truncate:n needs a whole number of characters from 1 to 65536');
      return { ok: true, value: { kind: 'truncate', length } };
    }
    case 'round': {
      const digits = Number(arg);
      if (!Number.isInteger(digits) || digits < 0 || digits > 6)
        return bad('round:n needs a number of decimals from 0 to 6');
      return { ok: true, value: { kind: 'round', digits } };
    }
    default:
      return bad(
        `unknown transform "${name}": use raw, truncate:n, round:n, date_only, uppercase or score_label`,
      );
  }
}

export function parseCondition(text: string): Parsed<Condition> {
  const [name, arg, ...rest] = text.split(':');
  const bad = (message: string): Parsed<Condition> => ({ ok: false, message });
  if (rest.length > 0) return bad(`"${text}" has more than one ":"`);
  if (name === 'field_is_blank') {
    return arg === undefined
      ? { ok: true, value: { kind: name } }
      : bad('field_is_blank takes no argument');
  }
  if (name === 'score_above' || name === 'score_below' || name === 'score_changed_by') {
    if (arg === undefined || !NUMBER_ARG.test(arg)) return bad(`${name}:n needs a number`);
    const n = Number(arg);
    if (name === 'score_changed_by') {
      return n > 0
        ? { ok: true, value: { kind: name, delta: n } }
        : bad('score_changed_by:n needs n above 0');
    }
    return { ok: true, value: { kind: name, threshold: n } };
  }
  return bad(
    `unknown condition "${name}": use score_above:n, score_below:n, score_changed_by:n or field_is_blank`,
  );
}

/** Which transforms make sense for a kind of value; the others are refused. */
export function transformFits(transform: Transform, kind: FieldValueKind): boolean {
  switch (transform.kind) {
    case 'raw':
      return true;
    case 'round':
    case 'score_label':
      return kind === 'score';
    case 'date_only':
      return kind === 'datetime';
    case 'truncate':
    case 'uppercase':
      return kind === 'text';
  }
}

export function conditionFits(condition: Condition, kind: FieldValueKind): boolean {
  return condition.kind === 'field_is_blank' || kind === 'score';
}

export function scoreLabel(score: number): string {
  return SCORE_LABELS.find((band) => score >= band.min)!.label;
}

/** The value as the CRM gets it, before the write mode. */
export function applyTransform(transform: Transform, value: CrmValue): CrmValue {
  if (value === null) return null;
  switch (transform.kind) {
    case 'raw':
      return value;
    case 'truncate': {
      const text = String(value);
      // Cut on code points, with an ellipsis as the last character.
      const chars = [...text];
      return chars.length <= transform.length
        ? text
        : `${chars.slice(0, transform.length - 1).join('')}…`;
    }
    case 'round': {
      const factor = 10 ** transform.digits;
      return Math.round(Number(value) * factor) / factor;
    }
    case 'date_only':
      return String(value).slice(0, 10);
    case 'uppercase':
      return String(value).toUpperCase();
    case 'score_label':
      return scoreLabel(Number(value));
  }
}

/**
 * Whether a value may be written: `score_changed_by` compares with the last value
 * Pandora wrote (none yet: it may), `field_is_blank` with what the CRM holds now.
 */
export function conditionHolds(
  condition: Condition | null,
  value: CrmValue,
  context: { lastWritten: CrmValue | undefined; current: CrmValue | undefined },
): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'score_above':
      return value !== null && Number(value) > condition.threshold;
    case 'score_below':
      return value !== null && Number(value) < condition.threshold;
    case 'score_changed_by':
      return (
        context.lastWritten === undefined ||
        context.lastWritten === null ||
        Math.abs(Number(value) - Number(context.lastWritten)) >= condition.delta
      );
    case 'field_is_blank':
      return isBlank(context.current);
  }
}

export function isBlank(value: CrmValue | undefined): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

const DAY = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** An append entry: `[Feb 21, 2026] value`, `value (Feb 21, 2026)` or the bare value. */
export function appendEntry(value: CrmValue, format: TimestampFormat, at: Date): string {
  const text = value === null ? '' : String(value);
  if (format === 'prefix') return `[${DAY.format(at)}] ${text}`;
  if (format === 'suffix') return `${text} (${DAY.format(at)})`;
  return text;
}

export interface AppendOptions {
  separator: string;
  maxEntries: number | null;
}

/** The property's text with `entry` added last, oldest entries dropped past `maxEntries`. */
export function appendTo(
  current: CrmValue | undefined,
  entry: string,
  options: AppendOptions,
): string {
  const entries = isBlank(current) ? [] : String(current).split(options.separator);
  entries.push(entry);
  const kept = options.maxEntries ? entries.slice(-options.maxEntries) : entries;
  return kept.join(options.separator);
}

/** The last entry of an appended text, to tell whether an entry is already there. */
export function lastEntry(current: CrmValue | undefined, separator: string): string | null {
  if (isBlank(current)) return null;
  const entries = String(current).split(separator);
  return entries[entries.length - 1]!;
}
