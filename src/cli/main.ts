import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { withTransaction } from '../db/pool.js';
import { resetDemo, DEMO_EMAIL, DEMO_PASSWORD, DEMO_SLUG } from '../demo/bootstrap.js';
import { openConnector } from '../crm/connect.js';
import { createDemoCrmEmulator } from '../demo/emulator.js';
import { generateDemoData } from '../demo/generate.js';
import type { HubspotEmulator } from '../crm/emulator/hubspot/emulator.js';
import {
  createGongEmulator,
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
} from '../conversations/emulator/gong/emulator.js';
import {
  createFirefliesEmulator,
  FIREFLIES_EMULATOR_API_KEY,
} from '../conversations/emulator/fireflies/index.js';
import { HttpError } from '../errors.js';
import {
  createSlackEmulator,
  SLACK_EMULATOR_BOT_TOKEN,
  SLACK_EMULATOR_CLIENT_ID,
  SLACK_EMULATOR_CLIENT_SECRET,
  SLACK_EMULATOR_SIGNING_SECRET,
} from '../notifications/slack/emulator/index.js';
import { syncConnection } from '../ingest/sync/run.js';
import { listConnections } from '../tenancy/connections.js';
import { loadSecretKey } from '../tenancy/secrets.js';
import { createLogger } from '../logger.js';
import { banner, prepareDatabase, runPandora } from '../runtime.js';
import { createApiKey } from '../tenancy/api-keys.js';
import { MIN_PASSWORD_LENGTH } from '../tenancy/passwords.js';
import { createUser, findUserByEmail } from '../tenancy/users.js';
import {
  createWorkspace,
  findWorkspaceBySlug,
  getWorkspace,
  ROLES,
  type Role,
  type Workspace,
} from '../tenancy/workspaces.js';
import { actionCommands } from './actions.js';
import { agentCommands } from './agent.js';
import { CliError } from './cli-error.js';
import { progressBar, progressCounter } from './progress.js';
import { ShutdownSignals } from './shutdown.js';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new InvalidArgumentError('must be a port number (0-65535)');
  }
  return parsed;
}

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

const roleOption = () =>
  new Option('--role <role>', 'role in the workspace').choices(ROLES).default('member');

/** A start cut short by a signal is a clean stop (startup stopped what it had started). */
function stoppedWhileStarting(shutdown: ShutdownSignals, log: Logger) {
  return (error: unknown): never => {
    if (!shutdown.signal.aborted) throw error;
    log.info('stopped while starting');
    process.exit(0);
  };
}

/** Runs a one-shot command against the database, closing it whatever happens. */
async function withDatabase<T>(
  config: Config,
  log: Logger,
  fn: (pool: import('pg').Pool) => Promise<T>,
): Promise<T> {
  const db = await prepareDatabase(config, log, 4);
  try {
    return await fn(db.pool);
  } finally {
    await db.close();
  }
}

async function resolveWorkspace(pool: import('pg').Pool, ref: string): Promise<Workspace> {
  const bySlug = await findWorkspaceBySlug(pool, ref);
  if (bySlug) return bySlug;
  if (/^[0-9a-f-]{36}$/i.test(ref)) return getWorkspace(pool, ref);
  throw new HttpError(404, 'not_found', `No workspace with slug or id "${ref}"`);
}

