/**
 * Settling items: the item's status, the activity row it came from, the agent's
 * field outcomes (its shadow precision) and the events, the same whoever decided
 * (the inbox, the actions page, an execution, the expiry job).
 */
import type { Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import type { CrmUpdate } from '../actions/store.js';
import type { InboxContext } from './items.js';

type Decided = 'approved' | 'rejected' | 'expired';

interface SettledRow {
  id: string;
  workspaceId: string;
  source: string;
  context: InboxContext;
  activityLogId: string | null;
  crmUpdates: CrmUpdate[] | null;
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
     returning i.id, i.workspace_id as "workspaceId", i.source, i.context,
               i.activity_log_id as "activityLogId",
               (select a.execution_payload -> 'crm_updates' from actions a
                where a.id = i.action_id) as "crmUpdates"`,
    [workspaceId, itemIds, status, options.actor, JSON.stringify(options.resolution ?? {})],
  );
  for (const row of rows) {
    if (status !== 'expired' && row.activityLogId) {
      await setActivityStatus(db, workspaceId, row.activityLogId, {
        status: status === 'approved' ? 'success' : 'rejected',
      });
      if (row.source === 'agent') await recordOutcomes(db, row, status);
    }
    await publishEvent(db, {
      workspaceId,
      type: 'inbox_item.resolved',
      payload: { inboxItemId: row.id, status },
    });
  }
  return rows.map((row) => row.id);
}

/** Sets an activity row's status (and error), publishing `activity_log.updated` on a change. */
export async function setActivityStatus(
  db: Queryable,
  workspaceId: string,
  activityLogId: string,
  change: { status: 'success' | 'failed' | 'rejected' | 'pending'; errorMessage?: string | null },
): Promise<void> {
  const { rowCount } = await db.query(
    `update activity_logs
     set status = $3::text, error_message = $4::text, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid
       and (status <> $3::text or error_message is distinct from $4::text)`,
    [workspaceId, activityLogId, change.status, change.errorMessage ?? null],
  );
  if (rowCount) {
    await publishEvent(db, {
      workspaceId,
      type: 'activity_log.updated',
      payload: { activityLogId, status: change.status },
    });
  }
}

/** Values compared as a person reads them: 150000 and "150000" are the same. */
function sameValue(a: unknown, b: unknown): boolean {
  const text = (value: unknown) =>
    Array.isArray(value) ? value.map(String).join('; ') : value === null ? '' : String(value);
  return text(a).trim().toLowerCase() === text(b).trim().toLowerCase();
}

/**
 * Each field of an agent's item becomes evidence of its precision: approved as
 * proposed is correct; approved with another value (an edit) or rejected is not.
 */
async function recordOutcomes(db: Queryable, row: SettledRow, status: Decided): Promise<void> {
  const fields = row.context.fields ?? [];
  if (fields.length === 0 || !row.activityLogId) return;
  const outcomes = fields.map((field) => {
    const written = row.crmUpdates?.find(
      (update) => update.field === (field.crmField ?? field.field),
    );
    const actual = status === 'approved' ? (written?.proposed_value ?? field.after) : null;
    return {
      field: field.field,
      proposed: field.after ?? null,
      actual,
      outcome: status === 'approved' && sameValue(actual, field.after) ? 'correct' : 'incorrect',
    };
  });
  // One row per run and field; a decision made again (an approval after a failed
  // write that was then rejected) replaces the earlier one.
  await db.query(
    `insert into agent_field_outcomes (workspace_id, agent_config_id, activity_log_id, field,
                                       proposed, actual, outcome, source)
     select l.workspace_id, l.agent_config_id, l.id, o.field, o.proposed, o.actual, o.outcome,
            'inbox'
     from activity_logs l
     cross join jsonb_to_recordset($2::jsonb)
       as o(field text, proposed jsonb, actual jsonb, outcome text)
     where l.id = $1::uuid and l.agent_config_id is not null
     on conflict (activity_log_id, field) do update
       set proposed = excluded.proposed, actual = excluded.actual, outcome = excluded.outcome,
           source = excluded.source, decided_at = now()`,
    [row.activityLogId, JSON.stringify(outcomes)],
  );
}
