import type pg from 'pg';
import type { Logger } from 'pino';
import { openConnector, type OpenedConnector } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import { writeFields } from '../crm/ledger/write.js';
import type { FieldChange, WriteLogEntry } from '../crm/ledger/types.js';
import type { CrmValue, NoteInput } from '../crm/port.js';
import { canonicalValue } from '../crm/values.js';
import { groupBy } from '../collections.js';
import { LOCKS, tryLock, unlock } from '../db/locks.js';
import { HttpError } from '../errors.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { auditNote } from './notes.js';
import { noteTitle, settleInterrupted, type NoteKind } from './recover.js';
import {
  planAction,
  planContext,
  type FieldOperation,
  type Plan,
  type PlanContext,
} from './planner.js';
import { ACTION_COLUMNS, appendAudit, type Action, type ActionStatus } from './store.js';

export interface EngineDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
  log?: Logger;
}

/** The outcome of one operation of one execution. */
export interface OperationResult {
  kind: 'field_update' | 'note' | 'notification';
  field?: string;
  crmField?: string;
  before?: CrmValue;
  after?: CrmValue;
  status: 'written' | 'unchanged' | 'failed' | 'pending' | 'created' | 'sent' | 'skipped';
  error?: { kind: string | null; message: string; field?: string | null; retryable: boolean };
}

export type ExecutionOutcome =
  | 'executed'
  | 'partial'
  | 'failed'
  | 'invalid'
  | 'busy'
  | 'needs_approval'
  | 'blocked'
  | 'not_executable'
  | 'not_found';

export interface ActionExecution {
  actionId: string;
  outcome: ExecutionOutcome;
  /** The action's status afterwards. */
  status: ActionStatus | null;
  executionId: string | null;
  operations: OperationResult[];
  errors: { field?: string; code: string; message: string }[];
  /** True when running it again may help (a transient CRM failure). */
  retryable: boolean;
  /** Answered from an earlier request with the same idempotency key. */
  replayed?: boolean;
}

export interface ExecuteOptions {
  actor: string;
  /** Honoured per action: a repeated key returns the first execution's result. */
  idempotencyKey?: string;
  batchId?: string;
  /** Decides whether an action may run now; the policy engine plugs in here. */
  gate?: (action: Action) => Promise<'allow' | 'block' | 'needs_approval'>;
  onProgress?: (done: number, total: number) => void;
  /** CRM calls made are added here (reads and writes), for batch progress and benchmarks. */
  stats?: { crmCalls: number };
}

const EXECUTABLE: readonly ActionStatus[] = ['open', 'failed', 'in_progress'];

/**
 * Executes actions: plans and validates each (no CRM write for an invalid one),
 * writes every field of every action through the write ledger in the CRM's batch
 * calls, leaves one audit note per executed action (batched too), sends the
 * in-app notifications, and settles each action: `executed`, back to `open` with
 * per-operation results when something failed that a retry may fix, or `failed`.
 * One execution per action at a time (an advisory lock); an action left
 * `in_progress` by a process that died is taken up again, and the ledger's
 * idempotency keys make the writes it had made count once.
 */
