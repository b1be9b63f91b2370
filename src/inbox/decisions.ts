/**
 * Deciding inbox items, one service for REST, GraphQL (and later Slack): approve
 * (with edits, or the deal a question asked for), reject with a reason, batch
 * approve. Only the assignee or an admin decides; an item decides once.
 *
 * An approval's write goes through the actions engine (ledger, audit note, policies,
 * idempotency): the edits go into the action's payload first, then it is executed.
 * A CRM failure leaves the item pending with the error on it; approving again
 * retries, and the engine's action lock and ledger keys mean a write lands once.
 */
import { executeActionAs, type Caller } from '../actions/service.js';
import type { ActionExecution, EngineDeps } from '../actions/execute.js';
import { transition, type CrmUpdate } from '../actions/store.js';
import { withTransaction, type Queryable } from '../db/pool.js';
import { HttpError, badRequest, conflict } from '../errors.js';
import { loadPipelineStages, type ValueContext } from '../agents/fields.js';
import type { CrmType } from '../crm/port.js';
import { applyEdits, editsNeedStages } from './edits.js';
import { getInboxItem, type InboxItem } from './items.js';
import { settleActivityLog } from '../agents/run-store.js';
import { linkByHand } from '../conversations/manual-links.js';
import { settleItems } from './resolve.js';

export interface ApproveInput {
  /** New values by field (`close_date`: '2027-01-31'); `null` leaves a field out. */
  edits?: Record<string, unknown>;
  /** For a question: the deal the meeting was about (Pandora's deal id). */
  dealId?: string;
}

export interface Decision {
  item: InboxItem;
  /** The linked action's execution, when approving wrote (or tried to write) to the CRM. */
  execution: ActionExecution | null;
}

export const MAX_BATCH = 100;

function alreadyDecided(item: InboxItem): HttpError {
  return conflict('already_decided', `This inbox item is already ${item.status}`, {
    status: item.status,
    resolvedBy: item.resolvedBy,
    resolvedAt: item.resolvedAt,
  });
}

/** The item locked for a decision, checked: the caller's to decide, and still pending. */
async function lockPending(db: Queryable, caller: Caller, itemId: string): Promise<InboxItem> {
  const item = await getInboxItem(db, caller, itemId, { forUpdate: true });
  if (item.status !== 'pending') throw alreadyDecided(item);
  return item;
}

export async function approveInboxItemAs(
  deps: EngineDeps,
  caller: Caller,
  itemId: string,
  input: ApproveInput = {},
): Promise<Decision> {
  const { pool } = deps;
  const item = await getInboxItem(pool, caller, itemId);
  if (item.status !== 'pending') throw alreadyDecided(item);
  if (input.edits && Object.keys(input.edits).length > 0 && !item.actionId) {
    throw badRequest('invalid_edit', 'edits: this item writes nothing to edit', [
      { field: 'edits', message: 'this item has no proposed write' },
    ]);
  }
  if (item.itemType === 'question')
    return { item: await answerQuestion(pool, caller, item, input), execution: null };
  if (!item.actionId) {
    await withTransaction(pool, async (client) => {
      await lockPending(client, caller, itemId);
      await settleItems(client, caller.workspaceId, [itemId], 'approved', { actor: caller.actor });
    });
    return { item: await getInboxItem(pool, caller, itemId), execution: null };
  }

  const alreadyWritten = await prepareAction(pool, caller, itemId, input.edits ?? {});
  if (alreadyWritten) return { item: await getInboxItem(pool, caller, itemId), execution: null };

  let execution: ActionExecution;
  try {
    execution = await executeActionAs(deps, caller, item.actionId);
  } catch (error) {
    // Refused before or during planning (invalid values, a blocking policy): nothing
    // was written, the item waits with the error on its action.
    await noteFailure(pool, caller.workspaceId, item, error);
    throw error;
  }
  if (execution.outcome === 'executed') {
    // The engine settled the item already (execute.ts); this covers a run where it could not.
    await settleItems(pool, caller.workspaceId, [itemId], 'approved', { actor: caller.actor });
  } else if (execution.outcome === 'failed' && item.activityLogId) {
    await settleActivityLog(pool, caller.workspaceId, item.activityLogId, {
      status: 'failed',
      errorMessage: execution.errors.map((e) => e.message).join('; ') || 'The CRM write failed',
    });
  }
  return { item: await getInboxItem(pool, caller, itemId), execution };
}

