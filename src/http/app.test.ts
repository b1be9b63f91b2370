import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../test/app.js';

let t: TestApp;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t);
});

function expectErrorBody(body: string, code: string) {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(5);
  return parsed.error;
}

describe('bad input answers 4xx with the error body', () => {
  it('malformed JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expectErrorBody(response.body, 'malformed_json');
  });

  it('a field of the wrong type names the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.com', password: 12345678 },
    });
    expect(response.statusCode).toBe(400);
    const error = expectErrorBody(response.body, 'validation_failed') as { details?: unknown };
    expect(error.details).toContainEqual({ field: 'body.password', message: 'must be string' });
  });

  it('a missing field names the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@example.com' },
    });
    expect(response.statusCode).toBe(400);
    const error = expectErrorBody(response.body, 'validation_failed') as { details?: unknown };
    expect(error.details).toContainEqual({ field: 'body.password', message: 'is required' });
  });

  it('an unknown field is rejected by name, not dropped', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/api-keys`,
      headers: tenant.auth,
      payload: { name: 'x', scope: 'all' },
    });
    expect(response.statusCode).toBe(400);
    const error = expectErrorBody(response.body, 'validation_failed') as { details?: unknown };
    expect(error.details).toContainEqual({ field: 'body.scope', message: 'is not a known field' });
  });

  it('a 2 MB body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expectErrorBody(response.body, 'payload_too_large');
  });

  it('an unknown route', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(404);
    expectErrorBody(response.body, 'route_not_found');
  });

  it('a path parameter that is not a uuid', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/workspaces/not-a-uuid/overview',
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(400);
    const error = expectErrorBody(response.body, 'validation_failed') as { details?: unknown };
    expect(error.details).toContainEqual({
      field: 'params.workspaceId',
      message: 'must match format "uuid"',
    });
  });

  it('a query number out of range', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${tenant.workspaceId}/deals?limit=5000`,
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(400);
    expectErrorBody(response.body, 'validation_failed');
  });

  it('a wrong content type', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<email>a</email>',
    });
    expect(response.statusCode).toBe(415);
    expectErrorBody(response.body, 'unsupported_media_type');
  });

  it('a revoked or made-up API key', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Bearer pk_nope' },
    });
    expect(response.statusCode).toBe(401);
    expectErrorBody(response.body, 'invalid_api_key');
  });
});

describe('service endpoints', () => {
  it('healthz and readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('readyz says so when migrations are missing', async () => {
    await t.db.pool.query(
      `update pandora_migrations set id = -id where id = (select max(id) from pandora_migrations)`,
    );
    try {
      const ready = await t.app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expectErrorBody(ready.body, 'migrations_pending');
    } finally {
      await t.db.pool.query(`update pandora_migrations set id = -id where id < 0`);
    }
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const response = await t.app.inject('/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/workspaces/{workspaceId}/api-keys',
        '/api/me',
      ]),
    );
    const docs = await t.app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.app.inject({ url: '/healthz' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('per-API-key rate limit', () => {
  it('answers 429 with the error body once a key spends its budget, other keys unaffected', async () => {
    const limited = await createTestApp({ apiRateLimit: 3 });
    const a = await createTenant(limited);
    const b = await createTenant(limited);
    for (let i = 0; i < 3; i += 1) {
      expect((await limited.app.inject({ url: '/api/me', headers: a.auth })).statusCode).toBe(200);
    }
    const blocked = await limited.app.inject({ url: '/api/me', headers: a.auth });
    expect(blocked.statusCode).toBe(429);
    expectErrorBody(blocked.body, 'rate_limited');
    expect((await limited.app.inject({ url: '/api/me', headers: b.auth })).statusCode).toBe(200);
  });
});