export async function executeActions(
  deps: EngineDeps,
  workspaceId: string,
  actionIds: string[],
  options: ExecuteOptions,
): Promise<ActionExecution[]> {
  const results = new Map<string, ActionExecution>();
  const client = await deps.pool.connect();
  const locked: string[] = [];
  try {
    for (const id of [...new Set(actionIds)]) {
      if (await tryLock(client, LOCKS.action, id)) locked.push(id);
      else
        results.set(
          id,
          outcomeOnly(id, 'busy', null, 'Another execution of this action is running'),
        );
    }
    const actions = await loadActions(deps.pool, workspaceId, locked);
    for (const id of locked) {
      if (!actions.has(id))
        results.set(id, outcomeOnly(id, 'not_found', null, `No action with id ${id}`));
    }

    const runnable: Action[] = [];
    for (const action of actions.values()) {
      const replay = options.idempotencyKey
        ? await earlierExecution(deps.pool, action, 'execute', options.idempotencyKey)
        : null;
      if (replay) {
        results.set(action.id, replay);
        continue;
      }
      if (action.status === 'awaiting_approval') {
        results.set(
          action.id,
          outcomeOnly(
            action.id,
            'needs_approval',
            action.status,
            'This action needs approval before it runs',
          ),
        );
        continue;
      }
      if (!EXECUTABLE.includes(action.status)) {
        results.set(
          action.id,
          outcomeOnly(action.id, 'not_executable', action.status, `The action is ${action.status}`),
        );
        continue;
      }
      const decision = (await options.gate?.(action)) ?? 'allow';
      if (decision !== 'allow') {
        if (decision === 'needs_approval') {
          await moveTo(deps.pool, action, 'awaiting_approval', options.actor, 'approval_required');
        }
        results.set(
          action.id,
          outcomeOnly(
            action.id,
            decision === 'block' ? 'blocked' : 'needs_approval',
            decision === 'block' ? action.status : 'awaiting_approval',
            decision === 'block'
              ? 'A workspace policy blocks this action'
              : 'A workspace policy requires approval first',
          ),
        );
        continue;
      }
      runnable.push(action);
    }

    const byConnection = groupBy(runnable, (action) => action.connectionId ?? '');
    let done = 0;
    for (const [connectionId, group] of byConnection) {
      const executed = await executeOnConnection(deps, workspaceId, connectionId, group, options);
      for (const result of executed) results.set(result.actionId, result);
      done += group.length;
      options.onProgress?.(done, runnable.length);
    }
  } finally {
    for (const id of locked) await unlock(client, LOCKS.action, id);
    client.release();
  }
  return actionIds.map((id) => results.get(id)!);
}

