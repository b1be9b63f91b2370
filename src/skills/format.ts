/** Dates and amounts as skills put them in titles; all dates are UTC calendar days. */

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, 'YYYY-MM-DD'. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The last day of the calendar quarter `instant` falls in (UTC), 'YYYY-MM-DD'. */
export function quarterEnd(instant: Date): string {
  const firstMonthOfNext = Math.floor(instant.getUTCMonth() / 3) * 3 + 3;
  // Day 0 of a month is the last day of the one before; Date.UTC rolls month 12 over.
  return utcDay(new Date(Date.UTC(instant.getUTCFullYear(), firstMonthOfNext, 0)));
}

/** Whole days from one 'YYYY-MM-DD' to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function trimmed(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** `$0.01`, `$950`, `$45.5K`, `$450K`, `$1.2M`. */
export function formatMoney(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  // 999,950 would round to "1000K".
  if (abs >= 999_950) return `${sign}$${trimmed(abs / 1_000_000)}M`;
  if (abs >= 1_000) return `${sign}$${trimmed(abs / 1_000)}K`;
  // Cents only when there are some: "$950", but "$0.01" rather than "$0".
  return `${sign}$${Number.isInteger(abs) ? abs : abs.toFixed(2)}`;
}

/** "1 day", "2 days". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * At most `max` characters, cut with an ellipsis. CRM names can run to hundreds of
 * characters, and an action's title must stay within 300.
 */
export function clip(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "the $450K Acme deal", or "the Acme deal" without an amount. */
export function dealPhrase(deal: { name: string; amount: number | null }): string {
  const name = clip(deal.name);
  return deal.amount === null ? `the ${name} deal` : `the ${formatMoney(deal.amount)} ${name} deal`;
}

const STAGE_LABELS: Record<string, string> = {
  prospecting: 'Prospecting',
  qualification: 'Qualification',
  discovery: 'Discovery',
  evaluation: 'Evaluation',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
};

/** Pandora's stage name when the stage is mapped, else the CRM's, else "no stage". */
export function stageLabel(deal: { stage: string | null; stageNormalized: string | null }): string {
  if (deal.stageNormalized) return STAGE_LABELS[deal.stageNormalized] ?? deal.stageNormalized;
  return deal.stage?.trim() || 'no stage';
}

/** Amounts compared exactly: numeric(18, 2) values as integer cents. */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}
