/**
 * Recording a notification: one `notifications` row per recipient (the in-app list),
 * then one outbox row per channel the recipient's preferences ask for, each with its
 * delivery job, all in one transaction. Delivery happens later, in the workers
 * (src/notifications/outbox.ts), so a slow or dead channel never holds up the
 * producer or the other channels.
 */
import pg from 'pg';
import { loadConfig } from '../config.js';
import { withTransaction, type Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import { enqueue, enqueueMany } from '../jobs/queue.js';
import { modesFor, storedModes } from './preferences.js';
import type {
  NotificationField,
  NotificationPayload,
  NotificationType,
  OutboxChannel,
  Severity,
} from './types.js';

export interface NewNotification {
  workspaceId: string;
  type: NotificationType;
  /** Member ids (recipientsFor); non-members are dropped. */
  recipients: string[];
  title: string;
  body?: string;
  /** A console path: `/inbox/<id>`. */
  link?: string | null;
  severity?: Severity;
  /** Skips digests (an error anomaly, an approval about to expire). */
  critical?: boolean;
  inboxItemId?: string | null;
  anomalyId?: string | null;
  activityLogId?: string | null;
  actionId?: string | null;
  fields?: NotificationField[];
  /** Recording the same key again for a recipient is a no-op (and for the alerts post). */
  dedupeKey?: string | null;
  /** Also post to the workspace's Slack alerts channel, when it has one. */
  alertsChannel?: boolean;
  /** Extra render data kept on the row (`notifications.data`), e.g. a digest's items. */
  data?: Record<string, unknown>;
  /** Whether the bell shows it regardless of preferences (false for a digest). */
  inApp?: boolean;
}

export interface RecordedNotification {
  notificationIds: string[];
  deliveryIds: string[];
}

const OUTBOX_CHANNELS: OutboxChannel[] = ['slack', 'email', 'push'];

/** Attempts of one delivery job before the queue gives up; the sweep re-queues what is left. */
const DELIVER_JOB_ATTEMPTS = 5;

/**
 * Records a notification for each recipient and queues its deliveries. Pass a
 * transaction's client to make it part of the caller's transaction; given the pool,
 * it opens one of its own.
 */
export async function recordNotification(
  db: Queryable,
  input: NewNotification,
  channels: ChannelSetup = {},
): Promise<RecordedNotification> {
  const setup = { email: channels.email ?? emailConfiguredHere() };
  if (db instanceof pg.Pool) {
    return withTransaction(db, (client) => recordIn(client, input, setup));
  }
  return recordIn(db, input, setup);
}

export interface ChannelSetup {
  /** Whether email can go out at all (an SMTP server); from the environment by default. */
  email?: boolean;
}

let emailConfigured: boolean | undefined;

/**
 * Email needs an SMTP server: SMTP_URL, or the sandbox's own (on unless
 * PANDORA_SANDBOX=false). Without one, email gets no outbox rows at all.
 */
function emailConfiguredHere(): boolean {
  emailConfigured ??= Boolean(process.env.SMTP_URL) || loadConfig(process.env).sandbox;
  return emailConfigured;
}

interface Member {
  id: string;
  email: string;
  name: string;
}

async function recordIn(
  db: Queryable,
  input: NewNotification,
  setup: Required<ChannelSetup>,
): Promise<RecordedNotification> {
  const critical = input.critical ?? false;
  const payload: NotificationPayload = {
    type: input.type,
    title: input.title,
    body: input.body ?? '',
    link: input.link ?? null,
    severity: input.severity ?? 'info',
    critical,
    inboxItemId: input.inboxItemId ?? null,
    ...(input.fields ? { fields: input.fields } : {}),
    ...(Array.isArray(input.data?.items)
      ? { items: input.data.items as NotificationPayload['items'] }
      : {}),
  };
  const { rows: members } = await db.query<Member>(
    `select u.id::text, u.email, u.name from memberships m join users u on u.id = m.user_id
     where m.workspace_id = $1::uuid and u.id = any($2::uuid[]) order by u.id`,
    [input.workspaceId, [...new Set(input.recipients)]],
  );
  const reachable = await reachableChannels(
    db,
    input.workspaceId,
    members.map((m) => m.id),
    setup,
  );
  const stored = await storedModes(
    db,
    input.workspaceId,
    members.map((m) => m.id),
  );

  const result: RecordedNotification = { notificationIds: [], deliveryIds: [] };
  for (const member of members) {
    const modes = modesFor(stored.get(member.id), input.type, critical);
    const inApp = input.inApp ?? modes.in_app !== 'off';
    const { rows } = await db.query<{ id: string }>(
      `insert into notifications
         (workspace_id, recipient_email, recipient_user_id, kind, title, body, action_id, link,
          severity, critical, inbox_item_id, anomaly_id, activity_log_id, data, in_app, dedupe_key)
       values ($1::uuid, $2::text, $3::uuid, $4::text, $5::text, $6::text, $7::uuid, $8::text,
               $9::text, $10::boolean, $11::uuid, $12::uuid, $13::uuid, $14::jsonb, $15::boolean,
               $16::text)
       on conflict do nothing
       returning id::text`,
      [
        input.workspaceId,
        member.email,
        member.id,
        input.type,
        payload.title,
        payload.body,
        input.actionId ?? null,
        payload.link,
        payload.severity,
        critical,
        payload.inboxItemId,
        input.anomalyId ?? null,
        input.activityLogId ?? null,
        JSON.stringify({ ...input.data, ...(input.fields ? { fields: input.fields } : {}) }),
        inApp,
        input.dedupeKey ?? null,
      ],
    );
    const notificationId = rows[0]?.id;
    // Already recorded for this recipient (same dedupe key, or the same action's notice).
    if (!notificationId) continue;
    result.notificationIds.push(notificationId);

    for (const channel of OUTBOX_CHANNELS) {
      const mode = modes[channel];
      if (mode === 'off' || !reachable(channel, member.id)) continue;
      const deliveryId = await insertDelivery(db, {
        workspaceId: input.workspaceId,
        notificationId,
        recipientUserId: member.id,
        channel,
        target: null,
        payload,
        idempotencyKey: `${notificationId}:${channel}`,
        held: mode === 'digest',
      });
      if (deliveryId) result.deliveryIds.push(deliveryId);
    }
    await publishEvent(db, {
      workspaceId: input.workspaceId,
      type: 'notification.created',
      payload: { notificationId, recipientUserId: member.id, inApp },
    });
  }

  if (input.alertsChannel) {
    const alertsChannel = await alertsChannelOf(db, input.workspaceId);
    if (alertsChannel) {
      const deliveryId = await insertDelivery(db, {
        workspaceId: input.workspaceId,
        notificationId: null,
        recipientUserId: null,
        channel: 'slack',
        target: alertsChannel,
        payload,
        idempotencyKey: `alerts:${input.dedupeKey ?? crypto.randomUUID()}:${alertsChannel}`,
        held: false,
      });
      if (deliveryId) result.deliveryIds.push(deliveryId);
    }
  }
  return result;
}

interface NewDelivery {
  workspaceId: string;
  notificationId: string | null;
  recipientUserId: string | null;
  channel: OutboxChannel;
  target: string | null;
  payload: NotificationPayload;
  idempotencyKey: string;
  /** Waits for the recipient's digest instead of going out now. */
  held: boolean;
}

/** Inserts an outbox row and, unless held, its job; null when the key was already there. */
export async function insertDelivery(db: Queryable, delivery: NewDelivery): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `insert into notification_deliveries
       (workspace_id, notification_id, recipient_user_id, channel, target, payload,
        idempotency_key, status)
     values ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::jsonb, $7::text, $8::text)
     on conflict (workspace_id, idempotency_key) do nothing
     returning id::text`,
    [
      delivery.workspaceId,
      delivery.notificationId,
      delivery.recipientUserId,
      delivery.channel,
      delivery.target,
      JSON.stringify(delivery.payload),
      delivery.idempotencyKey,
      delivery.held ? 'held' : 'pending',
    ],
  );
  const id = rows[0]?.id;
  if (id && !delivery.held) await enqueueDelivery(db, id);
  return id ?? null;
}

