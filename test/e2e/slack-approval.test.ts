import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentApproval, createAgentConfig } from '../../src/inbox/fixtures.test-helper.js';
import { recordNotification } from '../../src/notifications/record.js';
import { saveInstallation } from '../../src/notifications/slack/client.js';
import {
  startSlackEmulatorForTest,
  type SlackTestEmulator,
} from '../../src/notifications/slack/emulator/slack.test-helper.js';
import { TEST_SECRET_KEY, connectSandbox, createTenant, type Tenant } from '../app.js';
import {
  browserAvailable,
  loggedIn,
  startBrowserWorld,
  until as untilEvery,
  type BrowserWorld,
} from './harness.js';

/**
 * Slack approvals in a real browser: an inbox item's card reaches the assignee's Slack
 * DM through the outbox, the assignee clicks Approve on the emulated Slack's own page
 * (a signed interaction to Pandora), the console shows the item approved by them, and
 * the Slack card is updated to say who approved it.
 */
// Delivery, the decision and the card's update each go through the job queue.
const JOB_TIMEOUT = 40_000;
const SECRET = 'e2e-slack-signing-secret';

function until<T>(what: string, read: () => Promise<T | null | undefined | false>): Promise<T> {
  return untilEvery(what, read, { timeoutMs: JOB_TIMEOUT, everyMs: 250 });
}

describe.skipIf(!browserAvailable)('Slack approvals in a real browser', () => {
  let world: BrowserWorld;
  let slack: SlackTestEmulator;
  let tenant: Tenant;

  beforeAll(async () => {
    world = await startBrowserWorld(6, { config: { slackSigningSecret: SECRET } });
    tenant = await createTenant(world.t, 'admin');
    slack = await startSlackEmulatorForTest({
      users: [{ email: tenant.email, name: 'Ana Admin' }],
    });
    slack.setInteractivity(`${world.baseUrl}/api/slack/interactions`, SECRET);
    await saveInstallation(world.t.db.pool, TEST_SECRET_KEY, {
      workspaceId: tenant.workspaceId,
      teamId: slack.teamId,
      teamName: 'Pandora Sandbox',
      botUserId: null,
      botToken: slack.botToken,
      scopes: ['chat:write', 'im:write', 'users:read', 'users:read.email'],
      installedVia: 'token',
      installedBy: tenant.userId,
      apiUrl: slack.url,
    });
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('approves from the Slack card: the console shows it approved, and the card says who approved it', async () => {
    const pool = world.t.db.pool;
    const { connectionId, connector } = await connectSandbox(world.t, tenant);
    const page1 = await connector.listChanged('deal', { properties: [] });
    const recordId = page1.records[0]!.id;
    const agentConfigId = await createAgentConfig(pool, tenant.workspaceId, connectionId);
    const { itemId } = await createAgentApproval(pool, {
      workspaceId: tenant.workspaceId,
      connectionId,
      agentConfigId,
      recordId,
      fields: { next_step: 'Send the MSA to legal' },
      assigneeUserId: tenant.userId,
    });
    // What the inbox's notification producer records for a new item (the same key, so
    // this is a no-op where the producer already did it).
    await recordNotification(pool, {
      workspaceId: tenant.workspaceId,
      type: 'approval',
      recipients: [tenant.userId],
      title: 'Update the deal from the call',
      link: `/inbox/${itemId}`,
      inboxItemId: itemId,
      fields: [
        {
          field: 'next_step',
          label: 'Next step',
          before: null,
          after: 'Send the MSA to legal',
          editable: true,
        },
      ],
      dedupeKey: `inbox_item:${itemId}`,
    });
    const approveId = `inbox.approve:${itemId}`;
    const card = await until('the card in the Slack DM', async () =>
      slack
        .dmWith(tenant.email)
        .find((message) => JSON.stringify(message.blocks ?? []).includes(approveId)),
    );

    // The emulated Slack's own page, acting as the assignee: click Approve on the card.
    const slackPage = await world.browser.newPage();
    const person = slack.user(tenant.email).id;
    await slackPage.goto(
      `${slack.url}/?channel=${encodeURIComponent(card.channel)}&as=${encodeURIComponent(person)}`,
    );
    const approveButton = slackPage.locator(
      `form:has(input[name="actionId"][value="${approveId}"]) button`,
    );
    // The form posts, and the page comes back with a note of Pandora's answer: wait for
    // that navigation, or a later goto would interrupt it.
    await Promise.all([slackPage.waitForURL(/[?&]note=/), approveButton.click()]);
    expect(new URL(slackPage.url()).searchParams.get('note')).toMatch(/Pandora answered 200/);

    // The console: the item approved, by this person.
    const consolePage = await loggedIn(world, tenant);
    const itemCard = consolePage.getByTestId(`inbox-item-${itemId}`);
    await until('the item approved in the console', async () => {
      await consolePage.goto(`${world.baseUrl}/w/${tenant.workspaceId}/inbox/${itemId}`);
      await itemCard.waitFor();
      return (await itemCard.getAttribute('data-status')) === 'approved';
    });
    expect(await itemCard.innerText()).toContain(`by ${tenant.email}`);
    const [deal] = await connector.readRecords('deal', [recordId], ['hs_next_step']);
    expect(deal?.ok && deal.value.properties.hs_next_step).toBe('Send the MSA to legal');

    // Slack: the card now says who approved it (by name), its buttons gone.
    const { rows } = await pool.query<{ name: string }>(
      `select name from users where id = $1::uuid`,
      [tenant.userId],
    );
    await until('the card updated in Slack', async () => {
      await slackPage.goto(
        `${slack.url}/?channel=${encodeURIComponent(card.channel)}&as=${encodeURIComponent(person)}`,
      );
      return (await slackPage.locator('body').innerText()).includes(`Approved by ${rows[0]!.name}`);
    });
    expect(await approveButton.count()).toBe(0);
  }, 180_000);
});
