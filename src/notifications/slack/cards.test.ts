import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import type { Caller } from '../../actions/service.js';
import { approveInboxItemAs, rejectInboxItemAs } from '../../inbox/decisions.js';
import { expireInboxItems } from '../../inbox/expiry.js';
import { createCaller } from '../../inbox/fixtures.test-helper.js';
import { createInboxItem } from '../../inbox/items.js';
import { newWorkspace } from '../fixtures.test-helper.js';
import { deliverNotification } from '../outbox.js';
import { recordNotification } from '../record.js';
import { updateCards } from './cards.js';
import { saveInstallation } from './client.js';
import { startSlackEmulatorForTest, type SlackTestEmulator } from './emulator/slack.test-helper.js';
import { createSlackSender } from './sender.js';

let db: TestDatabase;
let slack: SlackTestEmulator;
let workspaceId: string;
let dana: Caller;
const log = pino({ level: 'silent' });
const config = { ...loadConfig({}), publicUrl: 'https://pandora.example.com' };
const deps = () => ({ pool: db.pool, secretKey: TEST_SECRET_KEY, config, log });

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startSlackEmulatorForTest();
  workspaceId = await newWorkspace(db.pool);
  dana = await createCaller(db.pool, workspaceId, 'admin');
  await db.pool.query(`update users set name = 'Dana Admin' where email = $1::text`, [dana.actor]);
  slack.emulator.addUser({ email: dana.actor, name: 'Dana Admin' });
  await saveInstallation(db.pool, TEST_SECRET_KEY, {
    workspaceId,
    teamId: slack.teamId,
    teamName: 'Pandora Sandbox',
    botUserId: null,
    botToken: slack.botToken,
    scopes: [],
    installedVia: 'token',
    installedBy: null,
    apiUrl: slack.url,
  });
  await db.pool.query(
    `update slack_installations set alerts_channel_id = $2::text where workspace_id = $1::uuid`,
    [workspaceId, slack.channel('revops-alerts').id],
  );
});

/** An approval waiting for Dana, announced to her in Slack and in the alerts channel. */
async function announcedItem(options: { deliver?: boolean; expiresAt?: string } = {}) {
  const itemId = (await createInboxItem(db.pool, {
    workspaceId,
    itemType: 'approval',
    source: 'agent',
    title: 'Update Acme renewal',
    assigneeUserId: dana.sourceId,
    expiresAt: options.expiresAt ?? null,
  }))!;
  const { deliveryIds } = await recordNotification(db.pool, {
    workspaceId,
    type: 'approval',
    recipients: [dana.sourceId!],
    title: 'Update Acme renewal',
    link: `/inbox/${itemId}`,
    inboxItemId: itemId,
    fields: [{ field: 'amount', label: 'Amount', before: 100, after: 125 }],
    alertsChannel: true,
    dedupeKey: `item:${itemId}`,
  });
  void deliveryIds;
  // Every Slack delivery about the item: ours, and any a producer made when it was created.
  const { rows } = await db.pool.query<{ id: string }>(
    `select d.id from notification_deliveries d
     left join notifications n on n.id = d.notification_id
     where d.channel = 'slack'
       and (n.inbox_item_id = $1::uuid or d.payload->>'inboxItemId' = $1::text)`,
    [itemId],
  );
  const since = slack.mark();
  if (options.deliver !== false) {
    const senders = new Map([['slack' as const, createSlackSender(deps())]]);
    for (const row of rows) await deliverNotification({ pool: db.pool, senders }, row.id);
  }
  return { itemId, slackDeliveries: rows.map((r) => r.id), posted: since };
}

async function queuedCardJobs(itemId: string) {
  const { rows } = await db.pool.query<{ runAt: string }>(
    `select j.run_at as "runAt" from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'slack.update-cards' and j.payload->>'inboxItemId' = $1::text`,
    [itemId],
  );
  return rows;
}

const hasButtons = (blocks: unknown[] | null) =>
  (blocks ?? []).some((b) => (b as { type: string }).type === 'actions');

