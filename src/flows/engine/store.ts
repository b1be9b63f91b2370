/**
 * The runner's SQL: the run's lock, what a run resumes from, and the writes that
 * record its progress. Every write of progress is one statement (so it lands whole or
 * not at all) and is conditional on the run still being open and not cancelled.
 */
import type pg from 'pg';
import type { Queryable } from '../../db/pool.js';
import type {
  FlowDefinition,
  RunStatus,
  StepErrorInfo,
  StepRunStatus,
  VariableType,
} from '../types.js';

/** The advisory lock namespace of flow runs ('Flow'); the second key is hashtext(run id). */
export const RUN_LOCK_CLASS = 0x466c6f77;

/**
 * SQL: whether some session of this database holds the lock of run `$RUN` (an SQL
 * expression). pg_locks shows the two int4 keys as oids, hashtext()'s sign folded away.
 */
export const RUN_LOCK_HELD = `select 1 from pg_locks l
  where l.locktype = 'advisory' and l.objsubid = 2 and l.classid = ${RUN_LOCK_CLASS}::oid
    and l.objid = (hashtext($RUN::text)::bigint & 4294967295)::oid and l.granted
    and l.database = (select oid from pg_database where datname = current_database())`;

export async function unlockRun(client: pg.PoolClient, runId: string): Promise<void> {
  await client.query({
    name: 'flows.unlock-run',
    text: `select pg_advisory_unlock($1::int, hashtext($2::text))`,
    values: [RUN_LOCK_CLASS, runId],
  });
}

export interface StoredStepRun {
  stepKey: string;
  stepType: string;
  status: StepRunStatus;
  input: unknown;
  output: unknown;
  error: StepErrorInfo | null;
  attempts: number;
  state: unknown;
  idempotencyKey: string;
  startedAt: string;
}

export interface LoadedRun {
  id: string;
  workspaceId: string;
  flowId: string;
  version: number;
  status: RunStatus;
  input: Record<string, unknown>;
  scopeUserId: string | null;
  idempotencyRoot: string;
  cancelRequested: boolean;
  /** The flow was archived: its runs do not go on (see migration 036). */
  flowArchived: boolean;
  definition: FlowDefinition;
  steps: StoredStepRun[];
  vars: Record<string, unknown>;
}

/**
 * Takes the run's session lock on `client` and reads the run, its frozen definition, its
 * step runs and variables, in one round trip; `locked: false` when another runner holds
 * it, `run: null` when there is no such run. The read comes after the lock is granted
 * (flow_run_lock_and_load, migration 035), so it sees everything the last holder wrote.
 * One runner per run at a time, across processes; the lock goes with the connection, so
 * a killed worker's runs are free at once and the sweep can tell an orphaned `running`
 * run from a live one.
 */
export async function lockAndLoadRun(
  client: pg.PoolClient,
  workspaceId: string,
  runId: string,
): Promise<{ locked: false } | { locked: true; run: LoadedRun | null }> {
  const { rows } = await client.query<{ locked: boolean; run: LoadedRun | null }>({
    name: 'flows.lock-and-load-run',
    text: `select locked, run from flow_run_lock_and_load($1::uuid, $2::uuid, $3::int)`,
    values: [workspaceId, runId, RUN_LOCK_CLASS],
  });
  const row = rows[0]!;
  return row.locked ? { locked: true, run: row.run } : { locked: false };
}

/** A step run as the runner writes it (insert or update by (run, step key)). */
export interface StepRunWrite {
  stepKey: string;
  stepType: string;
  status: StepRunStatus;
  input: unknown;
  output?: unknown;
  error?: StepErrorInfo | null;
  attempts: number;
  state?: unknown;
  idempotencyKey: string;
  startedAt: string;
  finishedAt?: string | null;
  durationMs?: number | null;
}

export interface VariableWrite {
  name: string;
  type: VariableType;
  value: unknown;
  stepKey: string;
}

export interface RunWrite {
  status: RunStatus;
  currentStep: string | null;
  error?: (StepErrorInfo & { stepKey: string }) | null;
  wakeAt?: string | null;
  finished?: boolean;
  /** When this worker took the run up: its start, unless an earlier worker's is kept. */
  startedAt?: string;
}

/**
 * Records progress in one statement: the run's status, step runs, variables. Nothing is
 * written when the run is no longer open; when a cancel was asked for, the steps are
 * stored but the run is left for the caller to end as cancelled: false then.
 */
