import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  TEST_SECRET_KEY,
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
} from '../../test/app.js';
import { demoHandlers } from '../demo/jobs.js';
import { handlers } from '../jobs/handlers.js';
import { startWorker, type RunningWorker } from '../jobs/queue.js';
import { projectRoot } from '../paths.js';
import { actionCommands, type CliSupport } from './actions.js';
import { CliError } from './cli-error.js';

/**
 * `pandora actions` against a running server over its REST API with an API key: the
 * server listens on a port, its worker runs the batches, and the commands are run as
 * the CLI runs them, with the key in PANDORA_API_KEY.
 */
let t: SandboxApp;
let tenant: Tenant;
let connectionId: string;
let deals: string[];
let url: string;
let worker: RunningWorker;

beforeAll(async () => {
  t = await createSandboxApp(10);
  tenant = await createTenant(t, 'admin');
  const sandbox = await connectSandbox(t, tenant);
  connectionId = sandbox.connectionId;
  const page = await sandbox.connector.listChanged('deal', { properties: [], limit: 20 });
  deals = page.records.map((record) => record.id);
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  worker = await startWorker({
    pool: t.db.pool,
    connectionString: t.db.url,
    log: pino({ level: 'silent' }),
    handlers: { ...handlers, ...demoHandlers },
    concurrency: 1,
    schedules: false,
    secretKey: TEST_SECRET_KEY,
  });
});

afterAll(async () => {
  await worker?.stop();
});

