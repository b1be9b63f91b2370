import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../../test/app.js';

/** The deal page's reads: a deal's stage history, scores and meetings; pipeline stages. */
let t: TestApp;
let a: Tenant;
let b: Tenant;
let dealA: string;
let dealB: string;

async function insertDeal(tenant: Tenant, sourceId: string): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into deals (workspace_id, source, source_id, name)
     values ($1::uuid, 'hubspot', $2::text, 'Deal ' || $2::text) returning id`,
    [tenant.workspaceId, sourceId],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTenant(t);
  b = await createTenant(t, 'member', 'member');
  dealA = await insertDeal(a, 'a-1');
  dealB = await insertDeal(b, 'b-1');
  const pool = t.db.pool;
  for (const [tenant, deal, stage] of [
    [a, dealA, 'presentationscheduled'],
    [b, dealB, 'closedwon'],
  ] as const) {
    await pool.query(
      `insert into deal_stage_history (workspace_id, deal_id, from_stage, to_stage, changed_at)
       values ($1::uuid, $2::uuid, null, 'appointmentscheduled', '2026-01-01T00:00:00Z'),
              ($1::uuid, $2::uuid, 'appointmentscheduled', $3::text, '2026-02-01T00:00:00Z')`,
      [tenant.workspaceId, deal, stage],
    );
    await pool.query(
      `insert into computed_values
         (workspace_id, object_type, entity_id, field, value, factors, computed_at, changed_at)
       values ($1::uuid, 'deal', $2::uuid, 'deal_score', $3::jsonb,
               '[{"factor":"activity","points":20,"max":25,"detail":"a meeting 3 days ago"}]',
               now(), now())`,
      [tenant.workspaceId, deal, tenant === a ? '71' : '12'],
    );
    await pool.query(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
         duration_seconds, participants, deal_id, link_method, link_confidence)
       values ($1::uuid, 'gong', $2::text, 'Discovery', '2026-01-15T10:00:00Z', 1800, '[]',
               $3::uuid, 'email', 0.9)`,
      [tenant.workspaceId, `call-${deal}`, deal],
    );
    await pool.query(
      `insert into pipeline_stages (workspace_id, source, pipeline_id, pipeline_label, stage_id,
         stage_label, display_order, is_closed, is_won, stage_normalized)
       values ($1::uuid, 'hubspot', 'default', 'Sales', 'qualifiedtobuy', 'Qualified', 2,
               false, false, 'qualification'),
              ($1::uuid, 'hubspot', 'default', 'Sales', 'appointmentscheduled', 'Appointment', 1,
               false, false, 'discovery')`,
      [tenant.workspaceId],
    );
  }
});

afterAll(() => t.app.close());

describe('GET .../deals/:dealId/activity', () => {
  it("answers the deal's stage history in order, its scores with factors, its meetings", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${a.workspaceId}/deals/${dealA}/activity`,
      headers: a.auth,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.stageHistory.map((c: { toStage: string }) => c.toStage)).toEqual([
      'appointmentscheduled',
      'presentationscheduled',
    ]);
    expect(body.scores).toEqual([
      expect.objectContaining({
        field: 'deal_score',
        value: 71,
        factors: [expect.objectContaining({ factor: 'activity', points: 20 })],
      }),
    ]);
    expect(body.meetings).toEqual([
      expect.objectContaining({ title: 'Discovery', linkMethod: 'email', linkConfidence: 0.9 }),
    ]);
  });

  it("is a 404 for another workspace's deal, and a member may read their own", async () => {
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${a.workspaceId}/deals/${dealB}/activity`,
      headers: a.auth,
    });
    expect(other.statusCode).toBe(404);
    const crossed = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${b.workspaceId}/deals/${dealB}/activity`,
      headers: a.auth,
    });
    expect(crossed.statusCode).toBe(404);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${b.workspaceId}/deals/${dealB}/activity`,
      headers: b.auth,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().scores[0].value).toBe(12);
  });
});

describe('GET .../pipeline-stages', () => {
  it("lists the workspace's stages in pipeline order, filtered by CRM", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${a.workspaceId}/pipeline-stages?source=hubspot`,
      headers: a.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().stages.map((s: { stageId: string }) => s.stageId)).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
    ]);
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${a.workspaceId}/pipeline-stages?source=salesforce`,
      headers: a.auth,
    });
    expect(none.json().stages).toEqual([]);
  });
});
