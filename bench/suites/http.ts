import autocannon from 'autocannon';
import Fastify from 'fastify';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { seedWorkspace } from '../../src/demo/bootstrap.js';
import { buildApp } from '../../src/http/app.js';
import { createApiKey } from '../../src/tenancy/api-keys.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { benchDatabase } from './database.js';
import type { Suite } from './types.js';

async function load(url: string, seconds: number, headers: Record<string, string> = {}) {
  const result = await autocannon({
    url,
    connections: 16,
    pipelining: 1,
    duration: seconds,
    headers,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/**
 * Requests per second of an authenticated read (a page of 50 deals with their account
 * and owner, API key checked against the database) against Fastify's bare hello-world.
 */
export const httpSuite: Suite = async ({ quick, report }) => {
  const seconds = quick ? 5 : 20;
  const db = await benchDatabase();
  const bare = Fastify();
  bare.get('/', async () => ({ hello: 'world' }));
  const config = { ...loadConfig({}), demo: false, apiRateLimit: 10_000_000 };
  const app = await buildApp({
    pool: db.pool,
    config,
    secretKey: parseSecretKey('00'.repeat(32)),
    log: pino({ level: 'silent' }),
  });
  try {
    const workspace = await createWorkspace(db.pool, { name: 'Bench' });
    await seedWorkspace(db.pool, workspace.id, { seed: 7, now: new Date('2026-11-01T00:00:00Z') });
    const { secret } = await createApiKey(db.pool, {
      workspaceId: workspace.id,
      name: 'bench',
      role: 'member',
      createdBy: null,
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const readUrl = `${appUrl}/api/workspaces/${workspace.id}/deals?limit=50`;
    const headers = { authorization: `Bearer ${secret}` };

    // Warm both up so JIT and connection pools are settled before measuring.
    await load(`${bareUrl}/`, 1);
    await load(readUrl, 1, headers);
    const baseline = await load(`${bareUrl}/`, seconds);
    const measured = await load(readUrl, seconds, headers);

    report({
      metric: 'authenticated_read_rps',
      value: Math.round(measured.rps),
      unit: 'req/s',
      baseline: Math.round(baseline.rps),
    });
    report({
      metric: 'authenticated_read_ratio',
      value: Number((measured.rps / baseline.rps).toFixed(3)),
      unit: 'ratio',
      baseline: 1,
    });
    report({
      metric: 'authenticated_read_p99',
      value: measured.p99,
      unit: 'ms',
      baseline: baseline.p99,
    });
  } finally {
    await bare.close();
    await app.close();
    await db.close();
  }
};
