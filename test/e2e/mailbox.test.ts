import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpEmulator } from '../../src/notifications/email/emulator/server.js';
import { createEmailSender } from '../../src/notifications/email/sender.js';
import { createTenant, TEST_SECRET_KEY, type Tenant } from '../app.js';
import { browserAvailable, loggedIn, startBrowserWorld, type BrowserWorld } from './harness.js';

/** The sandbox mailbox in a real browser: what the SMTP server received, the HTML framed. */
describe.skipIf(!browserAvailable)('sandbox mailbox in a real browser', () => {
  let world: BrowserWorld;
  let tenant: Tenant;
  const smtp = createSmtpEmulator();

  beforeAll(async () => {
    world = await startBrowserWorld(2);
    tenant = await createTenant(world.t, 'admin');
    const smtpUrl = await smtp.listen(0);
    world.t.ctx.sandboxMailbox = smtp.mailbox;
    const sender = createEmailSender({
      config: { ...world.t.ctx.config, smtpUrl, publicUrl: world.baseUrl },
      secretKey: TEST_SECRET_KEY,
    });
    const outcome = await sender.send({
      deliveryId: 'd-1',
      workspaceId: tenant.workspaceId,
      channel: 'email',
      recipient: { userId: tenant.userId, email: tenant.email, name: 'Dana' },
      target: null,
      payload: {
        type: 'approval',
        title: 'Acme renewal <b>bold</b>',
        body: 'From the call.',
        link: '/inbox/item-1',
        severity: 'info',
        critical: false,
        inboxItemId: null,
        fields: [{ field: 'amount', label: 'Amount', before: 1000, after: 1500 }],
      },
      idempotencyKey: 'k-1',
      attempt: 1,
      externalRef: {},
    });
    expect(outcome.status).toBe('delivered');
  });

  afterAll(async () => {
    await world?.close();
    await smtp.close();
  });

  it('lists the mail and shows its HTML in a sandboxed frame', async () => {
    const page = await loggedIn(world, tenant);
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/mailbox`);
    const row = page.getByTestId('mailbox-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await expect.poll(() => row.first().textContent()).toContain('Acme renewal <b>bold</b>');
    const frame = page.locator('[data-testid=mailbox-html]');
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    const body = page.frameLocator('[data-testid=mailbox-html]');
    await body.getByText('1,500').waitFor();
    // The escaped title reads as text in the email, never as markup.
    await body.getByRole('heading', { name: 'Acme renewal <b>bold</b>' }).waitFor();
    await page.close();
  });
});