export function buildProgram(): Command {
  const program = new Command('pandora')
    .description(
      'Pandora: change your CRM safely. Configuration comes from the environment (see README).',
    )
    .showHelpAfterError();

  program
    .command('start')
    .description('Run the server and one worker (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'HTTP port (default: PORT or 4000)', port)
    .option('--no-worker', 'serve HTTP only; run `pandora worker` elsewhere')
    .action(async (options: { port?: number; worker: boolean }) => {
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
    });

  program
    .command('worker')
    .description('Run background job workers only (scale out with more of these)')
    .option(
      '-c, --concurrency <n>',
      'jobs run at once (default: PANDORA_WORKER_CONCURRENCY or 4)',
      positiveInt,
    )
    .action(async (options: { concurrency?: number }) => {
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
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      await withDatabase(config, log, async () => undefined);
      process.stdout.write('Database is up to date.\n');
    });

  const user = program.command('user').description('Manage users');
  user
    .command('create')
    .description('Create a user and add them to a workspace (created if it does not exist)')
    .requiredOption('--email <email>', 'login email')
    .option('--name <name>', 'display name', '')
    .option(
      '--password <password>',
      `at least ${MIN_PASSWORD_LENGTH} characters (default: generated and printed)`,
    )
    .option('--workspace <slug>', 'workspace slug or id to join', DEMO_SLUG)
    .option('--workspace-name <name>', 'name of the workspace when it has to be created')
    .addOption(roleOption())
    .action(
      async (options: {
        email: string;
        name: string;
        password?: string;
        workspace: string;
        workspaceName?: string;
        role: Role;
      }) => {
        const config = loadConfig();
        const log = createLogger(config.logLevel);
        if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) {
          throw new InvalidArgumentError(
            `--password must have at least ${MIN_PASSWORD_LENGTH} characters`,
          );
        }
        const password = options.password ?? randomBytes(12).toString('base64url');
        const result = await withDatabase(config, log, (pool) =>
          withTransaction(pool, async (client) => {
            if (await findUserByEmail(client, options.email)) {
              throw new HttpError(
                409,
                'email_taken',
                `A user with email ${options.email} already exists`,
              );
            }
            const created = await createUser(client, {
              email: options.email,
              name: options.name,
              password,
            });
            const workspace =
              (await findWorkspaceBySlug(client, options.workspace)) ??
              (await createWorkspace(client, {
                name: options.workspaceName ?? options.workspace,
                slug: options.workspace,
              }));
            await client.query(
              `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, $3::text)`,
              [workspace.id, created.id, options.role],
            );
            return { created, workspace };
          }),
        );
        process.stdout.write(
          `Created ${result.created.email} (${options.role} of ${result.workspace.slug}).\n` +
            (options.password ? '' : `Password: ${password}\n`),
        );
      },
    );

  const apikey = program.command('apikey').description('Manage API keys');
  apikey
    .command('create')
    .description('Create an API key for a workspace and print it (shown only this once)')
    .requiredOption('--name <name>', 'what the key is for, e.g. "CI sync"')
    .option('--workspace <slug>', 'workspace slug or id', DEMO_SLUG)
    .addOption(roleOption())
    .action(async (options: { name: string; workspace: string; role: Role }) => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const { secret, workspace } = await withDatabase(config, log, async (pool) => {
        const workspace = await resolveWorkspace(pool, options.workspace);
        const created = await createApiKey(pool, {
          workspaceId: workspace.id,
          name: options.name,
          role: options.role,
          createdBy: null,
        });
        return { secret: created.secret, workspace };
      });
      process.stdout.write(
        `API key for ${workspace.slug} (${options.role}); store it now, it is not shown again:\n${secret}\n`,
      );
    });

  program
    .command('sync')
    .description("Sync a CRM connection into Pandora's tables, with a progress bar")
    .option('--workspace <slug>', 'workspace slug or id', DEMO_SLUG)
    .option('--connection <id>', "connection id (default: the workspace's only connected CRM)")
    .option('--full', 'read every record, not only those changed since the last sync', false)
    .action(async (options: { workspace: string; connection?: string; full: boolean }) => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const secretKey = await loadSecretKey(config.secretKey, config.dataDir);
      const run = await withDatabase(config, log, async (pool) => {
        const workspace = await resolveWorkspace(pool, options.workspace);
        const connections = (await listConnections(pool, workspace.id)).filter(
          (connection) => connection.hasCredentials && connection.status !== 'disconnected',
        );
        const connection = options.connection
          ? connections.find((candidate) => candidate.id === options.connection)
          : connections[0];
        if (!connection || (!options.connection && connections.length > 1)) {
          throw new HttpError(
            404,
            'not_found',
            connection
              ? `${workspace.slug} has ${connections.length} connections; pick one with --connection (${connections.map((c) => `${c.id} ${c.name}`).join(', ')})`
              : `No connected CRM ${options.connection ?? ''} in ${workspace.slug}`,
          );
        }
        const opened = await openConnector({ pool, secretKey, log }, workspace.id, connection.id);
        const counter = progressCounter('Syncing');
        try {
          return await syncConnection(
            { pool, ...opened, log },
            {
              mode: options.full ? 'full' : 'incremental',
              trigger: 'cli',
              onProgress: ({ objectType, fetched }) => counter.update(objectType, fetched),
            },
          );
        } finally {
          counter.stop();
        }
      });
      const deals = run.counts.deals;
      process.stdout.write(
        `Sync ${run.status} (${run.mode}) in ${run.durationMs} ms with ${run.crmCalls} CRM calls: ` +
          `${deals?.fetched ?? 0} deals read, ${deals?.created ?? 0} new, ${deals?.updated ?? 0} changed.\n` +
          run.errors
            .map((error) => `  ${error.objectType ?? 'setup'}: ${error.message}\n`)
            .join(''),
      );
      if (run.status === 'failed') process.exitCode = 1;
    });

  program
    .command('sandbox')
    .description(
      'Run the CRM emulator (HubSpot and Salesforce APIs), a Gong emulator (the next port), a Fireflies emulator (the one after) seeded with demo data, and a Slack emulator (the next) whose people are the CRM owners',
    )
    .option('--port <port>', 'port to listen on', port, 4010)
    .option('--seed <seed>', 'demo data seed', positiveInt, 42)
    .option('--accounts <n>', 'accounts to generate (about 2.5 deals each)', positiveInt, 60)
    .option('--latency <ms>', 'latency added to every request', (v) => Number(v), 0)
    .action(async (options: { port: number; seed: number; accounts: number; latency: number }) => {
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
    });

  program.addCommand(actionCommands({ withDatabase, resolveWorkspace }));
  program.addCommand(agentCommands());

  const demo = program.command('demo').description('The demo workspace');
  demo
    .command('reset')
    .description('Regenerate the demo workspace data and restore the demo login')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const bar = progressBar('Seeding demo data');
      const { counts } = await withDatabase(config, log, (pool) =>
        resetDemo(pool, (done, total) => bar.update(done, total)),
      );
      bar.stop();
      process.stdout.write(
        `Demo reset: ${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.deals} deals, ` +
          `${counts.conversations} meetings. Login: ${DEMO_EMAIL} / ${DEMO_PASSWORD}\n`,
      );
    });

  return program;
}

function explain(error: unknown): string {
  if (
    error instanceof ConfigError ||
    error instanceof CliError ||
    error instanceof HttpError ||
    error instanceof InvalidArgumentError
  ) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`pandora: ${explain(error)}\n`);
    process.exit(1);
  });
