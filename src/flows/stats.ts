/**
 * The numbers of the flows performance view: runs per minute, p95 run duration and the
 * failure rate, over the last hour, day or week, in buckets for the charts. Counted from
 * flow_runs by when each run was created; durations are of finished runs only.
 */
import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';

export const STATS_PERIODS = ['hour', 'day', 'week'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

// Buckets small enough to show a spike, few enough to chart: 60, 24 and 28.
const SHAPE: Record<StatsPeriod, { bucketSeconds: number; buckets: number }> = {
  hour: { bucketSeconds: 60, buckets: 60 },
  day: { bucketSeconds: 3600, buckets: 24 },
  week: { bucketSeconds: 6 * 3600, buckets: 28 },
};

export interface StatsFigures {
  runs: number;
  completed: number;
  /** Failed or timed out. */
  failed: number;
  cancelled: number;
  runsPerMinute: number;
  /** Of the runs that finished; null when none did. */
  p95DurationMs: number | null;
  /** failed / (completed + failed); null when none finished either way. */
  failureRate: number | null;
}

export interface FlowStats {
  period: StatsPeriod;
  from: string;
  to: string;
  bucketSeconds: number;
  totals: StatsFigures;
  buckets: (StatsFigures & { start: string })[];
}

interface Row {
  n: number | null;
  runs: number;
  completed: number;
  failed: number;
  cancelled: number;
  p95: number | null;
}

function figures(row: Row | undefined, seconds: number): StatsFigures {
  const runs = row?.runs ?? 0;
  const completed = row?.completed ?? 0;
  const failed = row?.failed ?? 0;
  const decided = completed + failed;
  return {
    runs,
    completed,
    failed,
    cancelled: row?.cancelled ?? 0,
    runsPerMinute: Math.round((runs / (seconds / 60)) * 1000) / 1000,
    p95DurationMs: row?.p95 == null ? null : Math.round(row.p95),
    failureRate: decided ? Math.round((failed / decided) * 10_000) / 10_000 : null,
  };
}

/** The workspace's run figures (one flow's with `flowId`), bucketed for charts. */
export async function flowStats(
  db: Queryable,
  workspaceId: string,
  options: { period: StatsPeriod; flowId?: string; now?: Date },
): Promise<FlowStats> {
  if (options.flowId) {
    const { rowCount } = await db.query(
      'select 1 from flows where workspace_id = $1::uuid and id = $2::uuid',
      [workspaceId, options.flowId],
    );
    if (!rowCount) throw notFound('flow', options.flowId);
  }
  const { bucketSeconds, buckets } = SHAPE[options.period];
  const bucketMs = bucketSeconds * 1000;
  const now = (options.now ?? new Date()).getTime();
  // Aligned buckets, the last one holding now, so a chart's bars do not shift each poll.
  const from = new Date((Math.floor(now / bucketMs) - buckets + 1) * bucketMs);
  const to = new Date(from.getTime() + buckets * bucketMs);
  const { rows } = await db.query<Row>(
    `with runs as (
       select floor(extract(epoch from r.created_at - $2::timestamptz) / $3::int)::int as n,
              r.status,
              case when r.finished_at is not null and r.started_at is not null
                   then extract(epoch from r.finished_at - r.started_at) * 1000 end as ms
       from flow_runs r
       where r.workspace_id = $1::uuid and r.created_at >= $2::timestamptz
         and r.created_at < $5::timestamptz and ($4::uuid is null or r.flow_id = $4::uuid)
     )
     select n, count(*)::int as runs,
            (count(*) filter (where status = 'completed'))::int as completed,
            (count(*) filter (where status in ('failed', 'timeout')))::int as failed,
            (count(*) filter (where status = 'cancelled'))::int as cancelled,
            percentile_cont(0.95) within group (order by ms) as p95
     from runs group by grouping sets ((n), ())`,
    [workspaceId, from.toISOString(), bucketSeconds, options.flowId ?? null, to.toISOString()],
  );
  const byBucket = new Map(rows.filter((row) => row.n !== null).map((row) => [row.n, row]));
  return {
    period: options.period,
    from: from.toISOString(),
    to: to.toISOString(),
    bucketSeconds,
    totals: figures(
      rows.find((row) => row.n === null),
      buckets * bucketSeconds,
    ),
    buckets: Array.from({ length: buckets }, (_, n) => ({
      start: new Date(from.getTime() + n * bucketMs).toISOString(),
      ...figures(byBucket.get(n), bucketSeconds),
    })),
  };
}
