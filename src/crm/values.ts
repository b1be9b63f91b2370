import type { CrmValue } from './port.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MIDNIGHT_UTC = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?(?:Z|\+00:00)$/;
const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * A value in one canonical spelling, so Pandora can tell whether the CRM already
 * holds what it is about to write. HubSpot sends every value as a string
 * (`"450000.0"`, `"true"`, dates as midnight-UTC timestamps or epoch milliseconds),
 * Salesforce sends JSON types; both mean the same thing.
 */
export function canonicalValue(value: CrmValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  const text = value.trim();
  if (text === '') return null;
  if (NUMERIC.test(text)) return String(Number(text));
  const midnight = MIDNIGHT_UTC.exec(text);
  if (midnight) return midnight[1]!;
  if (DATE_ONLY.test(text)) return text;
  if (text === 'true' || text === 'false') return text;
  return value;
}

/** Whether two CRM values mean the same (`"450000.0"` and 450000, blank and null...). */
export function sameCrmValue(a: CrmValue | undefined, b: CrmValue | undefined): boolean {
  return canonicalValue(a) === canonicalValue(b);
}
