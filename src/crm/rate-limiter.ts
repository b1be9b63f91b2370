import type pg from 'pg';
import type { Logger } from 'pino';
import { pgErrorCode, type Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';
import { CrmError } from './errors.js';
import type { CallGate } from './gate.js';
import { dayIn, validTimeZone, type RateLimits } from './rate-limits.js';

/** A connection's API usage as the console shows it. */
export interface RateLimitUsage {
  connectionId: string;
  /** The day `usedToday` counts, in the CRM account's time zone (UTC when unknown). */
  day: string;
  usedToday: number;
  /** The CRM's reported quota if it reported one, else the configured one; null for none. */
  dailyLimit: number | null;
  /** `usedToday` as a percentage of `dailyLimit`, one decimal. */
  percent: number | null;
  /** Calls are held until then after a 429 (null once it has passed). */
  pausedUntil: string | null;
  /** The CRM said the daily quota is used up; calls are refused until then. */
  dailyExhaustedUntil: string | null;
  last429At: string | null;
  last429Policy: string | null;
  /** When the daily-usage warning was last raised. */
  warnedAt: string | null;
  /** When the CRM last reported its own count (Salesforce). */
  reportedAt: string | null;
}

/** Raised once per UTC day, when a connection's usage passes `warnAt` of its quota. */
export interface DailyUsageWarning {
  workspaceId: string;
  connectionId: string;
  usedToday: number;
  dailyLimit: number;
  percent: number;
}

export interface RateLimiterOptions {
  /** The pool, not a transaction's client: the row lock must end with each statement. */
  pool: pg.Pool;
  workspaceId: string;
  connectionId: string;
  limits: RateLimits;
  log?: Logger;
  onWarning?: (warning: DailyUsageWarning) => void | Promise<void>;
  /** Epoch milliseconds, for tests; by default the database's clock, shared by every process. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type RateLimiter = CallGate & { usage(): Promise<RateLimitUsage> };

interface AcquireRow {
  waitMs: number;
  used: number;
  limit: number | null;
  warned: boolean;
  refused: boolean;
  retryAfterMs: number | null;
}

// Raised by crm_rate_limit_lock for a connection that is not in the workspace.
const NO_DATA_FOUND = 'P0002';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The gate for one CRM connection, its state in Postgres so that every process of the
 * deployment shares one budget (DESIGN.md principle 3). `acquire` reserves a slot in one
 * statement and sleeps until it comes, holding no lock; a waiter that slept checks once
 * more for a pause another process set meanwhile. A used-up daily quota throws a
 * non-retryable `rate_limited` error (policy DAILY) rather than sleeping for hours.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { pool, workspaceId, connectionId, limits } = options;
  const sleep = options.sleep ?? defaultSleep;
  const now = () => (options.now ? new Date(options.now()).toISOString() : null);
  const windowMs = limits.windowMs / (1 - limits.safetyMargin);

  const searchWindowMs = limits.search && limits.search.windowMs / (1 - limits.safetyMargin);

  async function reserve(count: boolean, search: boolean): Promise<AcquireRow> {
    const { rows } = await withNotFound(() =>
      pool.query<AcquireRow>(
        `select wait_ms as "waitMs", day_used as used, day_limit as limit, warned, refused,
                retry_after_ms as "retryAfterMs"
         from crm_rate_limit_acquire($1::uuid, $2::uuid, $3::int, $4::float8, $5::int,
                                     $6::numeric, $7::boolean, $8::timestamptz, $9::boolean,
                                     $10::int, $11::float8, $12::text)`,
        [
          workspaceId,
          connectionId,
          limits.perWindow,
          windowMs,
          limits.daily,
          limits.warnAt,
          count,
          now(),
          search,
          limits.search?.perWindow ?? null,
          searchWindowMs,
          limits.timeZone,
        ],
      ),
    );
    return rows[0]!;
  }

  async function pausedForMs(): Promise<number> {
    const { rows } = await pool.query<{ ms: number }>(
      `select extract(epoch from paused_until - coalesce($3::timestamptz, clock_timestamp()))::float8
              * 1000 as ms
       from crm_rate_limits
       where workspace_id = $1::uuid and connection_id = $2::uuid`,
      [workspaceId, connectionId, now()],
    );
    return rows[0]?.ms ?? 0;
  }

  async function warn(used: number, limit: number): Promise<void> {
    const warning: DailyUsageWarning = {
      workspaceId,
      connectionId,
      usedToday: used,
      dailyLimit: limit,
      percent: percentOf(used, limit),
    };
    options.log?.warn(
      warning,
      'CRM connection has used %d%% of its daily API quota',
      warning.percent,
    );
    try {
      await options.onWarning?.(warning);
    } catch (error) {
      // The call that crossed the line must still go ahead; the failure is logged instead.
      options.log?.error({ err: error, connectionId }, 'daily API usage warning could not be sent');
    }
  }

  return {
    async acquire(bucket) {
      let count = true;
      for (;;) {
        const row = await reserve(count, bucket === 'search');
        if (row.refused) throw dailyQuotaError(row, options.now?.() ?? Date.now());
        if (row.warned && row.limit !== null) await warn(row.used, row.limit);
        if (row.waitMs <= 0) return;
        await sleep(row.waitMs);
        // A 429 elsewhere while we slept: our slot fell inside the pause, so take a new one.
        if ((await pausedForMs()) <= 0) return;
        count = false;
      }
    },

    async pause(ms, policy) {
      // A DAILY refusal would hold every caller for hours: refuse calls until then instead.
      const daily = policy === 'DAILY';
      const { rowCount } = await pool.query(
        `insert into crm_rate_limits as t
           (connection_id, workspace_id, paused_until, daily_exhausted_until, last_429_at,
            last_429_policy)
         select c.id, c.workspace_id,
                case when not $5::boolean then v.now + $3::float8 * interval '1 millisecond' end,
                case when $5::boolean then coalesce(
                  v.now + nullif($3::float8, 0) * interval '1 millisecond',
                  ((v.now at time zone v.zone)::date + 1)::timestamp at time zone v.zone) end,
                v.now, $4::text
         from connections c
         cross join (select coalesce($6::timestamptz, clock_timestamp()) as now,
                            coalesce($7::text, 'UTC') as zone) v
         where c.workspace_id = $1::uuid and c.id = $2::uuid
         on conflict (connection_id) do update set
           paused_until = greatest(t.paused_until, excluded.paused_until),
           daily_exhausted_until = greatest(t.daily_exhausted_until, excluded.daily_exhausted_until),
           last_429_at = excluded.last_429_at,
           last_429_policy = excluded.last_429_policy,
           updated_at = now()`,
        [workspaceId, connectionId, Math.max(0, ms), policy ?? null, daily, now(), limits.timeZone],
      );
      if (!rowCount) throw notFound('connection', connectionId);
      options.log?.warn(
        { connectionId, ms, policy },
        daily
          ? 'CRM refused a call: daily API quota used up'
          : 'CRM refused a call for its rate; holding every process back',
      );
    },

    async reportUsage(used, max) {
      const { rows } = await withNotFound(() =>
        pool.query<{ used: number; limit: number | null; warned: boolean }>(
          `select day_used as used, day_limit as limit, warned
           from crm_rate_limit_report($1::uuid, $2::uuid, $3::int, $4::int, $5::int,
                                      $6::numeric, $7::timestamptz, $8::text)`,
          [
            workspaceId,
            connectionId,
            Math.max(0, Math.round(used)),
            max > 0 ? Math.round(max) : null,
            limits.daily,
            limits.warnAt,
            now(),
            limits.timeZone,
          ],
        ),
      );
      const row = rows[0]!;
      if (row.warned && row.limit !== null) await warn(row.used, row.limit);
    },

    async usage() {
      const usage = await usageFor(pool, workspaceId, connectionId, options.now?.());
      return usage ?? emptyUsage(connectionId, limits, options.now?.() ?? Date.now());
    },
  };
}

/**
 * A connection's API usage: today's count (today in the CRM account's time zone), its
 * quota, pauses and the last 429. Null when the connection has made no call through
 * the limiter yet.
 */
export async function usageFor(
  db: Queryable,
  workspaceId: string,
  connectionId: string,
  at?: number,
): Promise<RateLimitUsage | null> {
  const { rows: zones } = await db.query<{ timeZone: string | null }>(
    `select metadata->>'timeZone' as "timeZone" from connections
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId],
  );
  const timeZone = validTimeZone(zones[0]?.timeZone);
  const { rows } = await db.query<Omit<RateLimitUsage, 'percent'>>(
    `select r.connection_id as "connectionId", v.today::text as day,
            case when r.usage_day = v.today then r.used_today else 0 end as "usedToday",
            coalesce(r.reported_max, r.daily_limit) as "dailyLimit",
            case when r.paused_until > v.now then r.paused_until end as "pausedUntil",
            case when r.daily_exhausted_until > v.now then r.daily_exhausted_until end
              as "dailyExhaustedUntil",
            r.last_429_at as "last429At", r.last_429_policy as "last429Policy",
            r.warned_at as "warnedAt", r.reported_at as "reportedAt"
     from crm_rate_limits r
     cross join lateral (
       select n as now, (n at time zone coalesce($4::text, 'UTC'))::date as today
       from coalesce($3::timestamptz, clock_timestamp()) n
     ) v
     where r.workspace_id = $1::uuid and r.connection_id = $2::uuid`,
    [workspaceId, connectionId, at === undefined ? null : new Date(at).toISOString(), timeZone],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    percent: row.dailyLimit ? percentOf(row.usedToday, row.dailyLimit) : null,
  };
}

function emptyUsage(connectionId: string, limits: RateLimits, at: number): RateLimitUsage {
  return {
    connectionId,
    day: dayIn(at, limits.timeZone),
    usedToday: 0,
    dailyLimit: limits.daily,
    percent: limits.daily ? 0 : null,
    pausedUntil: null,
    dailyExhaustedUntil: null,
    last429At: null,
    last429Policy: null,
    warnedAt: null,
    reportedAt: null,
  };
}

function percentOf(used: number, limit: number): number {
  return limit > 0 ? Math.round((used / limit) * 1000) / 10 : 100;
}

function dailyQuotaError(row: AcquireRow, at: number): CrmError {
  const limit = row.limit === null ? '' : ` of ${row.limit} calls`;
  const retryAfterMs = Math.max(0, Math.ceil(row.retryAfterMs ?? 0));
  return new CrmError(
    'rate_limited',
    `The daily API quota${limit} for this CRM connection is used up (${row.used} today); ` +
      `calls resume at ${new Date(at + retryAfterMs).toISOString()}`,
    { policy: 'DAILY', retryAfterMs },
  );
}

async function withNotFound<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (pgErrorCode(error) === NO_DATA_FOUND) throw notFound('connection');
    throw error;
  }
}
