import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import type { CrmType, CrmValue } from '../crm/port.js';
import { createMapping, updateMapping, type MappingInput } from './mappings.js';
import { previewMapping } from './preview.js';
import { runWriteback, startRun, type WritebackRun } from './runs.js';

/**
 * Write-back against the emulator over HTTP: each mode, condition and transform, what
 * an unchanged value costs (nothing), and faults (429s, 5xx, partial batches, a
 * timeout after the CRM applied the write).
 */
let world: CrmWorld;
const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });
const entities: Record<CrmType, { entityId: string; recordId: string }[]> = {
  hubspot: [],
  salesforce: [],
};

const PROPS = {
  hubspot: {
    score: 'pandora_deal_score',
    log: 'pandora_risk_log',
    label: 'pandora_score_band',
    text: 'pandora_next_step',
    day: 'pandora_analyzed_on',
  },
  salesforce: {
    score: 'Pandora_Deal_Score__c',
    log: 'Pandora_Risk_Log__c',
    label: 'Pandora_Score_Band__c',
    text: 'Pandora_Next_Step__c',
    day: 'Pandora_Analyzed_On__c',
  },
} as const;

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 30 });
  const hubspot = await world.open('hubspot');
  const connector = hubspot.connector as typeof hubspot.connector & {
    createProperty(type: 'deal', input: object): Promise<unknown>;
  };
  await connector.createProperty('deal', {
    name: PROPS.hubspot.score,
    label: 'Pandora deal score',
    type: 'number',
    fieldType: 'number',
  });
  await connector.createProperty('deal', {
    name: PROPS.hubspot.log,
    label: 'Pandora risk log',
    type: 'string',
    fieldType: 'textarea',
  });
  await connector.createProperty('deal', {
    name: PROPS.hubspot.label,
    label: 'Pandora score band',
    type: 'enumeration',
    fieldType: 'select',
    options: ['Excellent', 'Good', 'Fair', 'At Risk'].map((label) => ({ label, value: label })),
  });
  await connector.createProperty('deal', {
    name: PROPS.hubspot.text,
    label: 'Pandora next step',
    type: 'string',
    fieldType: 'text',
  });
  await connector.createProperty('deal', {
    name: PROPS.hubspot.day,
    label: 'Pandora analyzed on',
    type: 'date',
    fieldType: 'date',
  });
  for (const [name, type, extra] of [
    [PROPS.salesforce.score, 'double', { precision: 18, scale: 2 }],
    [PROPS.salesforce.log, 'textarea', {}],
    [
      PROPS.salesforce.label,
      'picklist',
      { picklistValues: ['Excellent', 'Good', 'Fair', 'At Risk'] },
    ],
    [PROPS.salesforce.text, 'string', { length: 255 }],
    [PROPS.salesforce.day, 'date', {}],
  ] as const) {
    const response = await fetch(`${world.baseUrl}/_emulator/salesforce/fields`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ object: 'Opportunity', name, type, ...extra }),
    });
    expect(response.status).toBe(201);
  }
  // Pandora's copy of the CRM's deals, as a sync leaves them.
  for (const crm of ['hubspot', 'salesforce'] as const) {
    const ids = await world.recordIds(crm, 60);
    const { rows } = await world.db.pool.query<{ entityId: string; recordId: string }>(
      `insert into deals (workspace_id, source, source_id, name)
       select $1::uuid, $2::text, id, 'Deal ' || id from unnest($3::text[]) as id
       returning id as "entityId", source_id as "recordId"`,
      [world.workspaceId, crm, ids],
    );
    entities[crm] = rows;
  }
});

beforeEach(() => world.emulator.ctx.faults.clear());

let day = 0;
/** Stores computed values as the computing skill would, one "day" later each time. */
async function compute(
  field: string,
  values: [entityId: string, value: CrmValue][],
): Promise<string> {
  day += 1;
  const at = new Date(Date.UTC(2026, 1, 1 + day, 6)).toISOString();
  // The field has values for these records only.
  await world.db.pool.query(
    `delete from computed_values where workspace_id = $1::uuid and field = $2::text
       and not (entity_id = any($3::uuid[]))`,
    [world.workspaceId, field, values.map(([id]) => id)],
  );
  await world.db.pool.query(
    `insert into computed_values (workspace_id, object_type, entity_id, field, value, computed_at, changed_at)
     select $1::uuid, 'deal', v.entity_id, $2::text, v.value, $3::timestamptz, $3::timestamptz
     from unnest($4::uuid[], $5::jsonb[]) as v(entity_id, value)
     on conflict (workspace_id, object_type, field, entity_id) do update
       set value = excluded.value, computed_at = excluded.computed_at,
           changed_at = case when computed_values.value = excluded.value
                             then computed_values.changed_at else excluded.changed_at end`,
    [
      world.workspaceId,
      field,
      at,
      values.map(([id]) => id),
      values.map(([, v]) => JSON.stringify(v)),
    ],
  );
  return at;
}

