/**
 * Time series for the dashboard's charts: buckets the server left out (no runs in that
 * hour or day) become explicit zeros, so a quiet day shows as a dip, not as a line drawn
 * straight across it.
 */
export type Bucket = 'hour' | 'day';

const BUCKET_MS: Record<Bucket, number> = { hour: 3600_000, day: 24 * 3600_000 };

/** The start of `at`'s bucket, in UTC like the server's `date_trunc`. */
export function bucketStart(at: Date, bucket: Bucket): Date {
  const start = new Date(at);
  start.setUTCMinutes(0, 0, 0);
  if (bucket === 'day') start.setUTCHours(0);
  return start;
}

/**
 * One point per bucket from `from` to `to` (inclusive), each the server's point for that
 * bucket or `empty(at)` where it has none. Points outside the range are dropped.
 */
export function fillBuckets<T extends { at: string }>(
  points: readonly T[],
  range: { from: Date; to: Date; bucket: Bucket },
  empty: (at: string) => T,
): T[] {
  const byStart = new Map<number, T>();
  for (const point of points) {
    const at = new Date(point.at);
    if (Number.isNaN(at.getTime())) continue;
    byStart.set(bucketStart(at, range.bucket).getTime(), point);
  }
  const step = BUCKET_MS[range.bucket];
  const last = bucketStart(range.to, range.bucket).getTime();
  const filled: T[] = [];
  // A year of hours at most: a wrong range must not hang the page.
  for (
    let at = bucketStart(range.from, range.bucket).getTime();
    at <= last && filled.length < 24 * 366;
    at += step
  ) {
    filled.push(byStart.get(at) ?? empty(new Date(at).toISOString()));
  }
  return filled;
}

const hourLabel = new Intl.DateTimeFormat(undefined, { hour: 'numeric', day: 'numeric' });
const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** The x-axis label of a bucket: "Mar 4" for days, "4, 3 PM" for hours. */
export function bucketLabel(at: string, bucket: Bucket): string {
  return (bucket === 'day' ? dayLabel : hourLabel).format(new Date(at));
}

/** A share as a percentage with no decimals, "—" when there was nothing to divide. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined || Number.isNaN(rate)
    ? '—'
    : `${Math.round(rate * 100)}%`;
}
