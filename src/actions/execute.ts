import type pg from 'pg';
import type { Logger } from 'pino';
import type { CrmObjectType, CrmValue } from '../crm/port.js';
import { groupBy } from '../collections.js';
import { LOCKS, tryLock, unlock } from '../db/locks.js';
import { holdInInbox, settleInboxForActions } from '../inbox/held-actions.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { executeOnConnection } from './execute-on-connection.js';
import { earlierExecution, moveTo } from './execution-records.js';
import { ACTION_COLUMNS, type Action, type ActionStatus } from './store.js';

export interface EngineDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
  log?: Logger;
}

/** The outcome of one operation of one execution. */
export interface OperationResult {
  /** `create` and `associate`: records a `create_deal` action makes and links. */
  kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
  field?: string;
  objectType?: CrmObjectType;
  /** The CRM id of the record made or linked (`create`, `associate`, a note or task). */
  recordId?: string | null;
  /** Where a person opens the record made. */
  url?: string;
  /** What a `create_deal` execution made, on its deal's `create` operation. */
  created?: unknown;
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
          await holdInInbox(deps.pool, workspaceId, action);
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
  await settleInboxOf(deps, workspaceId, [...results.values()], options.actor);
  return actionIds.map((id) => results.get(id)!);
}

/**
 * The inbox items of what was written are approved with it. The writes stand
 * whatever happens here, so a failure is logged, not thrown: approving the item
 * again finds its action written and settles it then.
 */
async function settleInboxOf(
  deps: EngineDeps,
  workspaceId: string,
  results: ActionExecution[],
  actor: string,
): Promise<void> {
  const written = results.filter((r) => r.outcome === 'executed' && !r.replayed);
  try {
    await settleInboxForActions(
      deps.pool,
      workspaceId,
      written.map((r) => r.actionId),
      actor,
    );
  } catch (error) {
    deps.log?.error(
      { err: error, workspaceId },
      'could not settle the inbox items of executed actions',
    );
  }
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
