import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../config.js';
import { DEMO_SLUG } from '../demo/constants.js';
import { HttpError } from '../errors.js';
import { MIN_PASSWORD_LENGTH } from '../tenancy/passwords.js';
import { ROLES } from '../tenancy/workspaces.js';
import { actionCommands, type CliSupport } from './actions.js';
import { agentCommands } from './agent.js';
import { CliError } from './cli-error.js';
import { port, positiveInt } from './options.js';

/**
 * The `pandora` command. This file only describes the commands: each one loads its
 * code when it runs, so `pandora --help` or `pandora agent eval` does not first load
 * the server (seconds of module loading).
 */

const roleOption = () =>
  new Option('--role <role>', 'role in the workspace').choices(ROLES).default('member');

const serve = () => import('./serve.js');
const admin = () => import('./admin.js');

/** The database for the `actions` commands, loaded only by a command run locally. */
const database: CliSupport = {
  withDatabase: async (config, log, fn) =>
    (await import('./database.js')).withDatabase(config, log, fn),
  resolveWorkspace: async (pool, ref) =>
    (await import('./database.js')).resolveWorkspace(pool, ref),
};

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
    .action(async (options: { port?: number; worker: boolean }) => (await serve()).start(options));

  program
    .command('worker')
    .description('Run background job workers only (scale out with more of these)')
    .option(
      '-c, --concurrency <n>',
      'jobs run at once (default: PANDORA_WORKER_CONCURRENCY or 4)',
      positiveInt,
    )
    .action(async (options: { concurrency?: number }) => (await serve()).worker(options));

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => (await admin()).migrate());

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
    .action(async (options: Parameters<typeof import('./admin.js').createUserCommand>[0]) =>
      (await admin()).createUserCommand(options),
    );

  const apikey = program.command('apikey').description('Manage API keys');
  apikey
    .command('create')
    .description('Create an API key for a workspace and print it (shown only this once)')
    .requiredOption('--name <name>', 'what the key is for, e.g. "CI sync"')
    .option('--workspace <slug>', 'workspace slug or id', DEMO_SLUG)
    .addOption(roleOption())
    .action(async (options: Parameters<typeof import('./admin.js').createApiKeyCommand>[0]) =>
      (await admin()).createApiKeyCommand(options),
    );

  program
    .command('sync')
    .description("Sync a CRM connection into Pandora's tables, with a progress bar")
    .option('--workspace <slug>', 'workspace slug or id', DEMO_SLUG)
    .option('--connection <id>', "connection id (default: the workspace's only connected CRM)")
    .option('--full', 'read every record, not only those changed since the last sync', false)
    .action(async (options: { workspace: string; connection?: string; full: boolean }) =>
      (await admin()).sync(options),
    );

  program
    .command('sandbox')
    .description(
      'Run the CRM emulator (HubSpot and Salesforce APIs), a Gong emulator (the next port), a Fireflies emulator (the one after) seeded with demo data, and a Slack emulator (the next) whose people are the CRM owners',
    )
    .option('--port <port>', 'port to listen on', port, 4010)
    .option('--seed <seed>', 'demo data seed', positiveInt, 42)
    .option('--accounts <n>', 'accounts to generate (about 2.5 deals each)', positiveInt, 60)
    .option('--latency <ms>', 'latency added to every request', (v) => Number(v), 0)
    .action(async (options: { port: number; seed: number; accounts: number; latency: number }) =>
      (await serve()).sandbox(options),
    );

  program.addCommand(actionCommands(database));
  program.addCommand(agentCommands());

  const demo = program.command('demo').description('The demo workspace');
  demo
    .command('reset')
    .description('Regenerate the demo workspace data and restore the demo login')
    .action(async () => (await admin()).resetDemoCommand());

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
