import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../app.js';
import { browserAvailable, launchBrowser } from './harness.js';

describe.skipIf(!browserAvailable)('console in a real browser', () => {
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

  it('logs in, creates an API key shown once that works, and logs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login$/);

    await page.getByLabel('Email').fill(tenant.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('login-error').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('login-error').innerText()).toContain('Wrong email or password');

    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
    await page.getByText('Deals', { exact: false }).first().waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByLabel('Key name').fill('Browser key');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const secret = (await page.getByTestId('api-key-secret').innerText()).trim();
    expect(secret).toMatch(/^pk_/);

    // The key works against the API, and the list never shows it again.
    const me = await t.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.json()).toMatchObject({ apiKey: { name: 'Browser key' } });
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('api-key-secret').waitFor({ state: 'detached' });
    await page.getByText('Browser key').first().waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${baseUrl}/w/${tenant.workspaceId}`);
    await page.waitForURL(/\/login$/);
    await page.close();
  });

  it('invites a new person by link and an existing one in their console; both join', async () => {
    const admin = await browser.newContext();
    const page = await admin.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill(tenant.email);
    await page.getByLabel('Password').fill(tenant.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
    await page.goto(`${baseUrl}/w/${tenant.workspaceId}/settings?tab=members`);

    const invite = async (email: string) => {
      await page.getByRole('button', { name: 'Invite member' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Create invitation' }).click();
      const url = (await page.getByTestId('invite-url').innerText()).trim();
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId(`invitation-row-${email}`).waitFor();
      return url;
    };
    const link = await invite('browser.newcomer@example.com');
    expect(link).toMatch(/\/invite#pi_/);
    const existing = await createTenant(t, 'admin');
    await invite(existing.email);

    // The newcomer opens the link in their own browser and picks a password.
    const newcomer = await (await browser.newContext()).newPage();
    await newcomer.goto(link);
    await newcomer.getByTestId('invite-summary').waitFor();
    await newcomer.getByLabel('Password').fill('newcomer-password');
    await newcomer.getByLabel('Your name').fill('New Comer');
    await newcomer.getByRole('button', { name: /^Join / }).click();
    await newcomer.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));
    expect(await newcomer.getByTestId('user-email').innerText()).toBe(
      'browser.newcomer@example.com',
    );

    // The existing user finds the invitation in their own console.
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${baseUrl}/login`);
    await other.getByLabel('Email').fill(existing.email);
    await other.getByLabel('Password').fill(existing.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.waitForURL(new RegExp(`/w/${existing.workspaceId}$`));
    await other.getByTestId('received-invitations').getByRole('button', { name: 'Accept' }).click();
    await other.waitForURL(new RegExp(`/w/${tenant.workspaceId}$`));

    await page.reload();
    await page.getByTestId(`member-row-${existing.email}`).waitFor();
    await page.getByTestId('member-row-browser.newcomer@example.com').waitFor();
    expect(await page.getByTestId('invitations-table').count()).toBe(0);
    await admin.close();
  });
});
