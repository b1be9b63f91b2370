import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, login, TEST_SECRET_KEY } from '../../../test/app.js';
import { createSmtpEmulator } from '../../notifications/email/emulator/server.js';
import { signLink } from '../../notifications/email/links.js';
import { createEmailSender } from '../../notifications/email/sender.js';
import { addMember } from '../../notifications/fixtures.test-helper.js';
import type { DeliveryTask } from '../../notifications/types.js';
import { setPassword } from '../../tenancy/users.js';

const t = await createTestApp();
const smtp = createSmtpEmulator();
const smtpUrl = await smtp.listen(0);
afterAll(() => smtp.close());
const sender = createEmailSender({
  config: { ...t.ctx.config, smtpUrl, publicUrl: 'https://pandora.test' },
  secretKey: TEST_SECRET_KEY,
});

let sent = 0;
async function mail(workspaceId: string, to: { userId: string; email: string }) {
  sent += 1;
  const task: DeliveryTask = {
    deliveryId: `d-${sent}`,
    workspaceId,
    channel: 'email',
    recipient: { ...to, name: '' },
    target: null,
    payload: {
      type: 'question',
      title: `Which deal was call ${sent} about?`,
      body: '',
      link: `/inbox/item-${sent}`,
      severity: 'info',
      critical: false,
      inboxItemId: null,
    },
    idempotencyKey: `k-${sent}`,
    attempt: 1,
    externalRef: {},
  };
  expect((await sender.send(task)).status).toBe('delivered');
  return task;
}

describe('GET /api/notifications/open', () => {
  const open = (token: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/notifications/open?token=${encodeURIComponent(token)}`,
    });

  it('redirects the link in a real email into the console at its item', async () => {
    const tenant = await createTenant(t);
    await mail(tenant.workspaceId, { userId: tenant.userId, email: tenant.email });
    const text = smtp.mailbox.list({ recipient: tenant.email })[0]!.text;
    const url = new URL(
      /https:\/\/pandora\.test\/api\/notifications\/open\?token=\S+/.exec(text)![0],
    );
    const response = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/w/${tenant.workspaceId}/inbox/item-${sent}`);
  });

  it('answers 400 for a changed or foreign link, 410 for an expired one, never a 500', async () => {
    const claims = { workspaceId: 'w1', link: '/inbox/1', recipientUserId: 'u1' };
    const good = signLink(TEST_SECRET_KEY, claims);
    const changed = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const token of [
      changed,
      'x',
      'a.b',
      '....',
      '%00',
      signLink(Buffer.alloc(32, 7), claims),
    ]) {
      const response = await open(token);
      expect(response.statusCode, token).toBe(400);
      expect(response.json().error.code).toBe('invalid_notification_link');
    }
    const expired = await open(signLink(TEST_SECRET_KEY, { ...claims, expiresAt: Date.now() - 1 }));
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('notification_link_expired');
    const missing = await t.app.inject({ method: 'GET', url: '/api/notifications/open' });
    expect(missing.statusCode).toBe(400);
  });
});

describe('GET /sandbox-mailbox', () => {
  it('is refused where the server runs no sandbox SMTP server', async () => {
    const tenant = await createTenant(t);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${tenant.workspaceId}/sandbox-mailbox`,
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('no_sandbox_mailbox');
  });

  it("shows an admin the workspace's mail, a member their own, and nobody another workspace's", async () => {
    t.ctx.sandboxMailbox = smtp.mailbox;
    try {
      const tenant = await createTenant(t);
      const elsewhere = await createTenant(t);
      const member = await addMember(t.db.pool, tenant.workspaceId);
      await setPassword(t.db.pool, member.userId, 'member password 1');
      const toAdmin = await mail(tenant.workspaceId, {
        userId: tenant.userId,
        email: tenant.email,
      });
      const toMember = await mail(tenant.workspaceId, member);
      await mail(elsewhere.workspaceId, { userId: elsewhere.userId, email: elsewhere.email });

      const list = async (workspaceId: string, headers: Record<string, string>) => {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/workspaces/${workspaceId}/sandbox-mailbox`,
          headers,
        });
        expect(response.statusCode).toBe(200);
        return response.json().messages as Array<{ subject: string; to: string[]; html: string }>;
      };
      const admin = await list(tenant.workspaceId, tenant.auth);
      expect(admin.map((m) => m.subject)).toEqual([
        `Question: ${toMember.payload.title}`,
        `Question: ${toAdmin.payload.title}`,
      ]);
      expect(admin[0]!.to).toEqual([member.email]);
      expect(admin[0]!.html).toContain('Which deal was call');

      const session = await login(t, member.email, 'member password 1');
      const own = await list(tenant.workspaceId, session);
      expect(own.map((m) => m.subject)).toEqual([`Question: ${toMember.payload.title}`]);

      const other = await list(elsewhere.workspaceId, elsewhere.auth);
      expect(other).toHaveLength(1);
      expect(other[0]!.to).toEqual([elsewhere.email]);
    } finally {
      t.ctx.sandboxMailbox = undefined;
    }
  });
});
