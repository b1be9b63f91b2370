import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createCrmEmulator, type Emulator } from '../../src/crm/emulator/index.js';
import { buildApp } from '../../src/http/app.js';
import type { AppContext } from '../../src/http/context.js';
import { handlers } from '../../src/jobs/handlers.js';
import { startWorker, type RunningWorker } from '../../src/jobs/queue.js';
import { webDistDir } from '../../src/paths.js';
import { createUser } from '../../src/tenancy/users.js';
import { TEST_SECRET_KEY, createTenant, type Tenant, type TestApp } from '../app.js';
import { createTestDatabase } from '../db.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM) && existsSync(path.join(webDistDir, 'index.html'));
// CI installs Chromium and builds the console; there a missing one is a failure, not a skip.
if (!available && process.env.CI) {
  throw new Error(`The browser test needs ${CHROMIUM} and a built console (npm run build)`);
}

// A sync goes through the job queue (polled every second) and the emulator over HTTP.
const SYNC_TIMEOUT = 60_000;

/** The app as test/app.ts builds it, plus the emulator as its sandbox CRM and a job worker. */
async function createAppWithSandbox(emulatorUrl: string): Promise<{
  testApp: TestApp;
  worker: RunningWorker;
}> {
  const db = await createTestDatabase();
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const ctx: AppContext = {
    pool: db.pool,
    config: { ...loadConfig({}), demo: false },
    secretKey: TEST_SECRET_KEY,
    log,
    sandboxUrl: emulatorUrl,
  };
  const app = await buildApp(ctx);
  const worker = await startWorker({
    pool: db.pool,
    connectionString: db.url,
    log,
    handlers,
    concurrency: 2,
    secretKey: TEST_SECRET_KEY,
    schedules: false,
  });
  return { testApp: { app, db, ctx }, worker };
}

function count(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

describe.skipIf(!available)('CRM connections in a real browser', () => {
  let emulator: Emulator;
  let t: TestApp;
  let worker: RunningWorker | undefined;
  let tenant: Tenant;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    emulator = await createCrmEmulator({ accounts: 12 });
    const emulatorUrl = await emulator.listen(0);
    const created = await createAppWithSandbox(emulatorUrl);
    t = created.testApp;
    worker = created.worker;
    tenant = await createTenant(t, 'admin');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    // The worker before the app and database, so no job is left half done.
    await worker?.stop();
    if (t) {
      t.app.server.closeAllConnections();
      await t.app.close();
    }
    if (emulator) {
      emulator.app.server.closeAllConnections();
      await emulator.close();
    }
  });

  it(
    'connects the sandbox HubSpot, syncs it, and the overview then counts its deals',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email').fill(tenant.email);
      await page.getByLabel('Password').fill(tenant.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
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

    const page = await browser.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
    await page.goto(`${baseUrl}/w/${tenant.workspaceId}/settings?tab=connections`);

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
