import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { beforeEach, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { loadConfig } from '../../config.js';
import { addMember, deliveriesOf, newWorkspace } from '../fixtures.test-helper.js';
import { deliverNotification } from '../outbox.js';
import { recordNotification } from '../record.js';
import { createSenders } from '../senders.js';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createTestSubscriber, startTestPushEmulator } from './emulator/push.test-helper.js';
import { listPushSubscriptions, savePushSubscription } from './subscriptions.js';
import { trustPushEmulator } from './trusted-origins.js';
import { loadVapidKeys } from './vapid.js';

// The whole path as the workers run it: recorded, queued in the outbox, delivered by
// the push sender from senders.ts to the push emulator over real HTTP.
const db = await createTestDatabase();
const { emulator, url } = await startTestPushEmulator();
trustPushEmulator(url);
const config = {
  ...loadConfig({}),
  dataDir: await mkdtemp(path.join(tmpdir(), 'push-outbox-')),
};
const vapid = await loadVapidKeys(config);
const log = pino({ level: 'silent' });
const senders = createSenders({ pool: db.pool, secretKey: TEST_SECRET_KEY, log, config, env: {} });
const outbox = { pool: db.pool, senders, log, options: { random: () => 0 } };
const workspaceId = await newWorkspace(db.pool);

beforeEach(() => emulator.faults.clear());

async function memberWithBrowsers(count: number) {
  const member = await addMember(db.pool, workspaceId);
  const browsers = [];
  for (let i = 0; i < count; i += 1) {
    const browser = createTestSubscriber(emulator, { applicationServerKey: vapid.publicKey });
    await savePushSubscription(db.pool, {
      workspaceId,
      userId: member.userId,
      endpoint: browser.endpoint,
      ...browser.keys,
      userAgent: null,
    });
    browsers.push(browser);
  }
  return { member, browsers };
}

async function approvalFor(userId: string) {
  const recorded = await recordNotification(db.pool, {
    workspaceId,
    type: 'approval',
    recipients: [userId],
    title: 'Approve the close date of Globex',
    body: 'Mar 1 -> Apr 15',
    link: '/inbox/7e57da7a-0000-4000-8000-000000000001',
  });
  const push = (await deliveriesOf(db.pool, workspaceId)).find(
    (row) => recorded.deliveryIds.includes(row.id) && row.channel === 'push',
  );
  return { notificationId: recorded.notificationIds[0]!, deliveryId: push!.id };
}

/** Makes a retry due now, as the clock would after the wait. */
async function dueNow(deliveryId: string) {
  await db.pool.query(
    `update notification_deliveries set next_attempt_at = now() where id = $1::uuid`,
    [deliveryId],
  );
}

async function rowOf(deliveryId: string) {
  return (await deliveriesOf(db.pool, workspaceId)).find((row) => row.id === deliveryId)!;
}

it('an approval reaches the browser through the outbox, once', async () => {
  const { member, browsers } = await memberWithBrowsers(1);
  const { notificationId, deliveryId } = await approvalFor(member.userId);
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({ result: 'delivered' });
  expect(await deliverNotification(outbox, deliveryId)).toEqual({ result: 'left_alone' });
  const received = browsers[0]!.received();
  expect(received).toHaveLength(1);
  expect(received[0]!.payload).toMatchObject({
    title: 'Approve the close date of Globex',
    tag: notificationId,
    url: `http://127.0.0.1:4000/w/${workspaceId}/inbox/7e57da7a-0000-4000-8000-000000000001`,
  });
});

it('push 410: the subscription is removed and the delivery ends failed, never resent', async () => {
  const { member, browsers } = await memberWithBrowsers(1);
  emulator.faults.add({ kind: 'gone', subscriptionId: browsers[0]!.id });
  const { deliveryId } = await approvalFor(member.userId);
  const before = emulator.log.lastSeq;
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({ result: 'failed' });
  const row = await rowOf(deliveryId);
  expect(row.status).toBe('failed');
  expect(row.lastError).toMatch(/answered 410/);
  expect(await listPushSubscriptions(db.pool, workspaceId, member.userId)).toEqual([]);
  await dueNow(deliveryId);
  expect(await deliverNotification(outbox, deliveryId)).toEqual({ result: 'left_alone' });
  expect(emulator.log.list(before)).toHaveLength(1);
});

it('push 429 with Retry-After, then ok: delivered once, after the wait', async () => {
  const { member, browsers } = await memberWithBrowsers(1);
  emulator.faults.add({
    kind: 'rate_limit',
    subscriptionId: browsers[0]!.id,
    times: 1,
    retryAfterSeconds: 30,
  });
  const { deliveryId } = await approvalFor(member.userId);
  const first = await deliverNotification(outbox, deliveryId);
  expect(first).toMatchObject({ result: 'retry' });
  const waited = Date.parse((first as { at: string }).at) - Date.now();
  expect(waited).toBeGreaterThan(25_000);
  expect(await deliverNotification(outbox, deliveryId)).toEqual({ result: 'left_alone' });
  await dueNow(deliveryId);
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({ result: 'delivered' });
  expect(browsers[0]!.received()).toHaveLength(1);
  expect((await rowOf(deliveryId)).status).toBe('delivered');
});

it('one dead subscription does not block the user’s other one', async () => {
  const { member, browsers } = await memberWithBrowsers(2);
  const [dead, alive] = browsers as [(typeof browsers)[0], (typeof browsers)[0]];
  emulator.faults.add({ kind: 'gone', subscriptionId: dead.id });
  const { deliveryId } = await approvalFor(member.userId);
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({ result: 'delivered' });
  expect(alive.received()).toHaveLength(1);
  expect(dead.received()).toEqual([]);
  expect(
    (await listPushSubscriptions(db.pool, workspaceId, member.userId)).map((s) => s.endpoint),
  ).toEqual([alive.endpoint]);
});
