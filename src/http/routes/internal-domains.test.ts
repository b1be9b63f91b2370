import { expect, it } from 'vitest';
import { apiKeyAuth, createTenant, createTestApp } from '../../../test/app.js';

const t = await createTestApp();

async function queuedLinks(workspaceId: string): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'conversations.link' and payload->>'workspaceId' = $1::text`,
    [workspaceId],
  );
  return rows[0]!.n;
}

it('an admin sets the internal domains; the meetings are re-classified in the background', async () => {
  const admin = await createTenant(t);
  const url = `/api/workspaces/${admin.workspaceId}/config/internal-domains`;
  const get = async () => (await t.app.inject({ url, headers: admin.auth })).json();
  expect(await get()).toEqual({ domains: [], resolved: { domains: [], source: 'none' } });

  const put = await t.app.inject({
    method: 'PUT',
    url,
    headers: admin.auth,
    payload: { domains: [' Seller.IO ', 'seller.io', 'seller-eu.io.'] },
  });
  expect(put.statusCode).toBe(200);
  expect(put.json()).toEqual({
    domains: ['seller.io', 'seller-eu.io'],
    resolved: { domains: ['seller.io', 'seller-eu.io'], source: 'setting' },
    reclassification: { status: 'queued', job: 'conversations.link' },
  });
  expect(await queuedLinks(admin.workspaceId)).toBe(1);
  expect((await get()).domains).toEqual(['seller.io', 'seller-eu.io']);

  const bad = await t.app.inject({
    method: 'PUT',
    url,
    headers: admin.auth,
    payload: { domains: ['ok.example', 'https://acme.com/x'] },
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error).toMatchObject({
    code: 'invalid_domain',
    details: [{ field: 'domains[1]' }],
  });
  expect(bad.json().error.message).toContain('https://acme.com/x');
  expect((await get()).domains).toEqual(['seller.io', 'seller-eu.io']);

  const member = await apiKeyAuth(t, admin, 'member');
  expect((await t.app.inject({ url, headers: member })).statusCode).toBe(200);
  const refused = await t.app.inject({
    method: 'PUT',
    url,
    headers: member,
    payload: { domains: [] },
  });
  expect(refused.statusCode).toBe(403);

  const other = await createTenant(t);
  const foreign = await t.app.inject({
    method: 'PUT',
    url: `/api/workspaces/${other.workspaceId}/config/internal-domains`,
    headers: admin.auth,
    payload: { domains: ['intruder.example'] },
  });
  expect(foreign.statusCode).toBe(404);
  expect(await queuedLinks(other.workspaceId)).toBe(0);
});
