import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import { projectRoot } from '../../paths.js';
import { listWrites } from './queries.js';
import { reconcilePending } from './reconcile.js';
import type { FieldChange } from './types.js';

let world: CrmWorld;

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 80 });
});

/** Runs the caller fixture in `write-then-die` mode; resolves with the signal that ended it. */
function writeThenDie(changes: FieldChange[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'test/fixtures/crm-caller.ts')],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          MODE: 'write-then-die',
          DATABASE_URL: world.db.url,
          WORKSPACE_ID: world.workspaceId,
          CONNECTION_ID: world.connectionIds.hubspot,
          SECRET_KEY: TEST_SECRET_KEY.toString('hex'),
          CHANGES: JSON.stringify(changes),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`caller exited ${code}: ${stderr}`)),
    );
  });
}

describe('a worker killed between the CRM call and settling its ledger rows', () => {
  it('is reconciled on restart: each field written once, each row settled with the truth', async () => {
    const opened = await world.open('hubspot');
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await opened.connector.listChanged('deal', { properties: ['amount'], cursor });
      ids.push(...page.records.map((record) => record.id));
      cursor = page.cursor;
    } while (cursor && ids.length < 150);
    const changes = ids.slice(0, 150).map((recordId, i) => ({
      objectType: 'deal' as const,
      recordId,
      field: 'amount',
      value: 55_000 + i,
    }));

    const calls = world.mark();
    // Two batches of 100 and 50: the first reaches HubSpot, then the process dies.
    expect(await writeThenDie(changes)).toBe('SIGKILL');
    const left = await listWrites(world.db.pool, world.workspaceId, {
      originId: 'killed-worker',
      limit: 500,
    });
    expect(left.entries).toHaveLength(150);
    expect(left.entries.every((entry) => entry.status === 'pending')).toBe(true);

    // The restarted worker reconciles (the crm.reconcile job runs this at start).
    const report = await reconcilePending({ pool: world.db.pool, ...opened }, { graceMs: 0 });
    expect(report).toMatchObject({ found: 150, confirmed: 100, rewritten: 50, failed: 0 });

    const updates = calls().filter(
      (call) => call.method === 'POST' && call.path.endsWith('/batch/update'),
    );
    // Written once each: the dead worker's batch of 100 and the reconciler's 50.
    expect(updates.map((call) => call.batchSize)).toEqual([100, 50]);
    const after = await opened.connector.readRecords('deal', ids.slice(0, 100), ['amount']);
    const rest = await opened.connector.readRecords('deal', ids.slice(100, 150), ['amount']);
    expect(
      [...after, ...rest].map((r) => (r.ok ? Number(r.value.properties.amount) : null)),
    ).toEqual(changes.map((change) => change.value));

    const settled = await listWrites(world.db.pool, world.workspaceId, {
      originId: 'killed-worker',
      limit: 500,
    });
    expect(settled.entries.every((entry) => entry.status === 'written')).toBe(true);
    expect(settled.entries.filter((entry) => entry.settledBy === 'read_back')).toHaveLength(100);
  }, 60_000);
});
