import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FlowStepError } from '../types.js';
import { closeStepDispatchers } from './http-request.js';
import { startReceiver, testContext, testServices } from './net.test-helper.js';
import { stepDefinition } from './registry.js';
import { mapFields, readScopePath, runApiRequestStep } from './run-api-request.js';

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

const scope = {
  trigger: { type: 'event', dealId: 'd-42' },
  vars: { customer: { email: 'ana@acme.test', name: 'Ana' }, tier: 'gold', seats: 12 },
  steps: { lookup: { output: { body: { id: 'crm-7' } } } },
};

describe('run_api_request', () => {
  it('is registered, a write step whose auth is secret', () => {
    expect(stepDefinition('run_api_request')).toBe(runApiRequestStep);
    expect(runApiRequestStep).toMatchObject({ effect: 'write', secretFields: ['auth'] });
  });

  it('GET: query, mapped fields and an API key go in the query; the JSON answer is the output', async () => {
    receiver.answer(() => ({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', etag: '"v3"' },
      body: '{"price":99.5,"currency":"EUR"}',
    }));
    const outcome = await runApiRequestStep.run(testContext({ services, scope }), {
      method: 'GET',
      url: `${receiver.origin}/prices?plan=pro`,
      query: { region: 'eu', annual: true },
      fieldMapping: { deal: 'trigger.dealId', seats: 'vars.seats' },
      auth: { type: 'api_key', name: 'api_key', value: 'k-123', in: 'query' },
    });
    expect(outcome).toEqual({
      kind: 'completed',
      output: {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', etag: '"v3"' },
        body: { price: 99.5, currency: 'EUR' },
      },
    });
    const [sent] = receiver.received;
    const url = new URL(sent!.url, receiver.origin);
    expect(sent!.method).toBe('GET');
    expect(url.pathname).toBe('/prices');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      plan: 'pro',
      region: 'eu',
      annual: 'true',
      deal: 'd-42',
      seats: '12',
      api_key: 'k-123',
    });
    expect(sent!.body).toBe('');
    expect(sent!.headers['idempotency-key']).toBeUndefined();
  });

  it('POST: bearer auth, the body merged with mapped fields (dots nest), an Idempotency-Key', async () => {
    const context = testContext({ services, scope });
    await runApiRequestStep.run(context, {
      method: 'POST',
      url: `${receiver.origin}/contacts`,
      headers: { 'X-Source': 'pandora' },
      auth: { type: 'bearer', token: 'tok-secret' },
      body: { source: 'flow', customer: { plan: 'pro' } },
      fieldMapping: {
        'customer.email': 'vars.customer.email',
        'customer.name': 'vars.customer.name',
        crmId: 'steps.lookup.output.body.id',
      },
    });
    const [sent] = receiver.received;
    expect(sent!.headers).toMatchObject({
      authorization: 'Bearer tok-secret',
      'content-type': 'application/json',
      'idempotency-key': context.idempotencyKey,
      'x-source': 'pandora',
    });
    expect(JSON.parse(sent!.body)).toEqual({
      source: 'flow',
      customer: { plan: 'pro', email: 'ana@acme.test', name: 'Ana' },
      crmId: 'crm-7',
    });
  });

  it('basic auth and an API key header', async () => {
    await runApiRequestStep.run(testContext({ services }), {
      method: 'DELETE',
      url: `${receiver.origin}/things/1`,
      auth: { type: 'basic', username: 'svc', password: 'pa:ss' },
    });
    await runApiRequestStep.run(testContext({ services }), {
      method: 'PUT',
      url: `${receiver.origin}/things/1`,
      body: 'raw text',
      auth: { type: 'api_key', name: 'X-Api-Key', value: 'key-9' },
    });
    const [basic, keyed] = receiver.received;
    expect(basic!.headers.authorization).toBe(
      `Basic ${Buffer.from('svc:pa:ss').toString('base64')}`,
    );
    expect(keyed!.headers['x-api-key']).toBe('key-9');
    expect(keyed!.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(keyed!.body).toBe('raw text');
  });

  it('a mapped field whose source is not set fails as validation, sending nothing', async () => {
    const missing = await failure(
      runApiRequestStep.run(testContext({ services, scope }), {
        method: 'POST',
        url: receiver.origin,
        fieldMapping: { email: 'vars.customer.phone' },
      }),
    );
    expect(missing.category).toBe('validation');
    expect(missing.message).toBe('fieldMapping.email: vars.customer.phone is not set in this run');
    expect(receiver.received).toEqual([]);
  });

  it('never writes a mapped field onto an object prototype', async () => {
    const polluting = await failure(
      runApiRequestStep.run(testContext({ services, scope }), {
        method: 'POST',
        url: receiver.origin,
        fieldMapping: { '__proto__.polluted': 'vars.tier' },
      }),
    );
    expect(polluting.category).toBe('validation');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readScopePath(scope, 'vars.constructor')).toBeUndefined();
    expect(readScopePath(scope, 'vars.toString')).toBeUndefined();
  });

  it('credentials an API echoes back are replaced in the output and the error', async () => {
    receiver.answer((request) => ({
      status: request.url === '/fail' ? 403 : 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seen: request.headers.authorization }),
    }));
    const outcome = await runApiRequestStep.run(testContext({ services }), {
      method: 'GET',
      url: `${receiver.origin}/ok`,
      auth: { type: 'bearer', token: 'tok-very-secret' },
    });
    expect(outcome).toMatchObject({ output: { body: { seen: 'Bearer [secret]' } } });
    expect(JSON.stringify(outcome)).not.toContain('tok-very-secret');

    const denied = await failure(
      runApiRequestStep.run(testContext({ services }), {
        method: 'GET',
        url: `${receiver.origin}/fail`,
        auth: { type: 'bearer', token: 'tok-very-secret' },
      }),
    );
    expect(denied.category).toBe('permission');
    expect(denied.message).toContain('Bearer [secret]');
    expect(denied.message).not.toContain('tok-very-secret');
  });

  it('classifies answers: 500 retryable, 404 validation', async () => {
    receiver.answer(() => ({ status: 500, body: 'oops' }));
    const broken = await failure(
      runApiRequestStep.run(testContext({ services }), { method: 'GET', url: receiver.origin }),
    );
    expect(broken).toMatchObject({
      category: 'network',
      options: { retryable: true, status: 500 },
    });
    receiver.answer(() => ({ status: 404, body: 'no such thing' }));
    const absent = await failure(
      runApiRequestStep.run(testContext({ services }), { method: 'GET', url: receiver.origin }),
    );
    expect(absent).toMatchObject({ category: 'validation', options: { status: 404 } });
  });

  it('goes through the outbound-URL guard', async () => {
    const refused = await failure(
      runApiRequestStep.run(testContext({ services: testServices() }), {
        method: 'GET',
        url: `${receiver.origin}/prices`,
        auth: { type: 'api_key', name: 'key', value: 'k-1', in: 'query' },
      }),
    );
    expect(refused.category).toBe('validation');
    expect(refused.message).toContain('only https URLs are allowed');
    expect(refused.message).not.toContain('k-1');
    expect(receiver.received).toEqual([]);
  });
});

describe('mapFields', () => {
  it('reads arrays by index and nests dotted targets', () => {
    const mapped = mapFields(
      { 'a.b': 'vars.list.1', c: 'trigger.flag' },
      { trigger: { flag: false }, vars: { list: ['x', 'y'] }, steps: {} },
    );
    expect(mapped).toEqual({ a: { b: 'y' }, c: false });
  });
});
