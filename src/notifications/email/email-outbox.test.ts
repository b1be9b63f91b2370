import pino from 'pino';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { loadConfig } from '../../config.js';
import { addMember, deliveriesOf, newWorkspace } from '../fixtures.test-helper.js';
import { deliverNotification } from '../outbox.js';
import { recordNotification } from '../record.js';
import { createSenders } from '../senders.js';
import { createSmtpEmulator } from './emulator/server.js';

// The whole path as the workers run it: recorded, queued in the outbox, delivered by the
// email sender from senders.ts to the emulated SMTP server over real SMTP.
const db = await createTestDatabase();
const smtp = createSmtpEmulator();
const smtpUrl = await smtp.listen(0);
afterAll(() => smtp.close());
const config = { ...loadConfig({}), smtpUrl, publicUrl: 'https://pandora.test' };
const log = pino({ level: 'silent' });
const senders = createSenders({ pool: db.pool, secretKey: TEST_SECRET_KEY, log, config, env: {} });
const outbox = { pool: db.pool, senders, log, options: { random: () => 0 } };
const workspaceId = await newWorkspace(db.pool);

beforeEach(async () => {
  smtp.faults.clear();
  await smtp.up();
});

async function approvalFor(userId: string, title = 'Approve the amount of Globex') {
  const recorded = await recordNotification(
    db.pool,
    {
      workspaceId,
      type: 'approval',
      recipients: [userId],
      title,
      link: '/inbox/7e57da7a-0000-4000-8000-000000000001',
      fields: [{ field: 'amount', label: 'Amount', before: 1000, after: 1500, confidence: 0.8 }],
    },
    { email: true },
  );
  const email = (await deliveriesOf(db.pool, workspaceId)).find(
    (row) => recorded.deliveryIds.includes(row.id) && row.channel === 'email',
  );
  return email!.id;
}

async function rowOf(deliveryId: string) {
  return (await deliveriesOf(db.pool, workspaceId)).find((row) => row.id === deliveryId)!;
}

/** Makes a retry due now, as the clock would after the backoff. */
async function dueNow(deliveryId: string) {
  await db.pool.query(
    `update notification_deliveries set next_attempt_at = now() where id = $1::uuid`,
    [deliveryId],
  );
}

const mailTo = (email: string) => smtp.mailbox.list({ recipient: email });

it('an approval reaches the member by email through the outbox, once', async () => {
  const member = await addMember(db.pool, workspaceId);
  const deliveryId = await approvalFor(member.userId);
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({ result: 'delivered' });
  // Delivering a settled row again sends nothing.
  expect(await deliverNotification(outbox, deliveryId)).toEqual({ result: 'left_alone' });
  const mail = mailTo(member.email);
  expect(mail).toHaveLength(1);
  expect(mail[0]).toMatchObject({ subject: 'Approval needed: Approve the amount of Globex' });
  expect(mail[0]!.text).toContain('- Amount: 1,000 -> 1,500 (80% confident)');
  const row = await rowOf(deliveryId);
  expect(row).toMatchObject({ status: 'delivered', attempts: 1 });
  expect(row.externalRef.messageId).toBe(mail[0]!.messageId);
});

it('an SMTP server down for a while: retried, then delivered once when it is back', async () => {
  const member = await addMember(db.pool, workspaceId);
  const deliveryId = await approvalFor(member.userId);
  await smtp.down();
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({ result: 'retry' });
  expect(await rowOf(deliveryId)).toMatchObject({
    status: 'pending',
    attempts: 1,
    lastError: expect.stringMatching(/ECONNREFUSED|ECONNECTION/),
  });
  // Not due yet: a second worker leaves it alone, and nothing is sent meanwhile.
  expect(await deliverNotification(outbox, deliveryId)).toEqual({ result: 'left_alone' });

  smtp.busyFor(60_000);
  await smtp.up();
  await dueNow(deliveryId);
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({ result: 'retry' });
  expect((await rowOf(deliveryId)).lastError).toContain('SMTP 421');
  expect(mailTo(member.email)).toHaveLength(0);

  smtp.faults.clear();
  await dueNow(deliveryId);
  expect(await deliverNotification(outbox, deliveryId)).toMatchObject({
    result: 'delivered',
    attempt: 3,
  });
  expect(mailTo(member.email)).toHaveLength(1);
  expect(await rowOf(deliveryId)).toMatchObject({ status: 'delivered', attempts: 3 });
});

it('an address the server rejects with 550: failed with its reason, never resent', async () => {
  const member = await addMember(db.pool, workspaceId);
  const other = await addMember(db.pool, workspaceId);
  smtp.rejectAddress(member.email);
  const rejected = await approvalFor(member.userId);
  const fine = await approvalFor(other.userId);
  expect(await deliverNotification(outbox, rejected)).toMatchObject({ result: 'failed' });
  expect(await rowOf(rejected)).toMatchObject({
    status: 'failed',
    attempts: 1,
    lastError: expect.stringMatching(/SMTP 550: .*Recipient address rejected/),
  });
  await dueNow(rejected);
  expect(await deliverNotification(outbox, rejected)).toEqual({ result: 'left_alone' });
  // A dead address does not hold up the others.
  expect(await deliverNotification(outbox, fine)).toMatchObject({ result: 'delivered' });
  expect(mailTo(member.email)).toHaveLength(0);
  expect(mailTo(other.email)).toHaveLength(1);
});
