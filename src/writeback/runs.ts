import type pg from 'pg';
import { groupBy } from '../collections.js';
import { openConnector, type OpenedConnector } from '../crm/connect.js';
import type { Queryable } from '../db/pool.js';
import { withTransaction } from '../db/pool.js';
import { LOCKS, withTryLock } from '../db/locks.js';
import { notFound } from '../errors.js';
import { enqueue } from '../jobs/queue.js';
import {
  candidatesOf,
  emptyReport,
  knownUnchanged,
  writeMapping,
  type RunFailure,
  type RunReport,
  type WritebackDeps,
} from './engine.js';
import { mappingColumns, type Mapping, type MappingTrigger } from './mappings.js';

export type RunTrigger = 'after_compute' | 'manual' | 'schedule';

export interface WritebackRun {
  id: string;
  workspaceId: string;
  trigger: RunTrigger;
  actor: string | null;
  mappingIds: string[];
  /** A compute run whose changed records alone are written (`after_compute`). */
  computeRunId: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
  total: number;
  done: number;
  report: Partial<RunReport>;
  failures: RunFailure[];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const RUN_COLUMNS = `id, workspace_id as "workspaceId", trigger, actor, mapping_ids as "mappingIds",
  compute_run_id as "computeRunId", status, total, done, report, failures, error,
  created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"`;

/**
 * Records a run of the given mappings (default: every enabled one, or those with
 * this trigger) and queues its job, in one transaction. Returns null when no
 * mapping applies.
 */
export async function startRun(
  pool: pg.Pool,
  workspaceId: string,
  options: {
    trigger: RunTrigger;
    actor?: string | null;
    mappingIds?: string[];
    computeRunId?: string | null;
    objectType?: 'deal' | 'account';
  },
): Promise<WritebackRun | null> {
  return withTransaction(pool, async (client) => {
    const mappingTrigger: MappingTrigger | null =
      options.trigger === 'manual' ? null : options.trigger;
    const { rows: mappings } = await client.query<{ id: string }>(
      `select id from crm_property_mappings
       where workspace_id = $1::uuid and deleted_at is null and enabled
         and ($2::uuid[] is null or id = any($2::uuid[]))
         and ($3::text is null or trigger = $3::text)
         and ($4::text is null or object_type = $4::text)
       order by object_type, pandora_field`,
      [workspaceId, options.mappingIds ?? null, mappingTrigger, options.objectType ?? null],
    );
    if (mappings.length === 0) return null;
    const { rows } = await client.query<WritebackRun>(
      `insert into writeback_runs (workspace_id, trigger, actor, mapping_ids, compute_run_id)
       values ($1::uuid, $2::text, $3::text, $4::uuid[], $5::uuid)
       returning ${RUN_COLUMNS}`,
      [
        workspaceId,
        options.trigger,
        options.actor ?? null,
        mappings.map((m) => m.id),
        options.computeRunId ?? null,
      ],
    );
    const run = rows[0]!;
    await enqueue(
      client,
      'writeback.run',
      { workspaceId, runId: run.id },
      { jobKey: `writeback:${run.id}` },
    );
    return run;
  });
}

export async function getRun(
  db: Queryable,
  workspaceId: string,
  runId: string,
): Promise<WritebackRun> {
  const { rows } = await db.query<WritebackRun>(
    `select ${RUN_COLUMNS} from writeback_runs where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, runId],
  );
  if (!rows[0]) throw notFound('write-back run', runId);
  return rows[0];
}

export async function listRuns(
  db: Queryable,
  workspaceId: string,
  limit = 20,
): Promise<WritebackRun[]> {
  const { rows } = await db.query<WritebackRun>(
    `select ${RUN_COLUMNS} from writeback_runs where workspace_id = $1::uuid
     order by created_at desc, id desc limit $2::integer`,
    [workspaceId, limit],
  );
  return rows;
}

/**
 * Runs a queued run: each mapping's candidates (only the records the compute run
 * changed, for `after_compute`), written per connection, progress saved as it goes,
 * and the report at the end. One runner per run (an advisory lock); a run is
 * idempotent, so running it again after a crash writes only what is still due.
 */
export async function runWriteback(
  deps: WritebackDeps,
  workspaceId: string,
  runId: string,
): Promise<WritebackRun> {
  return withTryLock(
    deps.pool,
    LOCKS.writebackRun,
    runId,
    () => runLocked(deps, workspaceId, runId),
    () => getRun(deps.pool, workspaceId, runId),
  );
}

async function runLocked(
  deps: WritebackDeps,
  workspaceId: string,
  runId: string,
): Promise<WritebackRun> {
  const { pool } = deps;
  const run = await getRun(pool, workspaceId, runId);
  const { rows: mappings } = await pool.query<Mapping>(
    `select ${mappingColumns()} from crm_property_mappings
     where workspace_id = $1::uuid and id = any($2::uuid[]) and deleted_at is null and enabled
     order by object_type, pandora_field`,
    [workspaceId, run.mappingIds],
  );
  // Records whose last write covers their value are counted, not loaded; the two
  // scans run side by side.
  const planned = [];
  for (const mapping of mappings) {
    const only = { computeRunId: run.computeRunId };
    const [unchanged, candidates] = await Promise.all([
      knownUnchanged(pool, mapping, only),
      candidatesOf(pool, mapping, { ...only, dueOnly: true }),
    ]);
    planned.push({ mapping, unchanged, candidates });
  }
  const total = planned.reduce((sum, p) => sum + p.unchanged + p.candidates.length, 0);
  await pool.query(
    `update writeback_runs set status = 'running', started_at = coalesce(started_at, now()),
            total = $2::integer, done = 0
     where id = $1::uuid`,
    [runId, total],
  );

  const report = emptyReport();
  const failures: RunFailure[] = [];
  let done = 0;
  for (const { unchanged } of planned) {
    report.considered += unchanged;
    report.unchanged += unchanged;
    done += unchanged;
  }
  let error: string | null = null;
  for (const [connectionId, group] of groupBy(planned, (p) => p.mapping.connectionId)) {
    let opened: OpenedConnector;
    try {
      opened = await openConnector(deps, workspaceId, connectionId);
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
      for (const { mapping, candidates } of group) {
        report.considered += candidates.length;
        report.failed += candidates.length;
        failures.push({ mappingId: mapping.id, entityId: '', recordId: '', reason: error });
      }
      continue;
    }
    for (const { mapping, candidates } of group) {
      const before = done;
      const outcome = await writeMapping(
        deps,
        opened,
        mapping,
        candidates,
        { runId, actor: run.actor ?? `write-back ${run.trigger}` },
        (progress) => void saveProgress(pool, runId, before + progress),
      );
      done += candidates.length;
      for (const key of Object.keys(report) as (keyof RunReport)[])
        report[key] += outcome.report[key];
      failures.push(...outcome.failures.slice(0, Math.max(0, 200 - failures.length)));
    }
  }
  const status =
    report.failed === 0 && !error
      ? 'succeeded'
      : report.written > 0 || report.unchanged > 0
        ? 'partial'
        : 'failed';
  const { rows } = await pool.query<WritebackRun>(
    `update writeback_runs set status = $2::text, done = total, report = $3::jsonb,
            failures = $4::jsonb, error = $5::text, finished_at = now()
     where id = $1::uuid returning ${RUN_COLUMNS}`,
    [
      runId,
      total === 0 && !error ? 'succeeded' : status,
      JSON.stringify(report),
      JSON.stringify(failures),
      error,
    ],
  );
  return rows[0]!;
}

async function saveProgress(pool: pg.Pool, runId: string, done: number): Promise<void> {
  await pool.query(
    `update writeback_runs set done = greatest(done, $2::integer) where id = $1::uuid`,
    [runId, done],
  );
}

/** Runs a stopped worker left queued or running, for the next worker to finish. */
export async function unfinishedRuns(
  pool: pg.Pool,
): Promise<{ workspaceId: string; runId: string }[]> {
  const { rows } = await pool.query<{ workspaceId: string; runId: string }>(
    `select workspace_id as "workspaceId", id as "runId" from writeback_runs where status = 'running'`,
  );
  return rows;
}
