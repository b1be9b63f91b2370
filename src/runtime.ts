import type { FastifyInstance } from 'fastify';
import { unfinishedBatches } from './actions/batch.js';
import { queueInterruptedExecutions } from './actions/recover.js';
import { unfinishedRuns } from './writeback/runs.js';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import { prepareDatabase } from './db/prepare.js';
import { startSandbox, type RunningSandbox } from './crm/emulator/sandbox.js';
import { connectSandboxSlack } from './notifications/sandbox.js';
import { ensureDemoWorkspace, DEMO_EMAIL, DEMO_PASSWORD, DEMO_SEED } from './demo/bootstrap.js';
import { generateDemoData } from './demo/generate.js';
import { demoHandlers } from './demo/jobs.js';
import { ensureDemoSlackInstall } from './demo/slack.js';
import {
  SLACK_EMULATOR_CLIENT_ID,
  SLACK_EMULATOR_CLIENT_SECRET,
} from './notifications/slack/emulator/index.js';
import { EventListener } from './events/bus.js';
import { buildApp } from './http/app.js';
import { connectionsWithPendingWrites } from './crm/ledger/queries.js';
import { RECONCILE_GRACE_MS, handlers } from './jobs/handlers.js';
import { enqueue, startWorker, type RunningWorker } from './jobs/queue.js';
import { loadSecretKey } from './tenancy/secrets.js';
import { TIMED_OUT, within } from './timeout.js';

export interface RunOptions {
  server: boolean;
  worker: boolean;
  port?: number;
  /** Aborts startup between its steps (Ctrl-C while starting); what had started is stopped. */
  signal?: AbortSignal;
  /** Receives forceStop as soon as there is a database to force-stop, before startup ends. */
  onForceStop?: (forceStop: () => void) => void;
}

export interface Running {
  db: Database;
  app?: FastifyInstance;
  url?: string;
  demoCreated: boolean;
  /** The CRM emulator this process runs, when it runs one. */
  sandboxUrl?: string;
  /** The Slack emulator the sandbox runs beside it. */
  slackUrl?: string;
  /** The sandbox's SMTP server, where email goes when SMTP_URL is unset. */
  smtpUrl?: string;
  /** Stops everything in order; each step is bounded, so a dead database cannot hang it. */
  stop(): Promise<void>;
  /** At once and synchronously: saves the sandbox and stops the embedded PostgreSQL. */
  forceStop(): void;
}

/**
 * How long each step of stop() may take before the next goes ahead anyway. Jobs get
 * graphile-worker's 5 s to finish and its forced release after that; PostgreSQL's
 * own stop, last, is bounded inside the database part.
 */
const STOP_STEP_TIMEOUT_MS = { server: 10_000, worker: 20_000, sandbox: 5_000, events: 2_000 };

/**
 * Runs Pandora in this process: the HTTP server, a worker, or both. `stop()` closes
 * in dependency order: stop taking requests, let running jobs finish, stop listening
 * for events, close the pool, and stop the embedded database last.
 */
