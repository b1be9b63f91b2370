/**
 * Schedule triggers: a five-field cron read in an IANA time zone. One tick job a minute
 * (`flows.schedule-tick`) starts the runs that are due. Each scheduled flow has a
 * `flow_schedules` row holding its next slot; the tick locks that row, starts the run
 * and moves the slot on in one transaction, so a slot starts exactly one run however
 * many workers tick at once, and a crash before the commit leaves the slot to the next tick.
 */
import { Cron } from 'croner';
import type pg from 'pg';
import type { Logger } from 'pino';
import { withTransaction } from '../../db/pool.js';
import type { StartRun } from './start.js';

/** Null when `cron` (five fields) and `timezone` (IANA) can be scheduled, else what is wrong. */
export function checkSchedule(cron: string, timezone: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `cron must have five fields (minute hour day-of-month month day-of-week), got ${fields.length}: '${cron}'`;
  }
  if (!isTimeZone(timezone)) {
    return `timezone '${timezone}' is not an IANA time zone (such as 'Europe/Paris' or 'UTC')`;
  }
  try {
    const pattern = new Cron(cron, { mode: '5-part', timezone, paused: true });
    if (!pattern.nextRun(new Date())) return `cron '${cron}' never fires`;
  } catch (error) {
    return `cron '${cron}' is not valid: ${(error as Error).message}`;
  }
  return null;
}

function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The first slot strictly after `after`, or null when the cron never fires again. */
export function nextSlot(cron: string, timezone: string, after: Date): Date | null {
  return new Cron(cron, { mode: '5-part', timezone, paused: true }).nextRun(after);
}

// Flows whose published version runs on a schedule and may start now: active, and for
// an automation, switched on.
const SCHEDULED = `
  select f.id as "flowId", f.workspace_id as "workspaceId", v.version,
         v.definition -> 'trigger' ->> 'cron' as cron,
         v.definition -> 'trigger' ->> 'timezone' as timezone,
         v.published_at as "publishedAt", ua.user_id as "scopeUserId"
  from flows f
  join flow_versions v on v.flow_id = f.id and v.version = f.latest_version
  left join user_automations ua on ua.flow_id = f.id
  where f.status = 'active' and v.definition -> 'trigger' ->> 'type' = 'schedule'
    and (f.kind = 'flow' or ua.is_active)`;

interface ScheduledFlow {
  flowId: string;
  workspaceId: string;
  version: number;
  cron: string;
  timezone: string;
  publishedAt: string;
  scopeUserId: string | null;
}

/**
 * Brings `flow_schedules` in line with what is published: a newly scheduled flow or a
 * new version gets its first slot after the moment it was published (so a slot between
 * the publish and this tick is not lost); flows no longer scheduled lose their row.
 */
async function syncSchedules(db: pg.Pool, log: Logger): Promise<ScheduledFlow[]> {
  const { rows } = await db.query<ScheduledFlow & { knownVersion: number | null }>(
    `select s.*, fs.version as "knownVersion"
     from (${SCHEDULED}) s left join flow_schedules fs on fs.flow_id = s."flowId"`,
  );
  const fresh = rows.filter((row) => row.knownVersion !== row.version);
  const values: { flowId: string; workspaceId: string; version: number; next: string }[] = [];
  for (const row of fresh) {
    let next: Date | null = null;
    try {
      next = nextSlot(row.cron, row.timezone, new Date(row.publishedAt));
    } catch (error) {
      // The definition check refuses such a cron; an older version may still hold one.
      log.warn({ err: error, flowId: row.flowId }, 'a published schedule cannot be read');
    }
    if (next) values.push({ ...row, next: next.toISOString() });
  }
  if (values.length) {
    await db.query(
      `insert into flow_schedules (flow_id, workspace_id, version, next_slot_at)
       select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[])
       on conflict (flow_id) do update
         set version = excluded.version, next_slot_at = excluded.next_slot_at, updated_at = now()
         where flow_schedules.version < excluded.version`,
      [
        values.map((v) => v.flowId),
        values.map((v) => v.workspaceId),
        values.map((v) => v.version),
        values.map((v) => v.next),
      ],
    );
  }
  await db.query(
    `delete from flow_schedules fs
     where not exists (select 1 from (${SCHEDULED}) s where s."flowId" = fs.flow_id)`,
  );
  return rows;
}

