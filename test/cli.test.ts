import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/paths.js';

/**
 * The `pandora` command as a user runs it: a fresh data folder, the embedded
 * PostgreSQL, the demo login, and a clean stop on SIGTERM.
 */
const CLI = ['--import', 'tsx', path.join(projectRoot, 'src/cli/main.ts')];

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

// Every process started, so a failed test does not leave a server and its database running.
const started: Run[] = [];

function pandora(args: string[], env: Record<string, string>): Run {
  return command(process.execPath, [...CLI, ...args], env);
}

function command(file: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(file, args, {
    cwd: projectRoot,
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run = { child, output: () => output, exit };
  started.push(run);
  return run;
}

async function waitForOutput(run: Run, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = run.output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline || run.child.exitCode !== null) {
      throw new Error(`no ${pattern} in output:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function postmasterAlive(dataDir: string): Promise<boolean> {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return Promise.resolve(false);
  return readFile(pidFile, 'utf8').then((text) => {
    try {
      process.kill(Number(text.split('\n')[0]), 0);
      return true;
    } catch {
      return false;
    }
  });
}

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-cli-'));
});

// After each test, not only at the end: a test that fails with its server up would
// otherwise leave that server's database on the shared data folder for the next ones.
afterEach(async () => {
  for (const run of started.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGTERM');
      await run.exit;
    }
  }
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('pandora CLI', () => {
  it('two `pandora migrate` at once both succeed on a fresh data folder', async () => {
    const runs = [0, 1].map(() => pandora(['migrate'], { PANDORA_DATA_DIR: dataDir }));
    const codes = await Promise.all(runs.map((run) => run.exit));
    expect(codes, runs.map((run) => run.output()).join('\n---\n')).toEqual([0, 0]);
    expect(await postmasterAlive(dataDir)).toBe(false);
  }, 120_000);

  it('starts with the demo workspace, serves the console and API, and stops cleanly on SIGTERM', async () => {
    const run = pandora(['start', '--port', '0'], { PANDORA_DATA_DIR: dataDir });
    const [, url] = await waitForOutput(run, /Pandora is running at (http:\/\/\S+)/);
    expect(run.output()).toContain('Demo login: demo@pandora.local / pandora-demo');

    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@pandora.local', password: 'pandora-demo' }),
    });
    expect(login.status).toBe(200);
    const { workspaces } = (await login.json()) as {
      workspaces: { id: string; isDemo: boolean }[];
    };
    expect(workspaces[0]!.isDemo).toBe(true);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    // The demo data arrives through the worker's first job, a sync of the demo's CRM: its
    // deals are counted once that sync has finished, not while its pages still land.
    let deals = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const overview = await fetch(`${url}/api/workspaces/${workspaces[0]!.id}/overview`, {
        headers: { cookie },
      });
      const { counts, connections } = (await overview.json()) as {
        counts: { deals: number };
        connections: { lastSyncAt: string | null }[];
      };
      if (connections.some((c) => c.lastSyncAt !== null)) {
        deals = counts.deals;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(deals).toBeGreaterThan(50);

    // While the server runs, a one-shot command joins its database.
    const key = pandora(['apikey', 'create', '--name', 'cli test'], { PANDORA_DATA_DIR: dataDir });
    expect(await key.exit).toBe(0);
    const secret = key.output().match(/pk_[A-Za-z0-9_-]+/)![0];
    const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);

    // `pandora sync` reads the demo's CRM (the emulator the server runs): a full run
    // reads every deal; the next run finds nothing changed and asks only what changed.
    const full = pandora(['sync', '--full'], { PANDORA_DATA_DIR: dataDir });
    expect(await full.exit).toBe(0);
    const [, read] = full.output().match(/Sync succeeded \(full\) .*: (\d+) deals read, 0 new/)!;
    expect(Number(read)).toBe(deals);
    const again = pandora(['sync'], { PANDORA_DATA_DIR: dataDir });
    expect(await again.exit).toBe(0);
    // Owners, pipelines, property definitions of the three types (a new process has
    // no cached ones) and one "changed since" search per type.
    expect(again.output()).toMatch(
      /Sync succeeded \(incremental\) in \d+ ms with 8 CRM calls: 0 deals read, 0 new, 0 changed/,
    );

    // The data-quality audit proposes actions (updating those the seeding proposed); two
    // open ones run as a batch from the CLI through the demo's CRM, with progress lines
    // (stderr is not a terminal here).
    const audit = pandora(['actions', 'run-skills', '--skill', 'data-quality-audit'], {
      PANDORA_DATA_DIR: dataDir,
    });
    expect(await audit.exit, audit.output()).toBe(0);
    const [, proposed] = audit.output().match(/data-quality-audit: (\d+) actions proposed/)!;
    expect(Number(proposed)).toBeGreaterThan(1);
    const open = pandora(['actions', 'list', '--status', 'open'], { PANDORA_DATA_DIR: dataDir });
    expect(await open.exit).toBe(0);
    // The demo's seeding ran every skill once already, so there are others' actions too.
    const ids = [...open.output().matchAll(/^([0-9a-f-]{36}) /gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(Number(proposed));
    const execute = pandora(['actions', 'execute', ids[0]!, ids[1]!, '--actor', 'cli test'], {
      PANDORA_DATA_DIR: dataDir,
    });
    expect(await execute.exit, execute.output()).toBe(0);
    expect(execute.output()).toContain('Executing 2 actions: 2/2 (100%)');
    expect(execute.output()).toMatch(/Batch \S+ succeeded: 2 executed; \d+ CRM calls/);
    const executed = pandora(['actions', 'list', '--status', 'executed'], {
      PANDORA_DATA_DIR: dataDir,
    });
    expect(await executed.exit).toBe(0);
    expect(new Set(executed.output().match(/^[0-9a-f-]{36}/gm))).toEqual(new Set(ids.slice(0, 2)));

    expect(await postmasterAlive(dataDir)).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(await postmasterAlive(dataDir)).toBe(false);
  }, 120_000);

  it('reuses the data on the next start', async () => {
    const run = pandora(['start', '--port', '0'], { PANDORA_DATA_DIR: dataDir });
    // The `ready` log line may come after the banner: wait for it, not the banner.
    await waitForOutput(run, /"demoCreated":(true|false)/);
    expect(run.output()).toContain('Pandora is running at');
    expect(run.output()).not.toContain('creating the embedded PostgreSQL data folder');
    expect(run.output()).toContain('"demoCreated":false');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(await postmasterAlive(dataDir)).toBe(false);
  }, 120_000);

  // npm runs the script through `sh -c` and forwards SIGTERM to that shell only; the
  // script's `exec` makes the shell become the server so the signal reaches it.
  it('`npm start` stops everything when npm itself gets SIGTERM', async () => {
    const run = command('npm', ['start', '--', '--port', '0'], { PANDORA_DATA_DIR: dataDir });
    await waitForOutput(run, /Pandora is running at/);
    expect(await postmasterAlive(dataDir)).toBe(true);
    run.child.kill('SIGTERM');
    await run.exit;
    // A busy machine can take a while over Postgres's shutdown checkpoint.
    await expect.poll(() => postmasterAlive(dataDir), { timeout: 30_000 }).toBe(false);
  }, 120_000);

  it('explains bad configuration instead of crashing', async () => {
    const run = pandora(['migrate'], {
      PANDORA_DATA_DIR: dataDir,
      PANDORA_WORKER_CONCURRENCY: 'lots',
    });
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain(
      'PANDORA_WORKER_CONCURRENCY must be an integer >= 1, got "lots"',
    );
  });

  // The six start at once: each loads the whole CLI through tsx, several seconds apiece on
  // a loaded two-core machine, which one after another came within the timeout.
  it('has --help for every command', async () => {
    const runs = [
      ['start'],
      ['worker'],
      ['migrate'],
      ['user', 'create'],
      ['apikey', 'create'],
      ['demo', 'reset'],
    ].map((args) => pandora([...args, '--help'], {}));
    for (const run of runs) {
      expect(await run.exit).toBe(0);
      expect(run.output()).toContain('Usage: pandora');
    }
  }, 120_000);
});
