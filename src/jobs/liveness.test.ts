import pino from 'pino';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { idleHandlers } from '../../test/worker.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { parseSecretKey } from '../tenancy/secrets.js';
import { enqueue, startWorker, type RunningWorker } from './queue.js';

/**
 * Jobs locked by a worker that died (its heartbeat stopped) run again on a live worker
 * within minutes, not after graphile-worker's four-hour stale-lock timeout; jobs of a
 * live worker, or of one the table never heard of, are left alone.
 */
let db: TestDatabase;
let workspaceId: string;
let worker: RunningWorker | undefined;
const runs: number[] = [];

const DEAD_AFTER_MS = 60_000;

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Liveness' })).id;
});

// A test that fails midway must not leave its worker running: it would take the next
// test's jobs.
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

async function until(probe: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Queues a `demo.seed` job and locks it to `workerId`, as a worker taking it would. */
async function lockedJob(seed: number, workerId: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    `select id::text from graphile_worker.add_job('demo.seed', $1::json)`,
    [JSON.stringify({ workspaceId, seed })],
  );
  const id = rows[0]!.id;
  await db.pool.query(
    `update graphile_worker._private_jobs set locked_by = $2, locked_at = now() where id = $1::bigint`,
    [id, workerId],
  );
  return id;
}

const lockOf = async (id: string) =>
  (
    await db.pool.query<{ locked_by: string | null }>(
      `select locked_by from graphile_worker.jobs where id = $1::bigint`,
      [id],
    )
  ).rows[0]?.locked_by ?? 'gone';

it("runs a dead worker's jobs again, and leaves live and unknown workers' jobs locked", async () => {
  await db.pool.query(
    `insert into job_workers (worker_id, host, pid, heartbeat_at) values
       ('worker-dead', 'old-host', 1, now() - interval '10 minutes'),
       ('worker-alive', 'other-host', 2, now())`,
  );
  const dead = await lockedJob(1, 'worker-dead');
  const alive = await lockedJob(2, 'worker-alive');
  const unknown = await lockedJob(3, 'worker-from-an-older-pandora');

  worker = await startWorker({
    pool: db.pool,
    connectionString: db.url,
    log: pino({ level: process.env.JOB_LOG ?? 'silent' }),
    handlers: idleHandlers({ 'demo.seed': async ({ seed }) => void runs.push(seed) }),
    concurrency: 1,
    schedules: false,
    secretKey: parseSecretKey('11'.repeat(32)),
    liveness: { heartbeatMs: 100, deadAfterMs: DEAD_AFTER_MS },
  });

  await until(() => runs.includes(1), 10_000);
  // The job is settled in a batch just after its handler returns, not with it.
  await until(async () => (await lockOf(dead)) === 'gone', 10_000);
  // A few more heartbeats and sweeps: the others stay where they are.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(runs).toEqual([1]);
  expect(await lockOf(alive)).toBe('worker-alive');
  expect(await lockOf(unknown)).toBe('worker-from-an-older-pandora');

  const { rows } = await db.pool.query<{ worker_id: string; fresh: boolean }>(
    `select worker_id, heartbeat_at > now() - interval '5 seconds' as fresh
       from job_workers order by worker_id`,
  );
  const ids = rows.map((r) => r.worker_id);
  // The dead worker is forgotten; this process's workers beat.
  expect(ids).not.toContain('worker-dead');
  expect(ids).toContain('worker-alive');
  const own = rows.filter((r) => r.worker_id !== 'worker-alive');
  expect(own.length).toBeGreaterThan(0);
  expect(own.every((r) => r.fresh)).toBe(true);

  // A clean stop removes this process's workers from the table.
  await worker.stop();
  worker = undefined;
  const after = await db.pool.query<{ worker_id: string }>(`select worker_id from job_workers`);
  expect(after.rows.map((r) => r.worker_id)).toEqual(['worker-alive']);
});

it('leaves a job running longer than deadAfterMs with its live worker', async () => {
  // The worker's heartbeats go on while its job runs: sweeps with a tiny window, many
  // times over the job's run, do not take it for a dead worker's.
  await db.pool.query(`delete from graphile_worker._private_jobs`);
  await db.pool.query(`delete from job_workers`);
  let release!: () => void;
  const started: number[] = [];
  const slow = await startWorker({
    pool: db.pool,
    connectionString: db.url,
    log: pino({ level: process.env.JOB_LOG ?? 'silent' }),
    handlers: idleHandlers({
      'demo.seed': async ({ seed }) => {
        started.push(seed);
        await new Promise<void>((resolve) => (release = resolve));
      },
    }),
    concurrency: 1,
    schedules: false,
    secretKey: parseSecretKey('11'.repeat(32)),
    liveness: { heartbeatMs: 50, deadAfterMs: 400 },
  });
  try {
    await enqueue(db.pool, 'demo.seed', { workspaceId, seed: 7 });
    await until(() => started.includes(7), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const { rows } = await db.pool.query<{ locked_by: string | null }>(
      `select locked_by from graphile_worker.jobs where task_identifier = 'demo.seed'`,
    );
    expect(rows.map((r) => r.locked_by)).toHaveLength(1);
    expect(rows[0]!.locked_by).not.toBeNull();
    expect(started).toEqual([7]);
  } finally {
    release?.();
    await slow.stop();
  }
});
