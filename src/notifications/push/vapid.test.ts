import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../paths.js';
import { loadVapidKeys, readOrCreateKeyFile, type VapidConfig } from './vapid.js';

const run = promisify(execFile);

function configFor(dataDir: string, overrides: Partial<VapidConfig> = {}): VapidConfig {
  return {
    dataDir,
    publicUrl: undefined,
    vapidPublicKey: undefined,
    vapidPrivateKey: undefined,
    vapidSubject: undefined,
    ...overrides,
  };
}

describe('VAPID keys from the data folder', () => {
  it('are generated once into vapid.json (0600) and reused', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vapid-'));
    const first = await loadVapidKeys(configFor(dataDir));
    const file = path.join(dataDir, 'vapid.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      publicKey: first.publicKey,
      privateKey: first.privateKey,
    });
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    const again = await loadVapidKeys(configFor(dataDir));
    expect(again).toEqual(first);
    expect(first.subject).toBe('mailto:pandora@localhost');
  });

  it('concurrent starts in one process end with one pair', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vapid-'));
    const file = path.join(dataDir, 'vapid.json');
    const pairs = await Promise.all(Array.from({ length: 20 }, () => readOrCreateKeyFile(file)));
    expect(new Set(pairs.map((pair) => pair.publicKey)).size).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8')).publicKey).toBe(pairs[0]!.publicKey);
  });

  it('two processes starting at once end with one pair', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vapid-'));
    const script = `
      const { loadVapidKeys } = await import(${JSON.stringify(path.join(projectRoot, 'src/notifications/push/vapid.ts'))});
      const keys = await loadVapidKeys({ dataDir: ${JSON.stringify(dataDir)} });
      process.stdout.write(keys.publicKey);`;
    const start = () =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: projectRoot,
      });
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.stdout).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(await readFile(path.join(dataDir, 'vapid.json'), 'utf8')).publicKey).toBe(
      a.stdout,
    );
  }, 30_000);

  it('a damaged file is an error, not a silent new pair that orphans every subscription', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vapid-'));
    await writeFile(
      path.join(dataDir, 'vapid.json'),
      JSON.stringify({ publicKey: 'abc', privateKey: 'def' }),
    );
    await expect(loadVapidKeys(configFor(dataDir))).rejects.toThrow(/publicKey must be 65 bytes/);
  });
});

describe('VAPID keys from the environment', () => {
  const pair = webpush.generateVAPIDKeys();
  const other = webpush.generateVAPIDKeys();

  it('are used as given, and nothing is written', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vapid-'));
    const keys = await loadVapidKeys(
      configFor(dataDir, {
        vapidPublicKey: pair.publicKey,
        vapidPrivateKey: pair.privateKey,
        vapidSubject: 'mailto:ops@example.com',
      }),
    );
    expect(keys).toEqual({ ...pair, subject: 'mailto:ops@example.com' });
    await expect(stat(path.join(dataDir, 'vapid.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('refuses half a pair, a mismatched pair and a bad subject, naming the variable', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vapid-'));
    await expect(
      loadVapidKeys(configFor(dataDir, { vapidPublicKey: pair.publicKey })),
    ).rejects.toThrow(/VAPID_PRIVATE_KEY is required with VAPID_PUBLIC_KEY/);
    await expect(
      loadVapidKeys(
        configFor(dataDir, { vapidPublicKey: pair.publicKey, vapidPrivateKey: other.privateKey }),
      ),
    ).rejects.toThrow(/VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY/);
    await expect(
      loadVapidKeys(
        configFor(dataDir, { vapidPublicKey: pair.publicKey, vapidPrivateKey: 'short' }),
      ),
    ).rejects.toThrow(/VAPID_PRIVATE_KEY must be 32 bytes/);
    await expect(
      loadVapidKeys(configFor(dataDir, { vapidSubject: 'http://example.com' })),
    ).rejects.toThrow(/VAPID_SUBJECT must be a mailto: address or an https: URL/);
  });

  it('the subject defaults to an https public URL', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vapid-'));
    const keys = await loadVapidKeys(configFor(dataDir, { publicUrl: 'https://crm.example.com' }));
    expect(keys.subject).toBe('https://crm.example.com');
  });
});
