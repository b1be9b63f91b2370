import type pg from 'pg';
import { createWorkspace } from '../tenancy/workspaces.js';

let counter = 0;

export interface Member {
  userId: string;
  email: string;
  name: string;
}

/** A member of the workspace, inserted directly (no password hashing: tests make many). */
export async function addMember(
  pool: pg.Pool,
  workspaceId: string,
  role: 'admin' | 'member' = 'member',
): Promise<Member> {
  counter += 1;
  const name = `${role} ${counter}`;
  const email = `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const { rows } = await pool.query<{ id: string }>(
    `insert into users (email, name) values ($1::text, $2::text) returning id::text`,
    [email, name],
  );
  await pool.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, $3::text)`,
    [workspaceId, rows[0]!.id, role],
  );
  return { userId: rows[0]!.id, email, name };
}

export async function newWorkspace(pool: pg.Pool, name = 'Notify test'): Promise<string> {
  return (await createWorkspace(pool, { name })).id;
}

/** A Slack install as a pasted token leaves it (the token itself is not used by the outbox). */
export async function installSlack(
  pool: pg.Pool,
  workspaceId: string,
  options: { alertsChannelId?: string } = {},
): Promise<void> {
  await pool.query(
    `insert into slack_installations (workspace_id, team_id, secrets, installed_via, alerts_channel_id)
     values ($1::uuid, 'T0TEST', 'not a real token', 'token', $2::text)`,
    [workspaceId, options.alertsChannelId ?? null],
  );
}

export async function addPushSubscription(
  pool: pg.Pool,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await pool.query(
    `insert into push_subscriptions (workspace_id, user_id, endpoint, p256dh, auth)
     values ($1::uuid, $2::uuid, $3::text, 'key', 'auth')`,
    [workspaceId, userId, `https://push.example.com/${Math.random().toString(36).slice(2)}`],
  );
}

export interface DeliveryRow {
  id: string;
  notificationId: string | null;
  recipientUserId: string | null;
  channel: string;
  target: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  externalRef: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export async function deliveriesOf(pool: pg.Pool, workspaceId: string): Promise<DeliveryRow[]> {
  const { rows } = await pool.query<DeliveryRow>(
    `select id::text, notification_id::text as "notificationId",
            recipient_user_id::text as "recipientUserId", channel, target, status, attempts,
            last_error as "lastError", next_attempt_at as "nextAttemptAt",
            external_ref as "externalRef", payload
     from notification_deliveries where workspace_id = $1::uuid order by created_at, channel`,
    [workspaceId],
  );
  return rows;
}

/** The queued `notifications.deliver` jobs, by delivery id. */
export async function deliverJobs(
  pool: pg.Pool,
): Promise<Array<{ deliveryId: string; runAt: string }>> {
  const { rows } = await pool.query<{ deliveryId: string; runAt: string }>(
    `select j.payload->>'deliveryId' as "deliveryId", j.run_at as "runAt"
     from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'notifications.deliver'`,
  );
  return rows;
}
