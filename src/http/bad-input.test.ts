import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../test/app.js';

let t: TestApp;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t);
});

interface ErrorShape {
  code: string;
  message: string;
  details: unknown;
}

/** The documented shape, `details` included, and the error inside it. */
function errorOf(body: string): ErrorShape {
  const { error } = JSON.parse(body) as { error: ErrorShape };
  expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message']);
  expect(typeof error.code).toBe('string');
  return error;
}

const inWorkspace = (path: string) => `/api/workspaces/${tenant.workspaceId}${path}`;

describe('text a database cannot hold is refused at validation, by field', () => {
  it('a NUL byte in a name', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: inWorkspace('/action-policies'),
      headers: tenant.auth,
      payload: { name: 'Block\u0000all', effect: 'block' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body)).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'body.name', message: 'must not contain the NUL character (\\u0000)' }],
    });
  });

  it('a NUL byte in a query string', async () => {
    const response = await t.app.inject({
      url: inWorkspace('/action-items?targetSourceId=deal%00'),
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).details).toEqual([
      { field: 'querystring.targetSourceId', message: expect.stringContaining('NUL') },
    ]);
  });

  it('a lone surrogate deep inside a JSON value', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: inWorkspace('/action-items'),
      headers: { ...tenant.auth, 'content-type': 'application/json' },
      payload: `{"actionType":"update_field","severity":"info","title":"t","connectionId":"${tenant.workspaceId}","targetType":"deal","targetSourceId":"1","executionPayload":{"crm_updates":[{"field":"amount","proposed_value":"\\ud800"}]}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).details).toEqual([
      {
        field: 'body.executionPayload.crm_updates.0.proposed_value',
        message: expect.stringContaining('lone surrogate'),
      },
    ]);
  });
});

describe('dates are bounded to 1900-01-01 .. 2199-12-31 at validation', () => {
  for (const [path, name] of [
    ['/crm-writes', 'since'],
    ['/crm-writes', 'until'],
    ['/writeback/log', 'since'],
    ['/writeback/log', 'until'],
  ] as const) {
    it(`year 0000 in ${path}?${name} is a 400 naming it`, async () => {
      const response = await t.app.inject({
        url: inWorkspace(`${path}?${name}=0000-01-01T00:00:00Z`),
        headers: tenant.auth,
      });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response.body).details).toEqual([
        { field: `querystring.${name}`, message: 'must be a date from 1900-01-01 to 2199-12-31' },
      ]);
    });
  }

  it('a day just past the range is refused, the range itself is fine', async () => {
    const period = (startsOn: string, endsOn: string) =>
      t.app.inject({
        method: 'POST',
        url: inWorkspace('/quota-periods'),
        headers: tenant.auth,
        payload: { name: `${startsOn} to ${endsOn}`, startsOn, endsOn },
      });
    const late = await period('2199-01-01', '2200-01-01');
    expect(late.statusCode).toBe(400);
    expect(errorOf(late.body).details).toEqual([
      { field: 'body.endsOn', message: 'must be a date from 1900-01-01 to 2199-12-31' },
    ]);
    expect((await period('1900-01-01', '2199-12-31')).statusCode).toBe(201);
  });

  it('an integer past 2^53 is refused rather than rounded', async () => {
    const response = await t.app.inject({
      url: inWorkspace('/crm-writes?before=9007199254740993'),
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).details).toEqual([
      { field: 'querystring.before', message: expect.stringContaining('<= 9007199254740991') },
    ]);
  });
});

describe("Fastify's and Node's own refusals in the error shape", () => {
  it('details is always there, {} when there is nothing to add', async () => {
    const missing = await t.app.inject({ url: '/api/nothing-here', headers: tenant.auth });
    expect(errorOf(missing.body)).toMatchObject({ code: 'route_not_found', details: {} });
    const unknown = await t.app.inject({
      url: inWorkspace('/deals/00000000-0000-4000-8000-000000000000'),
      headers: tenant.auth,
    });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown.body)).toMatchObject({ code: 'not_found', details: {} });
  });

  it('a path parameter past 100 characters is a 414', async () => {
    const response = await t.app.inject({
      url: `/api/workspaces/${'x'.repeat(101)}/overview`,
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(414);
    expect(errorOf(response.body)).toMatchObject({ code: 'uri_too_long', details: {} });
  });

  it('a path that does not decode as UTF-8 is a 400', async () => {
    const response = await t.app.inject({
      url: '/api/workspaces/%ED%A0%80/overview',
      headers: tenant.auth,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).code).toBe('bad_url');
  });

  it('a JSON body sent as text/plain is refused by name', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: inWorkspace('/action-policies'),
      headers: { ...tenant.auth, 'content-type': 'text/plain' },
      payload: '{"name":"x","effect":"block"}',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).code).toBe('validation_failed');
  });

  describe('over a real socket', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as net.AddressInfo).port;
    });

    /** Sends raw bytes and reads the whole answer (Node closes the socket after it). */
    function raw(request: string): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('error', reject);
        socket.on('close', () => {
          const [head = '', body = ''] = answer.split('\r\n\r\n');
          resolve({ status: Number(head.split(' ')[1]), body });
        });
      });
    }

    it('a malformed header is a 400', async () => {
      const answer = await raw('GET /api/me HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(errorOf(answer.body)).toMatchObject({ code: 'bad_request', details: {} });
    });

    it('headers past 16 KiB are a 431', async () => {
      const answer = await raw(
        `GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(answer.status).toBe(431);
      expect(errorOf(answer.body).code).toBe('headers_too_large');
    });
  });
});
