/**
 * An inbox item waiting for a person becomes an `approval` or `question` notification
 * to its assignee, else to every admin of the workspace (who see an unassigned item).
 *
 * Recorded in the transaction that creates the item (createInboxItem and the agent
 * runs' insertAgentInboxItem both call here), not from a job on `inbox_item.created`:
 * that event is a NOTIFY, heard only by a process listening at that moment, so a job
 * fed by it could miss an item; in the same transaction the notification exists
 * exactly when the item does, and the dedupe key makes any second call a no-op.
 * Alerts are left to the anomalies producer, which knows the severity.
 */
import { agentFieldNamed } from '../../agents/fields.js';
import type { Queryable } from '../../db/pool.js';
import type { InboxContext, InboxItemType } from '../../inbox/items.js';
import { recordNotification, type RecordedNotification } from '../record.js';
import { recipientsFor } from '../recipients.js';
import type { NotificationField } from '../types.js';

export const inboxItemLink = (itemId: string) => `/inbox/${itemId}`;

/** What the producers read of an item. */
export interface ItemForNotice {
  id: string;
  workspaceId: string;
  itemType: InboxItemType;
  assigneeUserId: string | null;
  title: string;
  description: string | null;
  context: InboxContext;
  actionId: string | null;
  activityLogId: string | null;
  expiresAt: string | null;
  createdAt: string;
}

export const ITEM_FOR_NOTICE = `
  i.id, i.workspace_id as "workspaceId", i.item_type as "itemType",
  i.assignee_user_id as "assigneeUserId", i.title, i.description, i.context,
  i.action_id as "actionId", i.activity_log_id as "activityLogId",
  i.expires_at as "expiresAt", i.created_at as "createdAt"`;

/** The assignee when they are still a member, else the workspace's admins. */
export async function itemRecipients(db: Queryable, item: ItemForNotice): Promise<string[]> {
  if (item.assigneeUserId) {
    const assignee = await recipientsFor(db, item.workspaceId, { userId: item.assigneeUserId });
    if (assignee.length > 0) return assignee;
  }
  return recipientsFor(db, item.workspaceId, { admins: true });
}

const humanize = (id: string) => {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The item's fields as channels show them (before -> after, label, confidence, quote).
 * A field is editable where the console lets it be edited: an approval that carries
 * an action (decisions.ts applies edits to that action's updates).
 */
export function noticeFields(item: ItemForNotice): NotificationField[] {
  const editable = item.itemType === 'approval' && item.actionId !== null;
  return (item.context.fields ?? []).flatMap((f) =>
    typeof f?.field === 'string'
      ? [
          {
            field: f.field,
            label: agentFieldNamed(f.field)?.label ?? humanize(f.field),
            before: f.before ?? null,
            after: f.after ?? null,
            confidence: typeof f.confidence === 'number' ? f.confidence : null,
            quote: typeof f.quote === 'string' ? f.quote : null,
            editable,
          },
        ]
      : [],
  );
}

function bodyOf(item: ItemForNotice): string {
  const lines = [item.description ?? ''];
  if (item.itemType === 'question' && item.context.question && !item.title.includes('?')) {
    lines.push(item.context.question);
  }
  const record = item.context.record;
  if (record?.name) lines.push(`${humanize(record.type)}: ${record.name}`);
  const meeting = item.context.meeting;
  if (meeting?.title) lines.push(`Meeting: ${meeting.title}`);
  return lines.filter(Boolean).join('\n');
}

/** Records the notice of a new item (no-op for an alert, or when recorded already). */
export async function notifyInboxItemCreated(
  db: Queryable,
  workspaceId: string,
  itemId: string,
): Promise<RecordedNotification | null> {
  const { rows } = await db.query<ItemForNotice>(
    `select ${ITEM_FOR_NOTICE} from inbox_items i
     where i.workspace_id = $1::uuid and i.id = $2::uuid and i.status = 'pending'`,
    [workspaceId, itemId],
  );
  const item = rows[0];
  if (!item || item.itemType === 'alert') return null;
  return recordNotification(db, {
    workspaceId,
    type: item.itemType,
    recipients: await itemRecipients(db, item),
    title: item.title,
    body: bodyOf(item),
    link: inboxItemLink(item.id),
    inboxItemId: item.id,
    // No actionId: notifications keep one row per action, recipient and kind, which
    // would swallow the notice of a later item over the same action.
    activityLogId: item.activityLogId,
    fields: noticeFields(item),
    dedupeKey: `inbox_item:${item.id}`,
  });
}
