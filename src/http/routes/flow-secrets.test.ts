import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  TEST_SECRET_KEY,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { loadSecrets } from '../../flows/secrets.js';

/** Workspace secrets for flow steps: values go in encrypted and never come back out. */
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
});

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  rest: string,
  payload?: object,
  headers: Record<string, string> = admin.auth,
) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}/secrets${rest}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  return {
    status: response.statusCode,
    text: response.body,
    body: response.body ? response.json() : {},
  };
}

describe('workspace secrets', () => {
  it('stores values encrypted, answers names and dates only, and hands values to the runner', async () => {
    const created = await call('POST', '', { name: 'PRICING_TOKEN', value: 'tok-first-1234' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toEqual({
      name: 'PRICING_TOKEN',
      createdBy: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const listed = await call('GET', '');
    expect(listed.body.secrets.map((s: { name: string }) => s.name)).toEqual(['PRICING_TOKEN']);
    expect(listed.text).not.toContain('tok-first');

    const { rows } = await t.db.pool.query<{ value: Buffer }>(
      `select value from workspace_secrets where workspace_id = $1::uuid`,
      [admin.workspaceId],
    );
    expect(rows[0]!.value.toString('latin1')).not.toContain('tok-first');

    const taken = await call('POST', '', { name: 'PRICING_TOKEN', value: 'other' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('secret_exists');

    const replaced = await call('PUT', '/PRICING_TOKEN', { value: 'tok-second-5678' });
    expect(replaced.status).toBe(200);
    expect(replaced.text).not.toContain('tok-second');
    expect(
      await loadSecrets(t.db.pool, TEST_SECRET_KEY, admin.workspaceId, ['PRICING_TOKEN', 'NONE']),
    ).toEqual({ PRICING_TOKEN: 'tok-second-5678' });

    // Bound to its workspace: the same ciphertext under another workspace does not open.
    const other = await createTenant(t);
    await t.db.pool.query(
      `insert into workspace_secrets (workspace_id, name, value)
       select $2::uuid, name, value from workspace_secrets where workspace_id = $1::uuid`,
      [admin.workspaceId, other.workspaceId],
    );
    await expect(
      loadSecrets(t.db.pool, TEST_SECRET_KEY, other.workspaceId, ['PRICING_TOKEN']),
    ).rejects.toThrow();

    expect((await call('DELETE', '/PRICING_TOKEN')).status).toBe(204);
    expect((await call('DELETE', '/PRICING_TOKEN')).status).toBe(404);
    expect((await call('PUT', '/PRICING_TOKEN', { value: 'x' })).status).toBe(404);
  });

  it('refuses bad names and members', async () => {
    const bad = await call('POST', '', { name: 'has-dash', value: 'v' });
    expect(bad.status).toBe(400);
    const member = await apiKeyAuth(t, admin, 'member');
    expect((await call('GET', '', undefined, member)).status).toBe(403);
    expect((await call('POST', '', { name: 'A', value: 'v' }, member)).status).toBe(403);
  });
});
