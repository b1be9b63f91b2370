import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type TestApp } from '../../../test/app.js';

// Small limits: every attempt hashes a password, which takes a while on a busy machine.
const LOGIN_ATTEMPTS_PER_ADDRESS = 4;
const LOGIN_ATTEMPTS_PER_EMAIL = 3;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    loginAttemptsPerAddress: LOGIN_ATTEMPTS_PER_ADDRESS,
    loginAttemptsPerEmail: LOGIN_ATTEMPTS_PER_EMAIL,
  });
});

const attempt = (email: string, password: string, remoteAddress: string, headers = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    headers,
    remoteAddress,
  });

describe('login limits', () => {
  it('limits one address however its requests dress up', async () => {
    const tenant = await createTenant(t);
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ADDRESS; i += 1) {
      // A valid API key spelled anew each time must not open a fresh bucket.
      const headers = { authorization: `Bearer${' '.repeat(i + 1)}${tenant.apiKey}` };
      const response = await attempt(`nobody-${i}@example.com`, 'wrong', '10.9.0.1', headers);
      expect(response.statusCode).toBe(401);
    }
    const blocked = await attempt(tenant.email, tenant.password, '10.9.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(tenant.email, tenant.password, '10.9.0.2')).statusCode).toBe(200);
  });

  it('limits one email across addresses and spellings, even with the right password', async () => {
    const tenant = await createTenant(t);
    const spellings = [tenant.email, tenant.email.toUpperCase(), `  ${tenant.email}`];
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_EMAIL; i += 1) {
      const email = spellings[i % spellings.length]!.trim();
      const response = await attempt(email, `guess ${i}`, `10.8.${i}.1`);
      expect(response.statusCode).toBe(401);
    }
    const blocked = await attempt(tenant.email, tenant.password, '10.8.99.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      error: { code: 'rate_limited', details: { retryAfterSeconds: expect.any(Number) } },
    });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another person's login is untouched.
    const other = await createTenant(t);
    expect((await attempt(other.email, other.password, '10.8.99.1')).statusCode).toBe(200);
  });

  it('clears the count on a successful login', async () => {
    const tenant = await createTenant(t);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < LOGIN_ATTEMPTS_PER_EMAIL - 1; i += 1) {
        expect((await attempt(tenant.email, 'wrong', `10.7.${round}.${i}`)).statusCode).toBe(401);
      }
      expect((await attempt(tenant.email, tenant.password, `10.7.${round}.99`)).statusCode).toBe(
        200,
      );
    }
  });
});
