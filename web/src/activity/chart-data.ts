/** Labels and rates for the dashboard's charts (the server's series has every bucket). */
export type Bucket = 'minute' | 'hour' | 'day';

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

// Minutes (the flows' last hour): the time alone, the hour's minutes telling them apart.
const minuteLabel = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** The x-axis label of a bucket: "Mar 4" for days, "Mar 4, 3 PM" for hours, "3:05 PM" for minutes. */
export function bucketLabel(at: string, bucket: Bucket): string {
  const format = bucket === 'day' ? dayLabel : bucket === 'minute' ? minuteLabel : hourLabel;
  return format.format(new Date(at));
}

/** A share as a percentage with no decimals, "—" when there was nothing to divide. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined || Number.isNaN(rate)
    ? '—'
    : `${Math.round(rate * 100)}%`;
}
