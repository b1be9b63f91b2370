/**
 * How the agent's fields read in the console: their names, their values, and a value a
 * person typed turned back into what the API takes. Field ids are the agent's (issue 14):
 * the five standard fields, MEDDICC and BANT.
 */
const LABELS: Record<string, string> = {
  close_date: 'Close date',
  amount: 'Amount',
  stage: 'Stage',
  next_step: 'Next step',
  competitors: 'Competitors',
  metrics: 'Metrics',
  economic_buyer: 'Economic buyer',
  decision_criteria: 'Decision criteria',
  decision_process: 'Decision process',
  identify_pain: 'Identified pain',
  champion: 'Champion',
  budget: 'Budget',
  authority: 'Authority',
  need: 'Need',
  timeline: 'Timeline',
};

/** Every field the agent knows, standard first, for a field the template did not include. */
export const KNOWN_FIELDS = Object.keys(LABELS);

export const STAGE_CHOICES = [
  'prospecting',
  'qualification',
  'discovery',
  'evaluation',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;

export const CALL_TYPES = ['discovery', 'demo', 'negotiation', 'renewal'] as const;

function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(field: string): string {
  return LABELS[field] ?? humanize(field);
}

export function stageLabel(stage: string): string {
  return humanize(stage);
}

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A field's value as a person reads it; "—" for none. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '—';
  if (typeof value === 'object') {
    // A money value with its currency, as the extractors give it.
    const { value: amount, currency } = value as { value?: unknown; currency?: unknown };
    if (typeof amount === 'number') {
      return `${money.format(amount)}${typeof currency === 'string' ? ` ${currency}` : ''}`;
    }
    return JSON.stringify(value);
  }
  if (field === 'amount' && typeof value === 'number') return money.format(value);
  if (field === 'amount' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    return money.format(Number(value));
  }
  if (field === 'close_date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime())) return day.format(parsed);
  }
  if (field === 'stage' && typeof value === 'string') return stageLabel(value);
  return String(value);
}

/** The text an edit box starts with for a value. */
export function editText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') {
    const amount = (value as { value?: unknown }).value;
    return typeof amount === 'number' ? String(amount) : '';
  }
  if (field === 'close_date' && typeof value === 'string') return value.slice(0, 10);
  return String(value);
}

export type ParsedEdit = { ok: true; value: unknown } | { ok: false; error: string };

/** A person's edit read back into the field's value, or why it cannot be. */
export function parseEdit(field: string, text: string): ParsedEdit {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'Enter a value' };
  switch (field) {
    case 'amount': {
      const cleaned = trimmed.replace(/[,\s$€£]/g, '');
      const amount = Number(cleaned);
      if (!/^\d+(\.\d+)?$/.test(cleaned) || !Number.isFinite(amount)) {
        return { ok: false, error: 'Enter an amount, e.g. 150000' };
      }
      return { ok: true, value: amount };
    }
    case 'close_date': {
      const parsed = new Date(`${trimmed}T00:00:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ||
        Number.isNaN(parsed.getTime()) ||
        parsed.toISOString().slice(0, 10) !== trimmed
      ) {
        return { ok: false, error: 'Enter a date as YYYY-MM-DD' };
      }
      return { ok: true, value: trimmed };
    }
    case 'stage':
      return (STAGE_CHOICES as readonly string[]).includes(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, error: 'Pick a stage' };
    case 'competitors':
      return {
        ok: true,
        value: trimmed
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      };
    default:
      return { ok: true, value: trimmed };
  }
}

/** A confidence as a percentage; "—" for none. */
export function formatConfidence(confidence: number | string | null | undefined): string {
  if (confidence === null || confidence === undefined || confidence === '') return '—';
  const n = Number(confidence);
  return Number.isFinite(n) ? `${Math.round(n * 100)}%` : '—';
}

/** The colour of a confidence badge: green when the agent was sure, orange, then red. */
export function confidenceColor(confidence: number | string | null | undefined): string {
  const n = Number(confidence);
  if (confidence === null || confidence === undefined || !Number.isFinite(n)) return 'gray';
  return n >= 0.9 ? 'green' : n >= 0.7 ? 'yellow' : 'red';
}
