import { describe, expect, it } from 'vitest';
import { hashPassword, OWASP_SCRYPT_PARAMS, verifyPassword } from './passwords.js';

describe('password hashes', () => {
  it('are scrypt at OWASP’s minimum outside tests, and verify', async () => {
    expect(OWASP_SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const hash = await hashPassword('correct horse', OWASP_SCRYPT_PARAMS);
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('Correct horse', hash)).toBe(false);
  });

  it('verify by the parameters stored in each hash, whatever the current cost', async () => {
    const cheap = await hashPassword('correct horse', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse', cheap)).toBe(true);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
  });

  it('normalise the password (NFKC), so the same text typed two ways verifies', async () => {
    const hash = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', hash)).toBe(true);
  });
});
