import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createInboxItem } from '../../src/inbox/items.js';
import { createTenant, type Tenant, type TestApp } from '../app.js';
import { browserAvailable, loggedIn, startBrowserWorld, type BrowserWorld } from './harness.js';

/**
 * The console's live header in a real browser: what the server records while the page is
 * open shows up without a reload, through the GraphQL subscriptions over SSE.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

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
});