async function executeOnConnection(
  deps: EngineDeps,
  workspaceId: string,
  connectionId: string,
  actions: Action[],
  options: ExecuteOptions,
): Promise<ActionExecution[]> {
  const { pool } = deps;
  // Left in progress by a process that stopped: what it wrote is settled before the rerun.
  const interrupted = actions.filter((action) => action.status === 'in_progress');
  // Each action: in progress, with an execution row.
  const executions = new Map<string, string>();
  for (const action of actions) {
    if (action.status !== 'in_progress') {
      await moveTo(pool, action, 'in_progress', options.actor, 'execution_started');
    }
    executions.set(action.id, await startExecution(pool, action, 'execute', options));
  }

  const finishAll = (code: string, error: unknown, outcome: 'failed' | 'partial') =>
    Promise.all(
      actions.map((action) =>
        finish(pool, action, executions.get(action.id)!, options.actor, {
          outcome,
          operations: [],
          errors: [{ code, message: errorMessage(error) }],
          retryable: outcome === 'partial' && error instanceof CrmError && error.retryable,
        }),
      ),
    );

  let opened: OpenedConnector;
  try {
    if (!connectionId)
      throw new HttpError(409, 'no_connection', 'The action names no CRM connection');
    opened = await openConnector(deps, workspaceId, connectionId);
  } catch (error) {
    return finishAll('connection_unavailable', error, 'failed');
  }
  let ctx: PlanContext;
  let pipelines: Map<string, string | null>;
  try {
    await settleInterrupted(pool, opened, interrupted);
    ctx = planContext(opened.connector, await stageMappingOf(pool, workspaceId, connectionId));
    pipelines = await dealPipelines(ctx, actions);
  } catch (error) {
    return finishAll('crm_unavailable', error, 'partial');
  }

  // Plan and validate every action before any write.
  const plans = new Map<string, Plan>();
  const results: ActionExecution[] = [];
  const valid: Action[] = [];
  for (const action of actions) {
    let plan: Plan;
    try {
      plan = await planAction(ctx, action, pipelines.get(action.targetSourceId));
    } catch (error) {
      results.push(
        await finish(pool, action, executions.get(action.id)!, options.actor, {
          outcome: 'partial',
          operations: [],
          errors: [{ code: 'crm_unavailable', message: errorMessage(error) }],
          retryable: error instanceof CrmError ? error.retryable : false,
        }),
      );
      continue;
    }
    if (plan.errors.length > 0) {
      results.push(
        await finish(pool, action, executions.get(action.id)!, options.actor, {
          outcome: 'invalid',
          operations: [],
          errors: plan.errors,
          retryable: false,
        }),
      );
      continue;
    }
    plans.set(action.id, plan);
    valid.push(action);
  }

  // Every field of every valid action in one ledger submission: coalesced batch calls.
  const changes: FieldChange[] = [];
  for (const action of valid) {
    for (const op of plans.get(action.id)!.operations) {
      if (op.kind !== 'field_update') continue;
      changes.push({
        objectType: op.objectType,
        recordId: op.recordId,
        field: op.crmField,
        value: op.value,
        originId: action.id,
        idempotencyKey: fieldKey(action.id, op),
      });
    }
  }
  const entries = new Map<string, WriteLogEntry>();
  let writeError: unknown;
  if (changes.length > 0) {
    try {
      const report = await writeFields(
        { pool, ...opened },
        { type: 'action', actor: options.actor },
        dedupeCells(changes),
      );
      for (const entry of report.entries) entries.set(entry.idempotencyKey, entry);
    } catch (error) {
      writeError = error;
    }
  }

  // Per action: its field results, then its note and notifications if all fields landed.
  const noteFor: { action: Action; body: string }[] = [];
  const fieldResults = new Map<string, OperationResult[]>();
  for (const action of valid) {
    const ops = plans
      .get(action.id)!
      .operations.filter((op): op is FieldOperation => op.kind === 'field_update');
    const opResults = ops.map((op): OperationResult => {
      const entry = entries.get(fieldKey(action.id, op));
      if (!entry) {
        return {
          kind: 'field_update',
          field: op.field,
          crmField: op.crmField,
          after: op.value,
          status: 'pending',
          error: {
            kind: writeError instanceof CrmError ? writeError.kind : null,
            message: writeError ? errorMessage(writeError) : 'Not written',
            retryable: writeError instanceof CrmError ? writeError.retryable : true,
          },
        };
      }
      return {
        kind: 'field_update',
        field: op.field,
        crmField: op.crmField,
        before: entry.valueBefore,
        after: entry.valueToWrite,
        status: entry.status,
        ...(entry.error
          ? {
              error: {
                kind: entry.error.kind,
                message: entry.error.message,
                field: entry.error.field ?? null,
                retryable: entry.error.retryable,
              },
            }
          : {}),
      };
    });
    fieldResults.set(action.id, opResults);
    const allLanded = opResults.every((r) => r.status === 'written' || r.status === 'unchanged');
    if (allLanded && plans.get(action.id)!.operations.some((op) => op.kind === 'note')) {
      noteFor.push({ action, body: auditNote(action, opResults, options.actor, new Date()) });
    }
  }
  const notes = await writeNotes(pool, opened, noteFor, executions);
  if (options.stats) options.stats.crmCalls += opened.calls();

  for (const action of valid) {
    const opResults = [...fieldResults.get(action.id)!];
    const plan = plans.get(action.id)!;
    if (plan.operations.some((op) => op.kind === 'note')) {
      opResults.push(notes.get(action.id) ?? { kind: 'note', status: 'skipped' });
    }
    const fieldsOk = opResults.every((r) => r.status !== 'failed' && r.status !== 'pending');
    for (const op of plan.operations) {
      if (op.kind !== 'notification') continue;
      if (fieldsOk) {
        const sent = await notify(pool, action, op.audience);
        opResults.push({ kind: 'notification', status: sent > 0 ? 'sent' : 'skipped' });
      } else {
        opResults.push({ kind: 'notification', status: 'skipped' });
      }
    }
    const failed = opResults.filter((r) => r.status === 'failed' || r.status === 'pending');
    const retryable = failed.length > 0 && failed.every((r) => r.error?.retryable !== false);
    results.push(
      await finish(pool, action, executions.get(action.id)!, options.actor, {
        outcome: failed.length === 0 ? 'executed' : retryable ? 'partial' : 'failed',
        operations: opResults,
        errors: failed.map((r) => ({
          field: r.field,
          code: r.error?.kind ?? 'failed',
          message: r.error?.message ?? 'failed',
        })),
        retryable,
      }),
    );
  }
  return results;
}