async function map(crm: CrmType, input: Omit<MappingInput, 'connectionId' | 'objectType'>) {
  return createMapping(
    deps(),
    world.workspaceId,
    { connectionId: world.connectionIds[crm], objectType: 'deal', ...input },
    'test',
  );
}

async function run(
  mappingId: string,
): Promise<{ run: WritebackRun; calls: ReturnType<ReturnType<CrmWorld['mark']>> }> {
  const calls = world.mark();
  const started = await startRun(world.db.pool, world.workspaceId, {
    trigger: 'manual',
    mappingIds: [mappingId],
  });
  const finished = await runWriteback(deps(), world.workspaceId, started!.id);
  return { run: finished, calls: calls() };
}

async function crmValues(crm: CrmType, property: string, recordIds: string[]): Promise<CrmValue[]> {
  const { connector } = await world.open(crm);
  const records = await connector.readRecords('deal', recordIds, [property]);
  return records.map((r) => (r.ok ? (r.value.properties[property] ?? null) : 'missing'));
}

async function setCrm(crm: CrmType, property: string, values: [string, CrmValue][]) {
  const { connector } = await world.open(crm);
  await connector.updateRecords(
    'deal',
    values.map(([id, value]) => ({ id, properties: { [property]: value } })),
  );
}

const writeCalls = (calls: { method: string; path: string }[]) =>
  calls.filter(
    (c) => (c.method === 'POST' && c.path.endsWith('/batch/update')) || c.method === 'PATCH',
  );

// One live mapping per field: each test starts with none.
afterEach(async () => {
  await world.db.pool.query(
    `update crm_property_mappings set deleted_at = now() where workspace_id = $1::uuid and deleted_at is null`,
    [world.workspaceId],
  );
});

