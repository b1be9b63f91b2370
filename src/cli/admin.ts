import { randomBytes } from 'node:crypto';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { openConnector } from '../crm/connect.js';
import { withTransaction } from '../db/pool.js';
import { resetDemo, DEMO_EMAIL, DEMO_PASSWORD } from '../demo/bootstrap.js';
import { HttpError } from '../errors.js';
import { syncConnection } from '../ingest/sync/run.js';
import { createLogger } from '../logger.js';
import { createApiKey } from '../tenancy/api-keys.js';
import { listConnections } from '../tenancy/connections.js';
import { MIN_PASSWORD_LENGTH } from '../tenancy/passwords.js';
import { loadSecretKey } from '../tenancy/secrets.js';
import { createUser, findUserByEmail } from '../tenancy/users.js';
import { createWorkspace, findWorkspaceBySlug, type Role } from '../tenancy/workspaces.js';
import { resolveWorkspace, withDatabase } from './database.js';
import { progressBar, progressCounter } from './progress.js';

/** `pandora migrate`: brings the database up to date. */
export async function migrate(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  await withDatabase(config, log, async () => undefined);
  process.stdout.write('Database is up to date.\n');
}

/** `pandora user create`: a user in a workspace (created when it does not exist). */
export async function createUserCommand(options: {
  email: string;
  name: string;
  password?: string;
  workspace: string;
  workspaceName?: string;
  role: Role;
}): Promise<void> {
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
}

/** `pandora apikey create`: a key for a workspace, printed once. */
export async function createApiKeyCommand(options: {
  name: string;
  workspace: string;
  role: Role;
}): Promise<void> {
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
}

/** `pandora sync`: one CRM connection into Pandora's tables, with progress. */
export async function sync(options: {
  workspace: string;
  connection?: string;
  full: boolean;
}): Promise<void> {
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
      run.errors.map((error) => `  ${error.objectType ?? 'setup'}: ${error.message}\n`).join(''),
  );
  if (run.status === 'failed') process.exitCode = 1;
}

/** `pandora demo reset`: the demo workspace's data regenerated, its login restored. */
export async function resetDemoCommand(): Promise<void> {
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
}
