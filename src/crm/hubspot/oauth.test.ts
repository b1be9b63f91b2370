import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../emulator/hubspot/context.js';
import {
  startHubspotEmulator,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import { CrmError } from '../errors.js';
import { exchangeHubspotCode, hubspotAuthorizeUrl, HUBSPOT_SCOPES } from './oauth.js';
import { connectorFor, requestsFrom } from './test-support.test-helper.js';
import type { HubspotCredentials, HubspotOAuthCredentials } from './types.js';

const REDIRECT = 'http://localhost:3000/api/oauth/hubspot/callback';
let running: RunningHubspot;

beforeAll(async () => {
  running = await startHubspotEmulator();
});
afterAll(() => running.close());
beforeEach(() => running.emulator.ctx.faults.clear());

function oauthCredentials(expiresInMs: number): HubspotOAuthCredentials {
  const minted = running.hubspot.controls.mintTokens();
  return {
    kind: 'oauth',
    accessToken: minted.access_token,
    refreshToken: minted.refresh_token,
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
  };
}

describe('the authorization-code flow', () => {
  it('builds the consent URL and trades the code for credentials', async () => {
    const url = hubspotAuthorizeUrl({
      clientId: DEFAULT_CLIENT_ID,
      redirectUri: REDIRECT,
      scopes: HUBSPOT_SCOPES,
      state: 'signed-state',
      authBase: running.baseUrl,
    });
    expect(url.startsWith(`${running.baseUrl}/oauth/authorize?`)).toBe(true);
    expect(new URL(url).searchParams.get('scope')).toBe(HUBSPOT_SCOPES.join(' '));
    expect(hubspotAuthorizeUrl({ clientId: 'c', redirectUri: REDIRECT, state: 's' })).toMatch(
      /^https:\/\/app\.hubspot\.com\/oauth\/authorize\?/,
    );

    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('signed-state');
    const code = back.searchParams.get('code')!;

    const before = Date.now();
    const credentials = await exchangeHubspotCode({
      code,
      clientId: DEFAULT_CLIENT_ID,
      clientSecret: DEFAULT_CLIENT_SECRET,
      redirectUri: REDIRECT,
      basePath: running.baseUrl,
    });
    expect(credentials).toMatchObject({ kind: 'oauth', clientId: DEFAULT_CLIENT_ID });
    const expiresAt = Date.parse(credentials.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 1799_000);
    const { connector } = connectorFor(running, { credentials });
    expect((await connector.testConnection()).accountId).toBe(
      String(running.hubspot.store.portalId),
    );

    // A code works once.
    const again = await exchangeHubspotCode({
      code,
      clientId: DEFAULT_CLIENT_ID,
      clientSecret: DEFAULT_CLIENT_SECRET,
      redirectUri: REDIRECT,
      basePath: running.baseUrl,
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(CrmError);
    expect(again).toMatchObject({ kind: 'auth_expired', crmCode: 'BAD_AUTH_CODE', status: 400 });
  });
});

describe('token refresh', () => {
  it('refreshes a token that expires within a minute before the call, and hands the new one over', async () => {
    const saved: HubspotCredentials[] = [];
    const credentials = oauthCredentials(30_000);
    const { connector } = connectorFor(running, {
      credentials,
      onCredentials: async (next) => {
        saved.push(next);
      },
    });
    const requests = requestsFrom(running);
    await connector.listOwners();
    expect(requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /oauth/v1/token',
      'GET /crm/v3/owners/',
    ]);
    expect(saved).toHaveLength(1);
    const next = saved[0] as HubspotOAuthCredentials;
    expect(next.accessToken).not.toBe(credentials.accessToken);
    expect(next.refreshToken).toBe(credentials.refreshToken);
    expect(Date.parse(next.expiresAt)).toBeGreaterThan(Date.now() + 1700_000);
    expect(connector.credentials()).toEqual(next);

    // Fresh now: the next call needs no refresh.
    const more = requestsFrom(running);
    await connector.listPipelines();
    expect(more()).toHaveLength(1);
    expect(saved).toHaveLength(1);
  });

  it('refreshes once after a 401 EXPIRED_AUTHENTICATION and sends the call again', async () => {
    const saved: HubspotCredentials[] = [];
    const credentials = oauthCredentials(20 * 60_000);
    const { connector, gate } = connectorFor(running, {
      credentials,
      onCredentials: async (next) => {
        saved.push(next);
      },
    });
    running.hubspot.controls.expireAccessTokens(credentials.accessToken);
    const requests = requestsFrom(running);
    const pipelines = await connector.listPipelines();
    expect(pipelines.length).toBeGreaterThan(0);
    expect(requests().map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([
      '401 GET /crm/v3/pipelines/deals',
      '200 POST /oauth/v1/token',
      '200 GET /crm/v3/pipelines/deals',
    ]);
    expect(saved).toHaveLength(1);
    expect(gate.acquired).toBe(2);
  });

  it('is auth_expired when the refresh token was revoked', async () => {
    const credentials = oauthCredentials(10_000);
    running.hubspot.controls.revokeTokens(credentials.refreshToken);
    const { connector } = connectorFor(running, { credentials });
    const error = await connector.listOwners().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'auth_expired', crmCode: 'BAD_REFRESH_TOKEN' });
  });

  it('fails the call when refreshed credentials cannot be stored', async () => {
    const { connector } = connectorFor(running, {
      credentials: oauthCredentials(10_000),
      onCredentials: async () => {
        throw new Error('database is down');
      },
      retry: { attempts: 1 },
    });
    const error = await connector.listOwners().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient' });
    expect((error as Error).message).toContain('database is down');
  });

  it('does not refresh a private-app token on a 401', async () => {
    const { connector } = connectorFor(running, {
      credentials: { kind: 'private_app', accessToken: 'pat-unknown' },
    });
    const requests = requestsFrom(running);
    await expect(connector.listOwners()).rejects.toMatchObject({ kind: 'auth_expired' });
    expect(requests().map((r) => r.path)).toEqual(['/crm/v3/owners/']);
  });
});
