import type pg from 'pg';
import type { ActionExecution } from './execute.js';
import { emitFlowEvent } from '../flows/triggers/events.js';
import { actionEvent, appendAudit, type Action, type ActionStatus } from './store.js';

// An execution's rows: the action_executions row of each execute or undo, and the
// action's status moves with their audit entries.

/**
 * Records how an execution ended, on its execution row and on the action (`executed`,
 * back to `open` when a retry may help, else `failed`), with an audit entry.
 */
export async function finish(
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
  if (status === 'executed') {
    await emitFlowEvent(pool, action.workspaceId, 'action.executed', {
      ...actionEvent({ ...action, status }),
      executionId,
    });
  }
  return { actionId: action.id, status, executionId, ...result };
}

/** Moves the action to `to` (and the passed object with it), with an audit entry. */
export async function moveTo(
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

/** The execution row of an execute or undo, `running` until it is finished. */
export async function startExecution(
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

/** The finished execution of the same kind with the same idempotency key, replayed. */
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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
