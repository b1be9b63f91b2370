import { createECDH, randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, login } from '../../../test/app.js';
import {
  createTestSubscriber,
  startTestPushEmulator,
  type TestSubscriber,
} from '../../notifications/push/emulator/push.test-helper.js';
import { trustPushEmulator } from '../../notifications/push/trusted-origins.js';
import { createUser } from '../../tenancy/users.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'push-routes-'));
const t = await createTestApp(
  { dataDir },
  // fcm.example resolves to a public address; everything else to a private one.
  {
    outbound: {
      allowedHosts: [],
      resolve: async (host) => (host === 'fcm.example' ? ['93.184.216.34'] : ['10.1.2.3']),
    },
  },
);
const { emulator, url } = await startTestPushEmulator();
afterAll(trustPushEmulator(url));

const tenant = await createTenant(t);
const session = await login(t, tenant.email, tenant.password);
const base = `/api/workspaces/${tenant.workspaceId}`;

function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

/** What PushSubscription.toJSON() gives, without the test's own handles. */
const toJSON = (s: TestSubscriber) => ({ endpoint: s.endpoint, keys: s.keys });

async function subscribe(
  headers: Record<string, string>,
  payload: Record<string, unknown>,
  workspace = base,
) {
  return t.app.inject({
    method: 'POST',
    url: `${workspace}/push-subscriptions`,
    headers,
    payload,
  });
}

async function mine(headers: Record<string, string> = session) {
  const answer = await t.app.inject({ url: `${base}/push-subscriptions`, headers });
  expect(answer.statusCode).toBe(200);
  return (answer.json() as { subscriptions: Array<{ endpoint: string }> }).subscriptions.map(
    (s) => s.endpoint,
  );
}

describe('push routes', () => {
  it('hands out the VAPID public key kept in the data folder', async () => {
    const answer = await t.app.inject({ url: `${base}/push/public-key`, headers: session });
    expect(answer.statusCode).toBe(200);
    const stored = JSON.parse(await readFile(path.join(dataDir, 'vapid.json'), 'utf8'));
    expect(answer.json()).toEqual({ publicKey: stored.publicKey });
  });

  it('subscribes and unsubscribes the caller’s browser', async () => {
    const browser = createTestSubscriber(emulator);
    const created = await subscribe(session, {
      endpoint: browser.endpoint,
      keys: browser.keys,
      userAgent: 'Firefox 140',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().subscription).toMatchObject({
      endpoint: browser.endpoint,
      userAgent: 'Firefox 140',
      lastSuccessAt: null,
    });
    expect(await mine()).toEqual([browser.endpoint]);
    // A push service's own public https endpoint passes the guard too.
    const real = { endpoint: 'https://fcm.example/fcm/send/abc:def', keys: browserKeys() };
    expect((await subscribe(session, real)).statusCode).toBe(201);
    // The browser renewing its keys replaces the row rather than adding one.
    expect(
      (await subscribe(session, { endpoint: browser.endpoint, keys: browserKeys() })).statusCode,
    ).toBe(201);
    expect(await mine()).toEqual([browser.endpoint, real.endpoint]);

    const remove = (endpoint: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `${base}/push-subscriptions`,
        headers: session,
        payload: { endpoint },
      });
    expect((await remove(browser.endpoint)).json()).toEqual({ removed: true });
    expect((await remove(browser.endpoint)).json()).toEqual({ removed: false });
    expect(await mine()).toEqual([real.endpoint]);
  });

  it('refuses endpoints and keys a browser would not give, naming the field', async () => {
    const keys = browserKeys();
    const refusal = async (payload: Record<string, unknown>) => {
      const answer = await subscribe(session, payload);
      expect(answer.statusCode).toBe(400);
      return answer.json().error as {
        code: string;
        message: string;
        details: Array<{ field: string }>;
      };
    };
    const plain = await refusal({ endpoint: 'http://fcm.example/send/1', keys });
    expect(plain).toMatchObject({ code: 'url_not_allowed', details: [{ field: 'endpoint' }] });
    const inside = await refusal({ endpoint: 'https://push.internal/send/1', keys });
    expect(inside.message).toMatch(/endpoint is not allowed: push.internal resolves to 10.1.2.3/);
    const loopback = await refusal({ endpoint: 'https://127.0.0.1:9/push/1', keys });
    expect(loopback.code).toBe('url_not_allowed');
    const endpoint = 'https://fcm.example/fcm/send/keys';
    const short = await refusal({ endpoint, keys: { ...keys, p256dh: keys.p256dh.slice(0, 40) } });
    expect(short).toMatchObject({
      code: 'invalid_push_subscription',
      details: [{ field: 'keys.p256dh' }],
    });
    const offCurve = Buffer.alloc(65, 7);
    offCurve[0] = 4;
    const notAPoint = await refusal({
      endpoint,
      keys: { ...keys, p256dh: offCurve.toString('base64url') },
    });
    expect(notAPoint.message).toMatch(/keys.p256dh is not a point on the P-256 curve/);
    const auth = await refusal({ endpoint, keys: { ...keys, auth: 'abc' } });
    expect(auth).toMatchObject({
      code: 'invalid_push_subscription',
      details: [{ field: 'keys.auth' }],
    });
    const extra = await refusal({ endpoint, keys, expirationTime: null, more: 1 });
    expect(extra.code).toBeDefined();
    expect(await mine()).not.toContain(endpoint);
  });

  it('each member sees and removes only their own; an API key has no browser', async () => {
    const other = await createUser(t.db.pool, {
      email: `other-${tenant.email}`,
      name: 'Other',
      password: tenant.password,
    });
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [tenant.workspaceId, other.id],
    );
    const otherSession = await login(t, `other-${tenant.email}`, tenant.password);
    const theirs = createTestSubscriber(emulator);
    expect((await subscribe(otherSession, toJSON(theirs))).statusCode).toBe(201);
    expect(await mine()).not.toContain(theirs.endpoint);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${base}/push-subscriptions`,
      headers: session,
      payload: { endpoint: theirs.endpoint },
    });
    expect(removed.json()).toEqual({ removed: false });
    expect(await mine(otherSession)).toEqual([theirs.endpoint]);

    const byKey = await subscribe(tenant.auth, toJSON(createTestSubscriber(emulator)));
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().error.code).toBe('person_required');

    const stranger = await createTenant(t);
    const foreign = await subscribe(
      session,
      toJSON(createTestSubscriber(emulator)),
      `/api/workspaces/${stranger.workspaceId}`,
    );
    expect(foreign.statusCode).toBe(404);
  });
});
