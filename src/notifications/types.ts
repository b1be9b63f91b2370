/**
 * The shapes every part of the notification path shares: what a notification is,
 * the channels it goes out on, and the contract a channel's sender keeps with the
 * outbox (migrations/021_notifications.sql).
 */

/** Where a notification is delivered. In-app is the `notifications` row itself. */
export const CHANNELS = ['in_app', 'slack', 'email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels the outbox delivers to (in-app needs no delivery). */
export type OutboxChannel = Exclude<Channel, 'in_app'>;

/** What a notification is about; each member chooses a mode per channel and type. */
export const NOTIFICATION_TYPES = [
  // An inbox item waiting for the recipient: an agent's proposal or a held action.
  'approval',
  // An inbox question (which deal was this call about?).
  'question',
  // An approval about to expire (always critical).
  'expiring',
  'anomaly',
  'agent_run',
  'skill_result',
  'notify_rep',
  'notify_manager',
  // One message grouping what a member's digest mode held back.
  'digest',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const DELIVERY_MODES = ['immediate', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export type Severity = 'info' | 'warning' | 'error';

/** One field of an approval as a channel shows it (before -> after, the quote). */
export interface NotificationField {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  confidence?: number | null;
  quote?: string | null;
  /** Whether the recipient may change the value before approving (Slack's Edit modal). */
  editable?: boolean;
}

/**
 * Everything a sender needs, frozen into the outbox row when the notification is
 * recorded (`notification_deliveries.payload`): a delivery never re-reads its subject.
 */
export interface NotificationPayload {
  type: NotificationType;
  title: string;
  body: string;
  /** A console path (`/inbox/<id>`); senders make it absolute (and signed, for email). */
  link: string | null;
  severity: Severity;
  critical: boolean;
  inboxItemId: string | null;
  fields?: NotificationField[];
  /** For a digest: what it groups, oldest first. */
  items?: Array<Pick<NotificationPayload, 'type' | 'title' | 'link' | 'severity'>>;
}

/** A delivery handed to a sender. */
export interface DeliveryTask {
  deliveryId: string;
  workspaceId: string;
  channel: OutboxChannel;
  /** Null for a post to a Slack channel (then `target` is its id). */
  recipient: { userId: string; email: string; name: string } | null;
  target: string | null;
  payload: NotificationPayload;
  /** Stable across retries; pass it to the channel so a resend is recognised. */
  idempotencyKey: string;
  /** 1 on the first try. */
  attempt: number;
  /** What an earlier attempt recorded (a Slack ts, push results per subscription). */
  externalRef: Record<string, unknown>;
}

/** What a sender reports; the outbox records it and schedules what follows. */
export type DeliveryOutcome =
  | { status: 'delivered'; externalRef?: Record<string, unknown> }
  /** Try again later: after `retryAfterMs` when the channel said so, else with backoff. */
  | {
      status: 'retry';
      error: string;
      retryAfterMs?: number;
      externalRef?: Record<string, unknown>;
    }
  /** Will never succeed (bad token, address rejected): final, with its reason. */
  | { status: 'failed'; error: string; externalRef?: Record<string, unknown> }
  /** Nothing to deliver to (no Slack install, no push subscription): final. */
  | { status: 'skipped'; reason: string };

export interface ChannelSender {
  channel: OutboxChannel;
  /** At most this many sends per second per workspace (the channel's own limit). */
  perSecond?: number;
  send(task: DeliveryTask): Promise<DeliveryOutcome>;
}
