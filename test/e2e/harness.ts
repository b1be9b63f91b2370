/**
 * What the browser tests share: Debian's Chromium, the built console, the app with
 * the CRM emulator as its sandbox CRM and a job worker, and a login.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig, type Config } from '../../src/config.js';
import type { Emulator } from '../../src/crm/emulator/index.js';
import { createDemoCrmEmulator } from '../../src/demo/emulator.js';
import { buildApp } from '../../src/http/app.js';
import type { AppContext } from '../../src/http/context.js';
import type { OutboundPolicy } from '../../src/net/outbound-url.js';
import { demoHandlers } from '../../src/demo/jobs.js';
import { EventListener } from '../../src/events/bus.js';
import { handlers } from '../../src/jobs/handlers.js';
import { startWorker, type RunningWorker } from '../../src/jobs/queue.js';
import { webDistDir } from '../../src/paths.js';
import { TEST_SECRET_KEY, type Tenant, type TestApp } from '../app.js';
import { createTestDatabase } from '../db.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** False where Chromium or the built console is missing; under CI that is an error. */
export const browserAvailable =
  existsSync(CHROMIUM) && existsSync(path.join(webDistDir, 'index.html'));
if (!browserAvailable && process.env.CI) {
  throw new Error(`The browser tests need ${CHROMIUM} and a built console (npm run build)`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

export interface BrowserWorld {
  t: TestApp;
  emulator: Emulator;
  worker: RunningWorker;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The app listening on a port, the emulator as its sandbox CRM, a worker, and a browser.
 * `outbound` allows hosts an operator would (a recorder's emulator on loopback);
 * `events` serves GraphQL subscriptions (the console's live counts); `config` overrides
 * settings (the Slack signing secret).
 */
export async function startBrowserWorld(
  accounts = 8,
  options: { outbound?: OutboundPolicy; events?: boolean; config?: Partial<Config> } = {},
): Promise<BrowserWorld> {
  const emulator = await createDemoCrmEmulator({ accounts });
  const emulatorUrl = await emulator.listen(0);
  const db = await createTestDatabase();
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const events = options.events ? new EventListener(db.url) : undefined;
  await events?.start();
  const ctx: AppContext = {
    pool: db.pool,
    config: { ...loadConfig({}), demo: false, ...options.config },
    secretKey: TEST_SECRET_KEY,
    log,
    sandboxUrl: emulatorUrl,
    outbound: options.outbound,
    events,
  };
  const t: TestApp = { app: await buildApp(ctx), db, ctx };
  const worker = await startWorker({
    pool: db.pool,
    connectionString: db.url,
    log,
    handlers: { ...handlers, ...demoHandlers },
    concurrency: 2,
    secretKey: TEST_SECRET_KEY,
    schedules: false,
  });
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  return {
    t,
    emulator,
    worker,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      // The worker before the app and database, so no job is left half done.
      await worker.stop();
      t.app.server.closeAllConnections();
      await t.app.close();
      emulator.app.server.closeAllConnections();
      await emulator.close();
      await events?.close();
    },
  };
}

/** A new page signed in as the tenant, on its workspace's overview. */
export async function loggedIn(world: BrowserWorld, tenant: Tenant): Promise<Page> {
  const page = await world.browser.newPage();
  await page.goto(`${world.baseUrl}/login`);
  await page.getByLabel('Email').fill(tenant.email);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
  return page;
}

/** Saves a full-page screenshot as `<name>.png` into E2E_SCREENSHOTS, when it is set. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * Polls `read` until it gives a value (anything but null, undefined or false): the
 * worker takes jobs from a queue it polls, so what a test waits for lands a little later.
 */
export async function until<T>(
  what: string,
  read: () => Promise<T | null | undefined | false>,
  { timeoutMs = 60_000, everyMs = 500 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Connecting a CRM queues its first full sync, which the world's worker runs. Waits for
 * it to end and requires that it succeeded, so a test neither races the sync's writes
 * nor reads a half-synced workspace.
 */
export async function firstSync(t: TestApp, connectionId: string): Promise<void> {
  const status = await until('the first sync', async () => {
    const { rows } = await t.db.pool.query<{ status: string }>(
      `select status from sync_runs where connection_id = $1::uuid and status <> 'running'`,
      [connectionId],
    );
    return rows[0]?.status;
  });
  if (status !== 'succeeded') throw new Error(`the first sync ended ${status}`);
}