const deliverJob = (deliveryId: string, runAt?: Date) => ({
  payload: { deliveryId },
  options: {
    jobKey: `notifications.deliver:${deliveryId}`,
    runAt,
    maxAttempts: DELIVER_JOB_ATTEMPTS,
  },
});

/** Queues a delivery's job; one pending job per delivery (a second enqueue replaces it). */
export async function enqueueDelivery(db: Queryable, deliveryId: string, runAt?: Date) {
  const job = deliverJob(deliveryId, runAt);
  await enqueue(db, 'notifications.deliver', job.payload, job.options);
}

/** The same for many deliveries due now, in one statement. */
export async function enqueueDeliveries(db: Queryable, deliveryIds: string[]) {
  await enqueueMany(
    db,
    'notifications.deliver',
    deliveryIds.map((id) => deliverJob(id)),
  );
}

/**
 * Which channels can reach whom: Slack when the workspace has an install, push for a
 * member with a subscription, email for every member when there is an SMTP server.
 */
async function reachableChannels(
  db: Queryable,
  workspaceId: string,
  userIds: string[],
  setup: Required<ChannelSetup>,
): Promise<(channel: OutboxChannel, userId: string) => boolean> {
  const { rows } = await db.query<{ slack: boolean; pushUsers: string[] }>(
    `select exists (select 1 from slack_installations where workspace_id = $1::uuid) as slack,
            coalesce((select array_agg(distinct user_id::text) from push_subscriptions
                      where workspace_id = $1::uuid and user_id = any($2::uuid[])), '{}') as "pushUsers"`,
    [workspaceId, userIds],
  );
  const slack = rows[0]?.slack ?? false;
  const pushUsers = new Set(rows[0]?.pushUsers ?? []);
  return (channel, userId) =>
    channel === 'email' ? setup.email : channel === 'slack' ? slack : pushUsers.has(userId);
}

async function alertsChannelOf(db: Queryable, workspaceId: string): Promise<string | null> {
  const { rows } = await db.query<{ channel: string | null }>(
    `select alerts_channel_id as channel from slack_installations where workspace_id = $1::uuid`,
    [workspaceId],
  );
  return rows[0]?.channel ?? null;
}
