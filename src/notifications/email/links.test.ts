import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consolePath, isConsolePath, LINK_TTL_MS, signLink, verifyLink } from './links.js';

const key = randomBytes(32);
const claims = {
  workspaceId: '7d1c1d57-3f1a-4f0e-9a43-0f3c4b0c8d11',
  link: '/inbox/5a0f',
  recipientUserId: 'b3c1e0a2-1111-4a4a-8888-222233334444',
};

describe('signed links', () => {
  it('verifies what it signed, until it expires', () => {
    const now = Date.UTC(2026, 11, 3);
    const token = signLink(key, claims, now);
    expect(verifyLink(key, token, now + 1000)).toEqual({
      ok: true,
      claims: { ...claims, expiresAt: now + LINK_TTL_MS },
    });
    expect(verifyLink(key, token, now + LINK_TTL_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose item, recipient or expiry was changed', () => {
    const token = signLink(key, claims);
    const [body, signature] = token.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString()) as unknown[];
    for (const [index, value] of [
      [1, '/inbox/other'],
      [2, 'someone-else'],
      [3, Number.MAX_SAFE_INTEGER],
    ] as const) {
      const changed = [...decoded];
      changed[index] = value;
      const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
      expect(verifyLink(key, forged)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses another instance’s token and garbage', () => {
    const token = signLink(randomBytes(32), claims);
    expect(verifyLink(key, token)).toEqual({ ok: false, reason: 'invalid' });
    for (const bad of ['', 'abc', 'a.b', 'a.b.c', `${token}.x`, '..', '%%%.###']) {
      expect(verifyLink(key, bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('only signs and opens paths inside the console', () => {
    expect(isConsolePath('/inbox/1')).toBe(true);
    for (const outside of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'inbox',
    ]) {
      expect(isConsolePath(outside)).toBe(false);
      expect(() => signLink(key, { ...claims, link: outside })).toThrow(/console path/);
    }
    expect(consolePath(claims)).toBe(`/w/${claims.workspaceId}/inbox/5a0f`);
  });
});
