import { createPrivateKey, createSign } from 'node:crypto';
import webpush from 'web-push';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestSubscriber, startTestPushEmulator } from './push.test-helper.js';

const { emulator, url } = await startTestPushEmulator();
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@example.com' };

async function push(
  endpoint: string,
  payload: string,
  options: webpush.RequestOptions = {},
  headers: (h: Record<string, string>) => Record<string, string> = (h) => h,
) {
  const details = webpush.generateRequestDetails({ endpoint, keys: subscriberKeys }, payload, {
    vapidDetails: vapid,
    TTL: 60,
    ...options,
  });
  const given = Object.fromEntries(
    Object.entries(details.headers).map(([name, value]) => [name, String(value)]),
  );
  return fetch(details.endpoint, {
    method: 'POST',
    headers: headers(given),
    body: new Uint8Array(details.body),
  });
}

let subscriberKeys = { p256dh: '', auth: '' };

beforeEach(() => emulator.faults.clear());

describe('the push-service emulator', () => {
  it('accepts a VAPID-signed aes128gcm message that only the subscriber can read', async () => {
    const subscriber = createTestSubscriber(emulator, { applicationServerKey: vapid.publicKey });
    subscriberKeys = subscriber.keys;
    const answer = await push(subscriber.endpoint, JSON.stringify({ title: 'Hi' }), {
      topic: 'abc',
      urgency: 'high',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toMatch(new RegExp(`^${url}/messages/`));
    const [received] = subscriber.received();
    expect(received!.payload).toEqual({ title: 'Hi' });
    expect(received!.message).toMatchObject({
      ttl: 60,
      topic: 'abc',
      urgency: 'high',
      contentEncoding: 'aes128gcm',
      vapidKey: vapid.publicKey,
      subject: 'mailto:ops@example.com',
    });
  });

  it('refuses what a push service refuses', async () => {
    const subscriber = createTestSubscriber(emulator, { applicationServerKey: vapid.publicKey });
    subscriberKeys = subscriber.keys;
    const body = JSON.stringify({ title: 'x' });
    const noTtl = await push(subscriber.endpoint, body, {}, ({ TTL: _ttl, ...rest }) => rest);
    expect(noTtl.status).toBe(400);
    expect((await noTtl.json()).message).toMatch(/TTL header is required/);
    const noAuth = await push(
      subscriber.endpoint,
      body,
      {},
      ({ Authorization: _a, ...rest }) => rest,
    );
    expect(noAuth.status).toBe(401);

    // Signed by someone else's key but claiming ours in k: the signature fails.
    const forged = await push(subscriber.endpoint, body, {}, (h) => ({
      ...h,
      Authorization: h.Authorization!.replace(/k=.*/, `k=${webpush.generateVAPIDKeys().publicKey}`),
    }));
    expect(forged.status).toBe(401);
    expect((await forged.json()).message).toMatch(/signature does not verify/);

    // A valid JWT for another origin, and an expired one.
    const sign = (claims: object) => {
      const head = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const key = createPrivateKey({ key: vapidJwk(), format: 'jwk' });
      const signature = createSign('sha256')
        .update(`${head}.${payload}`)
        .sign({ key, dsaEncoding: 'ieee-p1363' })
        .toString('base64url');
      return `vapid t=${head}.${payload}.${signature}, k=${vapid.publicKey}`;
    };
    const nowSeconds = Math.floor(Date.now() / 1000);
    const otherAud = await push(subscriber.endpoint, body, {}, (h) => ({
      ...h,
      Authorization: sign({
        aud: 'https://push.example.com',
        exp: nowSeconds + 60,
        sub: vapid.subject,
      }),
    }));
    expect((await otherAud.json()).message).toMatch(`aud must be ${url}`);
    const expired = await push(subscriber.endpoint, body, {}, (h) => ({
      ...h,
      Authorization: sign({ aud: url, exp: nowSeconds - 1, sub: vapid.subject }),
    }));
    expect(expired.status).toBe(401);
    expect((await expired.json()).message).toMatch(/expired/);
    const good = await push(subscriber.endpoint, body, {}, (h) => ({
      ...h,
      Authorization: sign({ aud: url, exp: nowSeconds + 60, sub: vapid.subject }),
    }));
    expect(good.status).toBe(201);

    // The subscription was made for our key: another sender's valid signature is a 403.
    const stranger = webpush.generateRequestDetails(subscriber, body, {
      vapidDetails: { ...webpush.generateVAPIDKeys(), subject: vapid.subject },
      TTL: 5,
    });
    const strangerAnswer = await fetch(stranger.endpoint, {
      method: 'POST',
      headers: Object.fromEntries(
        Object.entries(stranger.headers).map(([name, value]) => [name, String(value)]),
      ),
      body: new Uint8Array(stranger.body),
    });
    expect(strangerAnswer.status).toBe(403);
    expect(subscriber.received()).toHaveLength(1);
  });

  it('answers 404 for an unknown subscription, 410 once unsubscribed, and injected faults', async () => {
    const subscriber = createTestSubscriber(emulator);
    subscriberKeys = subscriber.keys;
    expect((await push(`${url}/push/00000000-0000-0000-0000-000000000000`, 'x')).status).toBe(404);
    await fetch(`${url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'rate_limit',
        subscriptionId: subscriber.id,
        times: 1,
        retryAfterSeconds: 7,
      }),
    });
    const limited = await push(subscriber.endpoint, 'x');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await push(subscriber.endpoint, 'x')).status).toBe(201);
    await fetch(`${url}/_emulator/subscriptions/${subscriber.id}`, { method: 'DELETE' });
    expect((await push(subscriber.endpoint, 'x')).status).toBe(410);
    const listed = await (
      await fetch(`${url}/_emulator/messages?subscriptionId=${subscriber.id}`)
    ).json();
    expect(listed.messages).toHaveLength(1);
  });
});

function vapidJwk() {
  const publicBytes = Buffer.from(vapid.publicKey, 'base64url');
  return {
    kty: 'EC',
    crv: 'P-256',
    x: publicBytes.subarray(1, 33).toString('base64url'),
    y: publicBytes.subarray(33).toString('base64url'),
    d: vapid.privateKey,
  };
}