/**
 * Creates the audit notes in one batched call per connection. Each is recorded
 * before the call (one per action and kind); one already created is not sent again.
 */
async function writeNotes(
  pool: pg.Pool,
  opened: OpenedConnector,
  notes: { action: Action; body: string }[],
  executions: Map<string, string>,
  kind: NoteKind = 'execute',
): Promise<Map<string, OperationResult>> {
  const results = new Map<string, OperationResult>();
  if (notes.length === 0) return results;
  const { rows } = await pool.query<{ actionId: string; status: string; crmNoteId: string | null }>(
    `insert into action_notes as n (workspace_id, action_id, execution_id, kind, body)
     select a.workspace_id, a.id, e.execution_id, $3::text, e.body
     from unnest($1::uuid[], $2::uuid[], $4::text[]) as e(action_id, execution_id, body)
     join actions a on a.id = e.action_id
     on conflict (action_id, kind) do update
       set execution_id = excluded.execution_id, body = excluded.body, status = 'pending',
           error = null
       where n.status = 'failed'
     returning action_id as "actionId", status, crm_note_id as "crmNoteId"`,
    [
      notes.map((note) => note.action.id),
      notes.map((note) => executions.get(note.action.id)!),
      kind,
      notes.map((note) => note.body),
    ],
  );
  const toSend = new Set(rows.map((row) => row.actionId));
  for (const note of notes) {
    if (!toSend.has(note.action.id))
      results.set(note.action.id, { kind: 'note', status: 'created' });
  }
  const sending = notes.filter((note) => toSend.has(note.action.id));
  if (sending.length === 0) return results;
  let answers: Awaited<ReturnType<typeof opened.connector.addNotes>>;
  try {
    answers = await opened.connector.addNotes(
      sending.map((note): NoteInput => ({
        body: note.body,
        title: noteTitle(note.action, kind),
        attachTo: [{ objectType: note.action.targetType, id: note.action.targetSourceId }],
      })),
    );
  } catch (error) {
    const crmError = error instanceof CrmError ? error : null;
    await pool.query(
      `update action_notes set status = 'failed', error = $3::jsonb, settled_at = now()
       where action_id = any($1::uuid[]) and kind = $2::text and status = 'pending'`,
      [
        sending.map((note) => note.action.id),
        kind,
        JSON.stringify({ message: errorMessage(error) }),
      ],
    );
    for (const note of sending) {
      results.set(note.action.id, {
        kind: 'note',
        status: 'failed',
        error: {
          kind: crmError?.kind ?? null,
          message: errorMessage(error),
          retryable: crmError?.retryable ?? true,
        },
      });
    }
    return results;
  }
  await pool.query(
    `update action_notes n
     set status = case when a.ok then 'created' else 'failed' end, crm_note_id = a.note_id,
         error = a.error, settled_at = now()
     from unnest($1::uuid[], $2::boolean[], $3::text[], $4::jsonb[]) as a(action_id, ok, note_id, error)
     where n.action_id = a.action_id and n.kind = $5::text`,
    [
      sending.map((note) => note.action.id),
      answers.map((answer) => answer.ok),
      answers.map((answer) => (answer.ok ? answer.value.id : null)),
      answers.map((answer) => (answer.ok ? null : JSON.stringify(answer.error.toJSON()))),
      kind,
    ],
  );
  sending.forEach((note, index) => {
    const answer = answers[index]!;
    results.set(
      note.action.id,
      answer.ok
        ? { kind: 'note', status: 'created' }
        : {
            kind: 'note',
            status: 'failed',
            error: {
              kind: answer.error.kind,
              message: answer.error.message,
              retryable: answer.error.retryable,
            },
          },
    );
  });
  return results;
}

