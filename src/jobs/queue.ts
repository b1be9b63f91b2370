import { EventEmitter } from 'node:events';
import {
  Logger as WorkerLogger,
  run,
  parseCronItems,
  runMigrations,
  type CronItem,
  type Job,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { NonRetryableError, type JobName, type JobPayloads } from './types.js';

export interface EnqueueOptions {
  /** Run no earlier than this. */
  runAt?: Date;
  /** Attempts before the job is recorded as failed for good (default 8: about 25 minutes of backoff). */
  maxAttempts?: number;
  /** At most one pending job per key; a second enqueue replaces the first's payload. */
  jobKey?: string;
  priority?: number;
}

/**
 * Queues a job. Pass the transaction's client to make the job part of the same
 * transaction as the data it acts on: it exists only if the transaction commits.
 */
export async function enqueue<K extends JobName>(
  db: Queryable,
  name: K,
  payload: JobPayloads[K],
  options: EnqueueOptions = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `select id::text from graphile_worker.add_job(
       identifier => $1::text, payload => $2::json, run_at => $3::timestamptz,
       max_attempts => $4::int, job_key => $5::text, priority => $6::int)`,
    [
      name,
      JSON.stringify(payload),
      options.runAt ?? null,
      options.maxAttempts ?? 8,
      options.jobKey ?? null,
      options.priority ?? 0,
    ],
  );
  return rows[0]!.id;
}

/** Creates or upgrades the queue's own schema (graphile_worker); safe to run concurrently. */
export async function migrateJobQueue(pool: pg.Pool): Promise<void> {
  await runMigrations({ pgPool: pool, logger: silentLogger });
}

/** Recurring jobs; each runs once per tick across all workers. */
const SCHEDULES: (CronItem & { task: JobName })[] = [
  {
    task: 'crm.sync-due',
    match: '*/15 * * * *',
    identifier: 'crm.sync-due',
    options: { maxAttempts: 3 },
  },
  {
    // Early morning UTC, so the day's actions are waiting when reps start.
    task: 'skills.run-all',
    match: '40 5 * * *',
    identifier: 'skills.run-all',
    options: { maxAttempts: 3 },
  },
  {
    // After the skills, so the day's scores are in the CRM when reps start.
    task: 'writeback.daily',
    match: '10 6 * * *',
    identifier: 'writeback.daily',
    options: { maxAttempts: 3 },
  },
  {
    task: 'sessions.prune',
    match: '17 * * * *',
    identifier: 'sessions.prune',
    options: { maxAttempts: 3 },
  },
];

export interface JobContext {
  db: pg.Pool;
  secretKey: SecretKey;
  log: Logger;
  jobId: string;
  attempt: number;
}

export type TaskHandlers = {
  [K in JobName]: (payload: JobPayloads[K], context: JobContext) => Promise<void>;
};

export interface WorkerOptions {
  /** Our pool, handed to the jobs. */
  pool: pg.Pool;
  /** The queue gets a pool of its own, with pg's stock type parsers. */
  connectionString: string;
  log: Logger;
  handlers: TaskHandlers;
  concurrency: number;
  /** Decrypts CRM credentials for jobs that call a CRM. */
  secretKey: SecretKey;
  /** Hourly housekeeping; tests turn it off. */
  schedules?: boolean;
}

export interface RunningWorker {
  /** Lets running jobs finish (up to the abort timeout), then hands the rest back. */
  stop(): Promise<void>;
}

