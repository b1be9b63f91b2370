import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_TOKEN } from '../emulator/salesforce/index.js';
import {
  recordingGate,
  smallDataset,
  startSalesforceEmulator,
  type RecordingGate,
  type RunningSalesforce,
} from '../emulator/salesforce/testing.test-helper.js';
import { CrmError } from '../errors.js';
import { createSalesforceConnector, type SalesforceConnector } from './connector.js';
import type { SalesforceConnectorOptions, SalesforceCredentials } from './types.js';

const dataset = smallDataset(60);
let clock = new Date('2025-06-15T12:00:00.000Z');
let running: RunningSalesforce;
let gate: RecordingGate;
const sf = (sourceId: string) => running.salesforce.idFor(sourceId)!;
const dealId = () => sf(dataset.deals[0]!.sourceId);
const contactId = (n: number) => sf(dataset.contacts[n]!.sourceId);

function connect(options: Partial<SalesforceConnectorOptions> = {}): SalesforceConnector {
  return createSalesforceConnector({
    credentials: {
      kind: 'access_token',
      instanceUrl: running.baseUrl,
      accessToken: DEFAULT_ACCESS_TOKEN,
    },
    gate,
    retry: { baseDelayMs: 1, attempts: 3 },
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    return error as CrmError;
  }
  throw new Error('expected the call to fail');
}

function oauthCredentials(): SalesforceCredentials {
  const minted = running.salesforce.controls.mintTokens();
  return {
    kind: 'oauth',
    instanceUrl: minted.instance_url,
    accessToken: minted.access_token,
    refreshToken: minted.refresh_token,
    clientId: minted.client_id,
    clientSecret: minted.client_secret,
    loginUrl: running.baseUrl,
  };
}

beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset, now: () => clock });
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  running.salesforce.controls.setAccess('full');
  running.salesforce.controls.unlockAll();
  gate = recordingGate();
});

describe('usage', () => {
  it('reports Sforce-Limit-Info to the gate and onUsage as it changes', async () => {
    const seen: { used: number; max: number }[] = [];
    const connector = connect({ onUsage: (usage) => void seen.push(usage) });
    await connector.listOwners();
    await connector.listPipelines();
    expect(gate.usage).toHaveLength(2);
    expect(gate.usage[1]!.used).toBe(gate.usage[0]!.used + 1);
    expect(gate.usage[0]!.max).toBe(100_000);
    expect(seen).toEqual(gate.usage);
    const limits = await fetch(`${running.baseUrl}/services/data/v62.0/limits`, {
      headers: { authorization: `Bearer ${DEFAULT_ACCESS_TOKEN}` },
    });
    expect(limits.headers.get('sforce-limit-info')).toBe(
      `api-usage=${gate.usage[1]!.used + 1}/100000`,
    );
  });
});

