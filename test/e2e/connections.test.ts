import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/tenancy/users.js';
import { createTenant, type Tenant, type TestApp } from '../app.js';
import { browserAvailable, loggedIn, startBrowserWorld, type BrowserWorld } from './harness.js';

// A sync goes through the job queue (polled every second) and the emulator over HTTP.
const SYNC_TIMEOUT = 60_000;

function count(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

describe.skipIf(!browserAvailable)('CRM connections in a real browser', () => {
  let world: BrowserWorld;
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    world = await startBrowserWorld(12);
    t = world.t;
    tenant = await createTenant(t, 'admin');
  });

  afterAll(() => world?.close());

  it(
    'connects the sandbox HubSpot, syncs it, and the overview then counts its deals',
    async () => {
      const page = await loggedIn(world, tenant);
      const dealCount = page.getByTestId('stat-deals').getByTestId('stat-value');
      expect(count(await dealCount.innerText())).toBe(0);

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('tab', { name: 'CRM connections' }).click();
      await page.waitForURL(/tab=connections/);
      await page.getByTestId('connections-empty').waitFor();
      await page.getByRole('button', { name: 'Connect a CRM' }).click();
      const dialog = page.getByRole('dialog', { name: 'Connect a CRM' });
      await dialog.getByLabel('HubSpot', { exact: true }).check({ force: true });
      await dialog.getByLabel('Connection name').fill('Demo HubSpot');
      await dialog.getByRole('button', { name: 'Use the sandbox CRM (demo)' }).click();
      await dialog.waitFor({ state: 'detached' });

      const card = page.locator('[data-testid^="connection-card-"]');
      await page.locator('[data-testid^="connection-card-"][data-status="connected"]').waitFor();
      expect(await card.count()).toBe(1);
      expect(await card.getByRole('heading', { level: 4 }).innerText()).toBe('Demo HubSpot');
      expect(await card.locator('[data-testid^="connection-status-"]').textContent()).toBe(
        'Connected',
      );
      expect(await card.locator('[data-testid^="connection-account-"]').innerText()).not.toBe(
        'Not reached yet',
      );

      // Connecting queued a first full sync; the runs table follows it to the end.
      const runs = card.getByTestId('sync-runs-table');
      await runs
        .locator('tr[data-trigger="connect"]:not([data-status="running"])')
        .waitFor({ timeout: SYNC_TIMEOUT });

      await card.getByRole('button', { name: 'Sync Demo HubSpot now' }).click();
      await page.getByRole('menuitem', { name: /^Full/ }).click();
      const manualRun = runs.locator('tr[data-trigger="manual"]');
      await runs
        .locator('tr[data-trigger="manual"]:not([data-status="running"])')
        .waitFor({ timeout: SYNC_TIMEOUT });
      expect(await manualRun.getAttribute('data-status')).toBe('succeeded');
      const dealsFetched = count(await manualRun.getByTestId('sync-run-deals-fetched').innerText());
      expect(dealsFetched).toBeGreaterThan(0);
      // The card's last sync and API usage follow once a run is over.
      await card
        .locator('[data-testid^="connection-last-sync-"]', { hasText: /just now|ago/ })
        .waitFor();
      expect(await card.locator('[data-testid^="usage-"]').first().innerText()).toMatch(
        /API calls today/,
      );

      // The overview's counts show the synced deals, and its table links back here.
      await page.getByRole('link', { name: 'Overview' }).click();
      await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
      // The cached count shows first, then the refetch the finished sync asked for.
      await expect
        .poll(async () => count(await dealCount.innerText()), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await page
        .getByTestId('connections-table')
        .getByRole('link', { name: 'Demo HubSpot' })
        .click();
      await page.waitForURL(/\/settings\?tab=connections$/);
      await card.waitFor();
      await page.close();
    },
    SYNC_TIMEOUT * 3,
  );

  it('shows a member the connections without the admin actions', async () => {
    const email = `member-${tenant.workspaceId}@example.com`;
    const password = 'member password 1';
    const member = await createUser(t.db.pool, { email, name: 'Member', password });
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [tenant.workspaceId, member.id],
    );

    const page = await loggedIn(world, { ...tenant, email, password });
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=connections`);

    const card = page.locator('[data-testid^="connection-card-"]');
    await card.getByTestId('sync-runs-table').waitFor();
    expect(await card.getByRole('button', { name: /^Test / }).count()).toBe(0);
    expect(await card.getByRole('button', { name: /now$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Connect a CRM' }).count()).toBe(0);
    await page.getByText('Only admins can connect').waitFor();
    await page.getByTestId('write-log').waitFor();
    await page.close();
  });
});