export async function runPandora(
  config: Config,
  log: Logger,
  options: RunOptions,
): Promise<Running> {
  const db = await prepareDatabase(config, log, options.server ? 20 : 10);
  const secretKey = await loadSecretKey(config.secretKey, config.dataDir);
  let app: FastifyInstance | undefined;
  let worker: RunningWorker | undefined;
  let events: EventListener | undefined;
  let sandbox: RunningSandbox | undefined;
  let demoCreated = false;

  // How long each step of the stop took, in ms: logged once stopped.
  const stepsMs: Record<string, number> = {};
  const step = async (name: keyof typeof STOP_STEP_TIMEOUT_MS, fn: () => Promise<unknown>) => {
    const startedAt = Date.now();
    try {
      const timeoutMs = STOP_STEP_TIMEOUT_MS[name];
      if ((await within(fn(), timeoutMs)) === TIMED_OUT) {
        log.warn({ step: name, timeoutMs }, 'shutdown step timed out; going on');
      }
    } catch (error) {
      log.warn({ err: error, step: name }, 'shutdown step failed; going on');
    }
    stepsMs[name] = Date.now() - startedAt;
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (app) {
        const server = app;
        await step('server', async () => {
          // Event streams never end on their own; give in-flight requests a moment, then cut.
          const cut = setTimeout(() => server.server.closeAllConnections(), 3_000);
          await server.close().finally(() => clearTimeout(cut));
        });
      }
      if (worker) await step('worker', () => worker!.stop());
      if (sandbox) await step('sandbox', () => sandbox!.stop());
      if (events) await step('events', () => events!.close());
      const closingAt = Date.now();
      await db.close();
      log.info({ stepsMs: { ...stepsMs, database: Date.now() - closingAt } }, 'stopped');
    })());
  const forceStop = () => {
    try {
      sandbox?.saveNow();
    } catch (error) {
      log.error({ err: error }, 'saving the sandbox');
    }
    db.stopNow();
  };
  options.onForceStop?.(forceStop);

  try {
    options.signal?.throwIfAborted();
    if (config.sandbox && options.server) {
      sandbox = await startSandbox({
        pool: db.pool,
        dataDir: config.dataDir,
        host: config.host === '0.0.0.0' ? '127.0.0.1' : config.host,
        port: config.sandboxPort,
        initialData: () => generateDemoData({ seed: DEMO_SEED }),
        conversations: () => generateDemoData({ seed: DEMO_SEED }),
        // The demo's member and the CRM's owners, so Slack finds them by email.
        notificationUsers: () => [
          { email: DEMO_EMAIL, name: 'Demo Admin' },
          ...generateDemoData({ seed: DEMO_SEED }).owners.map(({ email, name }) => ({
            email,
            name,
          })),
        ],
        log,
      });
    }
    options.signal?.throwIfAborted();
    if (config.demo) {
      demoCreated = Boolean(
        await ensureDemoWorkspace(db.pool, {
          sandboxUrl: sandbox?.url,
          gongUrl: sandbox?.gongUrl,
          secretKey,
        }),
      );
    }
    // The demo workspace is installed in the emulated Slack; earlier installs follow its port.
    if (sandbox?.slackUrl) {
      await ensureDemoSlackInstall(db.pool, secretKey, sandbox.slackUrl, log).catch(
        (error: unknown) => log.warn({ err: error }, 'installing the demo in the sandbox Slack'),
      );
    }
    options.signal?.throwIfAborted();
    if (options.worker) {
      worker = await startWorker({
        pool: db.pool,
        connectionString: db.url,
        log,
        handlers: { ...handlers, ...demoHandlers },
        concurrency: config.workerConcurrency,
        secretKey,
      });
      // Writes a stopped process left unsettled are checked once the grace period has passed.
      for (const pending of await connectionsWithPendingWrites(db.pool)) {
        await enqueue(db.pool, 'crm.reconcile', pending, {
          jobKey: `crm.reconcile:${pending.connectionId}`,
          runAt: new Date(Date.now() + RECONCILE_GRACE_MS),
        });
      }
      // Batch executions a stopped worker left running are taken up again (each batch
      // runs under a lock, so one still running elsewhere is not run twice).
      for (const run of await unfinishedRuns(db.pool)) {
        await enqueue(db.pool, 'writeback.run', run, { jobKey: `writeback-resume:${run.runId}` });
      }
      for (const batch of await unfinishedBatches(db.pool)) {
        await enqueue(db.pool, 'actions.batch-execute', batch, {
          jobKey: `action-batch-resume:${batch.batchId}`,
        });
      }
      await queueInterruptedExecutions(db.pool);
      // Flow runs a stopped worker left running carry on now, not at the next minute's sweep.
      await enqueue(db.pool, 'flows.sweep', {}, { jobKey: 'flows.sweep:start' });
    }
    options.signal?.throwIfAborted();
    let url: string | undefined;
    if (options.server) {
      events = new EventListener(db.url, (error) => log.warn({ err: error }, 'event listener'));
      await events.start();
      app = await buildApp({
        pool: db.pool,
        config,
        secretKey,
        log,
        events,
        sandboxUrl: sandbox?.url,
        // "Add to Slack" goes to the emulated Slack while no Slack app is configured.
        slackSandbox: sandbox?.slackUrl
          ? {
              apiUrl: sandbox.slackUrl,
              clientId: SLACK_EMULATOR_CLIENT_ID,
              clientSecret: SLACK_EMULATOR_CLIENT_SECRET,
            }
          : undefined,
        // With SMTP_URL set, email goes there: the sandbox's mailbox would stay empty.
        sandboxMailbox: config.smtpUrl ? undefined : sandbox?.notifications?.smtp?.mailbox,
      });
      await app.listen({ port: options.port ?? config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
      if (sandbox?.notifications) connectSandboxSlack(sandbox.notifications, config, url);
    }
    return {
      db,
      app,
      url,
      demoCreated,
      sandboxUrl: sandbox?.url,
      slackUrl: sandbox?.slackUrl,
      smtpUrl: config.smtpUrl ? undefined : sandbox?.notifications?.smtp?.url,
      stop,
      forceStop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

export function banner(running: Running, config: Config): string {
  const lines = [
    '',
    `  Pandora is running at ${running.url}`,
    `  Database: ${running.db.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`,
  ];
  if (config.demo) lines.push(`  Demo login: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
  if (running.sandboxUrl) lines.push(`  CRM emulator (sandbox): ${running.sandboxUrl}`);
  if (running.slackUrl) lines.push(`  Slack emulator (sandbox): ${running.slackUrl}`);
  if (running.smtpUrl) lines.push(`  SMTP server (sandbox): ${running.smtpUrl}`);
  lines.push(
    `  API docs: ${running.url}/docs   GraphQL: ${running.url}/graphql`,
    '  Stop with Ctrl-C',
    '',
  );
  return lines.join('\n');
}
