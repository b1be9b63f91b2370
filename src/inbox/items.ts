/**
 * Inbox items: everything that waits for a person (an agent's approval or question,
 * an alert, an action a policy holds). Who sees one: its assignee, or every admin
 * (an item with no assignee is the admins').
 */
import type { Caller } from '../actions/service.js';
import type { Queryable } from '../db/pool.js';
import { HttpError, notFound } from '../errors.js';
import { publishEvent } from '../events/bus.js';
import { notifyInboxItemCreated } from '../notifications/producers/inbox-items.js';

export const INBOX_ITEM_TYPES = ['approval', 'question', 'alert'] as const;
export type InboxItemType = (typeof INBOX_ITEM_TYPES)[number];
export const INBOX_SOURCES = ['agent', 'policy', 'anomaly', 'flow'] as const;
export type InboxSource = (typeof INBOX_SOURCES)[number];
export const INBOX_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** One proposed field with what it rests on, as the console shows it. */
export interface InboxField {
  field: string;
  /** The CRM property it writes: the `crm_updates[].field` of the linked action. */
  crmProperty?: string | null;
  /** The same, as earlier items named it; `field` when neither is given. */
  crmField?: string;
  before: unknown;
  after: unknown;
  confidence?: number | null;
  quote?: string | null;
  startSeconds?: number | null;
}

/** What an item is about (the runs engineer writes it; agent14.md has the contract). */
export interface InboxContext {
  meeting?: { id: string; title?: string | null; startedAt?: string | null };
  /** `id`: Pandora's record id (null when not synced); `crmId`: the CRM's. */
  record?: { type: string; id: string | null; crmId?: string; name?: string | null };
  fields?: InboxField[];
  candidates?: { dealId: string; crmId?: string; name: string; score?: number | null }[];
  question?: string;
  [key: string]: unknown;
}

/** Why the linked action's last execution did not write, while the item waits. */
export interface InboxItemError {
  message: string;
  retryable: boolean;
  errors: { field?: string; code: string; message: string }[];
}

