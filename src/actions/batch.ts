import type pg from 'pg';
import { LOCKS, withTryLock } from '../db/locks.js';
import { withTransaction } from '../db/pool.js';
import { notFound } from '../errors.js';
import { enqueue } from '../jobs/queue.js';
import { executeActions, type EngineDeps, type ExecuteOptions } from './execute.js';

export interface ActionBatch {
  id: string;
  workspaceId: string;
  actor: string;
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
  total: number;
  done: number;
  /** Per action id: its outcome and status, and the first error's message. */
  results: Record<string, { outcome: string; status: string | null; error?: string }>;
  crmCalls: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const BATCH_COLUMNS = `id, workspace_id as "workspaceId", actor, status, total, done, results,
  crm_calls as "crmCalls", created_at as "createdAt", started_at as "startedAt",
  finished_at as "finishedAt"`;

/** Actions per engine call: their writes are coalesced into the CRM's batch calls. */
const CHUNK = 500;

/**
 * Records a batch execution and queues its job, in one transaction. Without
 * `enqueue` the caller runs it itself (the CLI); a worker that starts while it is
 * still running takes it up if the caller dies.
 */
export async function createBatch(
  pool: pg.Pool,
  workspaceId: string,
  actor: string,
  actionIds: string[],
  options: { enqueue?: boolean } = {},
): Promise<ActionBatch> {
  const ids = [...new Set(actionIds)];
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<ActionBatch>(
      `insert into action_batches (workspace_id, actor, action_ids, total)
       values ($1::uuid, $2::text, $3::uuid[], $4::integer)
       returning ${BATCH_COLUMNS}`,
      [workspaceId, actor, ids, ids.length],
    );
    const batch = rows[0]!;
    if (options.enqueue === false) return batch;
    await enqueue(
      client,
      'actions.batch-execute',
      { workspaceId, batchId: batch.id },
      { jobKey: `action-batch:${batch.id}` },
    );
    return batch;
  });
}

export async function getBatch(
  db: pg.Pool,
  workspaceId: string,
  batchId: string,
): Promise<ActionBatch> {
  const { rows } = await db.query<ActionBatch>(
    `select ${BATCH_COLUMNS} from action_batches where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, batchId],
  );
  if (!rows[0]) throw notFound('action batch', batchId);
  return rows[0];
}

/**
 * Runs a batch: its actions in chunks through the engine (each chunk's writes and
 * notes coalesced into batch calls), progress saved after each chunk. Safe to run
 * again after a crash: actions already settled are skipped, the ledger makes the
 * writes of an interrupted chunk count once, and one runner per batch at a time.
 */
export async function runBatch(
  deps: EngineDeps,
  workspaceId: string,
  batchId: string,
  options: Pick<ExecuteOptions, 'gate' | 'onProgress'> = {},
): Promise<ActionBatch> {
  return withTryLock(
    deps.pool,
    LOCKS.actionBatch,
    batchId,
    () => runLocked(deps, workspaceId, batchId, options),
    // Another process runs it: its progress is the answer.
    () => getBatch(deps.pool, workspaceId, batchId),
  );
}

async function runLocked(
  deps: EngineDeps,
  workspaceId: string,
  batchId: string,
  options: Pick<ExecuteOptions, 'gate' | 'onProgress'>,
): Promise<ActionBatch> {
  const { rows } = await deps.pool.query<ActionBatch & { actionIds: string[] }>(
    `update action_batches set status = 'running', started_at = coalesce(started_at, now())
     where workspace_id = $1::uuid and id = $2::uuid
     returning ${BATCH_COLUMNS}, action_ids as "actionIds"`,
    [workspaceId, batchId],
  );
  const batch = rows[0];
  if (!batch) throw notFound('action batch', batchId);
  const settled = new Set(
    Object.entries(batch.results)
      .filter(([, result]) => result.outcome !== 'busy')
      .map(([id]) => id),
  );
  const todo = batch.actionIds.filter((id) => !settled.has(id));
  const total = batch.actionIds.length;
  options.onProgress?.(total - todo.length, total);
  for (let start = 0; start < todo.length; start += CHUNK) {
    const before = total - todo.length + start;
    const stats = { crmCalls: 0 };
    const chunk = todo.slice(start, start + CHUNK);
    const outcomes = await executeActions(deps, workspaceId, chunk, {
      actor: batch.actor,
      batchId,
      stats,
      gate: options.gate,
      onProgress: (done) => options.onProgress?.(before + done, total),
    });
    const results = Object.fromEntries(
      outcomes.map((outcome) => [
        outcome.actionId,
        {
          outcome: outcome.outcome,
          status: outcome.status,
          ...(outcome.errors[0] ? { error: outcome.errors[0].message } : {}),
        },
      ]),
    );
    await deps.pool.query(
      `update action_batches set results = results || $3::jsonb,
              done = (select count(*) from jsonb_object_keys(results || $3::jsonb)),
              crm_calls = crm_calls + $4::integer
       where workspace_id = $1::uuid and id = $2::uuid`,
      [workspaceId, batchId, JSON.stringify(results), stats.crmCalls],
    );
    options.onProgress?.(before + chunk.length, total);
  }
  const { rows: finished } = await deps.pool.query<ActionBatch>(
    `update action_batches
     set status = case
           when not exists (select 1 from jsonb_each(results) r
                            where r.value->>'outcome' <> 'executed') then 'succeeded'
           when exists (select 1 from jsonb_each(results) r
                        where r.value->>'outcome' = 'executed') then 'partial'
           else 'failed' end,
         finished_at = now()
     where workspace_id = $1::uuid and id = $2::uuid
     returning ${BATCH_COLUMNS}`,
    [workspaceId, batchId],
  );
  return finished[0]!;
}

/** Batches a stopped worker left running, for the worker that starts next to finish. */
export async function unfinishedBatches(
  pool: pg.Pool,
): Promise<{ workspaceId: string; batchId: string }[]> {
  const { rows } = await pool.query<{ workspaceId: string; batchId: string }>(
    `select workspace_id as "workspaceId", id as "batchId" from action_batches
     where status = 'running'`,
  );
  return rows;
}
