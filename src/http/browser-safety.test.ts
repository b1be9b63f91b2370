import { Writable } from 'node:stream';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, login, type Tenant, type TestApp } from '../../test/app.js';
import { loadConfig } from '../config.js';
import { buildApp } from './app.js';
import { redactUrl } from './browser-safety.js';

let t: TestApp;
let tenant: Tenant;
let session: { cookie: string };

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://pandora.example.com' });
  tenant = await createTenant(t);
  session = await login(t, tenant.email, tenant.password);
});

describe('security headers', () => {
  it('go with the console, the docs and the API', async () => {
    for (const url of ['/healthz', '/api/me', '/docs/', '/openapi.json']) {
      const response = await t.app.inject({ url, headers: session });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('serves no GraphiQL page, whose code would come from a CDN', async () => {
    const response = await t.app.inject({ url: '/graphql', headers: { accept: 'text/html' } });
    expect(response.headers['content-type']).not.toContain('text/html');
    expect(response.body).not.toContain('unpkg');
  });
});

describe('cross-site requests', () => {
  const createKey = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/api-keys`,
      headers: { host: 'pandora.test', ...headers },
      payload: { name: 'made in a browser' },
    });

  it('refuses a cookie-authenticated change from another site', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'https://pandora.test' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://pandora.test' },
    ];
    for (const headers of foreign) {
      const response = await createKey({ ...session, ...headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error.code).toBe('cross_site_request');
    }
    const graphql = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...session, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: {
        query: `mutation { deleteActionPolicy(workspaceId: "${tenant.workspaceId}", id: "00000000-0000-4000-8000-000000000000") }`,
      },
    });
    expect(graphql.statusCode).toBe(403);
    const loginFromElsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: tenant.email, password: tenant.password },
    });
    expect(loginFromElsewhere.statusCode).toBe(403);
  });

  it('lets the console, programs and API keys through', async () => {
    for (const headers of [
      { ...session, 'sec-fetch-site': 'same-origin', origin: 'http://pandora.test' },
      { ...session, 'sec-fetch-site': 'none' },
      { ...session, origin: 'http://pandora.test' },
      // The address the operator published, in front of a proxy Pandora does not trust.
      { ...session, origin: 'https://pandora.example.com' },
      session,
      { ...tenant.auth, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await createKey(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(201);
    }
    const read = await t.app.inject({
      url: '/api/me',
      headers: { ...session, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.statusCode).toBe(200);
  });
});

describe('behind a TLS proxy', () => {
  const loginVia = (app: TestApp) =>
    app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      payload: { email: tenant.email, password: tenant.password },
    });

  it('marks the session cookie Secure when PANDORA_TRUST_PROXY trusts the proxy', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    const other = await createTenant(proxied);
    const response = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      payload: { email: other.email, password: other.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'pandora_session')?.secure).toBe(true);

    // Without trust, anyone could claim https; the header is ignored.
    const direct = await loginVia(t);
    expect(direct.statusCode).toBe(200);
    expect(direct.cookies.find((c) => c.name === 'pandora_session')?.secure).toBeUndefined();
  });

  it('reads PANDORA_TRUST_PROXY as a flag, a hop count or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PANDORA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ PANDORA_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ PANDORA_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    expect(() => loadConfig({ PANDORA_TRUST_PROXY: 'proxy.internal' })).toThrow(
      /PANDORA_TRUST_PROXY/,
    );
  });
});

describe('request logs', () => {
  it('never hold an OAuth code or state', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({
      ...t.ctx,
      log: pino({ level: 'info' }, sink),
    });
    try {
      await app.inject({
        url: '/api/oauth/hubspot/callback?code=secret-code-123&state=sealed.state-456&x=1',
        headers: session,
      });
    } finally {
      await app.close();
    }
    const logged = lines.join('');
    expect(logged).toContain('/api/oauth/hubspot/callback?code=[redacted]&state=[redacted]&x=1');
    expect(logged).not.toContain('secret-code-123');
    expect(logged).not.toContain('state-456');
  });

  it('redacts by parameter name, however it is escaped', () => {
    expect(redactUrl('/a?%63ode=1&state=2&codes=3')).toBe(
      '/a?%63ode=[redacted]&state=[redacted]&codes=3',
    );
    expect(redactUrl('/a')).toBe('/a');
    expect(redactUrl('/a?code')).toBe('/a?code=[redacted]');
  });
});
