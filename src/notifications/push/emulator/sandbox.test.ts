import pino from 'pino';
import { expect, it } from 'vitest';
import { createTenant, createTestApp, login } from '../../../../test/app.js';
import { startNotificationEmulators } from '../../sandbox.js';
import { createTestSubscriber } from './push.test-helper.js';

const t = await createTestApp();
const tenant = await createTenant(t);
const session = await login(t, tenant.email, tenant.password);

it('the sandbox runs a push service whose endpoints the API accepts only while it runs', async () => {
  const running = await startNotificationEmulators({
    host: '127.0.0.1',
    port: 0,
    users: [],
    log: pino({ level: 'silent' }),
  });
  const browser = createTestSubscriber(running.push.emulator);
  expect(browser.endpoint.startsWith(`${running.push.url}/push/`)).toBe(true);
  const subscribe = () =>
    t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/push-subscriptions`,
      headers: session,
      payload: { endpoint: browser.endpoint, keys: browser.keys },
    });
  expect((await subscribe()).statusCode).toBe(201);
  await running.stop();
  const after = await subscribe();
  expect(after.statusCode).toBe(400);
  expect(after.json().error).toMatchObject({
    code: 'url_not_allowed',
    details: [{ field: 'endpoint' }],
  });
});
