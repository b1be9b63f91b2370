import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../emulator/salesforce/index.js';
import {
  recordingGate,
  smallDataset,
  startSalesforceEmulator,
  type RunningSalesforce,
} from '../emulator/salesforce/testing.test-helper.js';
import { createSalesforceConnector } from './connector.js';
import { exchangeSalesforceCode, salesforceAuthorizeUrl } from './oauth.js';

const dataset = smallDataset();
const REDIRECT = 'https://pandora.example/oauth/salesforce/callback';
let running: RunningSalesforce;

beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset });
});
afterAll(() => running.close());

/** What the browser does: open the authorize URL, follow the redirect back to us. */
async function codeFrom(url: string): Promise<{ code: string; state: string | null }> {
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  return { code: location.searchParams.get('code')!, state: location.searchParams.get('state') };
}

describe('Salesforce OAuth web-server flow', () => {
  const app = () => ({
    loginUrl: running.baseUrl,
    clientId: DEFAULT_CLIENT_ID,
    redirectUri: REDIRECT,
  });

  it('builds the authorize URL with the client, redirect, state and scopes', () => {
    const url = new URL(salesforceAuthorizeUrl({ ...app(), state: 's-1' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${running.baseUrl}/services/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: DEFAULT_CLIENT_ID,
      redirect_uri: REDIRECT,
      state: 's-1',
      scope: 'api id refresh_token',
    });
  });

  it('exchanges the code for credentials a connector can use', async () => {
    const { code, state } = await codeFrom(salesforceAuthorizeUrl({ ...app(), state: 'abc' }));
    expect(state).toBe('abc');
    const exchanged = await exchangeSalesforceCode({
      ...app(),
      clientSecret: DEFAULT_CLIENT_SECRET,
      code,
    });
    expect(exchanged).toEqual({
      orgId: running.salesforce.store.orgId,
      userId: running.salesforce.idFor(dataset.owners[0]!.sourceId),
      credentials: {
        kind: 'oauth',
        instanceUrl: running.baseUrl,
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
        loginUrl: running.baseUrl,
        redirectUri: REDIRECT,
      },
    });
    const connector = createSalesforceConnector({
      credentials: exchanged.credentials,
      gate: recordingGate(),
    });
    expect((await connector.testConnection()).accountId).toBe(running.salesforce.store.orgId);

    await expect(
      exchangeSalesforceCode({ ...app(), clientSecret: DEFAULT_CLIENT_SECRET, code }),
    ).rejects.toMatchObject({ kind: 'auth_expired', crmCode: 'invalid_grant' });
  });

  it('refuses a wrong client secret as auth_expired', async () => {
    const { code } = await codeFrom(salesforceAuthorizeUrl({ ...app(), state: 'x' }));
    await expect(
      exchangeSalesforceCode({ ...app(), clientSecret: 'wrong', code }),
    ).rejects.toMatchObject({
      kind: 'auth_expired',
      crmCode: 'invalid_client',
    });
  });

  it('gives a transient error when the login server cannot be reached', async () => {
    await expect(
      exchangeSalesforceCode({
        ...app(),
        loginUrl: 'http://127.0.0.1:9',
        clientSecret: 'x',
        code: 'y',
      }),
    ).rejects.toMatchObject({ kind: 'transient' });
  });
});
