import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import type { TcpHop } from '../../test/tcp-hop.js';
import { idleHandlers, workerBehindHop } from '../../test/worker.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { enqueue, type RunningWorker } from './queue.js';

/**
 * A worker whose database goes away mid-job: graphile-worker's runner gives up when it
 * cannot settle the job. Once the database is back, the worker must run jobs again, the
 * interrupted one included, without a restart of the process.
 */
let db: TestDatabase;
let hop: TcpHop;
let worker: RunningWorker;
let workspaceId: string;
const runs: number[] = [];
let release: (() => void) | undefined;

const handlers = idleHandlers({
  'demo.seed': async ({ seed }) => {
    runs.push(seed);
    if (seed === 1 && runs.filter((s) => s === 1).length === 1) {
      await new Promise<void>((resolve) => (release = resolve));
    }
  },
});

async function until(probe: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out; runs so far: ${runs.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Outage' })).id;
  ({ worker, hop } = await workerBehindHop(db, handlers));
});

afterAll(async () => {
  release?.();
  await worker?.stop();
});

it('runs jobs again once the database is back, the interrupted one included', async () => {
  await enqueue(db.pool, 'demo.seed', { workspaceId, seed: 1 });
  await until(() => runs.includes(1), 10_000);

  // The database goes away while the job runs; the job ends and cannot be settled.
  await hop.cut();
  release?.();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await hop.open();

  await enqueue(db.pool, 'demo.seed', { workspaceId, seed: 2 });
  await until(() => runs.includes(2), 20_000);
  // The job the dead runner held is unlocked and runs again, not four hours later.
  await until(() => runs.filter((seed) => seed === 1).length === 2, 20_000);
  await until(() => runs.length === 3, 0);
  expect([...runs].sort()).toEqual([1, 1, 2]);
});
