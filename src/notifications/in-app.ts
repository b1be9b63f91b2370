/**
 * The in-app side: a member's notifications (the bell and its page), marking them
 * read, and the outbox as admins inspect it. A person sees their own notifications;
 * an API key, which is nobody, sees the workspace's (as before notifications had
 * recipients by id).
 */
import type { Caller } from '../actions/service.js';
import type { Queryable } from '../db/pool.js';
import { badRequest } from '../errors.js';
import type { NotificationType, OutboxChannel, Severity } from './types.js';

export interface InAppNotification {
  id: string;
  recipientEmail: string;
  recipientUserId: string | null;
  /** The notification type (`kind` in the table, as the first notifications named it). */
  kind: NotificationType | string;
  title: string;
  body: string;
  link: string | null;
  severity: Severity;
  critical: boolean;
  actionId: string | null;
  inboxItemId: string | null;
  anomalyId: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

export const NOTIFICATION_COLUMNS = `n.id::text, n.recipient_email as "recipientEmail",
  n.recipient_user_id::text as "recipientUserId", n.kind, n.title, n.body, n.link, n.severity,
  n.critical, n.action_id::text as "actionId", n.inbox_item_id::text as "inboxItemId",
  n.anomaly_id::text as "anomalyId", n.data, n.read_at as "readAt", n.created_at as "createdAt"`;

/**
 * Whose rows a caller sees ($2 user id, $3 email; both null for an API key): a
 * member's by id, or by email for rows recorded before recipients had ids.
 */
const MINE = `n.workspace_id = $1::uuid and n.in_app
  and (($2::uuid is null and $3::text is null)
       or n.recipient_user_id = $2::uuid
       or (n.recipient_user_id is null and lower(n.recipient_email) = lower($3::text)))`;

function whoParams(caller: Caller): [string, string | null, string | null] {
  return caller.kind === 'user'
    ? [caller.workspaceId, caller.sourceId, caller.actor]
    : [caller.workspaceId, null, null];
}

export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return value as [string, string];
    }
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', 'cursor is not a cursor this API returned', [
    { field: 'cursor', message: 'not a cursor this API returned' },
  ]);
}

/** The caller's notifications, newest first, by keyset (`nextCursor`), and the unread count. */
export async function listNotifications(
  db: Queryable,
  caller: Caller,
  options: { unread?: boolean; limit: number; cursor?: string },
): Promise<{ items: InAppNotification[]; nextCursor: string | null; unread: number }> {
  const after = options.cursor ? decodeCursor(options.cursor) : [null, null];
  const { rows } = await db.query<InAppNotification & { cursorAt: string }>(
    `select ${NOTIFICATION_COLUMNS}, n.created_at::text as "cursorAt"
     from notifications n
     where ${MINE} and (not $4::boolean or n.read_at is null)
       and ($5::timestamptz is null or (n.created_at, n.id) < ($5::timestamptz, $6::uuid))
     order by n.created_at desc, n.id desc limit $7::integer`,
    [...whoParams(caller), options.unread ?? false, after[0], after[1], options.limit + 1],
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursorAt, ...row }) => row),
    // The cursor keeps the timestamp's microseconds, which a Date would drop.
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
    unread: await unreadCount(db, caller),
  };
}

export async function unreadCount(db: Queryable, caller: Caller): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `select count(*)::int as count from notifications n where ${MINE} and n.read_at is null`,
    whoParams(caller),
  );
  return rows[0]!.count;
}

/** One of the caller's notifications, or null (not theirs, or not shown in-app). */
export async function notificationOf(
  db: Queryable,
  caller: Caller,
  id: string,
): Promise<InAppNotification | null> {
  const { rows } = await db.query<InAppNotification>(
    `select ${NOTIFICATION_COLUMNS} from notifications n where ${MINE} and n.id = $4::uuid`,
    [...whoParams(caller), id],
  );
  return rows[0] ?? null;
}

/** Marks the caller's notifications read: the given ids, or all. Returns how many changed. */
export async function markRead(
  db: Queryable,
  caller: Caller,
  ids: string[] | null,
): Promise<number> {
  const { rowCount } = await db.query(
    `update notifications n set read_at = now()
     where ${MINE} and n.read_at is null and ($4::uuid[] is null or n.id = any($4::uuid[]))`,
    [...whoParams(caller), ids],
  );
  return rowCount ?? 0;
}

/** An outbox row's life: pending -> sending -> delivered | failed | skipped; held -> digested. */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'delivered',
  'failed',
  'held',
  'digested',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const OUTBOX_CHANNELS = ['slack', 'email', 'push'] as const satisfies OutboxChannel[];

export interface DeliveryView {
  id: string;
  notificationId: string | null;
  recipientUserId: string | null;
  recipientEmail: string | null;
  channel: OutboxChannel;
  target: string | null;
  type: string;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
  digestNotificationId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The outbox for admins: every delivery with its status, attempts and last error. */
export async function listDeliveries(
  db: Queryable,
  workspaceId: string,
  options: {
    status?: DeliveryStatus[];
    channel?: OutboxChannel[];
    limit: number;
    cursor?: string;
  },
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor) : [null, null];
  const { rows } = await db.query<DeliveryView & { cursorAt: string }>(
    `select d.id::text, d.notification_id::text as "notificationId",
            d.recipient_user_id::text as "recipientUserId", u.email as "recipientEmail",
            d.channel, d.target, d.payload->>'type' as type, d.payload->>'title' as title,
            d.status, d.attempts, d.last_error as "lastError",
            d.next_attempt_at as "nextAttemptAt", d.delivered_at as "deliveredAt",
            d.digest_notification_id::text as "digestNotificationId",
            d.created_at as "createdAt", d.updated_at as "updatedAt",
            d.created_at::text as "cursorAt"
     from notification_deliveries d left join users u on u.id = d.recipient_user_id
     where d.workspace_id = $1::uuid
       and ($2::text[] is null or d.status = any($2::text[]))
       and ($3::text[] is null or d.channel = any($3::text[]))
       and ($4::timestamptz is null or (d.created_at, d.id) < ($4::timestamptz, $5::uuid))
     order by d.created_at desc, d.id desc limit $6::integer`,
    [
      workspaceId,
      options.status?.length ? options.status : null,
      options.channel?.length ? options.channel : null,
      after[0],
      after[1],
      options.limit + 1,
    ],
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursorAt, ...row }) => row),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}
