import { request } from 'undici';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FlowStepError } from '../types.js';
import { closeStepDispatchers, parseRetryAfter, stepDispatcher } from './http-request.js';
import { startReceiver, testContext, testServices } from './net.test-helper.js';
import { stepDefinition } from './registry.js';
import { sendWebhookStep, verifyWebhookSignature, webhookSignature } from './send-webhook.js';

const receiver = await startReceiver();
const services = testServices({ allowedHosts: [receiver.origin] });
afterAll(async () => {
  await closeStepDispatchers();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer(() => undefined);
});

async function failure(promise: Promise<unknown>): Promise<FlowStepError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FlowStepError);
  return error as FlowStepError;
}

describe('send_webhook', () => {
  it('is registered as an integration write step with its secret field', () => {
    expect(stepDefinition('send_webhook')).toBe(sendWebhookStep);
    expect(sendWebhookStep).toMatchObject({ effect: 'write', secretFields: ['secret'] });
  });

  it('posts the payload signed with the secret, with the idempotency key, and returns the answer', async () => {
    receiver.answer(() => ({
      status: 202,
      headers: { 'content-type': 'application/json', 'x-request-id': 'r-1', 'set-cookie': 'a=b' },
      body: '{"accepted":true}',
    }));
    const context = testContext({ services, now: () => new Date('2026-12-03T10:00:00Z') });
    const outcome = await sendWebhookStep.run(context, {
      url: `${receiver.origin}/hooks/deal?x=1`,
      payload: { deal: 'Acme', amount: 1200 },
      secret: 'whsec_test',
      headers: { 'X-Team': 'sales' },
    });

    expect(outcome).toEqual({
      kind: 'completed',
      output: {
        status: 202,
        headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' },
        body: { accepted: true },
      },
    });
    const [sent, ...others] = receiver.received;
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ method: 'POST', url: '/hooks/deal?x=1' });
    expect(JSON.parse(sent!.body)).toEqual({ deal: 'Acme', amount: 1200 });
    expect(sent!.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': context.idempotencyKey,
      'x-pandora-timestamp': String(Date.parse('2026-12-03T10:00:00Z') / 1000),
      'x-team': 'sales',
    });
    const check = {
      secret: 'whsec_test',
      body: sent!.body,
      timestamp: sent!.headers['x-pandora-timestamp'] as string,
      signature: sent!.headers['x-pandora-signature'] as string,
      now: Date.parse('2026-12-03T10:02:00Z'),
    };
    expect(check.signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(check)).toBe(true);
    expect(verifyWebhookSignature({ ...check, secret: 'whsec_other' })).toBe(false);
    expect(verifyWebhookSignature({ ...check, body: `${sent!.body} ` })).toBe(false);
    // Outside the five-minute window: a replay.
    expect(verifyWebhookSignature({ ...check, now: Date.parse('2026-12-03T10:06:00Z') })).toBe(
      false,
    );
  });

  it('sends no signature without a secret, and by default the run trigger and variables', async () => {
    const context = testContext({
      services,
      scope: { trigger: { type: 'manual', dealId: 'd-1' }, vars: { tier: 'gold' } },
    });
    await sendWebhookStep.run(context, { url: `${receiver.origin}/plain`, method: 'PUT' });
    const [sent] = receiver.received;
    expect(sent!.method).toBe('PUT');
    expect(sent!.headers['x-pandora-signature']).toBeUndefined();
    expect(JSON.parse(sent!.body)).toEqual({
      flowId: context.flowId,
      runId: context.runId,
      stepKey: context.stepKey,
      trigger: { type: 'manual', dealId: 'd-1' },
      vars: { tier: 'gold' },
    });
  });

  it('a retry of the same step carries the same Idempotency-Key and a fresh signature', async () => {
    const first = testContext({ services, now: () => new Date('2026-12-03T10:00:00Z') });
    const retry = { ...first, attempt: 2, now: () => new Date('2026-12-03T10:00:30Z') };
    await sendWebhookStep.run(first, { url: receiver.origin, secret: 's', payload: { a: 1 } });
    await sendWebhookStep.run(retry, { url: receiver.origin, secret: 's', payload: { a: 1 } });
    const [a, b] = receiver.received;
    expect(a!.headers['idempotency-key']).toBe(b!.headers['idempotency-key']);
    expect(a!.headers['x-pandora-signature']).not.toBe(b!.headers['x-pandora-signature']);
    expect(b!.headers['x-pandora-signature']).toBe(
      webhookSignature('s', Date.parse('2026-12-03T10:00:30Z') / 1000, '{"a":1}'),
    );
  });

  it('keeps the connection alive across sends', async () => {
    const before = receiver.connections();
    for (let i = 0; i < 5; i += 1) {
      await sendWebhookStep.run(testContext({ services }), { url: receiver.origin });
    }
    expect(receiver.received).toHaveLength(5);
    expect(receiver.connections() - before).toBeLessThanOrEqual(1);
    // Without keep-alive each send would open its own connection.
    expect(receiver.received.every((r) => r.connection <= before + 1)).toBe(true);
  });

  it('a 503 or 429 is a retryable network error that carries Retry-After', async () => {
    receiver.answer(() => ({ status: 503, headers: { 'retry-after': '7' }, body: 'busy' }));
    const busy = await failure(
      sendWebhookStep.run(testContext({ services }), { url: receiver.origin }),
    );
    expect(busy.category).toBe('network');
    expect(busy.options).toMatchObject({ status: 503, retryable: true, retryAfterMs: 7000 });
    expect(busy.message).toContain('answered 503: busy');

    const at = new Date(Date.now() + 120_000).toUTCString();
    receiver.answer(() => ({ status: 429, headers: { 'retry-after': at } }));
    const limited = await failure(
      sendWebhookStep.run(testContext({ services }), { url: receiver.origin }),
    );
    expect(limited.options).toMatchObject({ status: 429, retryable: true });
    expect(limited.options.retryAfterMs).toBeGreaterThan(100_000);
    expect(limited.options.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('a 4xx is not retried: 400 is validation, 401 and 403 are permission', async () => {
    receiver.answer(() => ({ status: 400, body: '{"error":"amount must be a number"}' }));
    const bad = await failure(
      sendWebhookStep.run(testContext({ services }), { url: receiver.origin }),
    );
    expect(bad.category).toBe('validation');
    expect(bad.options).toMatchObject({ status: 400 });
    expect(bad.options.retryable).toBeFalsy();
    expect(bad.message).toContain('amount must be a number');

    receiver.answer(() => ({ status: 401 }));
    const denied = await failure(
      sendWebhookStep.run(testContext({ services }), { url: receiver.origin }),
    );
    expect(denied.category).toBe('permission');
    expect(denied.options.retryable).toBeFalsy();
  });

  it('does not follow a redirect (it could point anywhere)', async () => {
    receiver.answer((req) =>
      req.url === '/moved' ? { status: 307, headers: { location: '/elsewhere' } } : undefined,
    );
    const moved = await failure(
      sendWebhookStep.run(testContext({ services }), { url: `${receiver.origin}/moved` }),
    );
    expect(moved.category).toBe('validation');
    expect(moved.message).toContain('redirect to /elsewhere');
    expect(receiver.received.map((r) => r.url)).toEqual(['/moved']);
  });

  it('refuses URLs the outbound guard refuses, sending nothing', async () => {
    const unguarded = testServices();
    for (const url of [
      receiver.origin,
      'http://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/hook',
      'https://[::1]/hook',
      'not a url',
    ]) {
      const refused = await failure(
        sendWebhookStep.run(testContext({ services: unguarded }), { url }),
      );
      expect(refused.category).toBe('validation');
      expect(refused.message).toMatch(/^url is not allowed/);
    }
    expect(receiver.received).toEqual([]);
  });

  it('the pooled connections re-check where a host really resolves (DNS rebinding)', async () => {
    const port = new URL(receiver.origin).port;
    const error = await request(`http://localhost:${port}/`, {
      dispatcher: stepDispatcher([]),
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'EADDRNOTALLOWED' });
    expect(receiver.received).toEqual([]);
  });

  it('a refused connection is a retryable network error', async () => {
    const closed = await startReceiver();
    await closed.close();
    const refused = await failure(
      sendWebhookStep.run(
        testContext({ services: testServices({ allowedHosts: [closed.origin] }) }),
        {
          url: closed.origin,
        },
      ),
    );
    expect(refused.category).toBe('network');
    expect(refused.options.retryable).toBe(true);
    expect(refused.message).toContain('ECONNREFUSED');
  });

  it("an endpoint that does not answer before the step's deadline is a timeout", async () => {
    receiver.answer(() => ({ status: 200, hang: true }));
    const started = Date.now();
    const late = await failure(
      sendWebhookStep.run(testContext({ services, signal: AbortSignal.timeout(200) }), {
        url: receiver.origin,
      }),
    );
    expect(late.category).toBe('timeout');
    expect(late.options.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a config header that would override its own', async () => {
    const clash = await failure(
      sendWebhookStep.run(testContext({ services }), {
        url: receiver.origin,
        headers: { 'Idempotency-Key': 'mine' },
      }),
    );
    expect(clash.category).toBe('validation');
    expect(clash.message).toContain('headers.Idempotency-Key');
    expect(receiver.received).toEqual([]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and dates, never negative, capped at an hour', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
