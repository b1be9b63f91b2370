import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../../../test/db.js';
import { loadConfig } from '../../config.js';
import { createUser } from '../../tenancy/users.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import type { DeliveryTask, NotificationPayload } from '../types.js';
import {
  createTestSubscriber,
  startTestPushEmulator,
  type TestSubscriber,
} from './emulator/push.test-helper.js';
import { createPushSender, type PushPayload } from './sender.js';
import { listPushSubscriptions, savePushSubscription } from './subscriptions.js';
import { loadVapidKeys } from './vapid.js';

const db = await createTestDatabase();
const { emulator, url } = await startTestPushEmulator();
const config = {
  ...loadConfig({}),
  dataDir: await mkdtemp(path.join(tmpdir(), 'push-sender-')),
  publicUrl: 'https://pandora.example.com',
};
const vapid = await loadVapidKeys(config);
const sender = createPushSender({
  pool: db.pool,
  log: pino({ level: 'silent' }),
  config,
  trustedOrigins: () => [url],
});
const workspace = await createWorkspace(db.pool, { name: 'Push' });

let counter = 0;
async function member() {
  counter += 1;
  const email = `push-${counter}@example.com`;
  const user = await createUser(db.pool, {
    email,
    name: `Push ${counter}`,
    password: 'x'.repeat(12),
  });
  return { userId: user.id, email, name: `Push ${counter}` };
}

async function subscribe(userId: string): Promise<TestSubscriber> {
  const subscriber = createTestSubscriber(emulator, { applicationServerKey: vapid.publicKey });
  await savePushSubscription(db.pool, {
    workspaceId: workspace.id,
    userId,
    endpoint: subscriber.endpoint,
    ...subscriber.keys,
    userAgent: 'Test browser',
  });
  return subscriber;
}

/** A notification and its push delivery, as the outbox records them. */
async function delivery(
  recipient: { userId: string; email: string; name: string },
  overrides: Partial<NotificationPayload> = {},
): Promise<DeliveryTask & { notificationId: string }> {
  const payload: NotificationPayload = {
    type: 'approval',
    title: 'Approve the amount of Acme',
    body: '$10,000 -> $12,000',
    link: '/inbox/0b0b0b0b-0000-4000-8000-000000000001',
    severity: 'info',
    critical: false,
    inboxItemId: null,
    ...overrides,
  };
  const { rows } = await db.pool.query<{ notificationId: string; deliveryId: string }>(
    `with n as (
       insert into notifications (workspace_id, recipient_email, recipient_user_id, kind, title)
       values ($1::uuid, $2::text, $3::uuid, 'approval', $4::text) returning id)
     insert into notification_deliveries
       (workspace_id, notification_id, recipient_user_id, channel, payload, idempotency_key)
     select $1::uuid, n.id, $3::uuid, 'push', $5::jsonb, 'push:' || n.id from n
     returning notification_id as "notificationId", id as "deliveryId"`,
    [workspace.id, recipient.email, recipient.userId, payload.title, JSON.stringify(payload)],
  );
  const row = rows[0]!;
  return {
    notificationId: row.notificationId,
    deliveryId: row.deliveryId,
    workspaceId: workspace.id,
    channel: 'push',
    recipient,
    target: null,
    payload,
    idempotencyKey: `push:${row.notificationId}`,
    attempt: 1,
    externalRef: {},
  };
}

function again(task: DeliveryTask, externalRef: Record<string, unknown> | undefined): DeliveryTask {
  return { ...task, attempt: task.attempt + 1, externalRef: externalRef ?? {} };
}

function refOf(outcome: Awaited<ReturnType<typeof sender.send>>) {
  return 'externalRef' in outcome ? outcome.externalRef : undefined;
}

beforeEach(() => emulator.faults.clear());