describe('error kinds', () => {
  it('validation: unknown fields, malformed queries, picklists, lengths, types, required fields', async () => {
    const connector = connect();
    const invalid = await failure(connector.readRecords('deal', [dealId()], ['Colour__c']));
    expect(invalid).toMatchObject({
      kind: 'validation',
      crmCode: 'INVALID_FIELD',
      field: 'Colour__c',
      status: 400,
    });
    expect(invalid.retryable).toBe(false);
    const malformed = await failure(connector.listChanged('deal', { properties: ['Name Amount'] }));
    expect(malformed).toMatchObject({ kind: 'validation', crmCode: 'MALFORMED_QUERY' });

    const results = await connector.updateRecords('deal', [
      { id: dealId(), properties: { StageName: 'Dreaming' } },
      { id: dealId(), properties: { NextStep: 'x'.repeat(300) } },
      { id: dealId(), properties: { Amount: 'lots' } },
      { id: dealId(), properties: { Name: null } },
      { id: dealId(), properties: { IsWon: true } },
    ]);
    expect(
      results.map((r) => (r.ok ? null : [r.error.kind, r.error.crmCode, r.error.field])),
    ).toEqual([
      ['validation', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'StageName'],
      ['validation', 'STRING_TOO_LONG', 'NextStep'],
      ['validation', 'INVALID_TYPE_ON_FIELD_IN_RECORD', 'Amount'],
      ['validation', 'REQUIRED_FIELD_MISSING', 'Name'],
      ['validation', 'INVALID_FIELD_FOR_INSERT_UPDATE', 'IsWon'],
    ]);
  });

  it('not_found: deleted records', async () => {
    const connector = connect();
    const [created] = await connector.createRecords('contact', [
      { properties: { LastName: 'Gone' } },
    ]);
    await connector.archiveRecords('contact', [created!.id!]);
    const [result] = await connector.updateRecords('contact', [
      { id: created!.id!, properties: { Title: 'x' } },
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'not_found', crmCode: 'ENTITY_IS_DELETED' },
    });
  });

  it('permission: a user without API access, and a read-only one', async () => {
    const connector = connect();
    running.salesforce.controls.setAccess('none');
    const denied = await failure(connector.listOwners());
    expect(denied).toMatchObject({
      kind: 'permission',
      crmCode: 'INSUFFICIENT_ACCESS',
      status: 403,
    });
    expect(gate.acquired).toBe(1);
    running.salesforce.controls.setAccess('read');
    const [result] = await connector.updateRecords('deal', [
      { id: dealId(), properties: { NextStep: 'x' } },
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'permission', crmCode: 'INSUFFICIENT_ACCESS_OR_READONLY' },
    });
  });

  it('rate_limited: REQUEST_LIMIT_EXCEEDED is the daily allowance, not retried', async () => {
    running.emulator.ctx.faults.add({ kind: 'rate_limit', api: 'salesforce' });
    const since = running.emulator.ctx.log.lastSeq;
    const error = await failure(connect().listOwners());
    expect(error).toMatchObject({
      kind: 'rate_limited',
      policy: 'DAILY',
      crmCode: 'REQUEST_LIMIT_EXCEEDED',
      status: 403,
    });
    expect(error.retryable).toBe(false);
    expect(running.requests(since)).toHaveLength(1);
    expect(gate.pauses).toEqual([]);
  });

  it('transient: 503s are retried for reads and given up after the attempts', async () => {
    running.emulator.ctx.faults.add({ kind: 'server_error', api: 'salesforce', times: 2 });
    const since = running.emulator.ctx.log.lastSeq;
    expect(await connect().listOwners()).toHaveLength(dataset.owners.length);
    expect(running.requests(since).map((r) => r.status)).toEqual([503, 503, 200]);

    running.emulator.ctx.faults.add({ kind: 'server_error', api: 'salesforce' });
    const error = await failure(connect().listOwners());
    expect(error).toMatchObject({ kind: 'transient', crmCode: 'SERVER_UNAVAILABLE', status: 503 });
    expect(error.retryable).toBe(true);
  });

  it('transient: a locked row fails that record only, and may be retried', async () => {
    running.salesforce.controls.lockRecords([contactId(1)], 1);
    const connector = connect();
    const inputs = [contactId(0), contactId(1)].map((id) => ({ id, properties: { Title: 'VP' } }));
    const first = await connector.updateRecords('contact', inputs);
    expect(first[0]!.ok).toBe(true);
    expect(first[1]).toMatchObject({
      ok: false,
      error: { kind: 'transient', crmCode: 'UNABLE_TO_LOCK_ROW' },
    });
    expect(!first[1]!.ok && first[1]!.error.retryable).toBe(true);
    expect((await connector.updateRecords('contact', [inputs[1]!]))[0]!.ok).toBe(true);
  });

  it('validation: an expired query cursor says to start over', async () => {
    const connector = connect();
    const page = await connector.listChanged('contact', { properties: ['Email'], limit: 200 });
    expect(page.cursor).toBeDefined();
    clock = new Date(clock.getTime() + 16 * 60_000);
    const error = await failure(
      connector.listChanged('contact', { properties: ['Email'], cursor: page.cursor }),
    );
    expect(error).toMatchObject({ kind: 'validation', crmCode: 'INVALID_QUERY_LOCATOR' });
    await expect(
      connector.listChanged('contact', { properties: [], cursor: 'nonsense' }),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('transient: nothing listening', async () => {
    const connector = createSalesforceConnector({
      credentials: { kind: 'access_token', instanceUrl: 'http://127.0.0.1:9', accessToken: 'x' },
      gate,
      retry: { baseDelayMs: 1, attempts: 2 },
    });
    const error = await failure(connector.listOwners());
    expect(error.kind).toBe('transient');
    expect(error.crmCode).toBe('ECONNREFUSED');
    expect(gate.acquired).toBe(2);
  });
});

describe('timeouts and lost answers', () => {
  it('abandons a request after timeoutMs; reads are retried', async () => {
    running.emulator.ctx.faults.add({
      kind: 'timeout',
      api: 'salesforce',
      delayMs: 1_000,
      times: 1,
    });
    const connector = connect({ timeoutMs: 150 });
    const started = Date.now();
    expect(await connector.listOwners()).toHaveLength(dataset.owners.length);
    expect(Date.now() - started).toBeLessThan(900);
    expect(gate.acquired).toBe(2);
  });

  it('a create that times out is transient and not retried', async () => {
    running.emulator.ctx.faults.add({
      kind: 'slow',
      api: 'salesforce',
      method: 'POST',
      delayMs: 600,
      times: 1,
    });
    const error = await failure(
      connect({ timeoutMs: 150 }).createRecords('account', [{ properties: { Name: 'Slow' } }]),
    );
    expect(error).toMatchObject({ kind: 'transient', crmCode: 'TIMEOUT' });
    expect(error.message).toContain('150 ms');
    expect(gate.acquired).toBe(1);
  });

  it('drop_after_apply: an update is retried and lands once; a create is not retried but did land', async () => {
    running.emulator.ctx.faults.add({
      kind: 'drop_after_apply',
      api: 'salesforce',
      method: 'PATCH',
      times: 1,
    });
    const connector = connect();
    const [updated] = await connector.updateRecords('contact', [
      { id: contactId(3), properties: { Title: 'CFO' } },
    ]);
    expect(updated!.ok).toBe(true);
    expect(gate.acquired).toBe(2);
    expect(running.salesforce.store.get('Contact', contactId(3))!.Title).toBe('CFO');

    running.emulator.ctx.faults.add({
      kind: 'drop_after_apply',
      api: 'salesforce',
      method: 'POST',
      times: 1,
    });
    const error = await failure(
      connector.createRecords('account', [{ properties: { Name: 'Dropped answer' } }]),
    );
    expect(error.kind).toBe('transient');
    expect(gate.acquired).toBe(3);
    const count = [...running.salesforce.store.table('Account').values()].filter(
      (a) => a.Name === 'Dropped answer',
    );
    expect(count).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('auth_expired: an expired bare token cannot be refreshed', async () => {
    const { access_token: accessToken } = running.salesforce.controls.mintTokens();
    const connector = connect({
      credentials: { kind: 'access_token', instanceUrl: running.baseUrl, accessToken },
    });
    expect(await connector.listPipelines()).toHaveLength(1);
    running.salesforce.controls.expireSessions(accessToken);
    const error = await failure(connector.listOwners());
    expect(error).toMatchObject({
      kind: 'auth_expired',
      crmCode: 'INVALID_SESSION_ID',
      status: 401,
    });
    expect(error.retryable).toBe(false);
  });

  it('refreshes an expired OAuth session, stores the new token, and retries the call', async () => {
    const credentials = oauthCredentials();
    const stored: SalesforceCredentials[] = [];
    const connector = connect({
      credentials,
      onCredentials: async (next) => void stored.push(next),
    });
    running.salesforce.controls.expireSessions();
    const since = running.emulator.ctx.log.lastSeq;
    expect(await connector.listOwners()).toHaveLength(dataset.owners.length);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ ...credentials, accessToken: expect.any(String) });
    expect((stored[0] as { accessToken: string }).accessToken).not.toBe(credentials.accessToken);
    expect(connector.credentials()).toEqual(stored[0]);
    expect(
      running
        .requests(since)
        .map((r) => [r.method, r.path.replace(/\/query.*/, '/query'), r.status]),
    ).toEqual([
      ['GET', '/services/data/v62.0/query', 401],
      ['POST', '/services/oauth2/token', 200],
      ['GET', '/services/data/v62.0/query', 200],
    ]);
    expect(await connector.listPipelines()).toHaveLength(1);
    expect(stored).toHaveLength(1);
  });

  it('auth_expired once the refresh token is revoked', async () => {
    const credentials = oauthCredentials();
    const stored: SalesforceCredentials[] = [];
    const connector = connect({
      credentials,
      onCredentials: async (next) => void stored.push(next),
    });
    running.salesforce.controls.revokeTokens(
      credentials.kind === 'oauth' ? credentials.refreshToken : '',
    );
    const error = await failure(connector.listOwners());
    expect(error).toMatchObject({ kind: 'auth_expired', crmCode: 'invalid_grant' });
    expect(error.message).toContain('Reconnect Salesforce');
    expect(stored).toEqual([]);
  });

  it('fails the call when refreshed credentials cannot be stored', async () => {
    const connector = connect({
      credentials: oauthCredentials(),
      onCredentials: async () => {
        throw new Error('database is down');
      },
      retry: { attempts: 1 },
    });
    running.salesforce.controls.expireSessions();
    const error = await failure(connector.listOwners());
    expect(error.kind).toBe('transient');
    expect(error.message).toContain('database is down');
  });
});