/** In-app notifications for notify_* actions: the rep, or the workspace's admins. */
async function notify(pool: pg.Pool, action: Action, audience: 'rep' | 'manager'): Promise<number> {
  const title =
    audience === 'rep'
      ? action.title
      : `For your team: ${action.title}${action.ownerEmail ? ` (${action.ownerEmail})` : ''}`;
  const { rowCount } = await pool.query(
    `insert into notifications (workspace_id, recipient_email, kind, title, body, action_id)
     select $1::uuid, r.email, $3::text, $4::text, $5::text, $2::uuid
     from (select $6::text as email where $7::text = 'rep' and $6::text is not null
           union
           select u.email from memberships m join users u on u.id = m.user_id
           where $7::text = 'manager' and m.workspace_id = $1::uuid and m.role = 'admin') r
     on conflict (action_id, recipient_email, kind) do nothing`,
    [
      action.workspaceId,
      action.id,
      `notify_${audience}`,
      title,
      action.summary,
      action.ownerEmail,
      audience,
    ],
  );
  return rowCount ?? 0;
}

async function finish(
  pool: pg.Pool,
  action: Action,
  executionId: string,
  actor: string,
  result: Omit<ActionExecution, 'actionId' | 'status' | 'executionId'>,
): Promise<ActionExecution> {
  const status: ActionStatus =
    result.outcome === 'executed' ? 'executed' : result.outcome === 'partial' ? 'open' : 'failed';
  const executionStatus =
    result.outcome === 'executed'
      ? 'succeeded'
      : result.outcome === 'partial'
        ? 'partial'
        : 'failed';
  const executionResult = {
    executionId,
    outcome: result.outcome,
    operations: result.operations,
    errors: result.errors,
    retryable: result.retryable,
  };
  await pool.query(
    `update action_executions set status = $2::text, operations = $3::jsonb, finished_at = now()
     where id = $1::uuid`,
    [executionId, executionStatus, JSON.stringify(executionResult)],
  );
  await pool.query(
    `update actions set status = $3::text, execution_result = $4::jsonb, updated_at = now(),
            executed_at = case when $3::text = 'executed' then now() else executed_at end
     where workspace_id = $1::uuid and id = $2::uuid`,
    [action.workspaceId, action.id, status, JSON.stringify(executionResult)],
  );
  await appendAudit(pool, action.workspaceId, action.id, {
    event:
      result.outcome === 'executed'
        ? 'executed'
        : result.outcome === 'invalid'
          ? 'validation_failed'
          : result.outcome === 'partial'
            ? 'partially_executed'
            : 'execution_failed',
    fromStatus: 'in_progress',
    toStatus: status,
    actor,
    details: { executionId, errors: result.errors },
  });
  return { actionId: action.id, status, executionId, ...result };
}

async function moveTo(
  pool: pg.Pool,
  action: Action,
  to: ActionStatus,
  actor: string,
  event: string,
): Promise<void> {
  await pool.query(
    `update actions set status = $3::text, updated_at = now() where workspace_id = $1::uuid and id = $2::uuid`,
    [action.workspaceId, action.id, to],
  );
  await appendAudit(pool, action.workspaceId, action.id, {
    event,
    fromStatus: action.status,
    toStatus: to,
    actor,
  });
  action.status = to;
}

