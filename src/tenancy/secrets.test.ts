import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptJson, encryptJson, loadSecretKey, parseSecretKey } from './secrets.js';

describe('credential encryption', () => {
  const key = parseSecretKey('ab'.repeat(32));

  it('round-trips and authenticates the context', () => {
    const sealed = encryptJson(key, { token: 'secret' }, 'workspace-a');
    expect(decryptJson(key, sealed, 'workspace-a')).toEqual({ token: 'secret' });
    expect(() => decryptJson(key, sealed, 'workspace-b')).toThrow();
  });

  it('detects tampering', () => {
    const sealed = encryptJson(key, { token: 'secret' }, 'ws');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => decryptJson(key, sealed, 'ws')).toThrow();
  });

  it('never reuses a nonce', () => {
    const a = encryptJson(key, 'same', 'ws');
    const b = encryptJson(key, 'same', 'ws');
    expect(a.equals(b)).toBe(false);
  });

  it('rejects a key of the wrong size with advice', () => {
    expect(() => parseSecretKey('too-short')).toThrow(/openssl rand -hex 32/);
  });

  it('generates a key once into the data folder with mode 0600', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pandora-key-'));
    const first = await loadSecretKey(undefined, dir);
    const second = await loadSecretKey(undefined, dir);
    expect(first.equals(second)).toBe(true);
    expect((await stat(path.join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
    expect((await readFile(path.join(dir, 'secret.key'), 'utf8')).trim()).toHaveLength(64);
  });

  it('prefers PANDORA_SECRET_KEY', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pandora-key-'));
    const configured = await loadSecretKey('cd'.repeat(32), dir);
    expect(configured.equals(parseSecretKey('cd'.repeat(32)))).toBe(true);
  });
});
