import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/** A 32-byte key for AES-256-GCM. */
export type SecretKey = Buffer;

export function parseSecretKey(raw: string): SecretKey {
  const trimmed = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error(
      'PANDORA_SECRET_KEY must be 32 bytes, as 64 hex characters or base64 ' +
        '(generate one with `openssl rand -hex 32`)',
    );
  }
  return key;
}

/**
 * The key from PANDORA_SECRET_KEY, or else from `<dataDir>/secret.key`, generated
 * on first use with mode 0600. Losing that file makes stored credentials unreadable.
 */
export async function loadSecretKey(
  configured: string | undefined,
  dataDir: string,
): Promise<SecretKey> {
  if (configured) return parseSecretKey(configured);
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return parseSecretKey(await readFile(file, 'utf8'));
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  // 'wx' fails if another process wrote the file first; then use theirs.
  try {
    await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseSecretKey(await readFile(file, 'utf8'));
  }
}

/**
 * Encrypts a JSON value with AES-256-GCM: `version | iv | tag | ciphertext`.
 * `context` (e.g. the workspace id) is authenticated, so a ciphertext copied to
 * another workspace's row fails to decrypt instead of leaking there.
 */
export function encryptJson(key: SecretKey, value: unknown, context: string): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

export function decryptJson<T = unknown>(key: SecretKey, sealed: Buffer, context: string): T {
  if (sealed[0] !== VERSION) throw new Error(`Unknown credentials format version ${sealed[0]}`);
  const iv = sealed.subarray(1, 1 + IV_LENGTH);
  const tag = sealed.subarray(1 + IV_LENGTH, 1 + IV_LENGTH + TAG_LENGTH);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  const plaintext = Buffer.concat([
    decipher.update(sealed.subarray(1 + IV_LENGTH + TAG_LENGTH)),
    decipher.final(),
  ]);
  return JSON.parse(plaintext.toString('utf8')) as T;
}
