import { createHash, randomBytes } from 'node:crypto';

/** A random secret of 32 bytes, base64url, with a readable prefix (`pk_`, `ps_`). */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are high-entropy, so a plain SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
