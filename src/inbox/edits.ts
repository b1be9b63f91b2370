/**
 * A person's corrections to an agent's proposal, checked per field before they reach
 * the action's payload. The CRM's own checks (the property exists, a stage resolves
 * in the deal's pipeline) follow in the actions planner; these catch what is wrong
 * whatever the CRM: a date that is not a date, an amount that is not a number.
 */
import type { CrmValue } from '../crm/port.js';
import type { CrmUpdate } from '../actions/store.js';
import { HttpError } from '../errors.js';
import type { InboxField } from './items.js';

const MAX_TEXT = 5_000;

function invalid(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_edit', `edits.${field}: ${message}`, [
    { field: `edits.${field}`, message },
  ]);
}

function isoDate(field: string, value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value) return value;
  }
  throw invalid(field, `expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

function amount(field: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e15) {
    return value;
  }
  throw invalid(field, `expected an amount (a number of at least 0), got ${JSON.stringify(value)}`);
}

function text(field: string, value: unknown): string {
  if (typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_TEXT) {
    return value.trim();
  }
  throw invalid(
    field,
    `expected text of 1 to ${MAX_TEXT} characters, got ${JSON.stringify(value)}`,
  );
}

/** A list (competitors) as a CRM text property holds it: "A; B". */
function list(field: string, value: unknown): string {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
  if (
    !items ||
    items.length === 0 ||
    items.some((item) => typeof item !== 'string' || !item.trim())
  ) {
    throw invalid(field, `expected a list of names, got ${JSON.stringify(value)}`);
  }
  const names = (items as string[]).map((item) => item.trim());
  return text(field, names.join('; '));
}

/** The value to write for one edited field, by the kind of field. */
function checked(field: string, value: unknown): CrmValue {
  if (field === 'close_date' || field.endsWith('_date')) return isoDate(field, value);
  if (field === 'amount') return amount(field, value);
  if (field === 'competitors') return list(field, value);
  return text(field, value);
}

/**
 * The action's field updates with the edits applied. An edit names a field of the
 * item (`close_date`) or its CRM field; `null` leaves that field out of the write.
 * Every edit is checked; the first wrong one is a 400 `invalid_edit` naming it.
 */
export function applyEdits(
  fields: readonly InboxField[],
  updates: readonly CrmUpdate[],
  edits: Record<string, unknown>,
): CrmUpdate[] {
  const result = updates.map((update) => ({ ...update }));
  const dropped = new Set<string>();
  for (const [name, value] of Object.entries(edits)) {
    const field = fields.find((f) => f.field === name || f.crmField === name);
    const target = field?.crmField ?? field?.field;
    const update = result.find((u) => u.field === target);
    if (!field || !update) {
      throw invalid(name, `this item proposes no field ${name}`);
    }
    if (value === null) {
      dropped.add(update.field);
      continue;
    }
    update.proposed_value = checked(field.field, value);
  }
  const kept = result.filter((update) => !dropped.has(update.field));
  if (kept.length === 0 && result.length > 0) {
    throw new HttpError(
      400,
      'invalid_edit',
      'edits: every field would be left out; reject the item instead',
      [{ field: 'edits', message: 'at least one field must be written' }],
    );
  }
  return kept;
}
