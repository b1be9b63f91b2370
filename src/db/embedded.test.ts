import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';

let dataDir: string;
const servers: EmbeddedPostgres[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-embedded-'));
});

afterEach(async () => {
  for (const server of servers.splice(0)) server.stopNow();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ server: EmbeddedPostgres; messages: string[] }> {
  const messages: string[] = [];
  const server = await startEmbeddedPostgres({ dataDir, log: (m) => messages.push(m) });
  servers.push(server);
  return { server, messages };
}

async function postmaster(): Promise<{ pid: number; port: number } | undefined> {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = (await readFile(file, 'utf8')).split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A pid that was in use a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('embedded PostgreSQL', () => {
  it('starts over a postmaster.pid whose pid now belongs to another process', async () => {
    const first = await start();
    await first.server.stop();
    // What a server killed with the machine leaves: its pid file, naming a pid the
    // system has since given to an unrelated live process (here, this test's own).
    const stale = `${process.pid}\n${path.join(dataDir, 'postgres')}\n0\n1\n\n127.0.0.1\n0 0\nready\n`;
    await writeFile(path.join(dataDir, 'postgres', 'postmaster.pid'), stale);

    const { server, messages } = await start();
    expect(messages.some((m) => m.startsWith('removing the stale'))).toBe(true);
    expect(await answers(server.url)).toBe(true);
    expect((await postmaster())?.pid).not.toBe(process.pid);
    await server.stop();
    expect(await postmaster()).toBeUndefined();
  }, 60_000);

  it('takes over, and stops, the server of a process that died without stopping it', async () => {
    const first = await start();
    const left = await postmaster();
    await writeFile(path.join(dataDir, 'postgres.owner'), String(deadPid()));

    const { server, messages } = await start();
    expect(server.owned).toBe(true);
    expect(messages).toContain(
      `adopting an embedded PostgreSQL left running (pid ${left!.pid}) on port ${left!.port}`,
    );
    expect(server.url).toBe(first.server.url);
    await server.stop();
    expect(await postmaster()).toBeUndefined();
  }, 60_000);

  it('stopNow stops the server at once', async () => {
    const { server } = await start();
    server.stopNow();
    expect(await postmaster()).toBeUndefined();
    expect(await answers(server.url)).toBe(false);
  }, 60_000);
});
