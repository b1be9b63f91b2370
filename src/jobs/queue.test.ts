import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { withTransaction } from '../db/pool.js';
import { parseSecretKey } from '../tenancy/secrets.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { enqueue, startWorker, type RunningWorker, type TaskHandlers } from './queue.js';
import { NonRetryableError } from './types.js';

let db: TestDatabase;
let worker: RunningWorker;
let workspaceId: string;
const calls: { seed: number; attempt: number }[] = [];
let release: (() => void) | undefined;

// The real job names, with handlers that act out each case by the seed they get.
const handlers: TaskHandlers = {
  'demo.seed': async ({ seed }, { attempt }) => {
    calls.push({ seed, attempt });
    if (seed === 1) throw new NonRetryableError('the workspace is gone');
    if (seed === 2) throw new Error('CRM timed out');
    if (seed === 3) await new Promise<void>((resolve) => (release = resolve));
  },
  'sessions.prune': async () => undefined,
  'crm.sync': async () => undefined,
  'crm.sync-due': async () => undefined,
  'conversations.sync': async () => undefined,
  'conversations.sync-due': async () => undefined,
  'skills.run-all': async () => undefined,
  'crm.reconcile': async () => undefined,
  'actions.batch-execute': async () => undefined,
  'actions.execute': async () => undefined,
  'writeback.run': async () => undefined,
  'writeback.daily': async () => undefined,
  'conversations.link': async () => undefined,
  'anomalies.evaluate': async () => undefined,
  'agents.run': async () => undefined,
  'agents.shadow-outcomes': async () => undefined,
  'inbox.expire': async () => undefined,
  'notifications.deliver': async () => undefined,
  'notifications.sweep': async () => undefined,
  'slack.interaction': async () => undefined,
  'notifications.digest': async () => undefined,
  'notifications.expiring': async () => undefined,
  'slack.update-cards': async () => undefined,
  'flows.run': async () => undefined,
  'flows.sweep': async () => undefined,
  'flows.schedule-tick': async () => undefined,
  'flows.dispatch-event': async () => undefined,
};

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function failedJob(jobId: string) {
  const { rows } = await db.pool.query<{ attempts: number; lastError: string; task: string }>(
    `select attempts, last_error as "lastError", task from failed_jobs where job_id = $1::text`,
    [jobId],
  );
  return rows[0];
}

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Jobs' })).id;
  worker = await startWorker({
    pool: db.pool,
    connectionString: db.url,
    log: pino({ level: process.env.JOB_LOG ?? 'silent' }),
    handlers,
    concurrency: 2,
    schedules: false,
    secretKey: parseSecretKey('11'.repeat(32)),
  });
});

afterAll(async () => {
  release?.();
  await worker.stop();
});

describe('job queue', () => {
  it('enqueues inside the caller’s transaction: a rollback takes the job with it', async () => {
    const before = calls.length;
    await expect(
      withTransaction(db.pool, async (client) => {
        await enqueue(client, 'demo.seed', { workspaceId, seed: 99 });
        throw new Error('the data write failed');
      }),
    ).rejects.toThrow('the data write failed');
    const { rows } = await db.pool.query(
      `select 1 from graphile_worker.jobs where task_identifier = 'demo.seed'`,
    );
    expect(rows).toHaveLength(0);
    expect(calls.length).toBe(before);
  });

  it('records a non-retryable failure after one attempt', async () => {
    const jobId = await enqueue(db.pool, 'demo.seed', { workspaceId, seed: 1 });
    const failed = await waitFor(() => failedJob(jobId));
    expect(failed).toMatchObject({
      attempts: 1,
      lastError: 'the workspace is gone',
      task: 'demo.seed',
    });
    expect(calls.filter((call) => call.seed === 1)).toHaveLength(1);
  });

  it('retries with exponential backoff, then records the job as failed for good', async () => {
    const jobId = await enqueue(db.pool, 'demo.seed', { workspaceId, seed: 2 }, { maxAttempts: 2 });
    const firstRetry = await waitFor(async () => {
      const { rows } = await db.pool.query<{ attempts: number; delay: number }>(
        `select attempts, extract(epoch from run_at - now())::float8 as delay
         from graphile_worker.jobs where id = $1::bigint and attempts = 1 and locked_at is null`,
        [jobId],
      );
      return rows[0];
    });
    // graphile-worker waits exp(attempts) seconds: about 2.7 s after the first failure.
    expect(firstRetry.delay).toBeGreaterThan(1.5);
    expect(firstRetry.delay).toBeLessThan(3);
    const failed = await waitFor(() => failedJob(jobId), 15_000);
    expect(failed).toMatchObject({ attempts: 2, lastError: 'CRM timed out' });
    const { rows } = await db.pool.query(
      `select id, workspace_id from failed_jobs where job_id = $1::text`,
      [jobId],
    );
    expect(rows[0]).toMatchObject({ workspace_id: workspaceId });
  });

  it('lets a running job finish when the worker stops', async () => {
    const jobId = await enqueue(db.pool, 'demo.seed', { workspaceId, seed: 3 });
    await waitFor(async () => (release ? true : undefined));
    const stopping = worker.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    release!();
    await stopping;
    const { rows } = await db.pool.query(
      `select 1 from graphile_worker.jobs where id = $1::bigint`,
      [jobId],
    );
    expect(rows).toHaveLength(0);
    // A fresh worker for afterAll to stop.
    worker = await startWorker({
      pool: db.pool,
      connectionString: db.url,
      log: pino({ level: 'silent' }),
      handlers,
      concurrency: 1,
      schedules: false,
      secretKey: parseSecretKey('11'.repeat(32)),
    });
  });
});
