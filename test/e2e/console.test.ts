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
});
