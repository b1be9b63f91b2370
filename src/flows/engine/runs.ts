/**
 * Flow runs as the rest of Pandora sees them: start one (the API, triggers,
 * automations), cancel, rerun from the failed step, read one with its steps, list.
 * The runner (runner.ts) does the work, in the `flows.run` job queued here.
 */
import type { Queryable } from '../../db/pool.js';
import { pgErrorCode, PgCode } from '../../db/pool.js';
import { HttpError, conflict, notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../notifications/in-app.js';
import type { RunStatus, StepErrorInfo, StepRunStatus } from '../types.js';
import { expireRunApprovals } from './approvals.js';
import { RUN_LOCK_HELD } from './store.js';

export interface StartFlowRunInput {
  workspaceId: string;
  flowId: string;
  /** Default: the latest published version. */
  version?: number;
  trigger: Record<string, unknown> & { type: string };
  input?: Record<string, unknown>;
  startedBy?: string | null;
  scopeUserId?: string | null;
}

/**
 * Inserts the run and queues its job in one statement; pass a transaction's client to
 * make both part of it. 404 unknown flow or version, 409 flow_archived / flow_not_published.
 */
export async function startFlowRun(
  db: Queryable,
  input: StartFlowRunInput,
): Promise<{ runId: string }> {
  let rows: { id: string }[];
  try {
    ({ rows } = await db.query<{ id: string }>({
      name: 'flows.start-run',
      text: `with run as (
         insert into flow_runs (workspace_id, flow_id, version, trigger, input, scope_user_id,
                                started_by)
         select f.workspace_id, f.id, coalesce($3::int, f.latest_version), $4::jsonb, $5::jsonb,
                $6::uuid, $7::uuid
         from flows f
         where f.workspace_id = $1::uuid and f.id = $2::uuid and f.status = 'active'
           and coalesce($3::int, f.latest_version) is not null
         returning id, workspace_id
       )
       select run.id::text,
              graphile_worker.add_job('flows.run',
                json_build_object('workspaceId', run.workspace_id, 'runId', run.id))
       from run`,
      values: [
        input.workspaceId,
        input.flowId,
        input.version ?? null,
        JSON.stringify(input.trigger),
        JSON.stringify(input.input ?? {}),
        input.scopeUserId ?? null,
        input.startedBy ?? null,
      ],
    }));
  } catch (error) {
    if (pgErrorCode(error) === PgCode.foreignKeyViolation) {
      throw notFound(`version ${input.version} of flow`, input.flowId);
    }
    throw error;
  }
  if (rows[0]) return { runId: rows[0].id };
  const flow = await db.query<{ status: string; latestVersion: number | null }>(
    `select status, latest_version as "latestVersion" from flows
     where workspace_id = $1::uuid and id = $2::uuid`,
    [input.workspaceId, input.flowId],
  );
  const found = flow.rows[0];
  if (!found) throw notFound('flow', input.flowId);
  if (found.status === 'archived') {
    throw conflict('flow_archived', 'This flow is archived; it runs no more');
  }
  throw conflict('flow_not_published', 'This flow has no published version yet; publish it first');
}

/**
 * Asks the chosen open runs to stop, in one statement: a run nobody is working on
 * (pending, waiting) is cancelled now, its unfinished steps with it; a held one (a
 * runner has it) is marked, and stops at its runner's next step. `where` picks runs
 * of `r` by `$2`. The approvals of the runs cancelled here are expired.
 */
const requestCancel = (where: string) => `
  with target as (
    select r.id, r.status in ('pending', 'waiting')
             and not exists (${RUN_LOCK_HELD.replace('$RUN', 'r.id')}) as stop
    from flow_runs r
    where r.workspace_id = $1::uuid and ${where}
      and r.status in ('pending', 'running', 'waiting')
    for update
  ), asked as (
    update flow_runs r
    set cancel_requested_at = coalesce(r.cancel_requested_at, now()),
        cancelled_by = coalesce(r.cancelled_by, $3::uuid), updated_at = now(),
        status = case when target.stop then 'cancelled' else r.status end,
        finished_at = case when target.stop then now() else r.finished_at end,
        wake_at = case when target.stop then null else r.wake_at end
    from target where r.id = target.id
    returning r.id, r.status
  ), steps as (
    update flow_step_runs s
    set status = 'cancelled', finished_at = now(),
        duration_ms = (extract(epoch from now() - s.started_at) * 1000)::int
    from asked
    where s.run_id = asked.id and asked.status = 'cancelled'
      and s.status in ('running', 'waiting')
    returning 1
  )
  select id::text, status from asked`;

const CANCEL_RUN = requestCancel('r.id = $2::uuid');
const CANCEL_FLOW_RUNS = requestCancel('r.flow_id = $2::uuid');

async function expireCancelled(
  db: Queryable,
  workspaceId: string,
  runs: { id: string; status: RunStatus }[],
): Promise<void> {
  for (const run of runs) {
    if (run.status === 'cancelled') await expireRunApprovals(db, workspaceId, run.id);
  }
}

/**
 * Asks a run to stop. A run nobody is working on (pending, waiting) is cancelled now;
 * a running one stops before its next step (a step under way is not interrupted).
 * 409 run_finished when it had already ended.
 */
export async function cancelFlowRun(
  db: Queryable,
  workspaceId: string,
  runId: string,
  actorUserId: string | null,
): Promise<void> {
  const { rows } = await db.query<{ id: string; status: RunStatus }>(CANCEL_RUN, [
    workspaceId,
    runId,
    actorUserId,
  ]);
  if (rows[0]) {
    await expireCancelled(db, workspaceId, rows);
    return;
  }
  const run = await db.query<{ status: RunStatus }>(
    `select status from flow_runs where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, runId],
  );
  if (!run.rows[0]) throw notFound('flow run', runId);
  throw conflict('run_finished', `This run has already ended (${run.rows[0].status})`, {
    status: run.rows[0].status,
  });
}

/** What stopping a flow's open runs did: ended now, or asked to stop at their next step. */
export interface StoppedRuns {
  cancelled: number;
  stopping: number;
}

/**
 * Stops every open run of a flow as cancelFlowRun stops one (archiving the flow).
 * Pass the transaction that archives it, so a run is not left open on an archived flow.
 */
export async function cancelOpenFlowRuns(
  db: Queryable,
  workspaceId: string,
  flowId: string,
  actorUserId: string | null,
): Promise<StoppedRuns> {
  const { rows } = await db.query<{ id: string; status: RunStatus }>(CANCEL_FLOW_RUNS, [
    workspaceId,
    flowId,
    actorUserId,
  ]);
  await expireCancelled(db, workspaceId, rows);
  const cancelled = rows.filter((r) => r.status === 'cancelled').length;
  return { cancelled, stopping: rows.length - cancelled };
}

export interface FlowStepRunView {
  key: string;
  type: string;
  status: StepRunStatus;
  input: unknown;
  output: unknown;
  error: StepErrorInfo | null;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface FlowRunView {
  id: string;
  workspaceId: string;
  flowId: string;
  version: number;
  status: RunStatus;
  trigger: Record<string, unknown>;
  input: Record<string, unknown>;
  scopeUserId: string | null;
  startedBy: string | null;
  rerunOf: string | null;
  rerunFromStep: string | null;
  currentStep: string | null;
  error: (StepErrorInfo & { stepKey?: string }) | null;
  wakeAt: string | null;
  cancelRequestedAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** From start to end (or to now, while it is open). */
  durationMs: number | null;
  /** In the order of the version's steps. */
  steps: FlowStepRunView[];
}

const RUN_COLUMNS = `
  r.id, r.workspace_id as "workspaceId", r.flow_id as "flowId", r.version, r.status,
  r.trigger, r.input, r.scope_user_id as "scopeUserId", r.started_by as "startedBy",
  r.rerun_of as "rerunOf", r.rerun_from_step as "rerunFromStep",
  r.current_step as "currentStep", r.error, r.wake_at as "wakeAt",
  r.cancel_requested_at as "cancelRequestedAt", r.created_at as "createdAt",
  r.started_at as "startedAt", r.finished_at as "finishedAt",
  (extract(epoch from coalesce(r.finished_at, now()) - r.started_at) * 1000)::int
    as "durationMs"`;

export async function getFlowRun(
  db: Queryable,
  workspaceId: string,
  runId: string,
): Promise<FlowRunView | null> {
  const { rows } = await db.query<FlowRunView>(
    `select ${RUN_COLUMNS},
            coalesce((
              select json_agg(json_build_object(
                       'key', s.step_key, 'type', s.step_type, 'status', s.status,
                       'input', s.input, 'output', s.output, 'error', s.error,
                       'attempts', s.attempts, 'startedAt', s.started_at,
                       'finishedAt', s.finished_at, 'durationMs', s.duration_ms)
                     order by coalesce(d.position, 1e9), s.started_at)
              from flow_step_runs s
              left join lateral (
                select e.position from jsonb_array_elements(v.definition -> 'steps')
                  with ordinality as e(step, position)
                where e.step ->> 'key' = s.step_key) d on true
              where s.run_id = r.id), '[]'::json) as steps
     from flow_runs r
     join flow_versions v on v.flow_id = r.flow_id and v.version = r.version
     where r.workspace_id = $1::uuid and r.id = $2::uuid`,
    [workspaceId, runId],
  );
  return rows[0] ?? null;
}

export type FlowRunSummary = Omit<FlowRunView, 'steps'>;

/** Newest first, keyset-paged by (created_at, id). */
export async function listFlowRuns(
  db: Queryable,
  workspaceId: string,
  options: { flowId?: string; status?: RunStatus; limit: number; cursor?: string | null },
): Promise<{ runs: FlowRunSummary[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const { rows } = await db.query<FlowRunSummary>(
    `select ${RUN_COLUMNS} from flow_runs r
     where r.workspace_id = $1::uuid
       and ($2::uuid is null or r.flow_id = $2::uuid)
       and ($3::text is null or r.status = $3::text)
       and ($4::timestamptz is null or (r.created_at, r.id) < ($4::timestamptz, $5::uuid))
     order by r.created_at desc, r.id desc
     limit $6::int`,
    [
      workspaceId,
      options.flowId ?? null,
      options.status ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      options.limit + 1,
    ],
  );
  const more = rows.length > options.limit;
  const runs = more ? rows.slice(0, options.limit) : rows;
  const last = runs.at(-1);
  return { runs, nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null };
}

/**
 * A new run of the same flow and input (`rerun_of` = runId) that re-uses the finished
 * results of the steps before the one that stopped it: on the same version, or on the
 * latest (re-using each earlier step whose key and type it still has, in order).
 * Steps keep their idempotency keys, so a write the first run half-did is not repeated.
 * A run cancelled by a rejected approval asks for the approval again.
 * 409 run_not_rerunnable unless the run failed, timed out or was cancelled.
 */
export async function rerunFlowRun(
  db: Queryable,
  workspaceId: string,
  runId: string,
  options: { on: 'same' | 'latest'; startedBy: string | null },
): Promise<{ runId: string }> {
  const { rows } = await db.query<{
    status: RunStatus;
    version: number;
    flowId: string;
    flowStatus: string;
    latestVersion: number | null;
    currentStep: string | null;
  }>(
    `select r.status, r.version, r.flow_id as "flowId", f.status as "flowStatus",
            f.latest_version as "latestVersion", r.current_step as "currentStep"
     from flow_runs r join flows f on f.id = r.flow_id
     where r.workspace_id = $1::uuid and r.id = $2::uuid`,
    [workspaceId, runId],
  );
  const old = rows[0];
  if (!old) throw notFound('flow run', runId);
  if (!['failed', 'timeout', 'cancelled'].includes(old.status)) {
    throw conflict(
      'run_not_rerunnable',
      `Only a failed, timed out or cancelled run can be rerun; this one is ${old.status}`,
      { status: old.status },
    );
  }
  if (old.flowStatus === 'archived') {
    throw conflict('flow_archived', 'This flow is archived; it runs no more');
  }
  const version = options.on === 'latest' ? (old.latestVersion ?? old.version) : old.version;
  const created = await db.query<{ id: string; fromStep: string | null }>(
    `with old as (
       select * from flow_runs where workspace_id = $1::uuid and id = $2::uuid
     ), target as (
       select e.step ->> 'key' as key, e.step ->> 'type' as type, e.position
       from flow_versions v, jsonb_array_elements(v.definition -> 'steps')
         with ordinality as e(step, position)
       where v.flow_id = (select flow_id from old) and v.version = $3::int
     ), matched as (
       -- Target steps in order whose result the old run has, up to the first it lacks.
       select t.key, t.position, s.status
       from target t
       left join flow_step_runs s on s.run_id = $2::uuid and s.step_key = t.key
         and s.step_type = t.type and s.status in ('completed', 'skipped')
         -- The rejection that cancelled the run is asked again, not re-used.
         and not exists (select 1 from old where old.status = 'cancelled'
                           and old.current_step = s.step_key
                           and s.step_type = 'wait_for_approval'
                           and s.output ->> 'decision' = 'rejected')
     ), reuse as (
       select m.key from matched m
       where m.position < coalesce((select min(position) from matched where status is null),
                                   1e9)
     ), run as (
       insert into flow_runs (workspace_id, flow_id, version, trigger, input, scope_user_id,
                              started_by, rerun_of, rerun_from_step, idempotency_root)
       select old.workspace_id, old.flow_id, $3::int,
              jsonb_build_object('type', 'rerun', 'runId', old.id, 'on', $4::text),
              old.input, old.scope_user_id, $5::uuid, old.id,
              (select m.key from matched m where m.status is null order by m.position limit 1),
              coalesce(old.idempotency_root, old.id)
       from old
       returning id, workspace_id, rerun_from_step
     ), steps as (
       insert into flow_step_runs (run_id, step_key, workspace_id, step_type, status, input,
                                   output, error, attempts, state, idempotency_key, started_at,
                                   finished_at, duration_ms)
       select run.id, s.step_key, s.workspace_id, s.step_type, s.status, s.input, s.output,
              s.error, s.attempts, s.state, s.idempotency_key, s.started_at, s.finished_at,
              s.duration_ms
       from run, flow_step_runs s
       where s.run_id = $2::uuid and s.step_key in (select key from reuse)
       returning 1
     ), vars as (
       insert into flow_variables (run_id, workspace_id, name, type, value, step_key)
       select run.id, fv.workspace_id, fv.name, fv.type, fv.value, fv.step_key
       from run, flow_variables fv
       where fv.run_id = $2::uuid and fv.step_key in (select key from reuse)
       returning 1
     )
     select run.id::text, run.rerun_from_step as "fromStep",
            graphile_worker.add_job('flows.run',
              json_build_object('workspaceId', run.workspace_id, 'runId', run.id))
     from run`,
    [workspaceId, runId, version, options.on, options.startedBy],
  );
  if (!created.rows[0]) throw new HttpError(500, 'rerun_failed', 'The rerun could not be created');
  return { runId: created.rows[0].id };
}
