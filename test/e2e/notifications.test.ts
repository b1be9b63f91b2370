import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboxItem } from '../../src/inbox/items.js';
import { recordNotification } from '../../src/notifications/record.js';
import { createTenant, type Tenant, type TestApp } from '../app.js';
import {
  browserAvailable,
  loggedIn,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.js';

/**
 * The console's live header in a real browser: what the server records while the page is
 * open shows up without a reload, through the GraphQL subscriptions over SSE.
 */
describe.skipIf(!browserAvailable)('live header in a real browser', () => {
  let world: BrowserWorld;
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    world = await startBrowserWorld(4, { events: true });
    t = world.t;
    tenant = await createTenant(t, 'admin');
  });

  afterAll(() => world?.close());

  it('counts a new inbox item without a reload', async () => {
    const page = await loggedIn(world, tenant);
    await expect.poll(() => page.getByRole('link', { name: 'Inbox (0 pending)' }).count()).toBe(1);
    // Connected: the subscription's request is open before anything is recorded.
    await page.waitForTimeout(1_000);
    const itemId = await createInboxItem(t.db.pool, {
      workspaceId: tenant.workspaceId,
      itemType: 'alert',
      source: 'anomaly',
      title: 'Failure rate above 20%',
    });
    // Well under the one-minute poll: only the event can have brought it.
    await page
      .getByRole('link', { name: 'Inbox (1 pending)' })
      .waitFor({ state: 'visible', timeout: 10_000 });
    await shot(page, 'inbox-live');
    // Where every notification about it links: the item on its own page.
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/inbox/${itemId}`);
    await page.getByTestId('inbox-item-page').getByText('Failure rate above 20%').waitFor();
    await page.close();
  });

  it('rings the bell for a new notification, marks it read, and keeps a changed preference', async () => {
    const page = await loggedIn(world, tenant);
    const bell = (unread: number) =>
      page.getByRole('button', { name: `Notifications (${unread} unread)` });
    await bell(0).waitFor();
    await page.waitForTimeout(1_000);
    const itemId = await createInboxItem(t.db.pool, {
      workspaceId: tenant.workspaceId,
      itemType: 'alert',
      source: 'anomaly',
      title: 'Write failures above 20%',
    });
    await recordNotification(t.db.pool, {
      workspaceId: tenant.workspaceId,
      type: 'anomaly',
      recipients: [tenant.userId],
      title: 'Write failures above 20% on Sandbox HubSpot',
      body: '7 of 30 writes failed in the last hour',
      link: `/inbox/${itemId}`,
      severity: 'error',
      critical: true,
    });
    // Only the subscription can bring it this fast: nothing polls more often than 30 s.
    await bell(1).waitFor({ timeout: 10_000 });
    await bell(1).click();
    const dropdown = page.getByTestId('notifications');
    const row = dropdown.getByTestId('notification').first();
    await row.getByText('Write failures above 20% on Sandbox HubSpot').waitFor();
    // Its severity shows, and it links to its own subject inside the workspace.
    await row.getByText('error, urgent').waitFor();
    expect(
      await row
        .getByRole('link', { name: 'Write failures above 20% on Sandbox HubSpot' })
        .getAttribute('href'),
    ).toBe(`/w/${tenant.workspaceId}/inbox/${itemId}`);
    await shot(page, 'bell-open');
    await row.getByRole('button', { name: /^Mark read/ }).click();
    await bell(0).waitFor({ timeout: 10_000 });
    const { rows } = await t.db.pool.query<{ readAt: Date | null }>(
      `select read_at as "readAt" from notifications where recipient_user_id = $1::uuid`,
      [tenant.userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.readAt).not.toBeNull();

    // Preferences: email for agent runs from digest to off, a daily digest at 07:00.
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/notifications/preferences`);
    const cell = page.getByLabel('Agent runs by Email');
    await expect.poll(() => cell.inputValue()).toBe('digest');
    // The console offers no digest.
    expect(
      await page.getByLabel('Approvals by Console').locator('option').allTextContents(),
    ).toEqual(['At once', 'Off']);
    await cell.selectOption('off');
    await page.getByRole('textbox', { name: 'At' }).click();
    await page.getByRole('option', { name: '07:00' }).click();
    await shot(page, 'preferences');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Preferences saved').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Agent runs by Email').inputValue()).toBe('off');
    await expect.poll(() => page.getByTestId('digest-summary').textContent()).toContain('07:00');
    const stored = await t.db.pool.query<{ mode: string }>(
      `select mode from notification_preferences
       where user_id = $1::uuid and channel = 'email' and type = 'agent_run'`,
      [tenant.userId],
    );
    expect(stored.rows.map((r) => r.mode)).toEqual(['off']);
    await page.close();
  }, 90_000);
});