export interface InboxItem {
  id: string;
  workspaceId: string;
  assigneeUserId: string | null;
  itemType: InboxItemType;
  source: InboxSource;
  title: string;
  description: string | null;
  context: InboxContext;
  confidence: number | null;
  status: InboxStatus;
  activityLogId: string | null;
  actionId: string | null;
  anomalyId: string | null;
  /** The linked action's status, when there is one. */
  actionStatus: string | null;
  error: InboxItemError | null;
  expiresAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

/** The item's columns (alias `i`) and its action's status and last failure (alias `a`). */
export const ITEM_COLUMNS = `
  i.id, i.workspace_id as "workspaceId", i.assignee_user_id as "assigneeUserId",
  i.item_type as "itemType", i.source, i.title, i.description, i.context, i.confidence,
  i.status, i.activity_log_id as "activityLogId", i.action_id as "actionId",
  i.anomaly_id as "anomalyId", a.status as "actionStatus",
  case when i.status = 'pending' and a.execution_result is not null
            and a.execution_result ->> 'outcome' <> 'executed'
       then a.execution_result end as "lastExecution",
  i.expires_at as "expiresAt", i.resolved_at as "resolvedAt", i.resolved_by as "resolvedBy",
  i.resolution, i.created_at as "createdAt", i.updated_at as "updatedAt"`;

export const ITEM_FROM = `inbox_items i left join actions a on a.id = i.action_id`;

export type ItemRow = Omit<InboxItem, 'error'> & {
  lastExecution: { errors?: InboxItemError['errors']; retryable?: boolean } | null;
};

export function toItem({ lastExecution, ...row }: ItemRow): InboxItem {
  const errors = lastExecution?.errors ?? [];
  return {
    ...row,
    error:
      lastExecution && errors.length > 0
        ? {
            message: errors.map((error) => error.message).join('; '),
            retryable: lastExecution.retryable ?? false,
            errors,
          }
        : null,
  };
}

export interface NewInboxItem {
  workspaceId: string;
  itemType: InboxItemType;
  source: InboxSource;
  title: string;
  description?: string | null;
  context?: InboxContext;
  confidence?: number | null;
  activityLogId?: string | null;
  actionId?: string | null;
  anomalyId?: string | null;
  /** The flow run waiting on the item (source 'flow'); deciding it queues the run. */
  flowRunId?: string | null;
  /** The person who decides; else the member with `ownerEmail`; else the admins. */
  assigneeUserId?: string | null;
  ownerEmail?: string | null;
  /** Else now + the activity log's agent's `inbox_expiry_hours`, else never. */
  expiresAt?: string | null;
}

/**
 * Adds an item and publishes `inbox_item.created` on the same `db` (inside a
 * transaction, only once it commits), its notification with it; returns its id. An action that already has a
 * pending item gets no second one (null).
 */
export async function createInboxItem(db: Queryable, input: NewInboxItem): Promise<string | null> {
  const { rows } = await db.query<{ id: string; assigneeUserId: string | null }>(
    `insert into inbox_items (workspace_id, assignee_user_id, item_type, source, title,
                              description, context, confidence, activity_log_id, action_id,
                              anomaly_id, expires_at, flow_run_id)
     select $1::uuid,
            coalesce($2::uuid, (select u.id from users u
                                join memberships m on m.user_id = u.id
                                  and m.workspace_id = $1::uuid
                                where lower(u.email) = lower($3::text) limit 1)),
            $4::text, $5::text, left($6::text, 300), $7::text, $8::jsonb, $9::numeric,
            $10::uuid, $11::uuid, $12::uuid,
            coalesce($13::timestamptz,
                     (select now() + c.inbox_expiry_hours * interval '1 hour'
                      from activity_logs l join agent_configs c on c.id = l.agent_config_id
                      where l.id = $10::uuid)),
            $14::uuid
     on conflict (action_id) where status = 'pending' and action_id is not null do nothing
     returning id, assignee_user_id as "assigneeUserId"`,
    [
      input.workspaceId,
      input.assigneeUserId ?? null,
      input.ownerEmail ?? null,
      input.itemType,
      input.source,
      input.title,
      input.description ?? null,
      JSON.stringify(input.context ?? {}),
      input.confidence ?? null,
      input.activityLogId ?? null,
      input.actionId ?? null,
      input.anomalyId ?? null,
      input.expiresAt ?? null,
      input.flowRunId ?? null,
    ],
  );
  const created = rows[0];
  if (!created) return null;
  await publishEvent(db, {
    workspaceId: input.workspaceId,
    type: 'inbox_item.created',
    payload: { inboxItemId: created.id, assigneeUserId: created.assigneeUserId },
  });
  await notifyInboxItemCreated(db, input.workspaceId, created.id);
  return created.id;
}

/** Whether the caller may see and decide an item: its assignee, or an admin. */
export function mayDecide(caller: Caller, item: Pick<InboxItem, 'assigneeUserId'>): boolean {
  if (caller.role === 'admin') return true;
  return caller.kind === 'user' && item.assigneeUserId === caller.sourceId;
}

/** An item of the caller's workspace; 404 when there is none, 403 when it is not theirs. */
export async function getInboxItem(
  db: Queryable,
  caller: Caller,
  itemId: string,
  options: { forUpdate?: boolean } = {},
): Promise<InboxItem> {
  const { rows } = await db.query<ItemRow>(
    `select ${ITEM_COLUMNS} from ${ITEM_FROM}
     where i.workspace_id = $1::uuid and i.id = $2::uuid
     ${options.forUpdate ? 'for update of i' : ''}`,
    [caller.workspaceId, itemId],
  );
  if (!rows[0]) throw notFound('inbox item', itemId);
  const item = toItem(rows[0]);
  if (!mayDecide(caller, item)) {
    throw new HttpError(
      403,
      'not_assignee',
      'This inbox item is assigned to someone else; only its assignee or an admin can see or decide it',
    );
  }
  return item;
}
