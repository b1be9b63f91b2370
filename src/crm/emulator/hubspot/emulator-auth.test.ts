import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './context.js';
import { httpClient } from './http-client.test-helper.js';
import { startHubspotEmulator, type RunningHubspot } from './testing.test-helper.js';

const clock = { now: new Date('2025-06-15T12:00:00.000Z') };
const REDIRECT = 'http://localhost:9999/callback';
let running: RunningHubspot;
let call: ReturnType<typeof httpClient>;

beforeAll(async () => {
  running = await startHubspotEmulator({
    now: () => clock.now,
    settings: { limits: { hubspot: { window: null, daily: null } } },
  });
  call = httpClient(running.baseUrl);
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  running.hubspot.controls.setMissingScopes([]);
});

async function authorize(): Promise<URL> {
  const query = new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: REDIRECT,
    scope: 'oauth crm.objects.deals.read',
    state: 'xyz',
  });
  const answer = await call('GET', `/oauth/authorize?${query}`, { token: null });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

const exchange = (form: Record<string, string>) =>
  call('POST', '/oauth/v1/token', {
    token: null,
    form: { client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, ...form },
  });

describe('authentication', () => {
  it('refuses a missing or unknown token with 401 INVALID_AUTHENTICATION', async () => {
    for (const token of [null, 'pat-wrong']) {
      const answer = await call('GET', '/crm/v3/objects/deals', { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    }
  });

  it('runs the authorization-code flow: consent, code, tokens, refresh', async () => {
    const redirect = await authorize();
    expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const code = redirect.searchParams.get('code')!;

    expect(
      (
        await exchange({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT,
          client_secret: 'no',
        })
      ).body,
    ).toMatchObject({
      status: 'BAD_CLIENT_SECRET',
    });
    const tokens = await exchange({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
    const reused = await exchange({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.status).toBe('BAD_AUTH_CODE');

    const ok = await call('GET', '/crm/v3/objects/deals?limit=1', {
      token: tokens.body.access_token,
    });
    expect(ok.status).toBe(200);
    // OAuth apps have no daily quota headers; private apps do.
    expect(ok.headers.get('x-hubspot-ratelimit-daily')).toBeNull();

    const refreshed = await exchange({
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBe(tokens.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(tokens.body.access_token);
    const bad = await exchange({ grant_type: 'refresh_token', refresh_token: 'nope' });
    expect(bad.body).toMatchObject({ status: 'BAD_REFRESH_TOKEN' });
  });

  it('answers 401 EXPIRED_AUTHENTICATION once an access token expires, by the clock or the control', async () => {
    const tokens = running.hubspot.controls.mintTokens();
    clock.now = new Date(clock.now.getTime() + 1801_000);
    const late = await call('GET', '/crm/v3/objects/deals', { token: tokens.access_token });
    expect(late.status).toBe(401);
    expect(late.body.category).toBe('EXPIRED_AUTHENTICATION');

    const fresh = running.hubspot.controls.mintTokens();
    expect((await call('GET', '/crm/v3/objects/deals', { token: fresh.access_token })).status).toBe(
      200,
    );
    const expired = await call('POST', '/_emulator/hubspot/tokens/expire', {
      body: { token: fresh.access_token },
    });
    expect(expired.body).toEqual({ expired: 1 });
    const after = await call('GET', '/crm/v3/objects/deals', { token: fresh.access_token });
    expect(after.body.category).toBe('EXPIRED_AUTHENTICATION');
  });

  it('revokes a refresh token with its access tokens', async () => {
    const minted = await call('POST', '/_emulator/hubspot/tokens', { body: {} });
    expect(minted.status).toBe(201);
    await call('POST', '/_emulator/hubspot/tokens/revoke', {
      body: { token: minted.body.refresh_token },
    });
    const answer = await call('GET', '/crm/v3/objects/deals', { token: minted.body.access_token });
    expect(answer.body.category).toBe('INVALID_AUTHENTICATION');
    const refresh = await exchange({
      grant_type: 'refresh_token',
      refresh_token: minted.body.refresh_token,
    });
    expect(refresh.body.status).toBe('BAD_REFRESH_TOKEN');
  });

  it('answers 403 MISSING_SCOPES for a token made to lack a scope', async () => {
    const set = await call('PUT', '/_emulator/hubspot/scopes', {
      body: { missing: ['crm.objects.deals.write'] },
    });
    expect(set.status).toBe(204);
    expect((await call('GET', '/crm/v3/objects/deals?limit=1')).status).toBe(200);
    const refused = await call('POST', '/crm/v3/objects/deals/batch/update', {
      body: { inputs: [] },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredGranularScopes: ['crm.objects.deals.write'] } }],
    });
    running.hubspot.controls.setMissingScopes(['*']);
    expect((await call('GET', '/crm/v3/owners')).status).toBe(403);
  });
});

describe('refusals', () => {
  it('sends the real 429 body and rate-limit headers for an injected rate limit', async () => {
    running.emulator.ctx.faults.add({ kind: 'rate_limit', times: 1, retryAfterSeconds: 3 });
    const answer = await call('GET', '/crm/v3/objects/deals');
    expect(answer.status).toBe(429);
    expect(answer.body).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(answer.body.groupName).toEqual(expect.any(String));
    expect(answer.headers.get('retry-after')).toBe('3');

    running.emulator.ctx.faults.add({ kind: 'rate_limit', times: 1, policy: 'DAILY' });
    const daily = await call('GET', '/crm/v3/objects/deals');
    expect(daily.body).toMatchObject({
      policyName: 'DAILY',
      message: 'You have reached your daily limit.',
    });
  });

  it('refuses over the configured window with 429 and the window headers', async () => {
    const limits = running.emulator.ctx.settings.limits;
    limits.hubspot = { window: { max: 2, ms: 60_000 }, daily: 500 };
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i += 1) {
        last = await call('GET', '/crm/v3/objects/deals?limit=1');
        statuses.push(last.status);
      }
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
      expect(last!.headers.get('x-hubspot-ratelimit-max')).toBe('2');
      expect(last!.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
      expect(last!.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('60000');
    } finally {
      limits.hubspot = { window: null, daily: null };
    }
  });

  it('answers an injected server error with 503 and a HubSpot error body', async () => {
    running.emulator.ctx.faults.add({ kind: 'server_error', times: 1 });
    const answer = await call('GET', '/crm/v3/objects/deals');
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: 'error', category: 'SERVICE_UNAVAILABLE' });
  });

  it('reports the daily quota to private apps', async () => {
    const limits = running.emulator.ctx.settings.limits;
    limits.hubspot = { window: null, daily: 1000 };
    try {
      const first = await call('GET', '/crm/v3/objects/deals?limit=1');
      const second = await call('GET', '/crm/v3/objects/deals?limit=1');
      expect(first.headers.get('x-hubspot-ratelimit-daily')).toBe('1000');
      expect(Number(first.headers.get('x-hubspot-ratelimit-daily-remaining')) - 1).toBe(
        Number(second.headers.get('x-hubspot-ratelimit-daily-remaining')),
      );
    } finally {
      limits.hubspot = { window: null, daily: null };
    }
  });

  it("answers unknown paths with HubSpot's 404 body, control paths without asking for a token", async () => {
    const api = await call('GET', '/crm/v3/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    const control = await call('GET', '/_emulator/hubspot/nothing', { token: null });
    expect(control.status).toBe(404);
    const ids = await call('GET', '/_emulator/hubspot/info', { token: null });
    expect(ids.body).toMatchObject({
      clientId: DEFAULT_CLIENT_ID,
      portalId: running.hubspot.store.portalId,
    });
  });
});
