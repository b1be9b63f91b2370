/**
 * Finds runs nobody is working on that should be: `running` with no runner holding
 * its lock (the worker died mid-run), `pending` for a while (its job failed for good),
 * `waiting` past its wake-up (the timer job was lost). Each gets a `flows.run` job;
 * the runner carries it on from its stored results.
 */
import type { Queryable } from '../../db/pool.js';
import { enqueueMany } from '../../jobs/queue.js';
import { RUN_LOCK_HELD } from './store.js';

/** A pending or overdue run younger than this may still have its own job coming. */
const GRACE = '1 minute';
const BATCH = 500;

export async function sweepRuns(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ workspaceId: string; runId: string }>(
    `select r.workspace_id as "workspaceId", r.id::text as "runId"
     from flow_runs r
     where r.status in ('pending', 'running', 'waiting')
       and (r.status = 'running'
            or (r.status = 'pending' and r.created_at < now() - $1::interval)
            or (r.status = 'waiting' and r.wake_at < now() - $1::interval)
            or r.cancel_requested_at < now() - $1::interval)
       and not exists (${RUN_LOCK_HELD.replace('$RUN', 'r.id')})
     order by r.updated_at
     limit $2::int`,
    [GRACE, BATCH],
  );
  await enqueueMany(
    db,
    'flows.run',
    rows.map((payload) => ({ payload, options: { jobKey: `flows.sweep:${payload.runId}` } })),
  );
  return rows.length;
}
