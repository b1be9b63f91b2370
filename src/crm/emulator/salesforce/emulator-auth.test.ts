import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSalesforceEmulator } from './emulator.js';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './context.js';
import { httpClient } from './http-client.test-helper.js';
import {
  smallDataset,
  startSalesforceEmulator,
  type RunningSalesforce,
} from './testing.test-helper.js';

const V = '/services/data/v62.0';
let clock = new Date('2025-06-15T12:00:00.000Z');
let running: RunningSalesforce;
let call: ReturnType<typeof httpClient>;
const dataset = smallDataset();
const REDIRECT = 'http://localhost:9999/callback';

beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset, now: () => clock });
  call = httpClient(running.baseUrl);
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  running.salesforce.controls.setAccess('full');
});

async function authorize(params: Record<string, string> = {}): Promise<URL> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: REDIRECT,
    state: 'xyz',
    ...params,
  });
  const answer = await call('GET', `/services/oauth2/authorize?${query}`, { token: null });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

function exchange(code: string, overrides: Record<string, string> = {}) {
  return call('POST', '/services/oauth2/token', {
    token: null,
    form: {
      grant_type: 'authorization_code',
      code,
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
      redirect_uri: REDIRECT,
      ...overrides,
    },
  });
}

describe('OAuth', () => {
  it('runs the web-server flow: authorize, exchange, use, refresh', async () => {
    const redirect = await authorize();
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const token = await exchange(redirect.searchParams.get('code')!);
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({
      access_token: expect.stringMatching(/^00D[A-Za-z0-9]{12}!/),
      refresh_token: expect.any(String),
      instance_url: running.baseUrl,
      id: `${running.baseUrl}/services/id/${running.salesforce.store.orgId}/${running.salesforce.store.sourceIds.get(dataset.owners[0]!.sourceId)}`,
      token_type: 'Bearer',
      issued_at: String(clock.getTime()),
      signature: expect.any(String),
    });
    const limits = await call('GET', `${V}/limits`, { token: token.body.access_token });
    expect(limits.status).toBe(200);

    const refreshed = await call('POST', '/services/oauth2/token', {
      token: null,
      form: {
        grant_type: 'refresh_token',
        refresh_token: token.body.refresh_token,
        client_id: DEFAULT_CLIENT_ID,
        client_secret: DEFAULT_CLIENT_SECRET,
      },
    });
    expect(refreshed.body.access_token).not.toBe(token.body.access_token);
    expect(refreshed.body.refresh_token).toBeUndefined();

    const info = await call('GET', '/services/oauth2/userinfo', {
      token: refreshed.body.access_token,
    });
    expect(info.body).toMatchObject({
      organization_id: running.salesforce.store.orgId,
      preferred_username: dataset.owners[0]!.email,
    });
    const identity = await call('GET', new URL(token.body.id).pathname, {
      token: refreshed.body.access_token,
    });
    expect(identity.body.username).toBe(dataset.owners[0]!.email);
  });

  it('logs in as the user named by login_hint', async () => {
    const owner = dataset.owners[2]!;
    const redirect = await authorize({ login_hint: owner.email });
    const token = await exchange(redirect.searchParams.get('code')!);
    expect(token.body.id).toMatch(new RegExp(`/${running.salesforce.idFor(owner.sourceId)}$`));
  });

  it('refuses wrong clients, reused codes and bad grants', async () => {
    const code = (await authorize()).searchParams.get('code')!;
    expect((await exchange(code, { client_secret: 'wrong' })).body).toEqual({
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });
    expect((await exchange(code, { client_id: 'someone-else' })).body.error).toBe(
      'invalid_client_id',
    );
    expect((await exchange(code, { redirect_uri: 'http://elsewhere/' })).body.error).toBe(
      'redirect_uri_mismatch',
    );
    const reused = await exchange(code);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    const unknownGrant = await exchange(code, { grant_type: 'password' });
    expect(unknownGrant.body.error).toBe('unsupported_grant_type');
    const badClient = await call(
      'GET',
      `/services/oauth2/authorize?response_type=code&client_id=x&redirect_uri=${REDIRECT}`,
      { token: null },
    );
    expect(badClient.status).toBe(400);
  });

  it('revokes refresh tokens with their sessions, and expires sessions on demand', async () => {
    const minted = running.salesforce.controls.mintTokens();
    expect((await call('GET', `${V}/limits`, { token: minted.access_token })).status).toBe(200);

    running.salesforce.controls.expireSessions();
    const expired = await call('GET', `${V}/limits`, { token: minted.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
    expect((await call('GET', `${V}/limits`)).status).toBe(200);

    const revoke = await call('POST', '/services/oauth2/revoke', {
      token: null,
      form: { token: minted.refresh_token },
    });
    expect(revoke.status).toBe(200);
    const refresh = await call('POST', '/services/oauth2/token', {
      token: null,
      form: {
        grant_type: 'refresh_token',
        refresh_token: minted.refresh_token,
        client_id: DEFAULT_CLIENT_ID,
        client_secret: DEFAULT_CLIENT_SECRET,
      },
    });
    expect(refresh.body).toEqual({
      error: 'invalid_grant',
      error_description: 'expired access/refresh token',
    });
  });

  it('lets sessions time out after the session lifetime', async () => {
    const minted = running.salesforce.controls.mintTokens();
    clock = new Date(clock.getTime() + 2 * 60 * 60_000 + 1);
    expect((await call('GET', `${V}/limits`, { token: minted.access_token })).status).toBe(401);
    expect(
      (await call('GET', '/services/oauth2/userinfo', { token: minted.access_token })).body,
    ).toBe('Bad_OAuth_Token');
  });

  it('mints and revokes tokens over the control routes', async () => {
    const minted = await call('POST', '/_emulator/salesforce/tokens', { body: {} });
    expect(minted.status).toBe(201);
    expect((await call('GET', `${V}/limits`, { token: minted.body.access_token })).status).toBe(
      200,
    );
    await call('POST', '/_emulator/salesforce/tokens/revoke', { body: {} });
    expect((await call('GET', `${V}/limits`, { token: minted.body.access_token })).status).toBe(
      401,
    );
  });
});

describe('access and limits', () => {
  it('answers a user without access with 403 INSUFFICIENT_ACCESS, and a read-only one on writes', async () => {
    const put = await call('PUT', '/_emulator/salesforce/access', { body: { access: 'none' } });
    expect(put.status).toBe(204);
    const denied = await call('GET', `${V}/limits`);
    expect(denied.status).toBe(403);
    expect(denied.body[0].errorCode).toBe('INSUFFICIENT_ACCESS');

    running.salesforce.controls.setAccess('read');
    const dealId = running.salesforce.idFor(dataset.deals[0]!.sourceId)!;
    expect((await call('GET', `${V}/sobjects/Opportunity/${dealId}?fields=Name`)).status).toBe(200);
    const single = await call('PATCH', `${V}/sobjects/Opportunity/${dealId}`, {
      body: { Name: 'x' },
    });
    expect(single.status).toBe(403);
    expect(single.body[0].errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    const batch = await call('PATCH', `${V}/composite/sobjects`, {
      body: { records: [{ attributes: { type: 'Opportunity' }, id: dealId, Name: 'x' }] },
    });
    expect(batch.body[0].errors[0].statusCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('reports usage in Sforce-Limit-Info and /limits', async () => {
    const first = await call('GET', `${V}/limits`);
    const [, used, max] = /api-usage=(\d+)\/(\d+)/.exec(first.headers.get('sforce-limit-info')!)!;
    expect(Number(max)).toBe(100_000);
    expect(first.body.DailyApiRequests).toEqual({
      Max: 100_000,
      Remaining: 100_000 - Number(used),
    });
    const second = await call('GET', `${V}/sobjects`);
    expect(second.headers.get('sforce-limit-info')).toBe(`api-usage=${Number(used) + 1}/100000`);
  });

  it('refuses with Salesforce bodies: rate limits with 403 REQUEST_LIMIT_EXCEEDED, faults with 503', async () => {
    running.emulator.ctx.faults.add({ kind: 'rate_limit', api: 'salesforce', times: 1 });
    const limited = await call('GET', `${V}/limits`);
    expect(limited.status).toBe(403);
    expect(limited.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    expect(limited.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
    running.emulator.ctx.faults.add({ kind: 'server_error', api: 'salesforce', times: 1 });
    const failed = await call('GET', `${V}/limits`);
    expect(failed.status).toBe(503);
    expect(failed.body[0].errorCode).toBe('SERVER_UNAVAILABLE');
  });

  it('refuses past the daily allowance', async () => {
    const small = await startSalesforceEmulator({
      dataset: null,
      settings: { limits: { salesforce: { window: null, daily: 3 } } },
    });
    try {
      const get = httpClient(small.baseUrl);
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await get('GET', `${V}/limits`)).status);
      expect(statuses).toEqual([200, 200, 200, 403]);
    } finally {
      await small.close();
    }
  });

  it('checks the API version and the token before anything else', async () => {
    expect((await call('GET', `/services/data/v49.0/limits`)).status).toBe(404);
    expect((await call('GET', `/services/data/v63.0/limits`)).status).toBe(404);
    expect((await call('GET', `/services/data/v50.0/limits`)).status).toBe(200);
    expect((await call('GET', `${V}/limits`, { token: 'nope' })).status).toBe(401);
    const versions = await call('GET', '/services/data/', { token: null });
    expect(versions.body.map((v: { version: string }) => v.version)).toContain('62.0');
  });
});

describe('snapshot', () => {
  it('round-trips records, custom fields and tokens through plain JSON', async () => {
    running.salesforce.controls.addCustomField({
      object: 'Account',
      name: 'Pandora_Tier__c',
      type: 'string',
      length: 20,
    });
    const minted = running.salesforce.controls.mintTokens();
    const accountId = running.salesforce.idFor(dataset.accounts[0]!.sourceId)!;
    await call('PATCH', `${V}/sobjects/Account/${accountId}`, {
      body: { Pandora_Tier__c: 'gold' },
    });
    const json = JSON.parse(JSON.stringify(running.salesforce.snapshot()));

    const copy = createSalesforceEmulator(undefined);
    copy.restore(json);
    const restored = await startSalesforceEmulator({ dataset: null, now: () => clock });
    try {
      restored.salesforce.restore(json);
      const get = httpClient(restored.baseUrl);
      const read = await get(
        'GET',
        `${V}/sobjects/Account/${accountId}?fields=Name,Pandora_Tier__c`,
        { token: minted.access_token },
      );
      expect(read.body).toMatchObject({ Name: dataset.accounts[0]!.name, Pandora_Tier__c: 'gold' });
      expect(restored.salesforce.idFor(dataset.accounts[0]!.sourceId)).toBe(accountId);
      const created = await get('POST', `${V}/sobjects/Account`, {
        body: { Name: 'After restore' },
      });
      expect(created.body.id > accountId).toBe(true);
      expect(copy.store.get('Account', accountId)?.Pandora_Tier__c).toBe('gold');
    } finally {
      await restored.close();
    }
  });
});
