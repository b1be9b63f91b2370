import { beforeAll, describe, expect, it } from 'vitest';
import { insertActivity, insertAgent, insertOwner } from '../../../test/activity.js';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';

let t: TestApp;
let admin: Tenant;
let member: { cookie: string };
let memberKey: { authorization: string };
let runIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  // A member of the same workspace, who owns some of the records in the CRM.
  const other = await createTenant(t, 'member', 'member');
  await t.db.pool.query(`update memberships set workspace_id = $1::uuid where user_id = $2::uuid`, [
    admin.workspaceId,
    other.userId,
  ]);
  member = await login(t, other.email, other.password);
  memberKey = await apiKeyAuth(t, admin, 'member');
  const { agentId } = await insertAgent(t.db.pool, admin.workspaceId);
  const mine = await insertOwner(t.db.pool, admin.workspaceId, other.email);
  const theirs = await insertOwner(t.db.pool, admin.workspaceId, 'someone@example.com');
  const now = Date.now();
  runIds = await insertActivity(
    t.db.pool,
    admin.workspaceId,
    Array.from({ length: 5 }, (_, i) => ({
      agentId,
      ownerId: i < 2 ? mine : theirs,
      status: i === 4 ? ('failed' as const) : ('success' as const),
      overallConfidence: 0.8,
      crmRecordId: `deal-${i}`,
      createdAt: new Date(now - (i + 1) * 60_000).toISOString(),
    })),
  );
});

const get = (url: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `/api/workspaces/${admin.workspaceId}${url}`, headers });

describe('GET /activity', () => {
  it('pages the timeline for an admin, and only their own records for a member', async () => {
    const first = await get('/activity?limit=3', admin.auth);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((item: { id: string }) => item.id)).toEqual(runIds.slice(0, 3));
    const cursor = first.json().nextCursor as string;
    const second = await get(`/activity?limit=3&cursor=${cursor}`, admin.auth);
    expect(second.json()).toMatchObject({ nextCursor: null });
    expect(second.json().items.map((item: { id: string }) => item.id)).toEqual(runIds.slice(3));

    const mine = await get('/activity', member);
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual(runIds.slice(0, 2));
    expect((await get('/activity', memberKey)).json().items).toEqual([]);
    expect((await get('/activity?status=failed', admin.auth)).json().items).toHaveLength(1);
    expect((await get('/activity?recordId=deal-3', admin.auth)).json().items[0].id).toBe(runIds[3]);
  });

  it('answers 400 for a cursor it did not give, and a bad filter', async () => {
    expect((await get('/activity?cursor=abc', admin.auth)).json().error.code).toBe(
      'invalid_cursor',
    );
    expect((await get('/activity?status=done', admin.auth)).statusCode).toBe(400);
  });
});

describe('GET /activity/:activityId', () => {
  it('shows a run to an admin and its owner, and 404 to another member', async () => {
    expect((await get(`/activity/${runIds[0]}`, admin.auth)).json().activity.id).toBe(runIds[0]);
    expect((await get(`/activity/${runIds[0]}`, member)).statusCode).toBe(200);
    expect((await get(`/activity/${runIds[4]}`, member)).statusCode).toBe(404);
  });
});

describe('GET /activity/stats', () => {
  it('counts the period for an admin and for a member', async () => {
    const stats = await get('/activity/stats?bucket=hour', admin.auth);
    expect(stats.statusCode).toBe(200);
    expect(stats.json().totals).toMatchObject({ runs: 5, failed: 1, failureRate: 0.2 });
    expect(stats.json().series.length).toBeGreaterThan(24);
    expect((await get('/activity/stats', member)).json().totals).toMatchObject({ runs: 2 });
    const reversed = await get(
      '/activity/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      admin.auth,
    );
    expect(reversed.json().error.code).toBe('invalid_period');
  });
});
