import net from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, TEST_SECRET_KEY, type Tenant, type TestApp } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { TcpHop as Hop } from '../../test/tcp-hop.js';
import { loadConfig } from '../config.js';
import { toGraphQLError } from '../graphql/context.js';
import { buildApp } from '../http/app.js';
import { toHttpError } from '../http/error-handler.js';
import { createPool } from './pool.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './unavailable.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

describe('recognizing an unreachable database', () => {
  it('knows a connection the server terminated, and maps it to 503 for REST and GraphQL', async () => {
    const client = await db.pool.connect();
    client.on('error', () => undefined);
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    await db.pool.query('select pg_terminate_backend($1::int)', [rows[0]!.pid]);
    const terminated = await client.query('select 1').catch((error: unknown) => error);
    client.release(true);
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(toHttpError(terminated)).toMatchObject({
      status: 503,
      code: 'database_unavailable',
      details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    });
    expect(toGraphQLError(terminated).extensions).toMatchObject({
      code: 'database_unavailable',
      http: { status: 503, headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } },
    });
  });

  it('knows a refused connection, and not a query that is merely wrong', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = new URL(db.url);
    url.host = `127.0.0.1:${port}`;
    const pool = createPool(url.toString(), 1);
    const refused = await pool.query('select 1').catch((error: unknown) => error);
    await pool.end();
    expect(isDatabaseUnavailable(refused)).toBe(true);

    const wrong = await db.pool.query('select * from no_such_table').catch((e: unknown) => e);
    expect(isDatabaseUnavailable(wrong)).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});

describe('while PostgreSQL is unreachable', () => {
  let hop: Hop;
  let t: TestApp;
  let tenant: Tenant;
  // Set to drop the database after a request is authenticated, before it runs.
  let cutBeforeHandler = false;

  beforeAll(async () => {
    const url = new URL(db.url);
    hop = new Hop({ host: url.hostname, port: Number(url.port) });
    await hop.open();
    url.host = `127.0.0.1:${hop.port}`;
    const pool = createPool(url.toString(), 3);
    const ctx = {
      pool,
      config: { ...loadConfig({}), demo: false },
      secretKey: TEST_SECRET_KEY,
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    };
    t = { app: await buildApp(ctx), db, ctx };
    t.app.addHook('preHandler', async () => {
      if (!cutBeforeHandler) return;
      cutBeforeHandler = false;
      await hop.cut();
    });
    tenant = await createTenant(t);
  });

  afterAll(async () => {
    await t.app.close();
    await t.ctx.pool.end();
    await hop.cut().catch(() => undefined);
  });

  const expectUnavailable = (response: { statusCode: number; headers: object; body: string }) => {
    expect(response.statusCode).toBe(503);
    expect(response.headers).toMatchObject({
      'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
    });
    expect(response.body).toContain('"code":"database_unavailable"');
  };

  it('answers 503 database_unavailable with Retry-After, and recovers when it is back', async () => {
    const overview = `/api/workspaces/${tenant.workspaceId}/overview`;
    const graphql = {
      method: 'POST' as const,
      url: '/graphql',
      headers: { ...tenant.auth, 'content-type': 'application/json' },
      payload: { query: '{ me { apiKey { name } } }' },
    };
    expect((await t.app.inject({ url: overview, headers: tenant.auth })).statusCode).toBe(200);
    expect((await t.app.inject(graphql)).statusCode).toBe(200);
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);

    await hop.cut();
    expectUnavailable(await t.app.inject({ url: overview, headers: tenant.auth }));
    expectUnavailable(await t.app.inject(graphql));
    expectUnavailable(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: tenant.email, password: tenant.password },
      }),
    );
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('database_unavailable');

    await hop.open();
    expect((await t.app.inject({ url: overview, headers: tenant.auth })).statusCode).toBe(200);
    expect((await t.app.inject(graphql)).statusCode).toBe(200);
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);
  });

  it('answers GraphQL in its own shape when the database goes away mid-request', async () => {
    cutBeforeHandler = true;
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...tenant.auth, 'content-type': 'application/json' },
      payload: { query: `{ workspace(id: "${tenant.workspaceId}") { name } }` },
    });
    await hop.open();
    expectUnavailable(response);
    expect(response.json().errors[0]).toMatchObject({
      extensions: { code: 'database_unavailable' },
    });
  });
});
