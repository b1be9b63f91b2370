import type { Queryable } from '../db/pool.js';
import { badRequest } from '../errors.js';
import { viewerOwnerIds, type ActivityViewer } from './viewer.js';

export const STAT_BUCKETS = ['hour', 'day'] as const;
export type StatBucket = (typeof STAT_BUCKETS)[number];

/**
 * How long a period may be per bucket: the series has one point per bucket, and a
 * chart of more than about 750 points says nothing more.
 */
export const MAX_PERIOD_HOURS: Record<StatBucket, number> = { hour: 31 * 24, day: 366 * 24 };
/** The period when none is given: the last seven days, by day. */
const DEFAULT_PERIOD_HOURS = 7 * 24;
const HOUR_MS = 3_600_000;
/** The counters' key for every run of the workspace (migration 019). */
const WORKSPACE_KEY = '00000000-0000-0000-0000-000000000000';

export interface ActivityCounts {
  runs: number;
  /** Fields written without a person (decision auto_apply, applied). */
  autoApplied: number;
  /** Runs waiting for a person (status pending). */
  waiting: number;
  succeeded: number;
  failed: number;
  rejected: number;
  /** Runs that waited for a person and were approved. */
  approved: number;
  /** approved / (approved + rejected); null when nobody decided any. */
  approvalRate: number | null;
  /** failed / runs; null without runs. */
  failureRate: number | null;
  /** Mean of the runs' overall confidence; null when none has one. */
  averageConfidence: number | null;
}

export interface ActivityStats {
  /** The period, widened to whole hours (days for a `day` bucket, UTC). */
  from: string;
  to: string;
  bucket: StatBucket;
  totals: ActivityCounts;
  /** One point per bucket of the period, oldest first, empty buckets included. */
  series: (ActivityCounts & { at: string })[];
}

export interface StatsPeriod {
  from?: string;
  to?: string;
  bucket?: StatBucket;
}

interface CountsRow {
  runs: number;
  succeeded: number;
  failed: number;
  rejected: number;
  pending: number;
  approved: number;
  autoApplied: number;
  confidenceSum: number;
  confidenceCount: number;
}

const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

function counts(row: CountsRow): ActivityCounts {
  return {
    runs: row.runs,
    autoApplied: row.autoApplied,
    waiting: row.pending,
    succeeded: row.succeeded,
    failed: row.failed,
    rejected: row.rejected,
    approved: row.approved,
    approvalRate: ratio(row.approved, row.approved + row.rejected),
    failureRate: ratio(row.failed, row.runs),
    averageConfidence: ratio(row.confidenceSum, row.confidenceCount),
  };
}

/** The period as stats count it: whole buckets, checked against the bucket's maximum. */
export function statsPeriod(
  period: StatsPeriod,
  now: Date,
): { from: Date; to: Date; bucket: StatBucket } {
  const to = period.to ? new Date(period.to) : now;
  const from = period.from
    ? new Date(period.from)
    : new Date(to.getTime() - DEFAULT_PERIOD_HOURS * HOUR_MS);
  if (!(from < to)) {
    throw badRequest('invalid_period', 'from must be before to', [
      { field: 'from', message: 'must be before to' },
    ]);
  }
  const bucket =
    period.bucket ?? (to.getTime() - from.getTime() <= 2 * 24 * HOUR_MS ? 'hour' : 'day');
  const step = bucket === 'hour' ? HOUR_MS : 24 * HOUR_MS;
  const start = new Date(Math.floor(from.getTime() / step) * step);
  const end = new Date(Math.ceil(to.getTime() / step) * step);
  const hours = (end.getTime() - start.getTime()) / HOUR_MS;
  if (hours > MAX_PERIOD_HOURS[bucket]) {
    throw badRequest(
      'period_too_long',
      `A period by ${bucket} may span at most ${MAX_PERIOD_HOURS[bucket] / 24} days; choose a later from, or bucket=day`,
      [{ field: 'from', message: `at most ${MAX_PERIOD_HOURS[bucket] / 24} days before to` }],
    );
  }
  return { from: start, to: end, bucket };
}

/**
 * Quick stats of a period: totals and a series by hour or day, from the counters that
 * migration 019 keeps per workspace, rep and bucket. A run counts in the bucket it was
 * created in, whatever happened to it since (so its status is the current one).
 */
export async function activityStats(
  db: Queryable,
  workspaceId: string,
  viewer: ActivityViewer,
  period: StatsPeriod,
  now = new Date(),
): Promise<ActivityStats> {
  const { from, to, bucket } = statsPeriod(period, now);
  const owners = await viewerOwnerIds(db, workspaceId, viewer);
  const { rows } = await db.query<CountsRow & { at: string }>(
    `with counted as (
       select r.bucket,
              sum(r.runs) as runs, sum(r.succeeded) as succeeded, sum(r.failed) as failed,
              sum(r.rejected) as rejected, sum(r.pending) as pending, sum(r.approved) as approved,
              sum(r.auto_applied) as auto_applied, sum(r.confidence_sum) as confidence_sum,
              sum(r.confidence_count) as confidence_count
       from activity_rollups r
       where r.workspace_id = $1::uuid and r.grain = $2::text
         and r.bucket >= $3::timestamptz and r.bucket < $4::timestamptz
         and r.owner_key = any($6::uuid[])
       group by r.bucket
     )
     select s.at,
            coalesce(c.runs, 0)::int as runs,
            coalesce(c.succeeded, 0)::int as succeeded,
            coalesce(c.failed, 0)::int as failed,
            coalesce(c.rejected, 0)::int as rejected,
            coalesce(c.pending, 0)::int as pending,
            coalesce(c.approved, 0)::int as approved,
            coalesce(c.auto_applied, 0)::int as "autoApplied",
            coalesce(c.confidence_sum, 0)::float8 as "confidenceSum",
            coalesce(c.confidence_count, 0)::int as "confidenceCount"
     from generate_series($3::timestamptz, $4::timestamptz - $5::interval, $5::interval) as s (at)
     left join counted c on c.bucket = s.at
     order by s.at`,
    [
      workspaceId,
      bucket,
      from.toISOString(),
      to.toISOString(),
      bucket === 'hour' ? '1 hour' : '1 day',
      owners ?? [WORKSPACE_KEY],
    ],
  );
  const total: CountsRow = {
    runs: 0,
    succeeded: 0,
    failed: 0,
    rejected: 0,
    pending: 0,
    approved: 0,
    autoApplied: 0,
    confidenceSum: 0,
    confidenceCount: 0,
  };
  for (const row of rows) {
    for (const key of Object.keys(total) as (keyof CountsRow)[]) total[key] += row[key];
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucket,
    totals: counts(total),
    series: rows.map((row) => ({ at: row.at, ...counts(row) })),
  };
}
