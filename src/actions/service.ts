/**
 * What a caller (a person or an API client) can do with actions, the same for REST
 * and GraphQL: the checks, the audit actor, the policies, the retry job. The HTTP
 * layers only translate requests and answers.
 */
import { listNotifications, markRead, type InAppNotification } from '../notifications/in-app.js';
import type pg from 'pg';
import type { Queryable } from '../db/pool.js';
import { HttpError, badRequest, forbidden } from '../errors.js';
import { settleInboxForActions } from '../inbox/held-actions.js';
import { enqueue } from '../jobs/queue.js';
import { createBatch, type ActionBatch } from './batch.js';
import { executeActions, type ActionExecution, type EngineDeps } from './execute.js';
import { applyPoliciesToNew, policyGate } from './policy-gate.js';
import { previewAction, type Preview } from './preview.js';
import { getAction, proposeAction, transition, type Action, type ProposedAction } from './store.js';
import { undoAction, type UndoResult } from './undo.js';

export interface Caller {
  workspaceId: string;
  role: 'admin' | 'member';
  /** Who, for audit trails: an email, or `api key <name>`. */
  actor: string;
  /** A person's user id or an API key's id. */
  sourceId: string | null;
  kind: 'user' | 'apiKey';
}

export type NewAction = Omit<
  ProposedAction,
  'sourceType' | 'sourceId' | 'sourceName' | 'actor' | 'dedupeKey'
> & { connectionId: string };

/** Proposes an action as the caller; the workspace's policies act on it at once. */
export async function createActionAs(
  pool: pg.Pool,
  caller: Caller,
  input: NewAction,
): Promise<Action> {
  const { rows } = await pool.query(
    `select 1 from connections where workspace_id = $1::uuid and id = $2::uuid and crm_type is not null`,
    [caller.workspaceId, input.connectionId],
  );
  if (rows.length === 0) {
    throw badRequest(
      'unknown_connection',
      `connectionId: no connection ${input.connectionId} in this workspace`,
      { field: 'connectionId' },
    );
  }
  const { action } = await proposeAction(pool, caller.workspaceId, {
    ...input,
    sourceType: caller.kind === 'apiKey' ? 'api' : 'person',
    sourceId: caller.sourceId,
    sourceName: caller.actor,
    actor: caller.actor,
  });
  const [decided] = await applyPoliciesToNew(pool, caller.workspaceId, [action]);
  return decided!;
}

export async function dismissActionAs(
  db: Queryable,
  caller: Caller,
  actionId: string,
  reason: string | null,
): Promise<Action> {
  const action = await transition(
    db,
    caller.workspaceId,
    actionId,
    ['open', 'awaiting_approval', 'failed'],
    'dismissed',
    {
      event: 'dismissed',
      actor: caller.actor,
      details: { reason },
    },
  );
  // Its inbox item, if any, is decided with it.
  await settleInboxForActions(db, caller.workspaceId, [actionId], caller.actor, reason);
  return action;
}

/** Approves an action a policy holds: an admin, or the action's owner. */
export async function approveActionAs(
  db: Queryable,
  caller: Caller,
  actionId: string,
): Promise<Action> {
  const current = await getAction(db, caller.workspaceId, actionId);
  const isOwner =
    current.ownerEmail !== null && current.ownerEmail.toLowerCase() === caller.actor.toLowerCase();
  if (caller.role !== 'admin' && !isOwner)
    throw forbidden('Only an admin or the action’s owner can approve it');
  const action = await transition(
    db,
    caller.workspaceId,
    actionId,
    ['awaiting_approval'],
    'open',
    { event: 'approved', actor: caller.actor },
    { approvedBy: caller.actor },
  );
  await settleInboxForActions(db, caller.workspaceId, [actionId], caller.actor);
  return action;
}

export function previewActionAs(
  deps: EngineDeps,
  caller: Caller,
  actionId: string,
): Promise<Preview> {
  return previewAction(deps, caller.workspaceId, actionId, caller.actor);
}

/** The planned operations of a preview, one list: field updates, the note, notifications. */
export function operationsOf(preview: Preview) {
  return {
    operations: [
      ...preview.changes.map((change) => ({ kind: 'field_update' as const, ...change })),
      ...(preview.note ? [{ kind: 'note' as const, text: preview.note }] : []),
      ...preview.notifications.map((n) => ({
        kind: 'notification' as const,
        audience: n.audience,
      })),
    ],
    errors: preview.errors,
    executable: preview.executable,
  };
}

