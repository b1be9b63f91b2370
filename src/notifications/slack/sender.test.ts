import pino from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { addMember, newWorkspace, type Member } from '../fixtures.test-helper.js';
import { deliverNotification } from '../outbox.js';
import { recordNotification } from '../record.js';
import type { DeliveryTask, NotificationPayload } from '../types.js';
import { saveInstallation } from './client.js';
import { startSlackEmulatorForTest, type SlackTestEmulator } from './emulator/slack.test-helper.js';
import { createSlackSender, METADATA_EVENT_TYPE, sendToSlack } from './sender.js';

let db: TestDatabase;
let slack: SlackTestEmulator;
let workspaceId: string;
let rex: Member;
let nobody: Member;
const log = pino({ level: 'silent' });
const config = { ...loadConfig({}), publicUrl: 'https://pandora.example.com' };
const deps = () => ({ pool: db.pool, secretKey: TEST_SECRET_KEY, config, log });

const ITEM = '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const payload: NotificationPayload = {
  type: 'approval',
  title: 'Update Acme renewal',
  body: 'Deal: Acme renewal',
  link: `/inbox/${ITEM}`,
  severity: 'info',
  critical: false,
  inboxItemId: ITEM,
  fields: [
    {
      field: 'amount',
      label: 'Amount',
      before: 100,
      after: 125,
      confidence: 0.9,
      quote: 'we are at 125',
    },
  ],
};

let seq = 0;
function task(over: Partial<DeliveryTask> = {}): DeliveryTask {
  seq += 1;
  return {
    deliveryId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    workspaceId,
    channel: 'slack',
    recipient: { userId: rex.userId, email: rex.email, name: rex.name },
    target: null,
    payload,
    idempotencyKey: `key-${seq}`,
    attempt: 1,
    externalRef: {},
    ...over,
  };
}