/**
 * Gets the item's action ready to run, in one transaction with the item locked: the
 * edits in its payload, the caller's approval on it (a policy's hold lifted, since
 * deciding the item is that approval). True when the action was already written (an
 * earlier approval whose answer was lost): the item is settled and nothing runs again.
 */
async function prepareAction(
  pool: EngineDeps['pool'],
  caller: Caller,
  itemId: string,
  edits: Record<string, unknown>,
): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    const item = await lockPending(client, caller, itemId);
    const { rows } = await client.query<PreparedAction>(
      `select a.status, a.approved_by as "approvedBy",
              a.execution_payload -> 'crm_updates' as "crmUpdates", c.crm_type as "crmType",
              d.pipeline as "dealPipeline", d.stage as "dealStage"
       from actions a
       left join connections c on c.id = a.connection_id
       left join deals d on d.id = a.target_entity_id
       where a.workspace_id = $1::uuid and a.id = $2::uuid for update of a`,
      [caller.workspaceId, item.actionId],
    );
    const action = rows[0];
    if (!action) throw conflict('action_missing', 'The action this item approves is gone');
    if (action.status === 'executed') {
      await settleItems(client, caller.workspaceId, [itemId], 'approved', { actor: caller.actor });
      return true;
    }
    if (action.status === 'in_progress') {
      throw conflict('execution_in_progress', 'This item’s write is running; try again shortly');
    }
    if (!['open', 'failed', 'awaiting_approval'].includes(action.status)) {
      throw conflict('invalid_status', `The action this item approves is ${action.status}`, {
        status: action.status,
      });
    }
    if (Object.keys(edits).length > 0) {
      const edited = applyEdits(
        item.context.fields ?? [],
        action.crmUpdates ?? [],
        edits,
        await valueContext(client, caller.workspaceId, item, action, edits),
      );
      await client.query(
        `update actions
         set execution_payload = jsonb_set(execution_payload, '{crm_updates}', $3::jsonb),
             updated_at = now()
         where workspace_id = $1::uuid and id = $2::uuid`,
        [caller.workspaceId, item.actionId, JSON.stringify(edited.updates)],
      );
      await client.query(
        `update inbox_items set resolution = coalesce(resolution, '{}'::jsonb) || $2::jsonb,
                                updated_at = now()
         where id = $1::uuid`,
        [itemId, JSON.stringify({ edits: edited.edits })],
      );
    }
    if (!action.approvedBy) {
      await transition(
        client,
        caller.workspaceId,
        item.actionId!,
        [action.status as 'open' | 'failed' | 'awaiting_approval'],
        action.status === 'awaiting_approval' ? 'open' : (action.status as 'open' | 'failed'),
        { event: 'approved', actor: caller.actor, details: { inboxItemId: itemId } },
        { approvedBy: caller.actor },
      );
    }
    return false;
  });
}

interface PreparedAction {
  status: string;
  approvedBy: string | null;
  crmUpdates: CrmUpdate[] | null;
  crmType: CrmType | null;
  dealPipeline: string | null;
  dealStage: string | null;
}

/**
 * How an agent's edited values become CRM values, as its run made them; none for an
 * item no agent made (its fields are the CRM's own).
 */
async function valueContext(
  db: Queryable,
  workspaceId: string,
  item: InboxItem,
  action: PreparedAction,
  edits: Record<string, unknown>,
): Promise<ValueContext | null> {
  if (item.source !== 'agent' || !action.crmType) return null;
  return {
    crmType: action.crmType,
    stages: editsNeedStages(edits)
      ? await loadPipelineStages(db, workspaceId, action.crmType)
      : undefined,
    deal: { pipeline: action.dealPipeline, stage: action.dealStage },
  };
}

