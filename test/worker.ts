import pino from 'pino';
import { startWorker, type RunningWorker, type TaskHandlers } from '../src/jobs/queue.js';
import { parseSecretKey } from '../src/tenancy/secrets.js';
import type { TestDatabase } from './db.js';
import { TcpHop } from './tcp-hop.js';

const idle = async () => undefined;

/**
 * A handler for every job that does nothing, with `overrides` for the jobs a test
 * watches: for tests of the worker itself rather than of any job.
 */
export function idleHandlers(overrides: Partial<TaskHandlers>): TaskHandlers {
  return {
    'demo.seed': idle,
    'sessions.prune': idle,
    'crm.sync': idle,
    'crm.sync-due': idle,
    'conversations.sync': idle,
    'conversations.sync-due': idle,
    'skills.run-all': idle,
    'crm.reconcile': idle,
    'actions.batch-execute': idle,
    'actions.execute': idle,
    'writeback.run': idle,
    'writeback.daily': idle,
    'conversations.link': idle,
    'anomalies.evaluate': idle,
    'agents.run': idle,
    'agents.shadow-outcomes': idle,
    'inbox.expire': idle,
    'notifications.deliver': idle,
    'notifications.sweep': idle,
    'slack.interaction': idle,
    'notifications.digest': idle,
    'notifications.expiring': idle,
    'slack.update-cards': idle,
    'flows.run': idle,
    'flows.sweep': idle,
    'flows.schedule-tick': idle,
    'flows.dispatch-event': idle,
    ...overrides,
  };
}

/**
 * One worker (concurrency 1, no schedules) whose queue connections go through a TCP hop
 * the test can cut, as if PostgreSQL went away; the test's own pool connects directly.
 */
export async function workerBehindHop(
  db: TestDatabase,
  handlers: TaskHandlers,
): Promise<{ worker: RunningWorker; hop: TcpHop }> {
  const url = new URL(db.url);
  const hop = new TcpHop({ host: url.hostname, port: Number(url.port) });
  await hop.open();
  url.host = `127.0.0.1:${hop.port}`;
  const worker = await startWorker({
    pool: db.pool,
    connectionString: url.toString(),
    log: pino({ level: process.env.JOB_LOG ?? 'silent' }),
    handlers,
    concurrency: 1,
    schedules: false,
    secretKey: parseSecretKey('11'.repeat(32)),
  });
  return { worker, hop };
}
