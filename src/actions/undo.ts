import { LOCKS, withTryLock } from '../db/locks.js';
import { openConnector } from '../crm/connect.js';
import { LEDGER_COLUMNS } from '../crm/ledger/rows.js';
import type { WriteLogEntry } from '../crm/ledger/types.js';
import { writeFields } from '../crm/ledger/write.js';
import type { CrmValue } from '../crm/port.js';
import { sameCrmValue } from '../crm/values.js';
import { conflict } from '../errors.js';
import { CREATE_DEAL } from './create-deal.js';
import { undoCreateDeal } from './create-deal-undo.js';
import type { EngineDeps, OperationResult } from './execute.js';
import { earlierExecution, startExecution } from './execution-records.js';
import { auditNote } from './notes.js';
import { appendAudit, getAction, type Action } from './store.js';
import { writeNotes } from './write-notes.js';

export interface UndoField {
  field: string;
  /** The value before the action, which undo restores. */
  before: CrmValue;
  /** What the action wrote. */
  written: CrmValue;
  /** What the CRM held when undo looked. */
  current: CrmValue;
  status: 'restored' | 'already_restored' | 'conflict' | 'failed';
  message?: string;
}

export interface UndoResult {
  actionId: string;
  status: Action['status'];
  executionId: string | null;
  fields: UndoField[];
  note: OperationResult | null;
  replayed?: boolean;
}

/**
 * Puts every field the action wrote back to its value before, but only where the
 * CRM still holds what Pandora wrote: a field someone changed since is a conflict,
 * reported and left alone unless `force`. Writes through the ledger (origin `undo`)
 * and leaves an audit note. The action becomes `undone` once nothing is in conflict.
 */
export async function undoAction(
  deps: EngineDeps,
  workspaceId: string,
  actionId: string,
  options: { actor: string; force?: boolean; idempotencyKey?: string },
): Promise<UndoResult> {
  return withTryLock(
    deps.pool,
    LOCKS.action,
    actionId,
    () => undoLocked(deps, workspaceId, actionId, options),
    () => {
      throw conflict('execution_in_progress', 'Another execution of this action is running');
    },
  );
}

async function undoLocked(
  deps: EngineDeps,
  workspaceId: string,
  actionId: string,
  options: { actor: string; force?: boolean; idempotencyKey?: string },
): Promise<UndoResult> {
  const { pool } = deps;
  const action = await getAction(pool, workspaceId, actionId);
  if (options.idempotencyKey) {
    const replay = await earlierExecution(pool, action, 'undo', options.idempotencyKey);
    if (replay) {
      const stored = replay as unknown as { undo?: UndoResult };
      return { ...(stored.undo ?? emptyUndo(action)), status: action.status, replayed: true };
    }
  }
  if (action.status === 'undone') return emptyUndo(action);
  if (!['executed', 'open', 'failed'].includes(action.status)) {
    throw conflict(
      'invalid_status',
      `The action is ${action.status}; only an executed action can be undone`,
      {
        status: action.status,
      },
    );
  }
  if (action.actionType === CREATE_DEAL) return undoCreateDeal(deps, action, options);
  // The latest written row of each field the action wrote.
  const { rows: written } = await pool.query<WriteLogEntry>(
    `select distinct on (object_type, record_id, field) ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and origin_type = 'action' and origin_id = $2::text
       and status = 'written' and operation = 'update'
     order by object_type, record_id, field, id desc`,
    [workspaceId, actionId],
  );
  if (written.length === 0) {
    throw conflict(
      'nothing_to_undo',
      'This action wrote no CRM field, so there is nothing to undo',
    );
  }
  if (!action.connectionId) throw conflict('no_connection', 'The action names no CRM connection');
  const opened = await openConnector(deps, workspaceId, action.connectionId);
  const executionId = await startExecution(pool, action, 'undo', options);

  const [record] = await opened.connector.readRecords(
    action.targetType,
    [action.targetSourceId],
    written.map((row) => row.field),
  );
  const current = new Map<string, CrmValue>();
  if (record?.ok) {
    for (const row of written) current.set(row.field, record.value.properties[row.field] ?? null);
  }

  const fields: UndoField[] = [];
  const restore: WriteLogEntry[] = [];
  for (const row of written) {
    const now = current.get(row.field) ?? null;
    const base = {
      field: row.field,
      before: row.valueBefore,
      written: row.valueToWrite,
      current: now,
    };
    if (!record?.ok) {
      fields.push({
        ...base,
        status: 'failed',
        message: record && !record.ok ? record.error.message : 'Record not found',
      });
    } else if (sameCrmValue(now, row.valueBefore)) {
      fields.push({ ...base, status: 'already_restored' });
    } else if (sameCrmValue(now, row.valueToWrite) || options.force) {
      restore.push(row);
      fields.push({ ...base, status: 'restored' });
    } else {
      fields.push({
        ...base,
        status: 'conflict',
        message: `${row.field} was changed in the CRM after Pandora wrote it (now ${JSON.stringify(now)}); pass force to overwrite`,
      });
    }
  }

  if (restore.length > 0) {
    const report = await writeFields(
      { pool, ...opened },
      { type: 'undo', id: actionId, actor: options.actor },
      restore.map((row) => ({
        objectType: row.objectType,
        recordId: row.recordId,
        field: row.field,
        value: row.valueBefore,
        valueBefore: current.get(row.field) ?? null,
        idempotencyKey: `undo:${actionId}:${row.id}`,
      })),
    );
    report.entries.forEach((entry, index) => {
      if (entry.status === 'written' || entry.status === 'unchanged') return;
      const field = fields.find((candidate) => candidate.field === restore[index]!.field)!;
      field.status = 'failed';
      field.message = entry.error?.message ?? 'Not written';
    });
  }

  const restored = fields.filter((field) => field.status === 'restored');
  let note: OperationResult | null = null;
  if (restored.length > 0) {
    const body = auditNote(
      action,
      restored.map((field) => ({
        crmField: field.field,
        before: field.current,
        after: field.before,
      })),
      options.actor,
      new Date(),
      'undo',
      '',
    );
    const notes = await writeNotes(
      pool,
      opened,
      [{ action, body }],
      new Map([[action.id, executionId]]),
      'undo',
    );
    note = notes.get(action.id) ?? null;
  }

  const blocked = fields.filter(
    (field) => field.status === 'conflict' || field.status === 'failed',
  );
  const result: UndoResult = {
    actionId,
    status: blocked.length === 0 ? 'undone' : action.status,
    executionId,
    fields,
    note,
  };
  await pool.query(
    `update action_executions set status = $2::text, operations = $3::jsonb, finished_at = now()
     where id = $1::uuid`,
    [executionId, blocked.length === 0 ? 'succeeded' : 'partial', JSON.stringify({ undo: result })],
  );
  if (blocked.length === 0) {
    await pool.query(
      `update actions set status = 'undone', undone_at = now(), updated_at = now()
       where workspace_id = $1::uuid and id = $2::uuid`,
      [workspaceId, actionId],
    );
  }
  await appendAudit(pool, workspaceId, actionId, {
    event: blocked.length === 0 ? 'undone' : 'undo_blocked',
    fromStatus: action.status,
    toStatus: result.status,
    actor: options.actor,
    details: { executionId, force: options.force ?? false, fields },
  });
  return result;
}

function emptyUndo(action: Action): UndoResult {
  return { actionId: action.id, status: action.status, executionId: null, fields: [], note: null };
}