/**
 * Executes one action as the caller under the workspace's policies. A transient
 * failure queues a retry; refusals are 4xx with a stable code.
 */
export async function executeActionAs(
  deps: EngineDeps,
  caller: Caller,
  actionId: string,
  idempotencyKey?: string,
): Promise<ActionExecution> {
  const [result] = await executeActions(deps, caller.workspaceId, [actionId], {
    actor: caller.actor,
    idempotencyKey,
    gate: policyGate(deps.pool, caller.workspaceId),
  });
  if (result!.outcome === 'partial' && result!.retryable) {
    await enqueue(
      deps.pool,
      'actions.execute',
      { workspaceId: caller.workspaceId, actionIds: [result!.actionId], actor: caller.actor },
      { runAt: new Date(Date.now() + 30_000), jobKey: `action-retry:${result!.actionId}` },
    );
  }
  return answerExecution(result!);
}

/** An execution's outcome as an answer: refusals are 4xx with a stable code. */
function answerExecution(result: ActionExecution): ActionExecution {
  const message = result.errors.map((error) => error.message).join('; ');
  switch (result.outcome) {
    case 'not_found':
      throw new HttpError(404, 'not_found', message);
    case 'busy':
      throw new HttpError(409, 'execution_in_progress', message);
    case 'needs_approval':
      throw new HttpError(409, 'approval_required', message, result);
    case 'blocked':
      throw new HttpError(403, 'policy_blocked', message, result);
    case 'not_executable':
      throw new HttpError(409, 'invalid_status', message, { status: result.status });
    case 'invalid':
      throw new HttpError(422, 'invalid_operations', `Nothing was written: ${message}`, result);
    default:
      return result;
  }
}

export function undoActionAs(
  deps: EngineDeps,
  caller: Caller,
  actionId: string,
  options: { force?: boolean; idempotencyKey?: string },
): Promise<UndoResult> {
  // Forcing overwrites what someone changed in the CRM after Pandora wrote it: a
  // decision about other people's data, so it is an admin's.
  if (options.force && caller.role !== 'admin') {
    return Promise.reject(forbidden('Only admins can undo with force'));
  }
  return undoAction(deps, caller.workspaceId, actionId, { actor: caller.actor, ...options });
}

/** Starts a background batch of the caller's workspace's actions; unknown ids are a 400. */
export async function startBatchAs(
  pool: pg.Pool,
  caller: Caller,
  actionIds: string[],
): Promise<ActionBatch> {
  const { rows } = await pool.query<{ id: string }>(
    `select id from actions where workspace_id = $1::uuid and id = any($2::uuid[])`,
    [caller.workspaceId, actionIds],
  );
  const known = new Set(rows.map((row) => row.id));
  const unknown = actionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw badRequest(
      'unknown_actions',
      `actionIds: no action ${unknown.slice(0, 5).join(', ')} in this workspace`,
      { field: 'actionIds', ids: unknown },
    );
  }
  return createBatch(pool, caller.workspaceId, caller.actor, actionIds);
}

export interface AuditEntry {
  id: number;
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string | null;
  details: unknown;
  createdAt: string;
}

/** An action's audit trail, oldest first. */
export async function auditOf(
  db: Queryable,
  workspaceId: string,
  actionId: string,
): Promise<AuditEntry[]> {
  await getAction(db, workspaceId, actionId);
  const { rows } = await db.query<AuditEntry>(
    `select id, event, from_status as "fromStatus", to_status as "toStatus", actor, details,
            created_at as "createdAt"
     from action_audit_log where workspace_id = $1::uuid and action_id = $2::uuid order by id`,
    [workspaceId, actionId],
  );
  return rows;
}

/** A notification as the bell lists it (src/notifications/in-app.ts). */
export type Notification = InAppNotification;

/** The caller's in-app notifications, newest first (a person their own, an API key everyone's). */
export async function notificationsOf(
  db: Queryable,
  caller: Caller,
  options: { unread?: boolean; limit: number },
): Promise<Notification[]> {
  return (await listNotifications(db, caller, options)).items;
}

/** Marks the caller's notifications read: the given ids, or all. Returns how many. */
export async function markNotificationsRead(
  db: Queryable,
  caller: Caller,
  ids: string[] | null,
): Promise<number> {
  return markRead(db, caller, ids);
}