describe.each(['hubspot', 'salesforce'] as const)('write-back on %s', (crm) => {
  const batch = crm === 'hubspot' ? 100 : 200;

  it('overwrites in batch calls, then spends no call on unchanged values', async () => {
    const deals = entities[crm].slice(0, 50);
    await compute(
      'deal_score',
      deals.map((d, i) => [d.entityId, 40 + i]),
    );
    const { mapping } = await map(crm, {
      pandoraField: 'deal_score',
      crmProperty: PROPS[crm].score,
    });

    const first = await run(mapping.id);
    expect(first.run).toMatchObject({ status: 'succeeded', total: 50 });
    expect(first.run.report).toMatchObject({
      considered: 50,
      written: 50,
      unchanged: 0,
      failed: 0,
    });
    // Never written before: one read of what the CRM holds, one batch write.
    expect(writeCalls(first.calls)).toHaveLength(1);
    expect(first.run.report.crm_calls).toBe(2);
    expect(
      (
        await crmValues(
          crm,
          PROPS[crm].score,
          deals.map((d) => d.recordId),
        )
      ).map(Number),
    ).toEqual(deals.map((_, i) => 40 + i));

    // Recomputed, same values: nothing to send, nothing to read.
    await compute(
      'deal_score',
      deals.map((d, i) => [d.entityId, 40 + i]),
    );
    const again = await run(mapping.id);
    expect(again.run.report).toMatchObject({
      considered: 50,
      unchanged: 50,
      written: 0,
      crm_calls: 0,
    });
    expect(again.calls).toEqual([]);

    // Two changed: one batch write of two records, no read.
    await compute(
      'deal_score',
      deals.map((d, i) => [d.entityId, i < 2 ? 99 : 40 + i]),
    );
    const changed = await run(mapping.id);
    expect(changed.run.report).toMatchObject({ written: 2, unchanged: 48, crm_calls: 1 });
    expect(
      writeCalls(changed.calls).map(
        (c) => (c as unknown as { batchSize: number | null }).batchSize,
      ),
    ).toEqual([2]);
    expect(batch).toBeGreaterThan(50);
  });

  it('never_overwrite fills blank properties and leaves values someone set', async () => {
    const deals = entities[crm].slice(0, 4);
    await setCrm(crm, PROPS[crm].text, [[deals[0]!.recordId, 'Set by a rep']]);
    await compute(
      'next_step_recommendation',
      deals.map((d) => [d.entityId, `Call ${d.recordId}`]),
    );
    const { mapping } = await map(crm, {
      pandoraField: 'next_step_recommendation',
      crmProperty: PROPS[crm].text,
      writeMode: 'never_overwrite',
    });
    const first = await run(mapping.id);
    expect(first.run.report).toMatchObject({ written: 3, skipped_condition: 1 });
    expect(
      await crmValues(
        crm,
        PROPS[crm].text,
        deals.map((d) => d.recordId),
      ),
    ).toEqual(['Set by a rep', ...deals.slice(1).map((d) => `Call ${d.recordId}`)]);
    await compute(
      'next_step_recommendation',
      deals.map((d) => [d.entityId, `Email ${d.recordId}`]),
    );
    const second = await run(mapping.id);
    expect(second.run.report).toMatchObject({ unchanged: 4, written: 0, crm_calls: 0 });
  });

  it('appends dated entries, keeps the newest max entries, and adds none twice', async () => {
    const [deal] = entities[crm].slice(4, 5);
    await setCrm(crm, PROPS[crm].log, [[deal!.recordId, 'Written by hand']]);
    const { mapping } = await map(crm, {
      pandoraField: 'deal_risk_summary',
      crmProperty: PROPS[crm].log,
      writeMode: 'append',
      timestampFormat: 'prefix',
      maxEntries: 3,
      appendSeparator: '\n---\n',
    });
    const days: string[] = [];
    for (const text of ['Risk A', 'Risk B', 'Risk B']) {
      const at = await compute('deal_risk_summary', [[deal!.entityId, text]]);
      days.push(
        new Date(at).toLocaleDateString('en-US', {
          month: 'short',
          day: 'numeric',
          year: 'numeric',
          timeZone: 'UTC',
        }),
      );
      const { run: r } = await run(mapping.id);
      expect(r.report).toMatchObject({ written: 1 });
      // A run again without a new computation adds nothing.
      expect((await run(mapping.id)).run.report).toMatchObject({ unchanged: 1, crm_calls: 0 });
    }
    const [text] = await crmValues(crm, PROPS[crm].log, [deal!.recordId]);
    expect(text).toBe(
      [`[${days[0]}] Risk A`, `[${days[1]}] Risk B`, `[${days[2]}] Risk B`].join('\n---\n'),
    );

    // The suffix format, and append_if_changed skipping a value equal to the last entry's.
    await updateMapping(deps(), world.workspaceId, mapping.id, {
      writeMode: 'append_if_changed',
      timestampFormat: 'suffix',
    });
    await compute('deal_risk_summary', [[deal!.entityId, 'Risk C']]);
    expect((await run(mapping.id)).run.report).toMatchObject({ written: 1 });
    await compute('deal_risk_summary', [[deal!.entityId, 'Risk C']]);
    expect((await run(mapping.id)).run.report).toMatchObject({ unchanged: 1, crm_calls: 0 });
    const [after] = await crmValues(crm, PROPS[crm].log, [deal!.recordId]);
    const entries = String(after).split('\n---\n');
    expect(entries).toHaveLength(3);
    expect(entries[2]).toMatch(/^Risk C \([A-Z][a-z]{2} \d{1,2}, 2026\)$/);
  });

  it('transforms: score_label into a picklist, date_only into a date', async () => {
    const deals = entities[crm].slice(6, 10);
    await compute(
      'enhanced_deal_score',
      deals.map((d, i) => [d.entityId, [85, 60, 45, 10][i]!]),
    );
    const { mapping } = await map(crm, {
      pandoraField: 'enhanced_deal_score',
      crmProperty: PROPS[crm].label,
      valueTransform: 'score_label',
    });
    await run(mapping.id);
    expect(
      await crmValues(
        crm,
        PROPS[crm].label,
        deals.map((d) => d.recordId),
      ),
    ).toEqual(['Excellent', 'Good', 'Fair', 'At Risk']);

    await compute(
      'pandora_last_analyzed_at',
      deals.map((d) => [d.entityId, '2026-02-21T06:30:00.000Z']),
    );
    const { mapping: dayMapping } = await map(crm, {
      pandoraField: 'pandora_last_analyzed_at',
      crmProperty: PROPS[crm].day,
      valueTransform: 'date_only',
    });
    await run(dayMapping.id);
    expect(
      (
        await crmValues(
          crm,
          PROPS[crm].day,
          deals.map((d) => d.recordId),
        )
      ).map((v) => String(v).slice(0, 10)),
    ).toEqual(deals.map(() => '2026-02-21'));
  });
});

