import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPEAT_WINDOW_MS } from '../src/cli/shutdown.js';
import { projectRoot } from '../src/paths.js';

/**
 * Stopping `pandora start` as people do it: Ctrl-C in a terminal (SIGINT to npm and
 * node at once), a supervisor's SIGTERM after PostgreSQL died, an impatient second
 * Ctrl-C. Whatever happens, no PostgreSQL of the data folder may be left running.
 */

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

const started: Run[] = [];

function launch(file: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(file, args, {
    cwd: projectRoot,
    // Its own process group, like a terminal's foreground job, so the test can signal
    // the group (npm and node) the way Ctrl-C does.
    detached: true,
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

async function ready(run: Run, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!/"msg":"ready"/.test(run.output())) {
    if (Date.now() > deadline || run.child.exitCode !== null) {
      throw new Error(`not ready:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The run's log, one short line per JSON entry (time, level, message, error), so a
 * failure's message fits on a screen with the shutdown's steps in it.
 */
function summary(run: Run): string {
  return run
    .output()
    .split('\n')
    .map((line) => {
      try {
        const entry = JSON.parse(line) as {
          time?: number;
          level?: number;
          msg?: string;
          step?: string;
          stepsMs?: Record<string, number>;
          err?: { message?: string };
        };
        const at = entry.time ? new Date(entry.time).toISOString().slice(11, 23) : '';
        const step = entry.step ? ` [${entry.step}]` : '';
        const took = entry.stepsMs ? ` ${JSON.stringify(entry.stepsMs)}` : '';
        const error = entry.err?.message ? `: ${entry.err.message.split('\n')[0]}` : '';
        return `${at} ${entry.level ?? ''} ${entry.msg ?? ''}${step}${took}${error}`;
      } catch {
        return line.startsWith('    at ') ? undefined : line.slice(0, 200);
      }
    })
    .filter((line) => line !== undefined && line.trim() !== '')
    .slice(-60)
    .join('\n');
}

/** Resolves with the exit code, or fails if the process takes longer than `ms`. */
async function exitWithin(run: Run, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`still running after ${ms} ms:\n${summary(run)}`)),
      ms,
    );
  });
  return Promise.race([run.exit, late]).finally(() => clearTimeout(timer));
}

/** A process by pid and start time, so a pid the system hands out again is not mistaken for it. */
type ProcessId = `${number}@${string}`;

function processId(pid: number | string): ProcessId | undefined {
  try {
    // Fields after the command name in parentheses: state, ppid, ... starttime is the 20th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    if (fields[0] === 'Z') return undefined;
    return `${Number(pid)}@${fields[19]!}`;
  } catch {
    return undefined;
  }
}

function parentOf(pid: string): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Every process of the data folder's PostgreSQL: the postmaster (its command line
 * names the folder) and its children (backends, checkpointer...).
 */
function postgresProcesses(dataDir: string): ProcessId[] {
  const pgDir = path.join(dataDir, 'postgres');
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const postmasters = new Set(
    pids.filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(pgDir);
      } catch {
        return false;
      }
    }),
  );
  return pids
    .filter((pid) => postmasters.has(pid) || postmasters.has(String(parentOf(pid))))
    .map(processId)
    .filter((id): id is ProcessId => id !== undefined);
}

/** Those of `ids` still running (a zombie has exited: only its parent has yet to reap it). */
function running(ids: ProcessId[]): ProcessId[] {
  return ids.filter((id) => processId(id.split('@')[0]!) === id);
}

function postmasterPid(dataDir: string): number {
  return Number(
    readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
}

const sandboxState = (dataDir: string) => path.join(dataDir, 'sandbox', 'state.json');

/** `npm start` runs the built CLI: rebuild the server when a source file is newer. */
async function ensureBuilt(): Promise<void> {
  const built = path.join(projectRoot, 'dist', 'server', 'cli', 'main.js');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sources = (await readdir(path.join(projectRoot, 'src'), { recursive: true })).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  for (const file of sources) {
    if ((await stat(path.join(projectRoot, 'src', file))).mtimeMs > builtAt) {
      await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: projectRoot });
      return;
    }
  }
}

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-stop-'));
  await ensureBuilt();
}, 180_000);

afterAll(async () => {
  for (const run of started) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      process.kill(-run.child.pid!, 'SIGKILL');
    }
  }
  for (const id of postgresProcesses(dataDir)) process.kill(Number(id.split('@')[0]), 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('stopping pandora', () => {
  it('Ctrl-C on `npm start` (SIGINT to npm and node at once) stops PostgreSQL and saves the sandbox', async () => {
    const run = launch('npm', ['start', '--', '--port', '0'], { PANDORA_DATA_DIR: dataDir });
    await ready(run);
    const postgres = postgresProcesses(dataDir);
    expect(postgres).toContain(processId(postmasterPid(dataDir)));
    expect(existsSync(sandboxState(dataDir))).toBe(false);

    const signalledAt = Date.now();
    process.kill(-run.child.pid!, 'SIGINT');
    // npm forwards its copy at once, but the kernel merges it with ours when both are
    // pending: a second quick press makes the repeat certain.
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(-run.child.pid!, 'SIGINT');
    expect(await exitWithin(run, 30_000), run.output()).toBe(0);
    expect(run.output()).toContain('already shutting down; ignoring the repeated signal');
    expect(running(postgres)).toEqual([]);
    expect(postgresProcesses(dataDir)).toEqual([]);
    expect((await stat(sandboxState(dataDir))).mtimeMs).toBeGreaterThanOrEqual(signalledAt - 1);
  }, 90_000);

  it('stops within seconds, sandbox saved, when PostgreSQL died first', async () => {
    const run = launch(process.execPath, ['bin/pandora.js', 'start', '--port', '0'], {
      PANDORA_DATA_DIR: dataDir,
    });
    await ready(run);
    const postgres = postgresProcesses(dataDir);
    process.kill(postmasterPid(dataDir), 'SIGKILL');
    await expect.poll(() => running(postgres), { timeout: 10_000 }).toEqual([]);

    const signalledAt = Date.now();
    run.child.kill('SIGTERM');
    expect(await exitWithin(run, 20_000), run.output()).toBe(0);
    expect((await stat(sandboxState(dataDir))).mtimeMs).toBeGreaterThanOrEqual(signalledAt - 1);
    expect(postgresProcesses(dataDir)).toEqual([]);
  }, 90_000);

  it('a signal seconds after the first forces the stop, and PostgreSQL still goes', async () => {
    // The previous test's postmaster was killed: its postmaster.pid is stale.
    const run = launch(process.execPath, ['bin/pandora.js', 'start', '--port', '0'], {
      PANDORA_DATA_DIR: dataDir,
    });
    await ready(run);
    const postgres = postgresProcesses(dataDir);
    // A client of another process keeps the graceful stop waiting for it (up to a minute).
    const port = Number(
      readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3],
    );
    const password = (await readFile(path.join(dataDir, 'postgres.password'), 'utf8')).trim();
    const other = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password });
    other.on('error', () => undefined);
    await other.connect();

    const signalledAt = Date.now();
    process.kill(-run.child.pid!, 'SIGINT');
    await expect
      .poll(() => run.output(), { timeout: 20_000 })
      .toContain('waiting for 1 other connection(s) before stopping PostgreSQL');
    const insistAt = signalledAt + REPEAT_WINDOW_MS + 200;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, insistAt - Date.now())));
    process.kill(-run.child.pid!, 'SIGINT');
    expect(await exitWithin(run, 20_000), run.output()).toBe(1);
    expect(run.output()).toContain('signal while shutting down: stopping now');
    await expect.poll(() => running(postgres), { timeout: 10_000 }).toEqual([]);
    expect(postgresProcesses(dataDir)).toEqual([]);
    expect((await stat(sandboxState(dataDir))).mtimeMs).toBeGreaterThanOrEqual(signalledAt - 1);
    await other.end().catch(() => undefined);
  }, 90_000);
});
