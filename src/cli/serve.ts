import type { Logger } from 'pino';
import { loadConfig } from '../config.js';
import {
  createFirefliesEmulator,
  FIREFLIES_EMULATOR_API_KEY,
} from '../conversations/emulator/fireflies/index.js';
import {
  createGongEmulator,
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
} from '../conversations/emulator/gong/emulator.js';
import type { HubspotEmulator } from '../crm/emulator/hubspot/emulator.js';
import { DEMO_SLUG } from '../demo/constants.js';
import { createDemoCrmEmulator } from '../demo/emulator.js';
import { generateDemoData } from '../demo/generate.js';
import { createLogger } from '../logger.js';
import {
  createSlackEmulator,
  SLACK_EMULATOR_BOT_TOKEN,
  SLACK_EMULATOR_CLIENT_ID,
  SLACK_EMULATOR_CLIENT_SECRET,
  SLACK_EMULATOR_SIGNING_SECRET,
} from '../notifications/slack/emulator/index.js';
import { banner, runPandora } from '../runtime.js';
import { findWorkspaceBySlug } from '../tenancy/workspaces.js';
import { ShutdownSignals } from './shutdown.js';

/** A start cut short by a signal is a clean stop (startup stopped what it had started). */
function stoppedWhileStarting(shutdown: ShutdownSignals, log: Logger) {
  return (error: unknown): never => {
    if (!shutdown.signal.aborted) throw error;
    log.info('stopped while starting');
    process.exit(0);
  };
}

/** `pandora start`: the server and one worker until a signal. */
export async function start(options: { port?: number; worker: boolean }): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = Date.now();
  // Signals are handled from the start: a Ctrl-C while the database starts must stop it too.
  const shutdown = new ShutdownSignals(log).install();
  const running = await runPandora(config, log, {
    server: true,
    worker: options.worker,
    port: options.port,
    signal: shutdown.signal,
    onForceStop: (forceStop) => shutdown.setForceStop(forceStop),
  }).catch(stoppedWhileStarting(shutdown, log));
  shutdown.attach(running);
  const demo = await findWorkspaceBySlug(running.db.pool, DEMO_SLUG);
  const shown = { ...config, demo: Boolean(demo?.isDemo) };
  process.stdout.write(`${banner(running, shown)}\n`);
  log.info(
    { url: running.url, startupMs: Date.now() - started, demoCreated: running.demoCreated },
    'ready',
  );
}

/** `pandora worker`: job workers only, until a signal. */
export async function worker(options: { concurrency?: number }): Promise<void> {
  const config = loadConfig();
  if (options.concurrency) config.workerConcurrency = options.concurrency;
  // A worker alone never creates the demo; the server does that.
  const log = createLogger(config.logLevel);
  const shutdown = new ShutdownSignals(log).install();
  const running = await runPandora({ ...config, demo: false }, log, {
    server: false,
    worker: true,
    signal: shutdown.signal,
    onForceStop: (forceStop) => shutdown.setForceStop(forceStop),
  }).catch(stoppedWhileStarting(shutdown, log));
  shutdown.attach(running);
  log.info({ concurrency: config.workerConcurrency }, 'worker ready');
}

/** `pandora sandbox`: the emulators of the outside services, seeded with the demo's data. */
export async function sandbox(options: {
  port: number;
  seed: number;
  accounts: number;
  latency: number;
}): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dataset = generateDemoData({ seed: options.seed, accounts: options.accounts });
  const emulator = await createDemoCrmEmulator({
    dataset,
    settings: { latencyMs: options.latency },
  });
  const url = await emulator.listen(options.port, config.host);
  const hubspot = emulator.crms.get('hubspot') as HubspotEmulator | undefined;
  // Gong's calls name the CRM records by the emulated HubSpot's ids.
  const gong = await createGongEmulator({
    dataset,
    crmIdFor: (sourceId) => hubspot?.idFor(sourceId),
    settings: { latencyMs: options.latency },
  });
  const gongUrl = await gong.listen(options.port === 0 ? 0 : options.port + 1, config.host);
  const fireflies = await createFirefliesEmulator({
    dataset,
    settings: { latencyMs: options.latency },
  });
  const firefliesUrl = await fireflies.listen(
    options.port === 0 ? 0 : options.port + 2,
    config.host,
  );
  const slack = await createSlackEmulator({
    users: dataset.owners.map(({ email, name }) => ({ email, name })),
    settings: { latencyMs: options.latency },
  });
  const slackUrl = await slack.listen(options.port === 0 ? 0 : options.port + 3, config.host);
  process.stdout.write(
    `CRM emulator at ${url}\n` +
      `  HubSpot:    basePath ${url}, private app token pat-emulator-hubspot\n` +
      `  Salesforce: instanceUrl ${url}, access token 00D-emulator-salesforce-token\n` +
      `  Controls:   ${url}/_emulator/counters, /_emulator/requests, /_emulator/faults\n` +
      `Gong emulator at ${gongUrl}\n` +
      `  Basic auth: access key ${GONG_EMULATOR_ACCESS_KEY}, secret ${GONG_EMULATOR_ACCESS_KEY_SECRET}\n` +
      `  Controls:   ${gongUrl}/_emulator/requests, /_emulator/faults, /_emulator/settings\n` +
      `Fireflies emulator at ${firefliesUrl} (GraphQL at /graphql)\n` +
      `  API key:    ${FIREFLIES_EMULATOR_API_KEY}\n` +
      `  Controls:   ${firefliesUrl}/_emulator/requests, /_emulator/faults, /_emulator/settings\n` +
      `Slack emulator at ${slackUrl} (its channels and buttons at /)\n` +
      `  Bot token:  ${SLACK_EMULATOR_BOT_TOKEN}\n` +
      `  Pandora:    SLACK_API_URL=${slackUrl} SLACK_CLIENT_ID=${SLACK_EMULATOR_CLIENT_ID} SLACK_CLIENT_SECRET=${SLACK_EMULATOR_CLIENT_SECRET} SLACK_SIGNING_SECRET=${SLACK_EMULATOR_SIGNING_SECRET}\n` +
      `  Controls:   PUT ${slackUrl}/_emulator/interactivity { requestUrl }, /_emulator/messages, /_emulator/faults\n` +
      `  Pandora refuses CRM URLs off the CRMs' domains; allow this one with\n` +
      `  PANDORA_ALLOWED_CRM_HOSTS=${url}\n`,
  );
  const stop = () =>
    Promise.all([emulator.close(), gong.close(), fireflies.close(), slack.close()]).then(
      () => undefined,
    );
  new ShutdownSignals(log).install().attach({ stop, forceStop() {} });
}