let dealIndex = 0;
async function createAction(amount: number): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/workspaces/${tenant.workspaceId}/action-items`,
    headers: tenant.auth,
    payload: {
      actionType: 'update_field',
      severity: 'warning',
      title: `Set the amount to ${amount}`,
      connectionId,
      targetType: 'deal',
      targetSourceId: deals[dealIndex++]!,
      impactAmount: amount,
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: amount }] },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().action.id as string;
}

/** The local database is the test's: the same rows the server serves. */
const local: CliSupport = {
  withDatabase: (_config, _log, fn) => fn(t.db.pool),
  resolveWorkspace: async (_pool, ref) => ({ id: ref, slug: ref }),
};

interface Ran {
  stdout: string;
  stderr: string;
  error?: unknown;
  exitCode: number;
}

/** Runs `pandora actions <args>` in this process with the given environment. */
async function actions(args: string[], env: Record<string, string | undefined>): Promise<Ran> {
  for (const name of ['PANDORA_SERVER_URL', 'PANDORA_API_KEY']) vi.stubEnv(name, env[name] ?? '');
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = 0;
  const program = new Command('pandora').exitOverride();
  program.addCommand(actionCommands(local).exitOverride());
  try {
    await program.parseAsync(['actions', ...args], { from: 'user' });
    return { stdout, stderr, exitCode: Number(process.exitCode ?? 0) };
  } catch (error) {
    return { stdout, stderr, error, exitCode: 1 };
  } finally {
    process.exitCode = 0;
    out.mockRestore();
    err.mockRestore();
    vi.unstubAllEnvs();
  }
}

const withKey = () => ({ PANDORA_API_KEY: tenant.apiKey });

describe('pandora actions against a server', () => {
  it('lists the workspace’s actions exactly as the local database shows them', async () => {
    const ids = [await createAction(70_000), await createAction(90_000)];
    const remote = await actions(['list', '--server', url], withKey());
    expect(remote.error).toBeUndefined();
    const listed = [...remote.stdout.matchAll(/^([0-9a-f-]{36}) /gm)].map((m) => m[1]);
    // Largest impact first, as the local listing orders them.
    expect(listed.slice(0, 2)).toEqual([ids[1], ids[0]]);
    expect(remote.stdout).toMatch(/warning +open +\$90,000 {2}Set the amount to 90000/);

    const onDisk = await actions(['list', '--workspace', tenant.workspaceId], {});
    expect(onDisk.error).toBeUndefined();
    expect(remote.stdout).toBe(onDisk.stdout);

    // PANDORA_SERVER_URL does what --server does; --limit pages through the server's answers.
    const one = await actions(['list', '--limit', '1'], { ...withKey(), PANDORA_SERVER_URL: url });
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
    expect(one.stdout).toContain(ids[1]);
  });

  it('executes actions as a batch the server’s worker runs, reporting its progress', async () => {
    const ids = [
      await createAction(11_000),
      await createAction(12_000),
      await createAction(13_000),
    ];
    // A slow CRM keeps the batch running while the CLI looks at it.
    t.emulator.ctx.settings.latencyMs = 200;
    const ran = await actions(
      ['execute', ...ids, '--server', url, '--actor', 'me'],
      withKey(),
    ).finally(() => (t.emulator.ctx.settings.latencyMs = 0));
    expect(ran.error).toBeUndefined();
    expect(ran.exitCode).toBe(0);
    // stderr is not a terminal here, so the bar prints a line at each step it sees.
    expect(ran.stderr).toContain('--actor is ignored with a server');
    expect(ran.stderr.split('\n').filter((l) => l.startsWith('Executing'))).toEqual([
      'Executing 3 actions: 0/3 (0%)',
      'Executing 3 actions: 3/3 (100%)',
    ]);
    const [, batchId] = ran.stdout.match(/^Batch (\S+) succeeded: 3 executed; \d+ CRM calls\.$/m)!;
    // Stopping the CLI does not stop the batch, and the user is told how to find it again.
    expect(ran.stderr).toContain(
      `Batch ${batchId} runs on the server and goes on if you stop here; follow it again with \`pandora actions watch ${batchId}\``,
    );

    const executed = await actions(['list', '--status', 'executed', '--server', url], withKey());
    expect(executed.stdout.match(/^[0-9a-f-]{36}/gm)).toEqual(expect.arrayContaining(ids));
    const { rows } = await t.db.pool.query<{ actor: string }>(
      `select actor from action_batches where id = $1::uuid`,
      [batchId],
    );
    expect(rows[0]!.actor).toBe('api key test key');

    // A finished batch watched again gives the same summary at once.
    const watched = await actions(['watch', batchId!, '--server', url], withKey());
    expect(watched.stdout).toBe(ran.stdout);
    expect(watched.stderr).toContain('Batch: 3/3 (100%)');
  });

  it('runs a skill on the server', async () => {
    const ran = await actions(
      ['run-skills', '--skill', 'data-quality-audit', '--server', url],
      withKey(),
    );
    expect(ran.error).toBeUndefined();
    expect(ran.stdout).toMatch(
      /^data-quality-audit: \d+ actions proposed \(\d+ new, \d+ updated\) from \d+ candidates\n$/,
    );
  });

  it('explains each way the server can be wrong, never touching the local database', async () => {
    const noDatabase = vi.spyOn(local, 'withDatabase');
    const failure = async (args: string[], env: Record<string, string | undefined>) => {
      const ran = await actions(args, env);
      expect(ran.error, ran.stdout).toBeInstanceOf(CliError);
      return (ran.error as CliError).message;
    };

    expect(await failure(['list', '--server', url], { PANDORA_API_KEY: 'pk_wrong' })).toBe(
      `The server at ${url} refused the API key in PANDORA_API_KEY: This API key does not exist or was revoked`,
    );
    const closed = await freePort();
    expect(await failure(['list', '--server', `http://127.0.0.1:${closed}`], withKey())).toBe(
      `Could not reach the Pandora server at http://127.0.0.1:${closed} (ECONNREFUSED): check the URL and that the server is running`,
    );
    // A port fetch refuses to call gives its own reason, not just "fetch failed".
    expect(await failure(['list', '--server', 'http://127.0.0.1:1'], withKey())).toMatch(
      /^Could not reach the Pandora server at http:\/\/127\.0\.0\.1:1 \(bad port\)/,
    );
    expect(await failure(['list', '--server', 'ftp://example.com'], withKey())).toBe(
      '--server must be an http:// or https:// URL, got "ftp://example.com"',
    );
    expect(await failure(['list', '--server', 'not a url'], withKey())).toMatch(
      /^--server must be a URL like/,
    );
    expect(await failure(['list', '--server', url], {})).toMatch(
      /^No API key for http:\/\/127\.0\.0\.1:\d+: set PANDORA_API_KEY/,
    );
    expect(await failure(['list'], withKey())).toMatch(/^PANDORA_API_KEY is set but no server/);
    expect(await failure(['list', '--server', url], { PANDORA_API_KEY: 'secret' })).toBe(
      'PANDORA_API_KEY is not a Pandora API key: those start with pk_',
    );
    expect(
      await failure(['list', '--server', url, '--workspace', 'someone-else'], withKey()),
    ).toMatch(/^No workspace "someone-else" for this API key on http:\S+; it reaches: \S+$/);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await failure(['watch', missing, '--server', url], withKey())).toBe(
      `No action batch with id ${missing} in this workspace (404 not_found)`,
    );
    // A server that is not Pandora (here the CRM emulator) is named as such.
    const emulatorUrl = t.ctx.sandboxUrl!;
    expect(await failure(['list', '--server', emulatorUrl], withKey())).toMatch(
      /answered 401 without a Pandora error: is it a Pandora server\?$/,
    );
    expect(noDatabase).not.toHaveBeenCalled();
  });

  it('exits 1 with one line, no stack trace, when the server refuses the key', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'src/cli/main.ts'), 'actions', 'list'],
      {
        cwd: projectRoot,
        env: { ...process.env, PANDORA_SERVER_URL: url, PANDORA_API_KEY: 'pk_revoked' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toBe(
      `pandora: The server at ${url} refused the API key in PANDORA_API_KEY: This API key does not exist or was revoked\n`,
    );
  });
});

/** A port nothing listens on (taken, then given back). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
