import type pg from 'pg';
import { buildDueDigests } from '../../src/notifications/digests.js';
import { deliverNotification } from '../../src/notifications/outbox.js';
import { recordNotification } from '../../src/notifications/record.js';
import type { Senders } from '../../src/notifications/senders.js';
import type {
  ChannelSender,
  DeliveryOutcome,
  DeliveryTask,
} from '../../src/notifications/types.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import { measureSlackAck } from './notify-slack.js';
import type { Suite } from './types.js';

/**
 * The notification path: deliveries per second through the real outbox (claim, send,
 * settle in Postgres) to an in-process channel, with the count of anything received
 * twice (must be 0), each row's job run twice to prove it; the time to build the
 * digests of 10,000 members (`--quick`: 1,000) holding 3 rows each, against the
 * baseline of inserting the same number of notification rows plainly; and the Slack
 * interactive endpoint's acknowledgement under 50 concurrent clicks (notify-slack.ts).
 */
export const notifySuite: Suite = async ({ quick, report }) => {
  const deliveries = quick ? 300 : 3_000;
  const digestMembers = quick ? 1_000 : 10_000;
  const db = await benchDatabase();
  try {
    const workspaceId = (await createWorkspace(db.pool, { name: 'Notify bench' })).id;
    const users = await addMembers(db.pool, workspaceId, deliveries, 'd');
    const ids: string[] = [];
    for (const userId of users) {
      const recorded = await recordNotification(
        db.pool,
        { workspaceId, type: 'approval', recipients: [userId], title: 'Approve the amount' },
        { email: true },
      );
      ids.push(...recorded.deliveryIds);
    }
    const sender = new CountingSender();
    const senders: Senders = new Map([['email', sender]]);
    const started = performance.now();
    // Eight workers, and every job twice (a duplicate job must send nothing).
    const queue = [...ids, ...ids];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          await deliverNotification({ pool: db.pool, senders }, id);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    report({ metric: 'deliveries', value: ids.length, unit: 'deliveries' });
    report({ metric: 'deliveries_per_second', value: round(ids.length / seconds), unit: '/s' });
    report({ metric: 'deliveries_received', value: sender.received.size, unit: 'deliveries' });
    report({ metric: 'duplicate_deliveries', value: sender.duplicates, unit: 'deliveries' });

    const digestWorkspace = (await createWorkspace(db.pool, { name: 'Digest bench' })).id;
    await addMembers(db.pool, digestWorkspace, digestMembers, 'g');
    await holdThreeEach(db.pool, digestWorkspace);
    const baselineStarted = performance.now();
    await db.pool.query(
      `insert into notifications (workspace_id, recipient_email, recipient_user_id, kind, title, in_app)
       select m.workspace_id, u.email, u.id, 'digest', 'baseline', false
       from memberships m join users u on u.id = m.user_id where m.workspace_id = $1::uuid`,
      [digestWorkspace],
    );
    const baselineMs = performance.now() - baselineStarted;
    const digestStarted = performance.now();
    const built = await buildDueDigests(db.pool, { now: new Date(Date.now() + 25 * 3_600_000) });
    report({ metric: 'digest_members', value: built.members, unit: 'members' });
    report({ metric: 'digest_items', value: built.items, unit: 'rows' });
    report({
      metric: 'digest_build_ms',
      value: round(performance.now() - digestStarted),
      unit: 'ms',
      baseline: round(baselineMs),
    });
  } finally {
    await db.close();
  }
  const ack = await measureSlackAck({ quick });
  report({ metric: 'slack_ack_clicks', value: ack.clicks, unit: 'clicks' });
  report({ metric: 'slack_ack_p50_ms', value: ack.p50Ms, unit: 'ms', baseline: ack.baselineP50Ms });
  report({ metric: 'slack_ack_p99_ms', value: ack.p99Ms, unit: 'ms', baseline: ack.baselineP99Ms });
};

class CountingSender implements ChannelSender {
  readonly channel = 'email' as const;
  readonly received = new Map<string, number>();
  duplicates = 0;
  async send(task: DeliveryTask): Promise<DeliveryOutcome> {
    const seen = this.received.get(task.idempotencyKey) ?? 0;
    if (seen > 0) this.duplicates += 1;
    this.received.set(task.idempotencyKey, seen + 1);
    return { status: 'delivered' };
  }
}

async function addMembers(pool: pg.Pool, workspaceId: string, count: number, tag: string) {
  const { rows } = await pool.query<{ id: string }>(
    `with u as (
       insert into users (email, name)
       select 'bench-' || $3::text || '-' || i || '-' || $1::text || '@example.com', 'Member ' || i
       from generate_series(1, $2::integer) i returning id)
     insert into memberships (workspace_id, user_id, role)
     select $1::uuid, id, 'member' from u returning user_id::text as id`,
    [workspaceId, count, tag],
  );
  return rows.map((row) => row.id);
}

/** Three held email rows per member, a day old, as digest-mode preferences leave them. */
async function holdThreeEach(pool: pg.Pool, workspaceId: string) {
  await pool.query(
    `with n as (
       insert into notifications (workspace_id, recipient_email, recipient_user_id, kind, title)
       select m.workspace_id, u.email, u.id, 'agent_run', 'Run ' || k
       from memberships m join users u on u.id = m.user_id, generate_series(1, 3) k
       where m.workspace_id = $1::uuid
       returning id, workspace_id, recipient_user_id, title)
     insert into notification_deliveries
       (workspace_id, notification_id, recipient_user_id, channel, payload, idempotency_key,
        status, created_at)
     select workspace_id, id, recipient_user_id, 'email',
            jsonb_build_object('type', 'agent_run', 'title', title, 'link', null,
                               'severity', 'info', 'critical', false, 'inboxItemId', null),
            id || ':email', 'held', now() - interval '1 day'
     from n`,
    [workspaceId],
  );
}