export interface TickResult {
  /** Runs started by this tick. */
  started: number;
  /** Slots passed while no tick ran (a stopped server): folded into the run started for them. */
  missed: number;
}

/**
 * One tick: starts a run for every scheduled flow whose next slot has come. Slots
 * missed while nothing ticked start one run, not one each: a backlog of hourly reports
 * after a night's outage helps nobody; the run's trigger says how many were folded in.
 */
export async function runScheduleTick(
  db: pg.Pool,
  deps: { startRun: StartRun; log: Logger },
  now: Date = new Date(),
): Promise<TickResult> {
  const scheduled = await syncSchedules(db, deps.log);
  const byFlow = new Map(scheduled.map((flow) => [flow.flowId, flow]));
  const result: TickResult = { started: 0, missed: 0 };
  for (;;) {
    const handled = await withTransaction(db, async (client) => {
      const { rows } = await client.query<{ flowId: string; version: number; slot: string }>(
        `select flow_id as "flowId", version, next_slot_at as slot from flow_schedules
         where next_slot_at <= $1::timestamptz
         order by next_slot_at limit 1 for update skip locked`,
        [now.toISOString()],
      );
      const due = rows[0];
      if (!due) return false;
      const flow = byFlow.get(due.flowId);
      if (!flow || flow.version !== due.version) {
        // Published anew or unscheduled since the sync: the next tick sees it right.
        await client.query('delete from flow_schedules where flow_id = $1::uuid', [due.flowId]);
        return true;
      }
      const slots = slotsUpTo(flow, new Date(due.slot), now);
      const next = nextSlot(flow.cron, flow.timezone, now);
      let runId: string | null = null;
      await client.query('savepoint start_run');
      try {
        ({ runId } = await deps.startRun(client, {
          workspaceId: flow.workspaceId,
          flowId: flow.flowId,
          version: flow.version,
          trigger: {
            type: 'schedule',
            slot: due.slot,
            cron: flow.cron,
            timezone: flow.timezone,
            ...(slots > 1 ? { missedSlots: slots - 1 } : {}),
          },
          input: {},
          startedBy: null,
          scopeUserId: flow.scopeUserId,
        }));
        await client.query('release savepoint start_run');
        result.started += 1;
        result.missed += slots - 1;
      } catch (error) {
        // The slot is spent either way: a flow that cannot start now must not be retried
        // every minute until it can, nor block the other flows of this tick.
        await client.query('rollback to savepoint start_run');
        deps.log.warn(
          { err: error, flowId: flow.flowId, slot: due.slot },
          'a scheduled run did not start',
        );
      }
      if (next) {
        await client.query(
          `update flow_schedules set next_slot_at = $2::timestamptz, last_slot_at = $3::timestamptz,
             last_run_id = coalesce($4::uuid, last_run_id), updated_at = now()
           where flow_id = $1::uuid`,
          [flow.flowId, next.toISOString(), due.slot, runId],
        );
      } else {
        await client.query('delete from flow_schedules where flow_id = $1::uuid', [flow.flowId]);
      }
      return true;
    });
    if (!handled) return result;
  }
}

/** How many slots from `first` up to `now` (at least one: `first` itself). */
function slotsUpTo(flow: ScheduledFlow, first: Date, now: Date): number {
  let count = 1;
  let at: Date | null = first;
  // Bounded: a per-minute cron after a week down is 10,080 slots; counting stops at 1,000.
  while (count < 1_000 && (at = nextSlot(flow.cron, flow.timezone, at)) && at <= now) count += 1;
  return count;
}