describe('the push sender', () => {
  it('sends every browser of the recipient the notification, readable only with its keys', async () => {
    const person = await member();
    const laptop = await subscribe(person.userId);
    const phone = await subscribe(person.userId);
    const task = await delivery(person, { critical: true, severity: 'error' });

    const outcome = await sender.send(task);
    expect(outcome.status).toBe('delivered');
    const expected: PushPayload = {
      title: 'Approve the amount of Acme',
      body: '$10,000 -> $12,000',
      url: `https://pandora.example.com/w/${workspace.id}/inbox/0b0b0b0b-0000-4000-8000-000000000001`,
      tag: task.notificationId,
      type: 'approval',
      severity: 'error',
    };
    for (const browser of [laptop, phone]) {
      const [received, ...more] = browser.received();
      expect(more).toEqual([]);
      expect(received!.payload).toEqual(expected);
      expect(received!.message).toMatchObject({
        ttl: 86_400,
        urgency: 'high',
        topic: task.notificationId.replace(/-/g, ''),
        vapidKey: vapid.publicKey,
        contentEncoding: 'aes128gcm',
      });
    }
    const stored = await listPushSubscriptions(db.pool, workspace.id, person.userId);
    expect(stored.every((subscription) => subscription.lastSuccessAt !== null)).toBe(true);
  });

  it('a normal notification is sent at normal urgency', async () => {
    const person = await member();
    const browser = await subscribe(person.userId);
    await sender.send(await delivery(person));
    expect(browser.received()[0]!.message.urgency).toBe('normal');
  });

  it('410: the subscription is removed and the delivery ends without resending', async () => {
    const person = await member();
    const browser = await subscribe(person.userId);
    emulator.faults.add({ kind: 'gone', subscriptionId: browser.id });
    const task = await delivery(person);
    const before = emulator.log.lastSeq;

    const outcome = await sender.send(task);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining('410') });
    expect(await listPushSubscriptions(db.pool, workspace.id, person.userId)).toEqual([]);
    // Were it ever run again, nothing is left to send to.
    expect(await sender.send(again(task, refOf(outcome)))).toMatchObject({ status: 'skipped' });
    expect(emulator.log.list(before)).toHaveLength(1);
    expect(browser.received()).toEqual([]);
  });

  it('429 with Retry-After: retried after it, then delivered once', async () => {
    const person = await member();
    const browser = await subscribe(person.userId);
    emulator.faults.add({
      kind: 'rate_limit',
      subscriptionId: browser.id,
      times: 1,
      retryAfterSeconds: 7,
    });
    const task = await delivery(person);

    const first = await sender.send(task);
    expect(first).toMatchObject({ status: 'retry', retryAfterMs: 7_000 });
    expect(browser.received()).toEqual([]);
    const second = await sender.send(again(task, refOf(first)));
    expect(second.status).toBe('delivered');
    expect(browser.received()).toHaveLength(1);
  });

  it('one dead browser does not block the others; a retry skips those already reached', async () => {
    const person = await member();
    const dead = await subscribe(person.userId);
    const busy = await subscribe(person.userId);
    const fine = await subscribe(person.userId);
    emulator.faults.add({ kind: 'not_found', subscriptionId: dead.id });
    emulator.faults.add({ kind: 'server_error', subscriptionId: busy.id, times: 1 });
    const task = await delivery(person);

    const first = await sender.send(task);
    expect(first.status).toBe('retry');
    expect(fine.received()).toHaveLength(1);
    expect(
      (await listPushSubscriptions(db.pool, workspace.id, person.userId)).map((s) => s.endpoint),
    ).toEqual([busy.endpoint, fine.endpoint]);

    const before = emulator.log.lastSeq;
    const second = await sender.send(again(task, refOf(first)));
    expect(second.status).toBe('delivered');
    expect(emulator.log.list(before).map((entry) => entry.subscriptionId)).toEqual([busy.id]);
    expect(busy.received()).toHaveLength(1);
    expect(fine.received()).toHaveLength(1);
    expect(dead.received()).toEqual([]);
    const results = Object.values(
      (refOf(second) as { subscriptions: Record<string, { status: string }> }).subscriptions,
    );
    expect(results.map((result) => result.status).sort()).toEqual(['gone', 'sent', 'sent']);
  });

  it('413 and other refusals fail with the push service’s reason', async () => {
    const person = await member();
    const browser = await subscribe(person.userId);
    emulator.faults.add({ kind: 'too_large', subscriptionId: browser.id });
    const outcome = await sender.send(await delivery(person));
    expect(outcome).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/refused it with 413/),
    });
    expect(await listPushSubscriptions(db.pool, workspace.id, person.userId)).toHaveLength(1);
  });

  it('a lost answer is sent again under the same Topic, so the service and browser keep one', async () => {
    const person = await member();
    const browser = await subscribe(person.userId);
    emulator.faults.add({ kind: 'drop_answer', subscriptionId: browser.id, times: 1 });
    const task = await delivery(person);
    const first = await sender.send(task);
    expect(first.status).toBe('retry');
    expect((await sender.send(again(task, refOf(first)))).status).toBe('delivered');
    const topics = browser.received().map((r) => [r.message.topic, (r.payload as PushPayload).tag]);
    expect(topics).toEqual([
      [task.notificationId.replace(/-/g, ''), task.notificationId],
      [task.notificationId.replace(/-/g, ''), task.notificationId],
    ]);
  });

  it('no subscription: skipped; an endpoint no longer allowed: failed with the reason', async () => {
    const person = await member();
    expect(await sender.send(await delivery(person))).toEqual({
      status: 'skipped',
      reason: 'the recipient has no push subscription',
    });
    await subscribe(person.userId);
    const untrusting = createPushSender({
      pool: db.pool,
      log: pino({ level: 'silent' }),
      config,
      trustedOrigins: () => [],
    });
    expect(await untrusting.send(await delivery(person))).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/endpoint is not allowed: only https URLs/),
    });
  });
});
