import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, login, type TestApp } from '../../test/app.js';
import { graphql } from '../../test/graphql.js';

const LIMIT = 4;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ apiRateLimit: LIMIT });
});

const me = (headers: Record<string, string>, remoteAddress = '10.0.0.1') =>
  t.app.inject({ url: '/api/me', headers, remoteAddress });

describe('the API budget follows the identity a request proved', () => {
  it('counts every spelling of one API key in one bucket', async () => {
    const tenant = await createTenant(t);
    const spellings = [
      `Bearer ${tenant.apiKey}`,
      `bearer ${tenant.apiKey}`,
      `BeArEr     ${tenant.apiKey}`,
      `Bearer\t${tenant.apiKey}`,
    ];
    for (const [i, authorization] of spellings.entries()) {
      // Each from its own address too: the key is the identity, not where it comes from.
      const response = await me({ authorization }, `10.1.0.${i + 1}`);
      expect(response.statusCode).toBe(200);
    }
    const blocked = await me({ authorization: `BEARER  ${tenant.apiKey}` }, '10.1.0.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts made-up keys against the address they come from', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      const response = await me({ authorization: `Bearer pk_guess_${i}` }, '10.2.0.1');
      expect(response.statusCode).toBe(401);
    }
    const blocked = await me({ authorization: 'Bearer pk_guess_next' }, '10.2.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    const elsewhere = await me({ authorization: 'Bearer pk_guess_next' }, '10.2.0.2');
    expect(elsewhere.statusCode).toBe(401);
  });

  it('gives a console user one budget across sessions, apart from their API keys', async () => {
    const tenant = await createTenant(t);
    const first = await login(t, tenant.email, tenant.password);
    const second = await login(t, tenant.email, tenant.password);
    for (let i = 0; i < LIMIT; i += 1) {
      const response = await me(i % 2 ? first : second, `10.3.0.${i + 1}`);
      expect(response.statusCode).toBe(200);
    }
    expect((await me(first, '10.3.0.9')).statusCode).toBe(429);
    expect((await me(tenant.auth, '10.3.0.9')).statusCode).toBe(200);
  });

  it('spends the same budget through GraphQL as through REST', async () => {
    const tenant = await createTenant(t);
    for (let i = 0; i < LIMIT / 2; i += 1) {
      expect((await me(tenant.auth)).statusCode).toBe(200);
      const answer = await graphql(t, tenant.auth, '{ me { apiKey { name } } }');
      expect(answer.status).toBe(200);
    }
    const blocked = await graphql(
      t,
      { authorization: `bearer  ${tenant.apiKey}` },
      '{ me { apiKey { name } } }',
    );
    expect(blocked.status).toBe(429);
    expect((await me(tenant.auth)).statusCode).toBe(429);
  });
});
