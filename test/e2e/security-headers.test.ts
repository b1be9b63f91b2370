import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../app.js';
import { browserAvailable, launchBrowser } from './harness.js';

/** A page that records what the content security policy blocked. */
async function watchedPage(browser: Browser): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) blocked.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy blocked ${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return { page, blocked };
}

describe.skipIf(!browserAvailable)('the console under its security headers', () => {
  let t: TestApp;
  let tenant: Tenant;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t, 'admin');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads, logs in and changes settings with nothing blocked', async () => {
    const { page, blocked } = await watchedPage(browser);
    const response = await page.goto(`${baseUrl}/login`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByLabel('Email').fill(tenant.email);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByLabel('Key name').fill('Made under the policy');
    // A same-origin change from the console passes the cross-site check.
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId('api-key-secret').waitFor();
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('renders the API docs with nothing blocked', async () => {
    const { page, blocked } = await watchedPage(browser);
    await page.goto(`${baseUrl}/docs/`);
    await page.getByText('/api/auth/login').first().waitFor();
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('refuses a change sent from another origin of the same site with the session cookie', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill(tenant.email);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
    const session = (await context.cookies()).find((c) => c.name === 'pandora_session')!;

    // Another port of the same host is the same site, so SameSite=Lax still sends the
    // cookie, and a bodyless no-cors POST needs no preflight. This one tries to log out.
    const attacker = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<script>
        fetch(${JSON.stringify(`${baseUrl}/api/auth/logout`)}, {
          method: 'POST', mode: 'no-cors', credentials: 'include',
        }).finally(() => { document.title = 'sent'; });
      </script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = attacker.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      // The answer is unreadable here either way (no-cors; CORP blocks it): what counts is
      // what the server did.
      await page.waitForFunction(() => document.title === 'sent');
    } finally {
      attacker.close();
    }
    const me = await t.app.inject({
      url: '/api/me',
      headers: { cookie: `pandora_session=${session.value}` },
    });
    expect(me.statusCode).toBe(200);
    await context.close();
  });
});