describe('conditions and the rest (HubSpot)', () => {
  const crm = 'hubspot' as const;

  it('score_above, score_changed_by (against the last value written) and field_is_blank', async () => {
    const deals = entities[crm].slice(56, 60);
    const ids = deals.map((d) => d.recordId);
    await compute(
      'deal_score',
      deals.map((d, i) => [d.entityId, [75, 70, 90, 20][i]!]),
    );
    const { mapping } = await map(crm, {
      pandoraField: 'deal_score',
      crmProperty: PROPS[crm].score,
      writeCondition: 'score_above:70',
    });
    const above = await run(mapping.id);
    expect(above.run.report).toMatchObject({ written: 2, skipped_condition: 2 });
    expect(
      (await crmValues(crm, PROPS[crm].score, ids)).map((v) => (v === null ? null : Number(v))),
    ).toEqual([75, null, 90, null]);

    await updateMapping(deps(), world.workspaceId, mapping.id, {
      writeCondition: 'score_changed_by:5',
    });
    await compute(
      'deal_score',
      deals.map((d, i) => [d.entityId, [78, 70, 84, 20][i]!]),
    );
    // Updating the condition keeps what was written: 75 -> 78 is under 5, 90 -> 84 is not;
    // the two never written may be written.
    const changedBy = await run(mapping.id);
    expect(changedBy.run.report).toMatchObject({ written: 3, skipped_condition: 1 });
    expect((await crmValues(crm, PROPS[crm].score, ids)).map(Number)).toEqual([75, 70, 84, 20]);

    const { mapping: blank } = await map(crm, {
      pandoraField: 'next_step_recommendation',
      crmProperty: PROPS[crm].text,
      writeCondition: 'field_is_blank',
    });
    await setCrm(crm, PROPS[crm].text, [
      [ids[0]!, 'Mine'],
      [ids[1]!, ''],
    ]);
    await compute(
      'next_step_recommendation',
      deals.map((d) => [d.entityId, 'Book the demo']),
    );
    const onlyBlank = await run(blank.id);
    expect(onlyBlank.run.report).toMatchObject({ written: 3, skipped_condition: 1 });
    expect(await crmValues(crm, PROPS[crm].text, ids)).toEqual([
      'Mine',
      'Book the demo',
      'Book the demo',
      'Book the demo',
    ]);
  });

  it('previews exactly what a run would write, the whole appended text, writing nothing', async () => {
    const [deal] = entities[crm].slice(30, 31);
    await setCrm(crm, PROPS[crm].log, [[deal!.recordId, 'Old note']]);
    await compute('deal_risk_summary', [[deal!.entityId, 'At risk: quiet for 30 days.']]);
    const { mapping } = await map(crm, {
      pandoraField: 'deal_risk_summary',
      crmProperty: PROPS[crm].log,
      writeMode: 'append',
      appendSeparator: ' | ',
      valueTransform: 'truncate:12',
    });
    const calls = world.mark();
    const preview = await previewMapping(deps(), world.workspaceId, mapping.id, deal!.entityId);
    expect(writeCalls(calls())).toEqual([]);
    expect(preview).toMatchObject({
      record: { entityId: deal!.entityId, recordId: deal!.recordId },
      transformed: 'At risk: qu…',
      current: 'Old note',
      decision: 'write',
      after: 'Old note | At risk: qu…',
    });
    expect(await crmValues(crm, PROPS[crm].log, [deal!.recordId])).toEqual(['Old note']);
  });

  it('ends every record right under faults: 429 bursts, 5xx, a partial batch, a timeout after apply', async () => {
    const deals = entities[crm].slice(32, 60);
    const ids = deals.map((d) => d.recordId);
    await setCrm(
      crm,
      PROPS[crm].log,
      ids.map((id) => [id, 'start']),
    );
    await compute(
      'deal_risk_summary',
      deals.map((d) => [d.entityId, `Risk ${d.recordId}`]),
    );
    const { mapping } = await map(crm, {
      pandoraField: 'deal_risk_summary',
      crmProperty: PROPS[crm].log,
      writeMode: 'append',
      appendSeparator: ' | ',
    });
    const faults = world.emulator.ctx.faults;
    faults.add({ kind: 'rate_limit', path: '/batch/read', times: 2 });
    faults.add({ kind: 'server_error', path: '/batch/update', times: 1 });
    // The write lands, the answer is lost: the ledger reads back and finds it there.
    faults.add({ kind: 'drop_after_apply', path: '/batch/update', times: 1 });
    const first = await run(mapping.id);
    expect(first.run.report).toMatchObject({ considered: 28, written: 28, failed: 0 });

    // A partial batch failure: that record is reported, the others written; the
    // next run writes it, and adds nothing twice anywhere.
    await compute(
      'deal_risk_summary',
      deals.map((d) => [d.entityId, `Risk ${d.recordId} again`]),
    );
    faults.add({ kind: 'partial_batch', path: '/batch/update', ids: [ids[5]!], times: 1 });
    const second = await run(mapping.id);
    expect(second.run).toMatchObject({ status: 'partial' });
    expect(second.run.report).toMatchObject({ written: 27, failed: 1 });
    expect(second.run.failures).toEqual([
      expect.objectContaining({
        entityId: deals[5]!.entityId,
        recordId: ids[5],
        reason: expect.any(String),
      }),
    ]);
    const third = await run(mapping.id);
    expect(third.run.report).toMatchObject({ written: 1, unchanged: 27 });
    const texts = await crmValues(crm, PROPS[crm].log, ids);
    expect(texts).toEqual(ids.map((id) => `start | Risk ${id} | Risk ${id} again`));
  });

  it('score_below, round, uppercase and truncate, written to the CRM', async () => {
    const deals = entities[crm].slice(40, 43);
    const ids = deals.map((d) => d.recordId);
    await compute(
      'enhanced_deal_score',
      deals.map((d, i) => [d.entityId, [12.46, 55.5, 33.04][i]!]),
    );
    const { mapping } = await map(crm, {
      pandoraField: 'enhanced_deal_score',
      crmProperty: PROPS[crm].score,
      writeCondition: 'score_below:50',
      valueTransform: 'round:1',
    });
    expect((await run(mapping.id)).run.report).toMatchObject({ written: 2, skipped_condition: 1 });
    expect(
      (await crmValues(crm, PROPS[crm].score, ids)).map((v) => (v === null ? null : Number(v))),
    ).toEqual([12.5, expect.anything(), 33]);

    await compute(
      'deal_risk_summary',
      deals.map((d) => [d.entityId, 'at risk: no activity for 30 days']),
    );
    const { mapping: upper } = await map(crm, {
      pandoraField: 'deal_risk_summary',
      crmProperty: PROPS[crm].text,
      valueTransform: 'uppercase',
    });
    await run(upper.id);
    expect(await crmValues(crm, PROPS[crm].text, ids)).toEqual(
      ids.map(() => 'AT RISK: NO ACTIVITY FOR 30 DAYS'),
    );
    await updateMapping(deps(), world.workspaceId, upper.id, { valueTransform: 'truncate:10' });
    await run(upper.id);
    expect(await crmValues(crm, PROPS[crm].text, ids)).toEqual(ids.map(() => 'at risk: …'));
  });

  it('refuses a missing, read-only or incompatible property, naming it', async () => {
    const input = {
      pandoraField: 'account_score',
      objectType: 'account' as const,
      connectionId: world.connectionIds.hubspot,
    };
    await expect(
      createMapping(deps(), world.workspaceId, { ...input, crmProperty: 'no_such_prop' }, null),
    ).rejects.toMatchObject({
      status: 400,
      code: 'unknown_property',
      message: expect.stringContaining('no_such_prop'),
    });
    await expect(
      createMapping(
        deps(),
        world.workspaceId,
        { ...input, crmProperty: 'hs_lastmodifieddate' },
        null,
      ),
    ).rejects.toMatchObject({
      status: 400,
      code: 'read_only_property',
      message: expect.stringContaining('hs_lastmodifieddate'),
    });
    await expect(
      createMapping(
        deps(),
        world.workspaceId,
        { ...input, pandoraField: 'account_signals_text', crmProperty: 'numberofemployees' },
        null,
      ),
    ).rejects.toMatchObject({
      status: 400,
      code: 'incompatible_property',
      message: expect.stringContaining('numberofemployees'),
    });
    await expect(
      createMapping(
        deps(),
        world.workspaceId,
        { ...input, pandoraField: 'deal_score', crmProperty: 'description' },
        null,
      ),
    ).rejects.toMatchObject({ code: 'field_not_for_object' });
    const lossy = await createMapping(
      deps(),
      world.workspaceId,
      { ...input, crmProperty: 'description' },
      null,
    );
    expect(lossy.warnings[0]).toContain('stored as text');
  });
});
