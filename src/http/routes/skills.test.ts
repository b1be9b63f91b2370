import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../../test/app.js';
import { listActions } from '../../actions/store.js';
import { createApiKey } from '../../tenancy/api-keys.js';

/** Skills and quotas over the API: runs, validation that names fields, roles, tenancy. */
let t: TestApp;
let admin: Tenant;
let member: Tenant;
let ownerId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  // A member's key on the admin's workspace.
  const { secret } = await createApiKey(t.db.pool, {
    workspaceId: admin.workspaceId,
    name: 'member key',
    role: 'member',
    createdBy: admin.userId,
  });
  member = { ...admin, apiKey: secret, auth: { authorization: `Bearer ${secret}` } };
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into owners (workspace_id, source, source_id, email, name)
     values ($1::uuid, 'test', 'o-1', 'rita@seller.test', 'Rita Rep') returning id`,
    [admin.workspaceId],
  );
  ownerId = rows[0]!.id;
  await t.db.pool.query(
    `insert into deals (workspace_id, source, source_id, owner_id, name, amount, close_date,
                        stage, stage_normalized)
     values ($1::uuid, 'test', 'd-1', $2::uuid, 'Big one', 120000, '2025-03-20', 'proposal',
             'proposal')`,
    [admin.workspaceId, ownerId],
  );
});

async function call(
  tenant: Tenant,
  method: 'GET' | 'POST' | 'DELETE',
  rest: string,
  payload?: object,
) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${tenant.workspaceId}${rest}`,
    headers: tenant.auth,
    ...(payload ? { payload } : {}),
  });
  // inject's json() is untyped: these tests read it loosely.
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

