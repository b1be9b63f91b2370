/** Labels and rates for the dashboard's charts (the server's series has every bucket). */
export type Bucket = 'hour' | 'day';

const hourLabel = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
});
// Days are the server's UTC days: named in UTC, or a day west of Greenwich shows as the one before.
const dayLabel = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** The x-axis label of a bucket: "Mar 4" for days, "Mar 4, 3 PM" for hours. */
export function bucketLabel(at: string, bucket: Bucket): string {
  return (bucket === 'day' ? dayLabel : hourLabel).format(new Date(at));
}

/** A share as a percentage with no decimals, "—" when there was nothing to divide. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined || Number.isNaN(rate)
    ? '—'
    : `${Math.round(rate * 100)}%`;
}