async function install(workspace: string, token = slack.botToken) {
  await saveInstallation(db.pool, TEST_SECRET_KEY, {
    workspaceId: workspace,
    teamId: slack.teamId,
    teamName: 'Pandora Sandbox',
    botUserId: null,
    botToken: token,
    scopes: [],
    installedVia: 'token',
    installedBy: null,
    apiUrl: slack.url,
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startSlackEmulatorForTest();
  workspaceId = await newWorkspace(db.pool);
  rex = await addMember(db.pool, workspaceId);
  nobody = await addMember(db.pool, workspaceId);
  // The Pandora member and the Slack person share an email, as in real teams.
  slack.emulator.addUser({ email: rex.email, name: rex.name });
  await install(workspaceId);
});

beforeEach(() => {
  slack.emulator.faults.clear();
});

const lookups = () =>
  slack.emulator.log.list(undefined, (e) => e.method === 'users.lookupByEmail').length;

describe('the Slack sender', () => {
  it('DMs the member found by email, with the card and the delivery id in the metadata', async () => {
    const t = task();
    const outcome = await sendToSlack(deps(), t);
    expect(outcome).toMatchObject({ status: 'delivered' });
    const dm = slack.dmWith(rex.email);
    expect(dm).toHaveLength(1);
    const message = dm[0]!;
    expect(outcome).toEqual({
      status: 'delivered',
      externalRef: { channel: message.channel, ts: message.ts },
    });
    expect(message.metadata).toEqual({
      event_type: METADATA_EVENT_TYPE,
      event_payload: { delivery_id: t.deliveryId },
    });
    expect(JSON.stringify(message.blocks)).toContain(`inbox.approve:${ITEM}`);
    // View opens the item's console page, which lives under the workspace.
    expect(JSON.stringify(message.blocks)).toContain(`/w/${workspaceId}/inbox/${ITEM}`);
    expect(message.text).toContain('Update Acme renewal');
  });

  it('asks Slack about a member once, then uses the link', async () => {
    const before = lookups();
    await sendToSlack(deps(), task());
    await sendToSlack(deps(), task());
    expect(lookups()).toBe(before);
    expect(slack.dmWith(rex.email).length).toBeGreaterThanOrEqual(3);
  });

  it('skips a member with no Slack account, says why, and remembers it for a while', async () => {
    const before = lookups();
    const outcome = await sendToSlack(deps(), task({ recipient: { ...nobody } }));
    expect(outcome).toEqual({
      status: 'skipped',
      reason: expect.stringContaining(`has the email ${nobody.email}`),
    });
    await sendToSlack(deps(), task({ recipient: { ...nobody } }));
    expect(lookups()).toBe(before + 1);
  });

  it('posts to a channel when the delivery names one', async () => {
    const channel = slack.channel('revops-alerts');
    const outcome = await sendToSlack(deps(), task({ recipient: null, target: channel.id }));
    expect(outcome).toMatchObject({ status: 'delivered', externalRef: { channel: channel.id } });
    expect(slack.messages({ channel: channel.id }).at(-1)!.text).toContain('Update Acme renewal');
  });

  it('a retry after a lost answer finds its message instead of posting it again', async () => {
    const t = task();
    const since = slack.mark();
    slack.emulator.faults.add({ kind: 'drop_after_apply', method: 'chat.postMessage', times: 1 });
    const first = await sendToSlack(deps(), t);
    expect(first).toMatchObject({ status: 'retry' });
    expect(since()).toHaveLength(1);
    const second = await sendToSlack(deps(), { ...t, attempt: 2 });
    expect(second).toEqual({
      status: 'delivered',
      externalRef: { channel: since()[0]!.channel, ts: since()[0]!.ts },
    });
    expect(since()).toHaveLength(1);
  });

  it('a retry whose first try never reached Slack posts once', async () => {
    const t = task();
    const since = slack.mark();
    slack.emulator.faults.add({ kind: 'server_error', method: 'chat.postMessage', times: 1 });
    expect(await sendToSlack(deps(), t)).toMatchObject({
      status: 'retry',
      error: 'Slack answered HTTP 503',
    });
    expect(since()).toHaveLength(0);
    expect(await sendToSlack(deps(), { ...t, attempt: 2 })).toMatchObject({ status: 'delivered' });
    expect(since()).toHaveLength(1);
  });

  it("maps Slack's 429 to a retry after its Retry-After", async () => {
    slack.emulator.faults.add({
      kind: 'rate_limit',
      method: 'chat.postMessage',
      times: 1,
      retryAfterSeconds: 7,
    });
    expect(await sendToSlack(deps(), task())).toMatchObject({
      status: 'retry',
      retryAfterMs: 7000,
    });
  });

  it('fails for good on a dead token or a missing channel, with the reason', async () => {
    expect(await sendToSlack(deps(), task({ recipient: null, target: 'C0DOESNOTEXIST' }))).toEqual({
      status: 'failed',
      error: 'Slack: channel_not_found',
    });
    const dead = await newWorkspace(db.pool, 'Dead token');
    await install(dead, 'xoxb-revoked-token');
    expect(await sendToSlack(deps(), task({ workspaceId: dead }))).toEqual({
      status: 'failed',
      error: 'Slack: invalid_auth',
    });
  });

  it('skips a workspace without Slack', async () => {
    const other = await newWorkspace(db.pool, 'No Slack');
    expect(await sendToSlack(deps(), task({ workspaceId: other }))).toEqual({
      status: 'skipped',
      reason: 'Slack is not installed in this workspace',
    });
  });
});

describe('through the outbox', () => {
  it('a recorded approval reaches the assignee in Slack once, even when the outbox runs it twice', async () => {
    const { deliveryIds } = await recordNotification(db.pool, {
      workspaceId,
      type: 'approval',
      recipients: [rex.userId],
      title: 'Approve the close date',
      body: 'Deal: Globex',
      link: '/inbox/x',
      fields: payload.fields,
    });
    const { rows } = await db.pool.query<{ id: string }>(
      `select id from notification_deliveries where id = any($1::uuid[]) and channel = 'slack'`,
      [deliveryIds],
    );
    const deliveryId = rows[0]!.id;
    const senders = new Map([['slack' as const, createSlackSender(deps())]]);
    const since = slack.mark();
    expect(await deliverNotification({ pool: db.pool, senders }, deliveryId)).toMatchObject({
      result: 'delivered',
    });
    expect(await deliverNotification({ pool: db.pool, senders }, deliveryId)).toEqual({
      result: 'left_alone',
    });
    expect(since()).toHaveLength(1);
    const row = await db.pool.query<{ externalRef: { ts: string } }>(
      `select external_ref as "externalRef" from notification_deliveries where id = $1::uuid`,
      [deliveryId],
    );
    expect(row.rows[0]!.externalRef.ts).toBe(since()[0]!.ts);
  });
});
