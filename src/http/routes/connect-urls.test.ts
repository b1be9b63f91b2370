import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  TEST_SECRET_KEY,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { loadConfig } from '../../config.js';
import { openConnector } from '../../crm/connect.js';
import type { Emulator } from '../../crm/emulator/index.js';
import { createDemoCrmEmulator } from '../../demo/emulator.js';
import type { OutboundPolicy } from '../../net/outbound-url.js';
import { createConnection, readCredentials } from '../../tenancy/connections.js';
import { sealState } from './oauth.js';

/**
 * Outbound URLs (SSRF): every way a CRM URL gets into a connection refuses loopback,
 * private, link-local and metadata addresses and plain http, and only the CRMs'
 * domains (or the operator's PANDORA_ALLOWED_CRM_HOSTS) pass. Name resolution is a
 * fake: there is no network here, and the test decides what a name points at.
 */
const PUBLIC = '104.16.0.10';
const DNS: Record<string, string[]> = {
  'acme.my.salesforce.com': [PUBLIC],
  'rebind.my.salesforce.com': [PUBLIC, '127.0.0.1'],
  'meta.my.salesforce.com': ['169.254.169.254'],
  'v6.my.salesforce.com': ['fd00:ec2::254'],
  'intranet.my.salesforce.com': ['10.0.0.5'],
};
const outbound: OutboundPolicy = {
  allowedHosts: [],
  resolve: async (host) => {
    const addresses = DNS[host];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses;
  },
};

let emulator: Emulator;
let emulatorUrl: string;
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  emulator = await createDemoCrmEmulator({ accounts: 3 });
  emulatorUrl = await emulator.listen(0);
  t = await createTestApp({}, { sandboxUrl: emulatorUrl, outbound });
  admin = await createTenant(t);
});

afterAll(async () => {
  emulator.app.server.closeAllConnections();
  await emulator.close();
});

const path = (rest: string) => `/api/workspaces/${admin.workspaceId}${rest}`;

async function connectionCount(): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    'select count(*)::int as n from connections where workspace_id = $1::uuid',
    [admin.workspaceId],
  );
  return rows[0]!.n;
}

const BAD_INSTANCE_URLS = [
  () => emulatorUrl,
  () => 'http://127.0.0.1:4010',
  () => 'https://127.0.0.1:8443',
  () => 'https://[::1]',
  () => 'https://10.0.0.5',
  () => 'https://169.254.169.254/latest/meta-data',
  () => 'https://rebind.my.salesforce.com',
  () => 'https://meta.my.salesforce.com',
  () => 'https://v6.my.salesforce.com',
  () => 'https://intranet.my.salesforce.com',
  () => 'http://acme.my.salesforce.com',
  () => 'https://acme.my.salesforce.com.evil.example',
];

describe('connecting Salesforce with a token', () => {
  it('refuses loopback, private, metadata and http instance URLs with 400 url_not_allowed', async () => {
    const before = await connectionCount();
    const seq = emulator.ctx.log.lastSeq;
    for (const url of BAD_INSTANCE_URLS.map((make) => make())) {
      const response = await t.app.inject({
        method: 'POST',
        url: path('/connections/salesforce'),
        headers: admin.auth,
        payload: { name: 'Probe', instanceUrl: url, accessToken: '00D-emulator-salesforce-token' },
      });
      expect(response.statusCode, url).toBe(400);
      const { error } = response.json();
      expect(error.code, url).toBe('url_not_allowed');
      expect(error.details, url).toEqual([{ field: 'instanceUrl', message: expect.any(String) }]);
    }
    expect(await connectionCount()).toBe(before);
    // The token never left: the emulator heard nothing.
    expect(emulator.ctx.log.lastSeq).toBe(seq);
  });

  it('accepts a Salesforce domain that resolves to public addresses', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: path('/connections/salesforce'),
      headers: admin.auth,
      payload: {
        name: 'Acme',
        instanceUrl: 'https://acme.my.salesforce.com',
        accessToken: '00D-acme-token',
      },
    });
    expect(response.statusCode).toBe(201);
    // Accepted by the check; the CRM itself cannot be reached from here.
    expect(response.json().connection).toMatchObject({ kind: 'crm', status: 'error' });
  });
});

