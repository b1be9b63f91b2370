import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  connectSandbox,
  createTenant,
  createSandboxApp,
  type Tenant,
  type SandboxApp,
} from '../../../test/app.js';
import type { HubspotConnector } from '../../crm/hubspot/connector.js';
import { handlers } from '../../jobs/handlers.js';

/** Write-back over the REST API: registry, properties, mappings, test, runs, log. */
let t: SandboxApp;
let admin: Tenant;
let connectionId: string;
let deals: { entityId: string; recordId: string }[];

beforeAll(async () => {
  t = await createSandboxApp(8);
  admin = await createTenant(t, 'admin');
  const opened = await connectSandbox(t, admin);
  connectionId = opened.connectionId;
  const connector = opened.connector as HubspotConnector;
  await connector.createProperty('deal', {
    name: 'pandora_score',
    label: 'Pandora score',
    type: 'number',
    fieldType: 'number',
  });
  const page = await connector.listChanged('deal', { properties: [], limit: 5 });
  const { rows } = await t.db.pool.query<{ entityId: string; recordId: string }>(
    `insert into deals (workspace_id, source, source_id, name)
     select $1::uuid, 'hubspot', id, 'Deal ' || id from unnest($2::text[]) as id
     returning id as "entityId", source_id as "recordId"`,
    [admin.workspaceId, page.records.map((r) => r.id)],
  );
  deals = rows;
  await t.db.pool.query(
    `insert into computed_values (workspace_id, object_type, entity_id, field, value, computed_at, changed_at)
     select $1::uuid, 'deal', id, 'deal_score', to_jsonb(50 + n), now(), now()
     from unnest($2::uuid[]) with ordinality as e(id, n)`,
    [admin.workspaceId, deals.map((d) => d.entityId)],
  );
});

