import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import { projectRoot } from '../paths.js';
import { writeFields } from './ledger/write.js';

let world: CrmWorld;
const LIMIT = 12;
const WINDOW_MS = 1_000;

beforeAll(async () => {
  world = await createCrmWorld({
    accounts: 40,
    // Pandora's limiter is set to the CRM's limit; the emulator would answer 429 above it.
    // The margin absorbs up to 300 ms between a grant and the call reaching the emulator,
    // which two processes on a loaded 2-core test machine do see.
    rateLimit: { perWindow: LIMIT, windowMs: WINDOW_MS, daily: null, safetyMargin: 0.3 },
    // The CRM allows two calls more than Pandora paces to: a call that reaches it late
    // on a loaded machine cannot push a window over the CRM's count.
    settings: { limits: { hubspot: { window: { max: LIMIT + 2, ms: WINDOW_MS }, daily: null } } },
  });
});

function caller(calls: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'test/fixtures/crm-caller.ts')],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          DATABASE_URL: world.db.url,
          WORKSPACE_ID: world.workspaceId,
          CONNECTION_ID: world.connectionIds.hubspot,
          SECRET_KEY: TEST_SECRET_KEY.toString('hex'),
          CALLS: String(calls),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(output.trim()) : reject(new Error(`caller exited ${code}: ${output}`)),
    );
  });
}

describe('the shared rate limiter', () => {
  it('keeps two worker processes on one connection under the limit the CRM counts', async () => {
    const calls = world.mark();
    const results = await Promise.all([caller(20), caller(20)]);
    expect(results).toEqual(['20', '20']);

    const received = calls().filter((entry) => entry.path.startsWith('/crm/v3/objects/deals'));
    expect(received.length).toBeGreaterThanOrEqual(40);
    expect(received.filter((entry) => entry.status === 429)).toHaveLength(0);
    const times = received.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
    for (let i = LIMIT; i < times.length; i++) {
      // Any LIMIT+1 consecutive calls span more than the window.
      expect(times[i]! - times[i - LIMIT]!).toBeGreaterThanOrEqual(WINDOW_MS - 50);
    }
  }, 60_000);

  it('rides out a 429 storm without losing a write', async () => {
    const opened = await world.open('hubspot');
    const page = await opened.connector.listChanged('deal', { properties: ['amount'], limit: 100 });
    const ids = page.records.slice(0, 60).map((record) => record.id);
    world.emulator.ctx.faults.add({
      kind: 'rate_limit',
      path: '/batch/update',
      times: 3,
      retryAfterSeconds: 1,
    });
    const calls = world.mark();
    const report = await writeFields(
      { pool: world.db.pool, ...opened },
      { type: 'system', id: 'storm' },
      ids.map((recordId, i) => ({
        objectType: 'deal',
        recordId,
        field: 'amount',
        value: 31_000 + i,
      })),
    );
    expect(report).toMatchObject({ written: 60, failed: 0, pending: 0 });
    const updates = calls().filter((call) => call.path.endsWith('/batch/update'));
    expect(updates.filter((call) => call.status === 429)).toHaveLength(3);
    expect(updates.filter((call) => call.status === 200)).toHaveLength(1);
  }, 60_000);
});
