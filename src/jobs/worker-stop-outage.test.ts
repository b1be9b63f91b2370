import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import type { TcpHop } from '../../test/tcp-hop.js';
import { idleHandlers, workerBehindHop } from '../../test/worker.js';
import { TIMED_OUT, within } from '../timeout.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { enqueue, type RunningWorker } from './queue.js';

/**
 * Stopping a worker whose database has gone away while a job runs (PostgreSQL killed,
 * then Ctrl-C). The job can never be settled, so waiting for it only waits out
 * graphile-worker's retries (minutes), or on a job that does not stop: the stop must
 * give up on it at once.
 */
let db: TestDatabase;
let hop: TcpHop;
let worker: RunningWorker;
let workspaceId: string;
let started = false;
let release: (() => void) | undefined;

const handlers = idleHandlers({
  'demo.seed': async () => {
    started = true;
    await new Promise<void>((resolve) => (release = resolve));
  },
});

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Stop in an outage' })).id;
  ({ worker, hop } = await workerBehindHop(db, handlers));
});

afterAll(() => release?.());

it('stops within seconds when the database went away while a job runs', async () => {
  await enqueue(db.pool, 'demo.seed', { workspaceId, seed: 1 });
  await expect.poll(() => started, { timeout: 10_000 }).toBe(true);

  await hop.cut();
  // The job is still running, and whatever it does next cannot be written anywhere.
  const startedAt = Date.now();
  expect(await within(worker.stop(), 15_000)).not.toBe(TIMED_OUT);
  expect(Date.now() - startedAt).toBeLessThan(8_000);
});