async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  rest: string,
  payload?: object,
  tenant: Tenant = admin,
) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${tenant.workspaceId}${rest}`,
    headers: tenant.auth,
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

describe('write-back API', () => {
  it('lists the field registry and the write modes', async () => {
    const { status, body } = await call('GET', '/writeback/fields');
    expect(status).toBe(200);
    expect(body.fields.map((f: { name: string }) => f.name)).toEqual([
      'deal_score',
      'enhanced_deal_score',
      'deal_risk_summary',
      'next_step_recommendation',
      'account_score',
      'enhanced_account_score',
      'account_signals_text',
      'pandora_last_analyzed_at',
    ]);
    expect(body.writeModes).toHaveLength(4);
    expect(body.scoreLabels[0]).toEqual({ label: 'Excellent', min: 80 });
  });

  it("reads the CRM's properties live, saying which fields fit each", async () => {
    const { status, body } = await call(
      'GET',
      `/connections/${connectionId}/properties?objectType=deal`,
    );
    expect(status).toBe(200);
    const score = body.properties.find((p: { name: string }) => p.name === 'pandora_score');
    expect(score).toMatchObject({ type: 'number', readOnly: false });
    expect(score.fits).toContain('deal_score');
    const name = body.properties.find((p: { name: string }) => p.name === 'dealname');
    expect(name.fitsWithLoss).toContain('deal_score');
  });

  it('creates, tests, runs, logs, disables and deletes a mapping', async () => {
    const bad = await call('POST', '/writeback/mappings', {
      pandoraField: 'deal_score',
      objectType: 'deal',
      connectionId,
      crmProperty: 'pandora_missing',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'unknown_property' });
    expect(bad.body.error.message).toContain('pandora_missing');

    const created = await call('POST', '/writeback/mappings', {
      pandoraField: 'deal_score',
      objectType: 'deal',
      connectionId,
      crmProperty: 'pandora_score',
      writeCondition: 'score_above:51',
    });
    expect(created.status).toBe(201);
    expect(created.body.warnings).toEqual([]);
    const id = created.body.mapping.id as string;
    const again = await call('POST', '/writeback/mappings', {
      pandoraField: 'deal_score',
      objectType: 'deal',
      connectionId,
      crmProperty: 'pandora_score',
    });
    expect(again.status).toBe(409);

    const preview = await call('POST', `/writeback/mappings/${id}/test`, {
      entityId: deals[2]!.entityId,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.preview).toMatchObject({ decision: 'write', after: 53, current: null });

    const started = await call('POST', '/writeback/runs', {});
    expect(started.status).toBe(202);
    const runId = started.body.run.id as string;
    await handlers['writeback.run'](
      { workspaceId: admin.workspaceId, runId },
      { db: t.db.pool, secretKey: TEST_SECRET_KEY, log: t.ctx.log, jobId: 'test', attempt: 1 },
    );
    const run = await call('GET', `/writeback/runs/${runId}`);
    expect(run.body.run).toMatchObject({
      status: 'succeeded',
      total: 5,
      done: 5,
      report: { considered: 5, written: 4, skipped_condition: 1, failed: 0 },
    });
    expect((await call('GET', '/writeback/runs')).body.runs[0].id).toBe(runId);

    const log = await call('GET', `/writeback/log?mappingId=${id}&status=written`);
    expect(log.body.writes).toHaveLength(4);
    expect(log.body.writes[0]).toMatchObject({
      field: 'pandora_score',
      originType: 'writeback',
      originId: id,
    });
    const one = await call('GET', `/writeback/log?recordId=${deals[4]!.recordId}`);
    expect(one.body.writes.map((w: { valueToWrite: unknown }) => w.valueToWrite)).toEqual([55]);

    const listed = await call('GET', '/writeback/mappings');
    expect(listed.body.mappings[0]).toMatchObject({ id, recent: { written: 4 } });

    const off = await call('PATCH', `/writeback/mappings/${id}`, { enabled: false });
    expect(off.body.mapping.enabled).toBe(false);
    expect((await call('POST', '/writeback/runs', {})).status).toBe(409);
    const badPatch = await call('PATCH', `/writeback/mappings/${id}`, { valueTransform: 'shout' });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.error.message).toContain('valueTransform');

    expect((await call('DELETE', `/writeback/mappings/${id}`)).status).toBe(204);
    expect((await call('GET', `/writeback/mappings/${id}`)).status).toBe(404);
  });

  it('computes the deal score on demand, then writes only what the computation changed', async () => {
    const created = await call('POST', '/writeback/mappings', {
      pandoraField: 'deal_score',
      objectType: 'deal',
      connectionId,
      crmProperty: 'pandora_score',
    });
    expect(created.status).toBe(201);
    const runJob = async (runId: string) => {
      await handlers['writeback.run'](
        { workspaceId: admin.workspaceId, runId },
        { db: t.db.pool, secretKey: TEST_SECRET_KEY, log: t.ctx.log, jobId: 'test', attempt: 1 },
      );
      return (await call('GET', `/writeback/runs/${runId}`)).body.run;
    };
    const first = await call('POST', '/writeback/compute', { skill: 'deal-score' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ considered: 5, changed: 5 });
    const firstRun = await runJob(first.body.writebackRunIds[0]);
    expect(firstRun).toMatchObject({ trigger: 'after_compute', status: 'succeeded' });
    expect(firstRun.report).toMatchObject({ considered: 5, written: 5 });

    // Nothing changed since: the run that follows has nothing to consider.
    const second = await call('POST', '/writeback/compute', { skill: 'deal-score' });
    expect(second.body).toMatchObject({ considered: 5, changed: 0 });
    const secondRun = await runJob(second.body.writebackRunIds[0]);
    expect(secondRun.report).toMatchObject({ considered: 0, crm_calls: 0 });

    // One deal's close date moves: one record considered, one write.
    await t.db.pool.query(`update deals set close_date = '2020-01-01' where id = $1::uuid`, [
      deals[0]!.entityId,
    ]);
    const third = await call('POST', '/writeback/compute', { skill: 'deal-score' });
    expect(third.body).toMatchObject({ changed: 1 });
    const thirdRun = await runJob(third.body.writebackRunIds[0]);
    expect(thirdRun.report).toMatchObject({ considered: 1, written: 1, crm_calls: 1 });
    const bad = await call('POST', '/writeback/compute', { skill: 'horoscope' });
    expect(bad.status).toBe(400);
  });

  it('lets members read and test mappings, and only admins change them', async () => {
    const member = await createTenant(t, 'member', 'member');
    expect((await call('GET', '/writeback/mappings', undefined, member)).status).toBe(200);
    const forbidden = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${member.workspaceId}/writeback/runs`,
      headers: member.auth,
      payload: {},
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
