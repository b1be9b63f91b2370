import { EventEmitter } from 'node:events';
import {
  Logger as WorkerLogger,
  run,
  parseCronItems,
  runMigrations,
  type CronItem,
  type Job,
  type Runner,
  type RunnerOptions,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Queryable } from '../db/pool.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { publishEvent } from '../events/bus.js';
import type { SecretKey } from '../tenancy/secrets.js';
import {
  LIVENESS_DEFAULTS,
  WorkerLiveness,
  unlockWorkers,
  type LivenessOptions,
} from './liveness.js';
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

/** Queues many jobs of one kind in one statement, like `enqueue` for each. */
export async function enqueueMany<K extends JobName>(
  db: Queryable,
  name: K,
  jobs: Array<{ payload: JobPayloads[K]; options?: EnqueueOptions }>,
): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map(({ payload, options = {} }) => ({
    identifier: name,
    payload,
    run_at: options.runAt?.toISOString() ?? null,
    max_attempts: options.maxAttempts ?? 8,
    job_key: options.jobKey ?? null,
    priority: options.priority ?? 0,
  }));
  await db.query(
    `select count(*) from graphile_worker.add_jobs(
       array(select json_populate_recordset(null::graphile_worker.job_spec, $1::json)), false)`,
    [JSON.stringify(specs)],
  );
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
    task: 'conversations.sync-due',
    match: '*/15 * * * *',
    identifier: 'conversations.sync-due',
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
    // The shortest rule window is an hour and the shortest pending period 10 minutes.
    task: 'anomalies.evaluate',
    match: '*/5 * * * *',
    identifier: 'anomalies.evaluate',
    options: { maxAttempts: 1 },
  },
  {
    // Hourly, after the quarter-hour CRM syncs have brought the reps' own values in.
    task: 'agents.shadow-outcomes',
    match: '50 * * * *',
    identifier: 'agents.shadow-outcomes',
    options: { maxAttempts: 3 },
  },
  {
    task: 'inbox.expire',
    match: '*/5 * * * *',
    identifier: 'inbox.expire',
    options: { maxAttempts: 3 },
  },
  {
    // A lost delivery job or a dead worker's lease delays a notification by a minute at most.
    task: 'notifications.sweep',
    match: '* * * * *',
    identifier: 'notifications.sweep',
    options: { maxAttempts: 1 },
  },
  {
    // Daily digests go out at the top of a local hour; within five minutes of it is fine.
    task: 'notifications.digest',
    match: '*/5 * * * *',
    identifier: 'notifications.digest',
    options: { maxAttempts: 3 },
  },
  {
    task: 'notifications.expiring',
    match: '*/5 * * * *',
    identifier: 'notifications.expiring',
    options: { maxAttempts: 3 },
  },
  {
    // A run a dead worker left carries on within a minute of another worker being up.
    task: 'flows.sweep',
    match: '* * * * *',
    identifier: 'flows.sweep',
    options: { maxAttempts: 1 },
  },
  {
    // A flow's cron slot starts within a minute; the tick itself starts each slot once.
    task: 'flows.schedule-tick',
    match: '* * * * *',
    identifier: 'flows.schedule-tick',
    options: { maxAttempts: 1 },
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
  /**
   * Jobs fetched (and locked) per query and handed to workers from memory; off (1) by
   * default. Worth it for many short jobs (flow runs): one fetch serves many jobs.
   */
  localQueueSize?: number;
  /** Heartbeat and dead-worker timing (liveness.ts); the defaults suit production. */
  liveness?: Partial<LivenessOptions>;
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
  // What a job's locked_by names: its worker, or (with batched settling) the pool.
  events.on('pool:create', ({ workerPool }) => workerIds.push(workerPool.id));
  events.on('worker:create', ({ worker }) => workerIds.push(worker.workerId));
  const queuePool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.concurrency + 2,
    application_name: 'pandora-worker',
  });
  queuePool.on('error', (error) => log.warn({ err: error }, 'job queue connection lost'));
  queuePool.on('connect', (client) => client.on('error', () => undefined));
  const runnerOptions: RunnerOptions = {
    events,
    pgPool: queuePool,
    taskList,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1_000,
    // Unbatched (the default), 0.17 settles a job without handling the promise: a job
    // ending while the database is gone crashes the process with an unhandled
    // rejection. Batched, a failure to settle is logged and stops the runner instead.
    preset: {
      worker: {
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
        ...(options.localQueueSize && options.localQueueSize > 1
          ? { localQueue: { size: options.localQueueSize } }
          : {}),
      },
    },
    logger: workerLogger(log),
    // Programmatic items: the crontab text format does not allow dots in task names.
    parsedCronItems: parseCronItems(options.schedules === false ? [] : SCHEDULES),
  };
  const supervisor = new RunnerSupervisor(
    runnerOptions,
    queuePool,
    options.connectionString,
    workerIds,
    log,
  );
  await supervisor.start();
  const liveness = new WorkerLiveness(queuePool, workerIds, log, {
    ...LIVENESS_DEFAULTS,
    ...options.liveness,
  });
  liveness.start();
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
      // Heartbeats go on while jobs finish: a long last job is not taken for a dead one.
      const reachable = await supervisor.stop();
      if (reachable) await waitForSettledJobs(queuePool, workerIds);
      await liveness.stop({ forget: reachable }).catch((error: unknown) => {
        log.warn({ err: error }, 'could not remove the job workers from job_workers');
      });
      await queuePool.end();
    },
  };
}

