/**
 * Settling items: the item's status, the activity row it came from, the agent's
 * field outcomes (its shadow precision) and the events, the same whoever decided
 * (the inbox, the actions page, an execution, the expiry job).
 */
import type { Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import { sameFieldValue } from '../agents/fields.js';
import { settleActivityLog } from '../agents/run-store.js';
import { recordFieldOutcome } from '../agents/trust.js';
import { enqueueCardUpdates } from '../notifications/slack/cards.js';
import { enqueueMany } from '../jobs/queue.js';
import type { InboxContext } from './items.js';
import { emitFlowEvent } from '../flows/triggers/events.js';

type Decided = 'approved' | 'rejected' | 'expired';

interface SettledRow {
  id: string;
  source: string;
  context: InboxContext;
  resolution: { edits?: Record<string, unknown> } | null;
  activityLogId: string | null;
  flowRunId: string | null;
}

/**
 * Moves the given items from pending to `status` (an item no longer pending is left
 * as it is) and does what follows from it. `resolution` is merged into what the item
 * holds (the edits written before execution stay). Returns the ids it moved.
 */
export async function settleItems(
  db: Queryable,
  workspaceId: string,
  itemIds: string[],
  status: Decided,
  options: { actor: string; resolution?: Record<string, unknown> },
): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const { rows } = await db.query<SettledRow>(
    `update inbox_items i
     set status = $3::text, resolved_at = now(), resolved_by = $4::text, updated_at = now(),
         resolution = coalesce(i.resolution, '{}'::jsonb) || $5::jsonb
     where i.workspace_id = $1::uuid and i.id = any($2::uuid[]) and i.status = 'pending'
     returning i.id, i.source, i.context, i.resolution, i.activity_log_id as "activityLogId",
               i.flow_run_id as "flowRunId"`,
    [workspaceId, itemIds, status, options.actor, JSON.stringify(options.resolution ?? {})],
  );
  for (const row of rows) {
    // An expired item was decided by nobody: its run is left as it was, and it is no
    // evidence about the agent either way.
    if (status !== 'expired' && row.activityLogId) {
      const decisions = decidedFields(row, status);
      await settleActivityLog(db, workspaceId, row.activityLogId, {
        status: status === 'approved' ? 'success' : 'rejected',
        fields: Object.fromEntries(
          decisions.map((d) => [
            d.field,
            { status: status, ...(d.edited ? { after: d.actual } : {}) },
          ]),
        ),
        ...(status === 'approved' ? { errorMessage: null } : {}),
      });
      if (row.source === 'agent')
        await recordOutcomes(db, workspaceId, row.activityLogId, decisions);
    }
    await publishEvent(db, {
      workspaceId,
      type: 'inbox_item.resolved',
      payload: { inboxItemId: row.id, status },
    });
    await emitFlowEvent(db, workspaceId, 'inbox_item.decided', {
      inboxItemId: row.id,
      status,
      source: row.source,
      record: dealOf(row.context),
    });
  }
  // A flow run waiting on the item carries on once the decision commits.
  await enqueueMany(
    db,
    'flows.run',
    rows
      .filter((row) => row.source === 'flow' && row.flowRunId)
      .map((row) => ({ payload: { workspaceId, runId: row.flowRunId! } })),
  );
  // In this transaction, so the Slack cards follow exactly the decisions that commit.
  await enqueueCardUpdates(
    db,
    workspaceId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => row.id);
}

interface FieldDecision {
  field: string;
  proposed: unknown;
  actual: unknown;
  edited: boolean;
  outcome: 'correct' | 'incorrect';
}

/**
 * Each field as decided: approved as proposed is right; approved with another value
 * (an edit; a field left out counts as wrong) or rejected is not.
 */
function decidedFields(row: SettledRow, status: 'approved' | 'rejected'): FieldDecision[] {
  const edits = row.resolution?.edits ?? {};
  return (row.context.fields ?? []).map((field) => {
    const edited = field.field in edits;
    const actual = status === 'approved' ? (edited ? edits[field.field] : field.after) : null;
    return {
      field: field.field,
      proposed: field.after ?? null,
      actual: actual ?? null,
      edited,
      outcome:
        status === 'approved' && sameFieldValue(field.field, field.after, actual)
          ? 'correct'
          : 'incorrect',
    };
  });
}

/** The decisions as evidence of the agent's precision per field (its shadow trust). */
async function recordOutcomes(
  db: Queryable,
  workspaceId: string,
  activityLogId: string,
  decisions: FieldDecision[],
): Promise<void> {
  if (decisions.length === 0) return;
  const { rows } = await db.query<{ agentConfigId: string | null }>(
    `select agent_config_id as "agentConfigId" from activity_logs
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, activityLogId],
  );
  const agentConfigId = rows[0]?.agentConfigId;
  // An agent deleted since has no precision left to measure.
  if (!agentConfigId) return;
  for (const decision of decisions) {
    await recordFieldOutcome(db, {
      workspaceId,
      agentConfigId,
      activityLogId,
      field: decision.field,
      proposed: decision.proposed,
      actual: decision.actual,
      outcome: decision.outcome,
      source: 'inbox',
    });
  }
}

/** The deal an item is about (an agent's approval), for flows that act on it. */
function dealOf(context: unknown): { type: 'deal'; id: string } | null {
  const record = (context as { record?: { type?: unknown; id?: unknown } } | null)?.record;
  return record?.type === 'deal' && typeof record.id === 'string'
    ? { type: 'deal', id: record.id }
    : null;
}