async function startExecution(
  pool: pg.Pool,
  action: Action,
  kind: 'execute' | 'undo',
  options: { actor: string; idempotencyKey?: string; batchId?: string },
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into action_executions (workspace_id, action_id, kind, idempotency_key, actor, batch_id)
     values ($1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::uuid)
     returning id`,
    [
      action.workspaceId,
      action.id,
      kind,
      options.idempotencyKey ?? null,
      options.actor,
      options.batchId ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function earlierExecution(
  pool: pg.Pool,
  action: Action,
  kind: 'execute' | 'undo',
  idempotencyKey: string,
): Promise<ActionExecution | null> {
  const { rows } = await pool.query<{
    id: string;
    operations: Omit<ActionExecution, 'actionId' | 'status'>;
  }>(
    `select id, operations from action_executions
     where workspace_id = $1::uuid and action_id = $2::uuid and kind = $3::text
       and idempotency_key = $4::text and status <> 'running'`,
    [action.workspaceId, action.id, kind, idempotencyKey],
  );
  if (!rows[0]) return null;
  return {
    ...rows[0].operations,
    actionId: action.id,
    status: action.status,
    executionId: rows[0].id,
    replayed: true,
  };
}

async function loadActions(
  pool: pg.Pool,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, Action>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<Action>(
    `select ${ACTION_COLUMNS} from actions where workspace_id = $1::uuid and id = any($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

async function stageMappingOf(
  pool: pg.Pool,
  workspaceId: string,
  connectionId: string,
): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ stageMapping: Record<string, string> }>(
    `select stage_mapping as "stageMapping" from connections where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId],
  );
  return rows[0]?.stageMapping ?? {};
}

/** HubSpot stage ids belong to a pipeline: the pipeline of each deal whose stage changes. */
export async function dealPipelines(
  ctx: PlanContext,
  actions: Action[],
): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (ctx.connector.crm !== 'hubspot') return result;
  const stageField = ctx.connector.crmField('deal', 'stage').toLowerCase();
  const ids = actions
    .filter(
      (action) =>
        action.targetType === 'deal' &&
        (action.executionPayload.crm_updates ?? []).some(
          (update) => ctx.connector.crmField('deal', update.field).toLowerCase() === stageField,
        ),
    )
    .map((action) => action.targetSourceId);
  const pipelineField = ctx.connector.crmField('deal', 'pipeline');
  for (let start = 0; start < ids.length; start += ctx.connector.batchSize) {
    const records = await ctx.connector.readRecords(
      'deal',
      ids.slice(start, start + ctx.connector.batchSize),
      [pipelineField],
    );
    for (const record of records) {
      if (record.ok)
        result.set(record.id, (record.value.properties[pipelineField] as string | null) ?? null);
    }
  }
  return result;
}

/** One ledger key per action, field and value: a re-run redoes only what did not land. */
function fieldKey(actionId: string, op: FieldOperation): string {
  return `action:${actionId}:${op.objectType}:${op.recordId}:${op.crmField}:${canonicalValue(op.value) ?? 'null'}`;
}

/**
 * Two actions changing the same field of the same record in one batch: the ledger
 * takes one change per cell, so the later action's value wins and the earlier one's
 * change is left for its own next run.
 */
function dedupeCells(changes: FieldChange[]): FieldChange[] {
  const byCell = new Map<string, FieldChange>();
  for (const change of changes)
    byCell.set(`${change.objectType}/${change.recordId}/${change.field}`, change);
  return [...byCell.values()];
}

function outcomeOnly(
  actionId: string,
  outcome: ExecutionOutcome,
  status: ActionStatus | null,
  message: string,
): ActionExecution {
  return {
    actionId,
    outcome,
    status,
    executionId: null,
    operations: [],
    errors: [{ code: outcome, message }],
    retryable: false,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { writeNotes, startExecution, stageMappingOf };
