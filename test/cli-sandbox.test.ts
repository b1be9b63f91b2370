import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '../src/paths.js';

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(projectRoot, 'src/cli/main.ts'),
    'sandbox',
    '--port',
    '0',
    '--accounts',
    '6',
  ],
  {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
const exited = new Promise((resolve) => child.once('exit', resolve));

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await exited;
});

it('`pandora sandbox` serves an emulated Gong beside the CRMs, with its access key printed', async () => {
  const deadline = Date.now() + 60_000;
  let match: RegExpMatchArray | null = null;
  while (
    !(match = output.match(/Gong emulator at (\S+)\n\s+Basic auth: access key (\S+), secret (\S+)/))
  ) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(output);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [, url, key, secret] = match;
  const response = await fetch(`${url}/v2/users`, {
    headers: { authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { users: unknown[] };
  expect(body.users.length).toBeGreaterThan(0);
});

it('`pandora sandbox` serves an emulated Fireflies too, with its API key printed', async () => {
  const deadline = Date.now() + 60_000;
  let match: RegExpMatchArray | null = null;
  while (!(match = output.match(/Fireflies emulator at (\S+) .*\n\s+API key:\s+(\S+)/))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(output);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [, url, key] = match;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ users { email } }' }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { users: unknown[] } };
  expect(body.data.users.length).toBeGreaterThan(0);
});

it('`pandora sandbox` serves an emulated Slack too, with its bot token printed', async () => {
  const deadline = Date.now() + 60_000;
  let match: RegExpMatchArray | null = null;
  while (!(match = output.match(/Slack emulator at (\S+) .*\n\s+Bot token:\s+(\S+)/))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(output);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [, url, token] = match;
  const response = await fetch(`${url}/api/users.list`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { ok: boolean; members: Array<{ is_bot: boolean }> };
  expect(body.ok).toBe(true);
  // The CRM owners, besides the bot.
  expect(body.members.filter((member) => !member.is_bot).length).toBeGreaterThan(0);
});
