import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  connectSandbox,
  createTenant,
  createSandboxApp,
  type SandboxApp,
  type Tenant,
} from '../../../test/app.js';
import type { HubspotConnector } from '../../crm/hubspot/connector.js';
import { handlers } from '../../jobs/handlers.js';
import { listWrites } from '../../crm/ledger/queries.js';
import { getMapping, listMappings } from '../../writeback/mappings.js';
import { getRun, listRuns } from '../../writeback/runs.js';
import { WriteSchema } from './crm.js';

/**
 * The write-back routes' answers survive their response schemas whole: each is what
 * the service returns, as JSON (a response schema drops what it does not declare),
 * and stored run reports keep keys the schema does not name.
 */
let t: SandboxApp;
let admin: Tenant;
let connectionId: string;

beforeAll(async () => {
  t = await createSandboxApp(4);
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
  const page = await connector.listChanged('deal', { properties: [], limit: 3 });
  const { rows } = await t.db.pool.query<{ entityId: string }>(
    `insert into deals (workspace_id, source, source_id, name)
     select $1::uuid, 'hubspot', id, 'Deal ' || id from unnest($2::text[]) as id
     returning id as "entityId"`,
    [admin.workspaceId, page.records.map((r) => r.id)],
  );
  await t.db.pool.query(
    `insert into computed_values (workspace_id, object_type, entity_id, field, value, computed_at, changed_at)
     select $1::uuid, 'deal', id, 'deal_score', to_jsonb(60 + n), now(), now()
     from unnest($2::uuid[]) with ordinality as e(id, n)`,
    [admin.workspaceId, rows.map((d) => d.entityId)],
  );
});

async function call(method: 'GET' | 'POST' | 'PATCH', rest: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers: admin.auth,
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** What the route would send without a response schema. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('write-back answers', () => {
  it('every answer is the service result, whole', async () => {
    const registry = await call('GET', '/writeback/fields');
    expect(Object.keys(registry.fields[0]).sort()).toEqual(
      [
        'compatibleTypes',
        'description',
        'example',
        'kind',
        'label',
        'lossyTypes',
        'name',
        'objectTypes',
        'skills',
      ].sort(),
    );
    expect(registry.writeModes[0]).toEqual({ mode: 'overwrite', description: expect.any(String) });
    expect(registry.scoreLabels[0]).toEqual({ label: expect.any(String), min: expect.any(Number) });

    const { properties } = await call('GET', `/connections/${connectionId}/properties`);
    const score = properties.find((p: { name: string }) => p.name === 'pandora_score');
    expect(score).toEqual({
      name: 'pandora_score',
      label: 'Pandora score',
      type: 'number',
      crmType: expect.any(String),
      options: [],
      readOnly: false,
      custom: true,
      fits: expect.arrayContaining(['deal_score']),
      fitsWithLoss: [],
    });

    const created = await call('POST', '/writeback/mappings', {
      pandoraField: 'deal_score',
      objectType: 'deal',
      connectionId,
      crmProperty: 'pandora_score',
      trigger: 'manual',
    });
    const id = created.mapping.id as string;
    const stored = asJson(await getMapping(t.db.pool, admin.workspaceId, id));
    expect(created).toEqual({ mapping: stored, warnings: [] });
    expect(await call('GET', `/writeback/mappings/${id}`)).toEqual({ mapping: stored });
    const patched = await call('PATCH', `/writeback/mappings/${id}`, { maxEntries: 5 });
    expect(patched).toEqual({
      mapping: asJson(await getMapping(t.db.pool, admin.workspaceId, id)),
      warnings: [],
    });

    const { preview } = await call('POST', `/writeback/mappings/${id}/test`, {});
    expect(preview).toEqual({
      mapping: asJson(await getMapping(t.db.pool, admin.workspaceId, id)),
      record: {
        entityId: expect.any(String),
        recordId: expect.any(String),
        name: expect.any(String),
      },
      computed: { value: expect.any(Number), computedAt: expect.any(String) },
      transformed: expect.any(Number),
      current: null,
      decision: 'write',
      reason: null,
      after: expect.any(Number),
    });

    const started = await call('POST', '/writeback/runs', {});
    await handlers['writeback.run']({ workspaceId: admin.workspaceId, runId: started.run.id }, {
      db: t.db.pool,
      secretKey: TEST_SECRET_KEY,
      log: t.ctx.log,
    } as never);
    // A key a later version adds to the stored report is passed through.
    await t.db.pool.query(
      `update writeback_runs set report = report || '{"later": 2}'::jsonb where id = $1::uuid`,
      [started.run.id],
    );
    const run = asJson(await getRun(t.db.pool, admin.workspaceId, started.run.id));
    expect(run).toMatchObject({ status: 'succeeded', report: { written: 3, later: 2 } });
    expect(await call('GET', `/writeback/runs/${started.run.id}`)).toEqual({ run });
    expect(await call('GET', '/writeback/runs')).toEqual({
      runs: asJson(await listRuns(t.db.pool, admin.workspaceId, 20)),
    });
    expect(await call('GET', '/writeback/mappings')).toEqual({
      mappings: asJson(await listMappings(t.db.pool, admin.workspaceId)),
    });
    const log = await call('GET', `/writeback/log?mappingId=${id}`);
    const ledger = await listWrites(t.db.pool, admin.workspaceId, {
      originType: 'writeback',
      originId: id,
      limit: 50,
    });
    // The ledger's own answer at /crm-writes, field for field.
    const declared = Object.keys(WriteSchema.properties);
    const writes = ledger.entries.map((entry) =>
      Object.fromEntries(Object.entries(entry).filter(([key]) => declared.includes(key))),
    );
    expect(declared.every((key) => key in ledger.entries[0]!)).toBe(true);
    expect(log).toEqual({ writes: asJson(writes), nextCursor: null });
    expect(log.writes).toHaveLength(3);

    const computed = await call('POST', '/writeback/compute', { skill: 'deal-score' });
    expect(computed).toEqual({
      runId: expect.any(String),
      considered: expect.any(Number),
      changed: expect.any(Number),
      writebackRunIds: [],
    });
  });
});
