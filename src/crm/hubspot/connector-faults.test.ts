import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  smallDataset,
  startHubspotEmulator,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import { CrmError } from '../errors.js';
import { connectorFor, requestsFrom } from './test-support.test-helper.js';

const dataset = smallDataset(60);
let running: RunningHubspot;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset });
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  running.hubspot.controls.setMissingScopes([]);
});

const dealIds = (count: number, from = 0) =>
  dataset.deals.slice(from, from + count).map((deal) => running.hubspot.idFor(deal.sourceId)!);

async function failure(work: Promise<unknown>): Promise<CrmError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

describe('errors the emulator produces, as CrmErrors', () => {
  it('validation: a whole call HubSpot refuses, with its code', async () => {
    const { connector } = connectorFor(running);
    const error = await failure(
      connector.createProperty('deal', {
        name: 'Bad Name',
        label: 'x',
        type: 'string',
        fieldType: 'text',
      }),
    );
    expect(error).toMatchObject({ kind: 'validation', crmCode: 'VALIDATION_ERROR', status: 400 });
    expect(error.retryable).toBe(false);
  });

  it('validation per record, with field and code; conflict per record and whole-call', async () => {
    const { connector } = connectorFor(running);
    const [id] = dealIds(1);
    const [result] = await connector.updateRecords('deal', [
      { id: id!, properties: { hs_object_id: '1' } },
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'validation', crmCode: 'READ_ONLY_VALUE', field: 'hs_object_id' },
    });
    expect(result!.ok === false && result!.error.message).toContain('hs_object_id');

    await connector.createProperty('deal', {
      name: 'pandora_once',
      label: 'Once',
      type: 'string',
      fieldType: 'text',
    });
    const conflict = await failure(
      connector.createProperty('deal', {
        name: 'pandora_once',
        label: 'Once',
        type: 'string',
        fieldType: 'text',
      }),
    );
    expect(conflict).toMatchObject({
      kind: 'conflict',
      status: 409,
      crmCode: 'OBJECT_ALREADY_EXISTS',
    });
  });

  it('not_found for records HubSpot does not have', async () => {
    const { connector } = connectorFor(running);
    const [result] = await connector.updateRecords('deal', [
      { id: '424242', properties: { amount: 1 } },
    ]);
    expect(result).toMatchObject({
      ok: false,
      id: '424242',
      error: { kind: 'not_found', crmCode: 'OBJECT_NOT_FOUND' },
    });
    const note = await failure(
      connector.addNote({ body: 'x', attachTo: [{ objectType: 'deal', id: '424242' }] }),
    );
    expect(note.kind).toBe('validation');
  });

  it('rate_limited with HubSpot’s policy and delay when the wait is longer than the caller accepts', async () => {
    const { connector, gate } = connectorFor(running, {
      retry: { attempts: 3, baseDelayMs: 5, maxRateLimitWaitMs: 500 },
    });
    running.emulator.ctx.faults.add({ kind: 'rate_limit', times: 1, retryAfterSeconds: 2 });
    const error = await failure(connector.listOwners());
    expect(error).toMatchObject({
      kind: 'rate_limited',
      policy: 'TEN_SECONDLY_ROLLING',
      retryAfterMs: 2000,
      status: 429,
    });
    expect(error.retryable).toBe(true);
    expect(gate.pauses).toEqual([]);

    running.emulator.ctx.faults.add({ kind: 'rate_limit', times: 1, policy: 'DAILY' });
    const requests = requestsFrom(running);
    const daily = await failure(connector.listOwners());
    expect(daily).toMatchObject({ kind: 'rate_limited', policy: 'DAILY' });
    expect(daily.retryable).toBe(false);
    expect(requests()).toHaveLength(1);
  });

  it('retries a 429 after its delay, through the gate, and the work completes', async () => {
    const { connector, gate } = connectorFor(running);
    running.emulator.ctx.faults.add({
      kind: 'rate_limit',
      path: '/batch/update',
      times: 1,
      retryAfterSeconds: 1,
    });
    const ids = dealIds(3, 10);
    const requests = requestsFrom(running);
    const started = Date.now();
    const results = await connector.updateRecords(
      'deal',
      ids.map((id) => ({ id, properties: { hs_next_step: 'after the limit' } })),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(gate.pauses).toEqual([{ ms: 1000, policy: 'TEN_SECONDLY_ROLLING' }]);
    expect(requests().map((r) => r.status)).toEqual([429, 200]);
  });

  it('auth_expired when HubSpot no longer takes the token; not retried', async () => {
    const { connector } = connectorFor(running, {
      credentials: { kind: 'private_app', accessToken: 'pat-revoked' },
    });
    const requests = requestsFrom(running);
    const error = await failure(connector.testConnection());
    expect(error).toMatchObject({
      kind: 'auth_expired',
      crmCode: 'INVALID_AUTHENTICATION',
      status: 401,
    });
    expect(requests()).toHaveLength(1);
  });

  it('permission when the app lacks a scope', async () => {
    const { connector } = connectorFor(running);
    running.hubspot.controls.setMissingScopes(['crm.objects.deals.write']);
    const [id] = dealIds(1);
    const error = await failure(
      connector.updateRecords('deal', [{ id: id!, properties: { amount: 1 } }]),
    );
    expect(error).toMatchObject({ kind: 'permission', crmCode: 'MISSING_SCOPES', status: 403 });
    // Reads still work.
    expect((await connector.readRecords('deal', [id!], ['amount']))[0]!.ok).toBe(true);
  });

  it('transient for 5xx: retried for reads, given back once attempts run out', async () => {
    const { connector } = connectorFor(running);
    running.emulator.ctx.faults.add({ kind: 'server_error', times: 1 });
    expect(await connector.listPipelines()).toHaveLength(dataset.pipelines.length);

    running.emulator.ctx.faults.add({ kind: 'server_error' });
    const requests = requestsFrom(running);
    const error = await failure(connector.listPipelines());
    expect(error).toMatchObject({ kind: 'transient', status: 503, crmCode: 'SERVICE_UNAVAILABLE' });
    expect(requests()).toHaveLength(3);
  });

  it('transient after the request timeout; a create is not sent twice', async () => {
    const { connector, gate } = connectorFor(running, { timeoutMs: 150 });
    running.emulator.ctx.faults.add({
      kind: 'timeout',
      delayMs: 1000,
      path: '/batch/create',
      times: 1,
    });
    const started = Date.now();
    const error = await failure(
      connector.createRecords('account', [{ properties: { name: 'Slowpoke' } }]),
    );
    expect(Date.now() - started).toBeLessThan(900);
    expect(error).toMatchObject({ kind: 'transient', crmCode: 'TIMEOUT' });
    expect(error.retryable).toBe(true);
    expect(gate.acquired).toBe(1);

    // A read that times out is sent again.
    running.emulator.ctx.faults.add({
      kind: 'slow',
      delayMs: 400,
      path: '/crm/v3/owners',
      times: 1,
    });
    const owners = await connector.listOwners();
    expect(owners).toHaveLength(dataset.owners.length);
    expect(gate.acquired).toBe(3);
  });

  it('drop_after_apply: the note exists though the caller heard nothing; an update is retried', async () => {
    const { connector } = connectorFor(running);
    const [dealId] = dealIds(1, 20);
    running.emulator.ctx.faults.add({
      kind: 'drop_after_apply',
      path: '/crm/v3/objects/notes',
      times: 1,
    });
    const before = running.hubspot.store.tables.notes.order.length;
    const error = await failure(
      connector.addNote({
        body: 'Dropped answer',
        attachTo: [{ objectType: 'deal', id: dealId! }],
      }),
    );
    expect(error.kind).toBe('transient');
    expect(running.hubspot.store.tables.notes.order.length).toBe(before + 1);

    running.emulator.ctx.faults.add({ kind: 'drop_after_apply', path: '/batch/update', times: 1 });
    const requests = requestsFrom(running);
    const [result] = await connector.updateRecords('deal', [
      { id: dealId!, properties: { amount: 4242 } },
    ]);
    expect(result).toMatchObject({ ok: true, value: { properties: { amount: '4242' } } });
    expect(requests().map((r) => r.status)).toEqual([0, 200]);
  });

  it('transient when HubSpot cannot be reached at all', async () => {
    const { connector } = connectorFor(running, {
      basePath: 'http://127.0.0.1:1',
      retry: { attempts: 1 },
    });
    const error = await failure(connector.listOwners());
    expect(error).toMatchObject({ kind: 'transient' });
    expect(error.crmCode).toMatch(/ECONNREFUSED|NETWORK_ERROR/);
  });

  it('a later chunk failing for good fails its records; earlier results stand', async () => {
    const { connector } = connectorFor(running, { retry: { attempts: 1 } });
    const ids = dealIds(150, 5);
    const inputs = ids.map((id) => ({ id, properties: { hs_next_step: 'chunked' } }));
    // The first batch call meets a no-op rule; the second one a 503.
    running.emulator.ctx.faults.add({ kind: 'slow', delayMs: 0, path: '/batch/update', times: 1 });
    running.emulator.ctx.faults.add({ kind: 'server_error', path: '/batch/update' });
    const results = await connector.updateRecords('deal', inputs);
    expect(results.slice(0, 100).every((r) => r.ok)).toBe(true);
    expect(results.slice(100).every((r) => !r.ok && r.error.kind === 'transient')).toBe(true);

    // When the first call fails, nothing was done: the error is thrown.
    const error = await failure(connector.updateRecords('deal', inputs));
    expect(error).toMatchObject({ kind: 'transient', status: 503 });
  });
});