/** Starts a worker pool in this process that runs jobs from every Pandora process. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { pool, log, handlers } = options;
  const taskList: TaskList = {};
  for (const name of Object.keys(handlers) as JobName[]) {
    taskList[name] = async (payload, helpers) => {
      const context: JobContext = {
        db: pool,
        secretKey: options.secretKey,
        log: log.child({ job: name, jobId: helpers.job.id }),
        jobId: helpers.job.id,
        attempt: helpers.job.attempts,
      };
      try {
        await (handlers[name] as (p: unknown, c: JobContext) => Promise<void>)(payload, context);
      } catch (error) {
        if (!(error instanceof NonRetryableError)) throw error;
        // Completing the job stops the retries; the failure stays visible in failed_jobs.
        await recordFailure(pool, helpers.job, error);
        context.log.warn({ err: error }, 'job failed and will not be retried');
      }
    };
  }

  // Listeners go on before run(): workers are created (and may take jobs) inside it.
  const events: WorkerEvents = new EventEmitter();
  const workerIds: string[] = [];
  events.on('worker:create', ({ worker }) => workerIds.push(worker.workerId));
  const queuePool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.concurrency + 2,
    application_name: 'pandora-worker',
  });
  queuePool.on('error', (error) => log.warn({ err: error }, 'job queue connection lost'));
  queuePool.on('connect', (client) => client.on('error', () => undefined));
  const runner = await run({
    events,
    pgPool: queuePool,
    taskList,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1_000,
    // Unbatched (the default), 0.17 settles a job without handling the promise: a job
    // ending while the database is gone crashes the process with an unhandled
    // rejection. Batched, a failure to settle is logged and stops the runner instead.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    logger: workerLogger(log),
    // Programmatic items: the crontab text format does not allow dots in task names.
    parsedCronItems: parseCronItems(options.schedules === false ? [] : SCHEDULES),
  });
  // The runner gives up when it cannot settle jobs (the database went away); that is
  // logged, and must not take the whole process down as an unhandled rejection.
  runner.promise.catch((error: unknown) => log.error({ err: error }, 'the job worker stopped'));
  events.on('job:failed', ({ job, error }) => {
    if (job.attempts >= job.max_attempts) {
      void recordFailure(pool, job, error).catch((recordError: unknown) =>
        log.error({ err: recordError, jobId: job.id }, 'could not record a failed job'),
      );
    }
  });
  events.on('job:success', ({ job }) => {
    const workspaceId = workspaceOf(job);
    if (workspaceId) {
      void publishEvent(pool, {
        workspaceId,
        type: 'job.completed',
        payload: { jobId: job.id, task: job.task_identifier },
      }).catch(() => undefined);
    }
  });

  return {
    async stop() {
      await runner.stop();
      await waitForSettledJobs(queuePool, workerIds);
      await queuePool.end();
    },
  };
}

/**
 * graphile-worker 0.17 writes a job's completion without awaiting it, so its stop()
 * can resolve a moment before the row is settled. Wait for our workers' locks to go,
 * so closing the pool next cannot strand a finished job as locked for hours.
 */
async function waitForSettledJobs(
  pool: pg.Pool,
  workerIds: string[],
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (workerIds.length > 0 && Date.now() < deadline) {
    const { rows } = await pool.query<{ locked: number }>(
      `select count(*)::int as locked from graphile_worker.jobs where locked_by = any($1::text[])`,
      [workerIds],
    );
    if ((rows[0]?.locked ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function workspaceOf(job: Job): string | undefined {
  const payload = job.payload as { workspaceId?: unknown } | null;
  return typeof payload?.workspaceId === 'string' ? payload.workspaceId : undefined;
}

async function recordFailure(pool: pg.Pool, job: Job, error: unknown): Promise<void> {
  const workspaceId = workspaceOf(job) ?? null;
  const message = error instanceof Error ? error.message : String(error);
  await pool.query(
    `insert into failed_jobs (workspace_id, job_id, task, payload, attempts, last_error)
     select $1::uuid, $2::text, $3::text, $4::jsonb, $5::int, $6::text
     where $1::uuid is null or exists (select 1 from workspaces where id = $1::uuid)`,
    [workspaceId, job.id, job.task_identifier, JSON.stringify(job.payload), job.attempts, message],
  );
  if (workspaceId) {
    await publishEvent(pool, {
      workspaceId,
      type: 'job.failed',
      payload: { jobId: job.id, task: job.task_identifier, error: message.slice(0, 500) },
    });
  }
}

const silentLogger = new WorkerLogger(() => () => undefined);

function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const child = log.child({ component: 'worker', ...scope });
    const fields = meta ?? {};
    if (level === 'error') child.error(fields, message);
    else if (level === 'warning') child.warn(fields, message);
    else if (level === 'info') child.info(fields, message);
    else child.debug(fields, message);
  });
}
