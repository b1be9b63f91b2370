import type pg from 'pg';
import { createWorkspace } from '../../tenancy/workspaces.js';

let counter = 0;

export interface TestMember {
  userId: string;
  email: string;
}

/** A member of the workspace, inserted directly (no password: tests make many). */
export async function member(
  pool: pg.Pool,
  workspaceId: string,
  role: 'admin' | 'member' = 'member',
  email?: string,
): Promise<TestMember> {
  counter += 1;
  const address =
    email ?? `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const { rows } = await pool.query<{ id: string }>(
    `insert into users (email, name) values (lower($1::text), $1::text)
     on conflict (email) do update set name = excluded.name returning id::text`,
    [address],
  );
  await pool.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, $3::text)`,
    [workspaceId, rows[0]!.id, role],
  );
  return { userId: rows[0]!.id, email: address.toLowerCase() };
}

export async function workspace(pool: pg.Pool, name = 'Producers test'): Promise<string> {
  return (await createWorkspace(pool, { name })).id;
}

export interface Notice {
  id: string;
  recipientUserId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  severity: string;
  critical: boolean;
  inboxItemId: string | null;
  anomalyId: string | null;
  activityLogId: string | null;
  actionId: string | null;
  data: Record<string, unknown>;
  dedupeKey: string | null;
}

/** The workspace's notifications of a kind, oldest first. */
export async function noticesOf(
  pool: pg.Pool,
  workspaceId: string,
  kind?: string,
): Promise<Notice[]> {
  const { rows } = await pool.query<Notice>(
    `select id::text, recipient_user_id::text as "recipientUserId", kind, title, body, link,
            severity, critical, inbox_item_id::text as "inboxItemId",
            anomaly_id::text as "anomalyId", activity_log_id::text as "activityLogId",
            action_id::text as "actionId", data, dedupe_key as "dedupeKey"
     from notifications
     where workspace_id = $1::uuid and ($2::text is null or kind = $2::text)
     order by created_at, recipient_user_id`,
    [workspaceId, kind ?? null],
  );
  return rows;
}

/** A Slack install with an alerts channel, as a pasted token leaves it. */
export async function installSlack(
  pool: pg.Pool,
  workspaceId: string,
  alertsChannelId: string,
): Promise<void> {
  await pool.query(
    `insert into slack_installations (workspace_id, team_id, secrets, installed_via,
                                      alerts_channel_id)
     values ($1::uuid, 'T0TEST', 'not a real token', 'token', $2::text)`,
    [workspaceId, alertsChannelId],
  );
}

/** The outbox's posts to a Slack channel (deliveries with no recipient). */
export async function channelPosts(pool: pg.Pool, workspaceId: string) {
  const { rows } = await pool.query<{ target: string; payload: Record<string, unknown> }>(
    `select target, payload from notification_deliveries
     where workspace_id = $1::uuid and recipient_user_id is null order by created_at`,
    [workspaceId],
  );
  return rows;
}

export const sorted = (ids: string[]) => [...ids].sort();
