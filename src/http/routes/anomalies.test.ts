import { beforeAll, describe, expect, it } from 'vitest';
import { raiseOrRefresh } from '../../anomalies/store.js';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';

let t: TestApp;
let admin: Tenant;
let memberAuth: { authorization: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  memberAuth = await apiKeyAuth(t, admin, 'member');
});

const url = (path = '') => `/api/workspaces/${admin.workspaceId}/anomalies${path}`;

async function raise(scopeKey: string, value: number) {
  const { anomaly } = await raiseOrRefresh(
    t.db.pool,
    {
      workspaceId: admin.workspaceId,
      rule: 'agent_failure_rate',
      scopeKey,
      severity: 'error',
      title: 'Failures',
      data: { value, threshold: 0.2, recoverAt: 0.1, direction: 'above', sampleSize: 10 },
    },
    { pendingMs: 0, renotifyMs: 3_600_000 },
  );
  await t.db.pool.query(
    `insert into anomaly_samples (workspace_id, rule, scope_key, at, value, sample_size)
     values ($1::uuid, 'agent_failure_rate', $2::text, now() - interval '5 minutes', 0.25, 12),
            ($1::uuid, 'agent_failure_rate', $2::text, now(), $3::float8, 10)`,
    [admin.workspaceId, scopeKey, value],
  );
  return anomaly!.id;
}

describe('anomalies over REST', () => {
  it('lists, shows the trend, acknowledges and resolves (admins), settling the alert', async () => {
    const id = await raise('agent-1', 0.4);
    const list = await t.app.inject({ url: url('?status=active'), headers: memberAuth });
    expect(list.json().anomalies.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(
      (await t.app.inject({ url: url('?status=resolved'), headers: admin.auth })).json().anomalies,
    ).toEqual([]);

    const detail = (await t.app.inject({ url: url(`/${id}`), headers: memberAuth })).json().anomaly;
    expect(detail.thresholds).toEqual({ direction: 'above', fireAt: 0.2, recoverAt: 0.1 });
    expect(detail.samples.map((s: { value: number }) => s.value)).toEqual([0.25, 0.4]);

    const refused = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/acknowledge`),
      headers: memberAuth,
    });
    expect(refused.statusCode).toBe(403);
    const acknowledged = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/acknowledge`),
      headers: admin.auth,
    });
    expect(acknowledged.json().anomaly).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'api key test key',
    });
    const { rows } = await t.db.pool.query(
      `select status, resolution from inbox_items where anomaly_id = $1::uuid`,
      [id],
    );
    expect(rows).toEqual([{ status: 'approved', resolution: { anomaly: 'acknowledged' } }]);

    const resolved = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/resolve`),
      headers: admin.auth,
    });
    expect(resolved.json().anomaly).toMatchObject({ status: 'resolved', resolution: 'person' });
    const again = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/acknowledge`),
      headers: admin.auth,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('anomaly_resolved');
  });

  it('answers 404 for an anomaly of another workspace', async () => {
    const other = await createTenant(t);
    const id = await raise('agent-2', 0.5);
    const foreign = await t.app.inject({
      url: `/api/workspaces/${other.workspaceId}/anomalies/${id}`,
      headers: other.auth,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
