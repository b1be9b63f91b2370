// The user's own locale (undefined) for numbers and dates; the CRM amounts are in US dollars.
const integer = new Intl.NumberFormat(undefined);
const currency = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatCount(value: number): string {
  return integer.format(value);
}

export function formatCurrency(value: number): string {
  return currency.format(value);
}

/** A calendar date, e.g. "Mar 4, 2025"; "—" for a missing or unreadable value. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? '—' : date.format(parsed);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? '—' : dateTime.format(parsed);
}