/** A refused execution on the item's activity row, so the timeline shows why. */
async function noteFailure(
  db: Queryable,
  workspaceId: string,
  item: InboxItem,
  error: unknown,
): Promise<void> {
  if (!item.activityLogId || !(error instanceof HttpError) || error.status >= 500) return;
  if (error.code === 'execution_in_progress') return;
  await settleActivityLog(db, workspaceId, item.activityLogId, {
    status: 'failed',
    errorMessage: error.message,
  });
}

/** A question answered with the deal the meeting was about. */
async function answerQuestion(
  pool: EngineDeps['pool'],
  caller: Caller,
  item: InboxItem,
  input: ApproveInput,
): Promise<InboxItem> {
  if (!input.dealId) {
    throw badRequest('deal_required', 'dealId: say which deal this meeting was about', [
      { field: 'dealId', message: 'required to answer a question' },
    ]);
  }
  await withTransaction(pool, async (client) => {
    await lockPending(client, caller, item.id);
    const { rows } = await client.query(
      `select 1 from deals where workspace_id = $1::uuid and id = $2::uuid`,
      [caller.workspaceId, input.dealId],
    );
    if (rows.length === 0) {
      throw badRequest('unknown_deal', `dealId: no deal ${input.dealId} in this workspace`, [
        { field: 'dealId', message: 'not a deal of this workspace' },
      ]);
    }
    await settleItems(client, caller.workspaceId, [item.id], 'approved', {
      actor: caller.actor,
      resolution: { dealId: input.dealId },
    });
    // The answer is a link by hand: the linker keeps it, and the active agents read the
    // call again for that deal (a replay run), so the question leads to its updates.
    const meetingId = item.context.meeting?.id;
    if (meetingId) {
      await linkByHand(
        client,
        caller.workspaceId,
        meetingId,
        { dealId: input.dealId },
        caller.kind === 'user' ? caller.sourceId : null,
      );
    }
  });
  return getInboxItem(pool, caller, item.id);
}

/**
 * Rejects an item with the caller's reason: its action is dismissed (never written),
 * its activity row becomes `rejected`, and an agent's fields count as wrong.
 */
export async function rejectInboxItemAs(
  db: EngineDeps['pool'],
  caller: Caller,
  itemId: string,
  reason: string | null,
): Promise<InboxItem> {
  await withTransaction(db, async (client) => {
    const item = await lockPending(client, caller, itemId);
    // The item first: the dismissal's own settling then finds nothing left to do.
    await settleItems(client, caller.workspaceId, [itemId], 'rejected', {
      actor: caller.actor,
      resolution: { reason },
    });
    if (item.actionId) {
      await transition(
        client,
        caller.workspaceId,
        item.actionId,
        ['open', 'awaiting_approval', 'failed'],
        'dismissed',
        { event: 'dismissed', actor: caller.actor, details: { reason, inboxItemId: itemId } },
      );
    }
  });
  return getInboxItem(db, caller, itemId);
}

export interface BatchResult {
  id: string;
  item: InboxItem | null;
  execution: ActionExecution | null;
  error: { code: string; message: string } | null;
}

/** Approves each item on its own (no edits); one's failure does not stop the others. */
export async function batchApproveInboxItemsAs(
  deps: EngineDeps,
  caller: Caller,
  ids: string[],
): Promise<BatchResult[]> {
  if (ids.length > MAX_BATCH) {
    throw badRequest('too_many_items', `ids: at most ${MAX_BATCH} items at once`, [
      { field: 'ids', message: `at most ${MAX_BATCH}` },
    ]);
  }
  const results: BatchResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const { item, execution } = await approveInboxItemAs(deps, caller, id);
      // A write the CRM did not take leaves the item waiting: a failure of this one.
      const error =
        item.status === 'pending'
          ? { code: 'write_failed', message: item.error?.message ?? 'The CRM write failed' }
          : null;
      results.push({ id, item, execution, error });
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      results.push({
        id,
        item: null,
        execution: null,
        error: { code: error.code, message: error.message },
      });
    }
  }
  return results;
}