describe('Slack cards follow their item', () => {
  it('a console approval turns every card of the item into "Approved by Dana", buttons gone', async () => {
    const { itemId, posted } = await announcedItem();
    const messages = posted();
    // Dana's DM(s) and #revops-alerts.
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(messages.every((m) => hasButtons(m.blocks))).toBe(true);

    await approveInboxItemAs({ pool: db.pool, secretKey: TEST_SECRET_KEY }, dana, itemId);
    // Queued in the decision's own transaction.
    expect(await queuedCardJobs(itemId)).toHaveLength(1);

    const report = await updateCards(deps(), workspaceId, itemId);
    expect(report).toEqual({ updated: messages.length, gone: 0, inFlight: 0 });
    for (const message of posted()) {
      expect(hasButtons(message.blocks)).toBe(false);
      expect(JSON.stringify(message.blocks)).toContain('*Approved* by Dana Admin');
      expect(message.text).toBe('Approved by Dana Admin: Update Acme renewal');
    }
    // Running again changes nothing: each card already says so.
    const updatesBefore = slack.emulator.log.list(undefined, (e) => e.method === 'chat.update');
    expect(await updateCards(deps(), workspaceId, itemId)).toEqual({
      updated: 0,
      gone: 0,
      inFlight: 0,
    });
    expect(slack.emulator.log.list(undefined, (e) => e.method === 'chat.update')).toHaveLength(
      updatesBefore.length,
    );
  });

  it('a rejection shows its reason', async () => {
    const { itemId, posted } = await announcedItem();
    await rejectInboxItemAs(db.pool, dana, itemId, 'wrong deal');
    await updateCards(deps(), workspaceId, itemId);
    for (const message of posted()) {
      expect(JSON.stringify(message.blocks)).toMatch(/\*Rejected\* by Dana Admin .*: wrong deal/);
    }
  });

  it('an expired item says so, with nobody named', async () => {
    const { itemId, posted } = await announcedItem({
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await expireInboxItems(db.pool, new Date(Date.now() + 120_000));
    expect(await queuedCardJobs(itemId)).toHaveLength(1);
    await updateCards(deps(), workspaceId, itemId);
    for (const message of posted()) {
      expect(JSON.stringify(message.blocks)).toContain('*Expired*');
      expect(hasButtons(message.blocks)).toBe(false);
    }
  });

  it('a card not yet posted when the item is decided is updated once it is', async () => {
    const { itemId, slackDeliveries, posted } = await announcedItem({ deliver: false });
    await approveInboxItemAs({ pool: db.pool, secretKey: TEST_SECRET_KEY }, dana, itemId);
    const first = await updateCards(deps(), workspaceId, itemId);
    expect(first).toEqual({ updated: 0, gone: 0, inFlight: slackDeliveries.length });
    expect(slackDeliveries.length).toBeGreaterThanOrEqual(2);
    // It looks again later (the same job key, run in 30 s).
    const jobs = await queuedCardJobs(itemId);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.runAt).getTime()).toBeGreaterThan(Date.now() + 20_000);

    const senders = new Map([['slack' as const, createSlackSender(deps())]]);
    for (const id of slackDeliveries) await deliverNotification({ pool: db.pool, senders }, id);
    expect(await updateCards(deps(), workspaceId, itemId)).toEqual({
      updated: slackDeliveries.length,
      gone: 0,
      inFlight: 0,
    });
    expect(posted().every((m) => !hasButtons(m.blocks))).toBe(true);
  });

  it('queues nothing for a workspace without Slack', async () => {
    const other = await newWorkspace(db.pool, 'No Slack');
    const admin = await createCaller(db.pool, other, 'admin');
    const itemId = (await createInboxItem(db.pool, {
      workspaceId: other,
      itemType: 'approval',
      source: 'agent',
      title: 'Nothing to update',
    }))!;
    await approveInboxItemAs({ pool: db.pool, secretKey: TEST_SECRET_KEY }, admin, itemId);
    expect(await queuedCardJobs(itemId)).toHaveLength(0);
  });
});