describe('skills and quotas over the API', () => {
  let periodId: string;
  let quotaId: string;

  it('lets admins create periods, and says what is wrong with a bad one', async () => {
    const created = await call(admin, 'POST', '/quota-periods', {
      name: 'Q1 2025',
      startsOn: '2025-01-01',
      endsOn: '2025-03-31',
    });
    expect(created.status).toBe(201);
    expect(created.body.period).toMatchObject({
      name: 'Q1 2025',
      startsOn: '2025-01-01',
      endsOn: '2025-03-31',
      quotas: 0,
    });
    periodId = created.body.period.id;

    const again = await call(admin, 'POST', '/quota-periods', {
      name: 'Q1 2025',
      startsOn: '2025-01-01',
      endsOn: '2025-03-31',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'quota_period_exists']);
    const backwards = await call(admin, 'POST', '/quota-periods', {
      name: 'Backwards',
      startsOn: '2025-03-31',
      endsOn: '2025-01-01',
    });
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'invalid_period']);
    expect(backwards.body.error.details).toEqual({ field: 'endsOn' });
    const noSuchDay = await call(admin, 'POST', '/quota-periods', {
      name: 'Leap',
      startsOn: '2025-02-01',
      endsOn: '2025-02-29',
    });
    expect([noSuchDay.status, noSuchDay.body.error.code]).toEqual([400, 'validation_failed']);
    expect(noSuchDay.body.error.details[0].field).toBe('body.endsOn');

    const byMember = await call(member, 'POST', '/quota-periods', {
      name: 'Mine',
      startsOn: '2025-01-01',
      endsOn: '2025-03-31',
    });
    expect([byMember.status, byMember.body.error.code]).toEqual([403, 'forbidden']);
    const listed = await call(member, 'GET', '/quota-periods');
    expect(listed.body.periods.map((p: { name: string }) => p.name)).toEqual(['Q1 2025']);
  });

  it("sets a rep's quota by owner id, and replaces it when set again", async () => {
    const first = await call(admin, 'POST', `/quota-periods/${periodId}/quotas`, {
      ownerId,
      amount: 90_000,
    });
    expect(first.status).toBe(201);
    expect(first.body.quota).toMatchObject({
      ownerId,
      ownerEmail: 'rita@seller.test',
      ownerName: 'Rita Rep',
      amount: 90_000,
    });
    quotaId = first.body.quota.id;
    const second = await call(admin, 'POST', `/quota-periods/${periodId}/quotas`, {
      ownerId,
      amount: 100_000,
    });
    expect(second.status).toBe(200);
    expect(second.body.quota).toMatchObject({ id: quotaId, amount: 100_000 });
    const listed = await call(member, 'GET', `/quota-periods/${periodId}/quotas`);
    expect(listed.body.quotas).toHaveLength(1);

    const both = await call(admin, 'POST', `/quota-periods/${periodId}/quotas`, {
      ownerId,
      ownerEmail: 'rita@seller.test',
      amount: 1,
    });
    expect([both.status, both.body.error.code]).toEqual([400, 'invalid_quota_owner']);
    const stranger = await call(admin, 'POST', `/quota-periods/${periodId}/quotas`, {
      ownerId: '00000000-0000-4000-8000-000000000000',
      amount: 1,
    });
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'not_found']);
    const zero = await call(admin, 'POST', `/quota-periods/${periodId}/quotas`, {
      ownerEmail: 'new@seller.test',
      amount: 0,
    });
    expect([zero.status, zero.body.error.code]).toEqual([400, 'validation_failed']);
    expect(zero.body.error.details[0].field).toBe('body.amount');
  });

  it('runs a skill for members, records who ran it, and shows the last run', async () => {
    const before = await call(member, 'GET', '/skills');
    expect(before.status).toBe(200);
    expect(before.body.skills.map((s: { name: string }) => s.name)).toEqual([
      'data-quality-audit',
      'pipeline-coverage',
      'stale-deals',
    ]);
    expect(before.body.skills.every((s: { lastRun: unknown }) => s.lastRun === null)).toBe(true);

    const run = await call(member, 'POST', '/skills/pipeline-coverage/run', {
      now: '2025-03-10T09:00:00Z',
      options: { limit: 5 },
    });
    expect(run.status).toBe(200);
    // $120K against $100K with 21 days left: 1.2x, the manager is told.
    expect(run.body).toMatchObject({ proposed: 1, created: 1, updated: 0, candidates: 1 });
    const { actions } = await listActions(t.db.pool, admin.workspaceId, {
      sourceName: 'pipeline-coverage',
    });
    expect(actions.map((a) => [a.title, a.severity, a.actionType, a.sourceId])).toEqual([
      [
        'Rita Rep: 1.20x pipeline coverage for Q1 2025, $180K short of 3x',
        'critical',
        'notify_manager',
        run.body.runId,
      ],
    ]);

    const after = await call(member, 'GET', '/skills');
    const coverage = after.body.skills.find(
      (s: { name: string }) => s.name === 'pipeline-coverage',
    );
    expect(coverage.lastRun).toMatchObject({
      id: run.body.runId,
      status: 'succeeded',
      trigger: 'manual',
      actor: 'api key member key',
      asOf: '2025-03-10T09:00:00.000Z',
      options: { limit: 5 },
      counts: { proposed: 1, created: 1, updated: 0, candidates: 1, skipped: 0 },
    });
  });

  it('answers an unknown skill and bad options with stable codes', async () => {
    const unknown = await call(member, 'POST', '/skills/forecast/run', {});
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    expect(unknown.body.error.details.skills).toContain('stale-deals');
    const badLimit = await call(member, 'POST', '/skills/stale-deals/run', {
      options: { thresholds: { proposal: 0 } },
    });
    expect([badLimit.status, badLimit.body.error.code]).toEqual([400, 'validation_failed']);
    expect(badLimit.body.error.details[0].field).toBe('options.thresholds.proposal');
    const unknownOption = await call(member, 'POST', '/skills/stale-deals/run', {
      options: { stages: 3 },
    });
    expect([unknownOption.status, unknownOption.body.error.code]).toEqual([
      400,
      'validation_failed',
    ]);
    const badNow = await call(member, 'POST', '/skills/stale-deals/run', { now: 'yesterday' });
    expect([badNow.status, badNow.body.error.code]).toEqual([400, 'validation_failed']);
    expect(badNow.body.error.details[0].field).toBe('body.now');
    const { rows } = await t.db.pool.query(
      `select count(*)::int as n from skill_runs where workspace_id = $1::uuid`,
      [admin.workspaceId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('runs nothing in another workspace, even a skill that exists', async () => {
    const stranger = await createTenant(t);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/skills/stale-deals/run`,
      headers: stranger.auth,
      payload: {},
    });
    expect([response.statusCode, response.json().error.code]).toEqual([404, 'not_found']);
    const { rows } = await t.db.pool.query(
      `select count(*)::int as n from skill_runs where workspace_id = $1::uuid`,
      [admin.workspaceId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('deletes quotas and periods', async () => {
    expect(
      (await call(member, 'DELETE', `/quota-periods/${periodId}/quotas/${quotaId}`)).status,
    ).toBe(403);
    expect(
      (await call(admin, 'DELETE', `/quota-periods/${periodId}/quotas/${quotaId}`)).status,
    ).toBe(204);
    const gone = await call(admin, 'DELETE', `/quota-periods/${periodId}/quotas/${quotaId}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'not_found']);
    await call(admin, 'POST', `/quota-periods/${periodId}/quotas`, {
      ownerEmail: 'Later@Seller.test',
      amount: 5_000,
    });
    expect((await call(admin, 'DELETE', `/quota-periods/${periodId}`)).status).toBe(204);
    const { rows } = await t.db.pool.query(
      `select count(*)::int as n from rep_quotas where workspace_id = $1::uuid`,
      [admin.workspaceId],
    );
    expect(rows[0].n).toBe(0);
    expect((await call(admin, 'GET', '/quota-periods')).body.periods).toEqual([]);
  });
});
