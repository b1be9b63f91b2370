import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { handlers } from '../../jobs/handlers.js';
import { startWorker, type RunningWorker, type TaskHandlers } from '../../jobs/queue.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { createPublishedFlow, queuedRunJobs, TEST_SECRET_KEY } from './fixtures.test-helper.js';
import { getFlowRun, startFlowRun } from './runs.js';
import { lockAndLoadRun, unlockRun } from './store.js';
import { sweepRuns } from './sweep.js';

let db: TestDatabase;
let workspaceId: string;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Flow worker' })).id;
});
afterAll(async () => {
  await worker?.stop();
});

const steps = [
  {
    key: 'greeting',
    type: 'set_variable' as const,
    config: { name: 'greeting', type: 'string', value: 'Hello {{trigger.name}}' },
  },
];

it('the sweep queues a running run no worker holds, and leaves a held one alone', async () => {
  const flowId = await createPublishedFlow(db.pool, workspaceId, steps);
  const orphan = await startFlowRun(db.pool, { workspaceId, flowId, trigger: { type: 'manual' } });
  const held = await startFlowRun(db.pool, { workspaceId, flowId, trigger: { type: 'manual' } });
  await db.pool.query(`update flow_runs set status = 'running' where id = any($1::uuid[])`, [
    [orphan.runId, held.runId],
  ]);
  const holder = await db.pool.connect();
  try {
    // The runner's lock, taken as the runner takes it: the sweep must see it held.
    const taken = await lockAndLoadRun(holder, workspaceId, held.runId);
    expect(taken).toMatchObject({ locked: true, run: { id: held.runId, status: 'running' } });
    const other = await db.pool.connect();
    try {
      expect(await lockAndLoadRun(other, workspaceId, held.runId)).toEqual({ locked: false });
    } finally {
      other.release();
    }
    expect(await sweepRuns(db.pool)).toBe(1);
    expect(await queuedRunJobs(db.pool, orphan.runId)).toBe(2);
    expect(await queuedRunJobs(db.pool, held.runId)).toBe(1);
    // Swept again before it ran: still one extra job (keyed), not one per sweep.
    expect(await sweepRuns(db.pool)).toBe(1);
    expect(await queuedRunJobs(db.pool, orphan.runId)).toBe(2);
    await unlockRun(holder, held.runId);
  } finally {
    holder.release();
  }
});

it('the flows.run job runs a started run to its end', async () => {
  worker = await startWorker({
    pool: db.pool,
    connectionString: db.url,
    log: pino({ level: 'silent' }),
    handlers: { ...handlers, 'demo.seed': async () => undefined } as TaskHandlers,
    concurrency: 2,
    schedules: false,
    secretKey: TEST_SECRET_KEY,
  });
  const flowId = await createPublishedFlow(db.pool, workspaceId, steps);
  const { runId } = await startFlowRun(db.pool, {
    workspaceId,
    flowId,
    trigger: { type: 'manual' },
    input: { name: 'Ada' },
  });
  await expect
    .poll(async () => (await getFlowRun(db.pool, workspaceId, runId))?.status, { timeout: 10_000 })
    .toBe('completed');
  const run = await getFlowRun(db.pool, workspaceId, runId);
  expect(run!.steps[0]!.output).toMatchObject({ value: 'Hello Ada' });
});
