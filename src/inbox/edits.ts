/**
 * A person's corrections to a proposal, checked per field before they reach the
 * action's payload. An agent's field is edited in the agent's terms (a date, an
 * amount, one of Pandora's stages, text, a list of names) and turned into the CRM's
 * value as the run does (`toCrmValue`: a stage becomes a stage of the deal's own
 * pipeline); any other field takes a plain value. The CRM's own checks follow in the
 * actions planner.
 */
import type { CrmUpdate } from '../actions/store.js';
import { agentFieldNamed, toCrmValue, type ValueContext } from '../agents/fields.js';
import type { CrmValue } from '../crm/port.js';
import { HttpError } from '../errors.js';
import type { InboxField } from './items.js';

const MAX_TEXT = 5_000;

function invalid(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_edit', `edits.${field}: ${message}`, [
    { field: `edits.${field}`, message },
  ]);
}

/** The update of the action that carries an item's field. */
export const crmFieldOf = (field: InboxField): string =>
  field.crmField ?? field.crmProperty ?? field.field;

/** Whether an edit needs the deal's pipeline and the synced stages to be placed. */
export const editsNeedStages = (edits: Record<string, unknown>): boolean =>
  Object.entries(edits).some(
    ([name, value]) => value !== null && agentFieldNamed(name)?.kind === 'stage',
  );

/** An edit of an agent's field as the agent would have proposed it, checked by kind. */
function agentValue(field: string, kind: string, value: unknown): unknown {
  switch (kind) {
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1e15)
        throw invalid(
          field,
          `expected an amount (a number of at least 0), got ${JSON.stringify(value)}`,
        );
      return value;
    case 'date':
      if (typeof value !== 'string')
        throw invalid(field, `expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
      return value;
    case 'list': {
      const items = Array.isArray(value) ? (value as unknown[]) : [value];
      if (items.length === 0 || items.some((item) => typeof item !== 'string' || !item.trim()))
        throw invalid(field, `expected a list of names, got ${JSON.stringify(value)}`);
      return items.map((item) => (item as string).trim());
    }
    default:
      if (typeof value !== 'string' || !value.trim() || value.length > MAX_TEXT)
        throw invalid(
          field,
          `expected text of 1 to ${MAX_TEXT} characters, got ${JSON.stringify(value)}`,
        );
      return value.trim();
  }
}

/** A field no agent defines (a policy-held action's CRM property): a plain CRM value. */
function plainValue(field: string, value: unknown): CrmValue {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.length <= MAX_TEXT) return value;
  throw invalid(field, `expected text, a number or true/false, got ${JSON.stringify(value)}`);
}

/**
 * The action's field updates with the edits applied, and the edits keyed by the
 * item's field ids. An edit names a field of the item (`close_date`) or its CRM
 * property; `null` leaves that field out of the write. The first wrong edit is a 400
 * `invalid_edit` naming it, and nothing changes.
 */
export function applyEdits(
  fields: readonly InboxField[],
  updates: readonly CrmUpdate[],
  edits: Record<string, unknown>,
  ctx: ValueContext | null,
): { updates: CrmUpdate[]; edits: Record<string, unknown> } {
  const result = updates.map((update) => ({ ...update }));
  const dropped = new Set<string>();
  const byField: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(edits)) {
    const field = fields.find((f) => f.field === name || crmFieldOf(f) === name);
    const update = field && result.find((u) => u.field === crmFieldOf(field));
    if (!field || !update) throw invalid(name, `this item proposes no field ${name}`);
    byField[field.field] = value;
    if (value === null) {
      dropped.add(update.field);
      continue;
    }
    const kind = agentFieldNamed(field.field)?.kind;
    if (!kind || !ctx) {
      update.proposed_value = plainValue(name, value);
      continue;
    }
    const converted = toCrmValue(field.field, agentValue(name, kind, value), ctx);
    if (!converted.ok) throw invalid(name, converted.reason);
    update.proposed_value = converted.value;
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
  return { updates: kept, edits: byField };
}
