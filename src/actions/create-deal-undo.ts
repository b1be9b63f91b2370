import { openConnector } from '../crm/connect.js';
import { archiveRecordsOnce } from '../crm/ledger/create.js';
import { reopenGap } from '../conversations/gaps.js';
import { conflict } from '../errors.js';
import { createDealSpecOf } from './create-deal.js';
import { removeUndoneDeal } from './create-deal-store.js';
import type { EngineDeps } from './execute.js';
import { startExecution } from './execution-records.js';
import { appendAudit, type Action } from './store.js';
import type { UndoResult } from './undo.js';

/**
 * Undoes a `create_deal` action: archives the deal it created (HubSpot archive,
 * Salesforce delete, which keeps it in the recycle bin) through the ledger, removes it
 * from Pandora's tables and opens the meeting's gap again. The contacts it created
 * stay: they are people the account has, and may have been used since.
 */
export async function undoCreateDeal(
  deps: EngineDeps,
  action: Action,
  options: { actor: string; idempotencyKey?: string },
): Promise<UndoResult> {
  const { pool } = deps;
  const { rows } = await pool.query<{ recordId: string }>(
    `select record_id as "recordId" from crm_write_log
     where workspace_id = $1::uuid and origin_type = 'action' and origin_id = $2::text
       and operation = 'create' and object_type = 'deal' and status = 'written'
     order by id desc limit 1`,
    [action.workspaceId, action.id],
  );
  const dealId = rows[0]?.recordId;
  if (!dealId)
    throw conflict('nothing_to_undo', 'This action created no deal, so there is nothing to undo');
  if (!action.connectionId) throw conflict('no_connection', 'The action names no CRM connection');
  const opened = await openConnector(deps, action.workspaceId, action.connectionId);
  const executionId = await startExecution(pool, action, 'undo', options);
  const [archived] = await archiveRecordsOnce(
    { pool, ...opened },
    { type: 'undo', id: action.id, actor: options.actor },
    'deal',
    [{ recordId: dealId, idempotencyKey: `undo:${action.id}:archive:deal:${executionId}` }],
  );
  const done = archived!.status === 'written';
  const fields: UndoResult['fields'] = [
    {
      field: 'deal',
      before: null,
      written: dealId,
      current: done ? null : dealId,
      status: done ? 'restored' : 'failed',
      ...(archived!.error ? { message: archived!.error.message } : {}),
    },
  ];
  if (done) {
    await removeUndoneDeal(pool, action.workspaceId, opened.crmType, dealId);
    const conversationId = createDealSpecOf(action)?.conversationId;
    if (conversationId) await reopenGap(pool, action.workspaceId, conversationId);
  }
  const result: UndoResult = {
    actionId: action.id,
    status: done ? 'undone' : action.status,
    executionId,
    fields,
    note: null,
  };
  await pool.query(
    `update action_executions set status = $2::text, operations = $3::jsonb, finished_at = now()
     where id = $1::uuid`,
    [executionId, done ? 'succeeded' : 'partial', JSON.stringify({ undo: result })],
  );
  if (done) {
    await pool.query(
      `update actions set status = 'undone', undone_at = now(), updated_at = now()
       where workspace_id = $1::uuid and id = $2::uuid`,
      [action.workspaceId, action.id],
    );
  }
  await appendAudit(pool, action.workspaceId, action.id, {
    event: done ? 'undone' : 'undo_blocked',
    fromStatus: action.status,
    toStatus: result.status,
    actor: options.actor,
    details: { executionId, archived: { objectType: 'deal', id: dealId }, fields },
  });
  return result;
}