/** How long stopping waits to learn whether the database still answers. */
const REACHABLE_PROBE_MS = 2_000;

/**
 * Whether a new connection to the queue's database gets an answer. A fresh client, not
 * the pool: jobs may hold every pooled client, and a busy pool is no sign of an outage.
 */
async function databaseAnswers(connectionString: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: REACHABLE_PROBE_MS,
    query_timeout: REACHABLE_PROBE_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Backoff between attempts to bring a stopped runner back: 1 s, doubling, at most 30 s. */
export const RESTART_DELAYS_MS = { first: 1_000, max: 30_000 };

/**
 * Keeps the job runner going. graphile-worker's runner gives up for good when it cannot
 * settle a job (the database went away); left alone, the process would answer HTTP again
 * once the database is back but never run another job. The supervisor starts a new
 * runner with backoff until one starts, after unlocking the jobs the dead one held, so
 * they run again now rather than after graphile-worker's four-hour stale-lock timeout.
 */
class RunnerSupervisor {
  private runner: Runner | undefined;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(
    private readonly options: RunnerOptions,
    private readonly queuePool: pg.Pool,
    private readonly connectionString: string,
    /** Ids of the current runner's workers (filled by the `worker:create` event). */
    private readonly workerIds: string[],
    private readonly log: Logger,
  ) {}

  /** Starts the first runner; a failure here is the caller's (start-up) failure. */
  async start(): Promise<void> {
    this.watch(await run(this.options));
  }

  /**
   * Lets running jobs finish, unless the database is gone: then no job can be settled,
   * and waiting would only wait out graphile-worker's retries (minutes), so the runner
   * is stopped at once. Resolves with whether the database answered.
   */
  async stop(): Promise<boolean> {
    this.stopping = true;
    clearTimeout(this.timer);
    const runner = this.runner;
    const graceful = runner?.stop();
    graceful?.catch(() => undefined);
    const answers = await databaseAnswers(this.connectionString).catch((error: unknown) => {
      // Something answered, if not as hoped (a refused password): the pool's open
      // connections may still settle the jobs, so they get their graceful stop.
      this.log.warn(
        { err: error },
        'the database probe failed; stopping the job worker gracefully',
      );
      return true;
    });
    if (answers) {
      await graceful;
      return true;
    }
    this.log.warn('the database does not answer: stopping the job worker without waiting for jobs');
    await runner?.kill('the database does not answer').catch(() => undefined);
    return false;
  }

  private watch(runner: Runner): void {
    this.runner = runner;
    runner.promise.then(
      () => this.restartUnlessStopping(undefined),
      (error: unknown) => this.restartUnlessStopping(error),
    );
  }

  private restartUnlessStopping(error: unknown): void {
    if (this.stopping) return;
    const delay = Math.min(
      RESTART_DELAYS_MS.max,
      RESTART_DELAYS_MS.first * 2 ** Math.min(this.failures, 10),
    );
    this.log.error({ err: error, retryInMs: delay }, 'the job worker stopped; restarting it');
    this.timer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      // The dead runner's ids are dropped only once unlocked, so a failed try keeps them.
      const dead = [...this.workerIds];
      if (dead.length > 0) {
        await unlockWorkers(this.queuePool, dead);
        this.workerIds.splice(0, dead.length);
      }
      const runner = await run(this.options);
      if (this.stopping) {
        await runner.stop();
        return;
      }
      this.failures = 0;
      this.log.info('the job worker is running again');
      this.watch(runner);
    } catch (error) {
      this.failures += 1;
      this.restartUnlessStopping(error);
    }
  }
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
