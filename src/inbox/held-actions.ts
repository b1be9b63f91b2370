/**
 * The actions engine's side of the inbox: an action a `require_approval` policy
 * holds gets an item, and an item follows its action when someone decides it
 * elsewhere (the actions page, an API client, a retry job), so none stays pending
 * over an action that was already written or dismissed. Imports nothing of the
 * actions service, which calls in here.
 */
import type { Queryable } from '../db/pool.js';
import type { Action } from '../actions/store.js';
import { createInboxItem } from './items.js';
import { settleItems } from './resolve.js';

/** An approval item for an action a policy holds, for its owner (else the admins). */
export async function holdInInbox(
  db: Queryable,
  workspaceId: string,
  action: Action,
  policy?: { name: string },
): Promise<void> {
  const updates = action.executionPayload.crm_updates ?? [];
  await createInboxItem(db, {
    workspaceId,
    itemType: 'approval',
    source: 'policy',
    title: action.title,
    description: policy
      ? `The policy “${policy.name}” requires approval before this runs.`
      : 'A workspace policy requires approval before this runs.',
    context: {
      record: {
        type: action.targetType,
        id: action.targetEntityId,
        crmId: action.targetSourceId,
        name: action.targetName,
      },
      fields: updates.map((update) => ({
        field: update.field,
        before: update.current_value ?? null,
        after: update.proposed_value,
      })),
      action: { id: action.id, actionType: action.actionType, summary: action.summary },
    },
    actionId: action.id,
    ownerEmail: action.ownerEmail,
    // An agent's automatic write held by a policy: deciding it settles the agent's run.
    activityLogId: action.sourceType === 'agent' ? await runOf(db, workspaceId, action.id) : null,
  });
}

async function runOf(db: Queryable, workspaceId: string, actionId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select id from activity_logs where workspace_id = $1::uuid and action_id = $2::uuid
     order by created_at desc limit 1`,
    [workspaceId, actionId],
  );
  return rows[0]?.id ?? null;
}

/**
 * Settles the pending items of these actions from where the actions now stand:
 * written -> approved; dismissed -> rejected; a policy's hold lifted by an approval
 * -> approved. Anything else leaves the item waiting.
 */
export async function settleInboxForActions(
  db: Queryable,
  workspaceId: string,
  actionIds: string[],
  actor: string,
  reason?: string | null,
): Promise<void> {
  if (actionIds.length === 0) return;
  const { rows } = await db.query<{ id: string; decided: 'approved' | 'rejected' }>(
    `select i.id,
            case when a.status = 'dismissed' then 'rejected' else 'approved' end as decided
     from inbox_items i join actions a on a.id = i.action_id
     where i.workspace_id = $1::uuid and i.action_id = any($2::uuid[]) and i.status = 'pending'
       and (a.status in ('executed', 'dismissed')
            or (i.source = 'policy' and a.approved_by is not null
                and a.status <> 'awaiting_approval'))`,
    [workspaceId, actionIds],
  );
  for (const decided of ['approved', 'rejected'] as const) {
    const ids = rows.filter((row) => row.decided === decided).map((row) => row.id);
    await settleItems(db, workspaceId, ids, decided, {
      actor,
      resolution: decided === 'rejected' ? { reason: reason ?? null } : {},
    });
  }
}