export async function writeProgress(
  db: Queryable,
  runId: string,
  run: RunWrite,
  steps: readonly StepRunWrite[],
  variables: readonly VariableWrite[],
): Promise<boolean> {
  const { rows } = await db.query<{ updated: number }>({
    name: 'flows.write-progress',
    text: `with run as (
       update flow_runs
       set status = $2::text, current_step = $3::text, error = $4::jsonb,
           wake_at = $5::timestamptz,
           started_at = coalesce(started_at, $9::timestamptz, clock_timestamp()),
           -- The clock, not the transaction's start: a run's steps may share one transaction.
           finished_at = case when $6::boolean then clock_timestamp() end, updated_at = now()
       where id = $1::uuid and status in ('pending', 'running', 'waiting')
         and cancel_requested_at is null
       returning id, workspace_id
     ), open as (
       -- Step results are kept even when a cancel was asked for meanwhile: a write that
       -- happened is on record, whatever becomes of the run.
       select id, workspace_id from flow_runs
       where id = $1::uuid and status in ('pending', 'running', 'waiting')
     ), steps as (
       insert into flow_step_runs (run_id, step_key, workspace_id, step_type, status, input,
                                   output, error, attempts, state, idempotency_key,
                                   started_at, finished_at, duration_ms)
       select open.id, s."stepKey", open.workspace_id, s."stepType", s.status, s.input, s.output,
              s.error, s.attempts, s.state, s."idempotencyKey", s."startedAt", s."finishedAt",
              s."durationMs"
       from open, jsonb_to_recordset($7::jsonb) as s(
         "stepKey" text, "stepType" text, status text, input jsonb, output jsonb, error jsonb,
         attempts int, state jsonb, "idempotencyKey" text, "startedAt" timestamptz,
         "finishedAt" timestamptz, "durationMs" int)
       on conflict (run_id, step_key) do update
       set step_type = excluded.step_type, status = excluded.status, input = excluded.input,
           output = excluded.output, error = excluded.error, attempts = excluded.attempts,
           state = excluded.state, finished_at = excluded.finished_at,
           duration_ms = excluded.duration_ms
       returning 1
     ), vars as (
       insert into flow_variables (run_id, workspace_id, name, type, value, step_key)
       select open.id, open.workspace_id, v.name, v.type, v.value, v."stepKey"
       from open, jsonb_to_recordset($8::jsonb) as v(name text, type text, value jsonb, "stepKey" text)
       on conflict (run_id, name) do update
       set type = excluded.type, value = excluded.value, step_key = excluded.step_key,
           updated_at = now()
       returning 1
     )
     select (select count(*) from run)::int as updated`,
    values: [
      runId,
      run.status,
      run.currentStep,
      run.error ? JSON.stringify(run.error) : null,
      run.wakeAt ?? null,
      run.finished ?? false,
      JSON.stringify(steps),
      JSON.stringify(variables),
      run.startedAt ?? null,
    ],
  });
  return rows[0]!.updated === 1;
}

/** Asks an open run of an archived flow to stop, as the archive would have. */
export async function requestArchivedStop(
  db: Queryable,
  workspaceId: string,
  runId: string,
): Promise<void> {
  await db.query(
    `update flow_runs set cancel_requested_at = coalesce(cancel_requested_at, now()),
       updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid
       and status in ('pending', 'running', 'waiting')`,
    [workspaceId, runId],
  );
}

/**
 * Ends a run a cancel was asked for: the run `cancelled`, its unfinished step runs
 * too, and the approvals it waits on expired (so nobody decides a dead run's item).
 */
export async function finishCancelled(
  db: Queryable,
  workspaceId: string,
  runId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `with run as (
       update flow_runs
       set status = 'cancelled', finished_at = now(), wake_at = null, updated_at = now()
       where workspace_id = $1::uuid and id = $2::uuid
         and status in ('pending', 'running', 'waiting') and cancel_requested_at is not null
       returning id
     ), steps as (
       update flow_step_runs s
       set status = 'cancelled', finished_at = now(),
           duration_ms = (extract(epoch from now() - s.started_at) * 1000)::int
       from run where s.run_id = run.id and s.status in ('running', 'waiting')
       returning 1
     )
     select id::text from run`,
    [workspaceId, runId],
  );
  return rows.length === 1;
}
