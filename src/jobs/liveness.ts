import { hostname } from 'node:os';
import type pg from 'pg';
import { makeWorkerUtils } from 'graphile-worker';
import type { Logger } from 'pino';

/**
 * Which job workers are alive, so that jobs held by a dead one run again within minutes.
 *
 * graphile-worker locks a job to the worker running it and takes the lock back only after
 * four hours: the time a job may run. A worker killed mid-job (a crash, a `kill -9`, a stop
 * while the database was gone) leaves its jobs locked that long. Each running worker
 * therefore writes a heartbeat to `job_workers`; a worker whose heartbeat is older than
 * `deadAfterMs` is dead, and every live worker's sweep unlocks what the dead one held. A
 * job locked by a worker this table never heard of (an older Pandora) is left alone.
 */
export interface LivenessOptions {
  /** How often this process's workers say they are alive, and sweep for dead ones. */
  heartbeatMs: number;
  /** How long a silent worker is taken for alive (a pause or a short network loss). */
  deadAfterMs: number;
}

export const LIVENESS_DEFAULTS: LivenessOptions = { heartbeatMs: 30_000, deadAfterMs: 300_000 };

export class WorkerLiveness {
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    /** This process's current worker ids; the supervisor replaces them on a restart. */
    private readonly workerIds: readonly string[],
    private readonly log: Logger,
    private readonly options: LivenessOptions = LIVENESS_DEFAULTS,
  ) {}

  /** Beats and sweeps now, then every `heartbeatMs` until `stop()`. */
  start(): void {
    const tick = () => {
      // A beat still waiting on a database that went away is not doubled.
      if (this.beating) return;
      this.beating = this.beatAndSweep()
        .catch((error: unknown) =>
          // The database may be gone for a while; the next beat tries again.
          this.log.warn({ err: error }, 'job worker heartbeat failed'),
        )
        .finally(() => (this.beating = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.options.heartbeatMs);
    this.timer.unref();
  }

  /**
   * Stops beating. With `forget` (the database answers and the jobs are settled), removes
   * this process's workers from the table; without, returns at once and leaves them to
   * go silent, so that another worker's sweep unlocks whatever they still hold.
   */
  async stop({ forget }: { forget: boolean }): Promise<void> {
    clearInterval(this.timer);
    if (!forget) return;
    await this.beating;
    if (this.workerIds.length > 0) {
      await this.pool.query(`delete from job_workers where worker_id = any($1::text[])`, [
        [...this.workerIds],
      ]);
    }
  }

  /** One heartbeat for this process's workers, then the sweep. */
  async beatAndSweep(): Promise<void> {
    const ids = [...this.workerIds];
    if (ids.length > 0) {
      await this.pool.query(
        `insert into job_workers (worker_id, host, pid)
         select unnest($1::text[]), $2, $3
         on conflict (worker_id) do update set heartbeat_at = now()`,
        [ids, hostname(), process.pid],
      );
    }
    await sweepDeadWorkers(this.pool, this.options.deadAfterMs, this.log);
  }
}

/**
 * Unlocks the jobs and queues of every worker silent for `deadAfterMs` (by the database's
 * clock), then forgets those workers. Safe to run from many processes at once.
 */
export async function sweepDeadWorkers(
  pool: pg.Pool,
  deadAfterMs: number,
  log: Logger,
): Promise<string[]> {
  const { rows } = await pool.query<{ worker_id: string }>(
    `select worker_id from job_workers
      where heartbeat_at < now() - make_interval(secs => $1::float8 / 1000)`,
    [deadAfterMs],
  );
  const dead = rows.map((r) => r.worker_id);
  if (dead.length === 0) return dead;
  const { rows: held } = await pool.query<{ jobs: number }>(
    `select count(*)::int as jobs from graphile_worker.jobs where locked_by = any($1::text[])`,
    [dead],
  );
  await unlockWorkers(pool, dead);
  await pool.query(
    `delete from job_workers
      where worker_id = any($1::text[])
        and heartbeat_at < now() - make_interval(secs => $2::float8 / 1000)`,
    [dead, deadAfterMs],
  );
  const jobs = held[0]?.jobs ?? 0;
  if (jobs > 0) log.warn({ workers: dead, jobs }, 'unlocked the jobs of job workers that died');
  return dead;
}

/** Hands the jobs and queues locked by these workers back to the queue (graphile-worker). */
export async function unlockWorkers(pool: pg.Pool, workerIds: string[]): Promise<void> {
  const utils = await makeWorkerUtils({ pgPool: pool });
  try {
    await utils.forceUnlockWorkers(workerIds);
  } finally {
    await utils.release();
  }
}