describe('reconnecting with new credentials', () => {
  it('refuses a bad instance URL and keeps the stored credentials', async () => {
    const created = await createConnection(t.db.pool, TEST_SECRET_KEY, {
      workspaceId: admin.workspaceId,
      crmType: 'salesforce',
      name: 'Stored',
      credentials: {
        kind: 'access_token',
        instanceUrl: 'https://acme.my.salesforce.com',
        accessToken: 'old',
      },
    });
    for (const url of ['https://169.254.169.254', emulatorUrl, 'https://meta.my.salesforce.com']) {
      const response = await t.app.inject({
        method: 'PUT',
        url: path(`/connections/${created.id}/credentials`),
        headers: admin.auth,
        payload: { instanceUrl: url, accessToken: '00D-emulator-salesforce-token' },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('url_not_allowed');
    }
    const stored = await readCredentials(t.db.pool, TEST_SECRET_KEY, admin.workspaceId, created.id);
    expect(stored).toMatchObject({
      instanceUrl: 'https://acme.my.salesforce.com',
      accessToken: 'old',
    });
  });

  it('refuses new credentials on the sandbox connection', async () => {
    const sandbox = await t.app.inject({
      method: 'POST',
      url: path('/connections/sandbox'),
      headers: admin.auth,
      payload: { crmType: 'salesforce' },
    });
    expect(sandbox.statusCode).toBe(201);
    const response = await t.app.inject({
      method: 'PUT',
      url: path(`/connections/${sandbox.json().connection.id}/credentials`),
      headers: admin.auth,
      payload: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: '00D-other-token' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('sandbox_connection');
  });
});

describe('adding a connection with raw credentials and metadata', () => {
  it.each([
    [{ crmType: 'hubspot', metadata: { baseUrl: 'http://127.0.0.1:4010' } }, 'metadata.baseUrl'],
    [
      { crmType: 'hubspot', metadata: { baseUrl: 'https://api.hubapi.com.evil.example' } },
      'metadata.baseUrl',
    ],
    [
      { crmType: 'salesforce', credentials: { instanceUrl: 'https://169.254.169.254' } },
      'credentials.instanceUrl',
    ],
    [
      {
        crmType: 'salesforce',
        credentials: {
          instanceUrl: 'https://acme.my.salesforce.com',
          loginUrl: 'https://rebind.my.salesforce.com',
        },
      },
      'credentials.loginUrl',
    ],
    [
      { crmType: 'hubspot', metadata: { sandbox: true, baseUrl: 'http://127.0.0.1:4010' } },
      'metadata.sandbox',
    ],
  ])('refuses %j naming %s', async (body, field) => {
    const before = await connectionCount();
    const response = await t.app.inject({
      method: 'POST',
      url: path('/connections'),
      headers: admin.auth,
      payload: { name: 'Raw', ...body },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe(field);
    expect(await connectionCount()).toBe(before);
  });
});

describe('a connection stored before the check existed', () => {
  it('is refused when used, and nothing is sent to its URL', async () => {
    const hubspot = await createConnection(t.db.pool, TEST_SECRET_KEY, {
      workspaceId: admin.workspaceId,
      crmType: 'hubspot',
      name: 'Old HubSpot',
      credentials: { kind: 'private_app', accessToken: 'pat-emulator-hubspot' },
      metadata: { baseUrl: emulatorUrl, sandbox: true },
      status: 'connected',
    });
    const seq = emulator.ctx.log.lastSeq;
    const test = await t.app.inject({
      method: 'POST',
      url: path(`/connections/${hubspot.id}/test`),
      headers: admin.auth,
    });
    expect(test.statusCode).toBe(400);
    expect(test.json().error).toMatchObject({
      code: 'url_not_allowed',
      details: [{ field: 'metadata.baseUrl' }],
    });
    const after = await t.app.inject({
      url: path(`/connections/${hubspot.id}`),
      headers: admin.auth,
    });
    expect(after.json().connection).toMatchObject({ status: 'error' });
    expect(after.json().connection.statusMessage).toMatch(/metadata.baseUrl is not allowed/);

    // Workers open connectors with the environment's policy: refused there too.
    const salesforce = await createConnection(t.db.pool, TEST_SECRET_KEY, {
      workspaceId: admin.workspaceId,
      crmType: 'salesforce',
      name: 'Old Salesforce',
      credentials: {
        kind: 'access_token',
        instanceUrl: emulatorUrl,
        accessToken: '00D-emulator-salesforce-token',
      },
      status: 'connected',
    });
    await expect(
      openConnector(
        { pool: t.db.pool, secretKey: TEST_SECRET_KEY },
        admin.workspaceId,
        salesforce.id,
      ),
    ).rejects.toMatchObject({ code: 'url_not_allowed' });
    expect(emulator.ctx.log.lastSeq).toBe(seq);
  });
});

describe('the sandbox connection', () => {
  it.each(['hubspot', 'salesforce'] as const)(
    'is made by the server for %s, marked sandbox, and works',
    async (crmType) => {
      const response = await t.app.inject({
        method: 'POST',
        url: path('/connections/sandbox'),
        headers: admin.auth,
        payload: { crmType },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().connection).toMatchObject({ kind: 'sandbox', status: 'connected' });
    },
  );
});

describe('PANDORA_ALLOWED_CRM_HOSTS', () => {
  it('lets the operator allow a host, here the emulator', async () => {
    expect(
      loadConfig({ PANDORA_ALLOWED_CRM_HOSTS: `${emulatorUrl}, crm.internal` }).allowedCrmHosts,
    ).toEqual([emulatorUrl, 'crm.internal']);
    const allowing = await createTestApp({
      allowedCrmHosts: loadConfig({ PANDORA_ALLOWED_CRM_HOSTS: emulatorUrl }).allowedCrmHosts,
    });
    const tenant = await createTenant(allowing);
    const response = await allowing.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/connections/salesforce`,
      headers: tenant.auth,
      payload: {
        name: 'Allowed',
        instanceUrl: emulatorUrl,
        accessToken: '00D-emulator-salesforce-token',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().connection).toMatchObject({ kind: 'crm', status: 'connected' });

    // Only that origin: another port on the same host is still refused.
    const other = await allowing.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/connections/salesforce`,
      headers: tenant.auth,
      payload: { name: 'Other', instanceUrl: 'http://127.0.0.1:9', accessToken: '00D-token-x' },
    });
    expect(other.statusCode).toBe(400);
  });
});

/** A stand-in Salesforce token endpoint that names whatever instance the test wants. */
async function fakeSalesforce(instanceUrl: () => string) {
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/services/oauth2/token')) {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          access_token: '00D-new-token',
          refresh_token: 'refresh-1',
          instance_url: instanceUrl(),
          id: 'https://login.salesforce.com/id/00Dxx0000000001/005xx0000000001',
          token_type: 'Bearer',
          issued_at: String(Date.now()),
        }),
      );
      return;
    }
    response.statusCode = 401;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify([{ message: 'Session expired', errorCode: 'INVALID_SESSION_ID' }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('instance URLs a Salesforce token answer names', () => {
  it('refuses one off Salesforce domains after OAuth consent, and creates no connection', async () => {
    let instance = 'https://169.254.169.254';
    const loginUrl = await fakeSalesforce(() => instance);
    const app = await createTestApp(
      {
        salesforceClientId: 'client',
        salesforceClientSecret: 'secret',
        salesforceLoginUrl: loginUrl,
        publicUrl: 'http://pandora.test',
      },
      // The operator's login URL is trusted; the instance URL must stand on its own.
      { outbound: { ...outbound, allowedHosts: [loginUrl] } },
    );
    const tenant = await createTenant(app);
    const { cookie } = await login(app, tenant.email, tenant.password);
    const callback = async () => {
      const state = sealState(app.ctx.secretKey, {
        workspaceId: tenant.workspaceId,
        userId: tenant.userId,
        crmType: 'salesforce',
        name: 'By OAuth',
        expires: Date.now() + 60_000,
        nonce: String(Math.random()),
      });
      const response = await app.app.inject({
        url: `/api/oauth/salesforce/callback?code=c&state=${encodeURIComponent(state)}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(302);
      return new URL(response.headers.location as string, 'http://pandora.test').searchParams;
    };
    const count = async () =>
      (
        await app.db.pool.query<{ n: number }>(
          'select count(*)::int as n from connections where workspace_id = $1::uuid',
          [tenant.workspaceId],
        )
      ).rows[0]!.n;

    for (const bad of [
      'https://169.254.169.254',
      'https://rebind.my.salesforce.com',
      loginUrl.replace('127.0.0.1', '127.0.0.2'),
    ]) {
      instance = bad;
      const params = await callback();
      expect(params.get('error'), bad).toMatch(/instance_url is not allowed/);
      expect(await count()).toBe(0);
    }
    instance = 'https://acme.my.salesforce.com';
    const params = await callback();
    expect(params.get('error')).toMatch(/test failed|could not be reached|answered/i);
    expect(await count()).toBe(1);
  });

  it('refuses one a session refresh names, and keeps the stored instance', async () => {
    const loginUrl = await fakeSalesforce(() => 'https://169.254.169.254');
    const created = await createConnection(t.db.pool, TEST_SECRET_KEY, {
      workspaceId: admin.workspaceId,
      crmType: 'salesforce',
      name: 'Refreshing',
      credentials: {
        kind: 'oauth',
        instanceUrl: loginUrl,
        accessToken: '00D-expired',
        refreshToken: 'refresh-0',
        clientId: 'client',
        clientSecret: 'secret',
        loginUrl,
      },
      status: 'connected',
    });
    const { connector } = await openConnector(
      {
        pool: t.db.pool,
        secretKey: TEST_SECRET_KEY,
        outbound: { ...outbound, allowedHosts: [loginUrl] },
      },
      admin.workspaceId,
      created.id,
      { retry: { attempts: 1, baseDelayMs: 1 } },
    );
    await expect(connector.testConnection()).rejects.toMatchObject({
      kind: 'auth_expired',
      message: expect.stringMatching(/url_not_allowed/),
    });
    const stored = await readCredentials(t.db.pool, TEST_SECRET_KEY, admin.workspaceId, created.id);
    expect(stored).toMatchObject({ instanceUrl: loginUrl, accessToken: '00D-expired' });
  });
});
