import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRecords, type Records } from '../../../test/records.js';
import { createConnection } from '../../tenancy/connections.js';
import { dailyWriteback } from './daily.js';
import { computeFields } from './run.js';

/** Computed fields stored per record, changed only when their value changes, and what follows. */
const NOW = new Date('2026-02-21T12:00:00Z');
let db: TestDatabase;
let r: Records;
let acme: string;
let globex: string;
let mappingId: string;

async function values(field: string) {
  const { rows } = await db.pool.query<{
    name: string;
    value: unknown;
    runId: string | null;
    changedAt: Date;
  }>(
    `select d.name, cv.value, cv.run_id as "runId", cv.changed_at as "changedAt"
     from computed_values cv join deals d on d.id = cv.entity_id
     where cv.workspace_id = $1::uuid and cv.field = $2::text order by d.name`,
    [r.workspaceId, field],
  );
  return rows;
}

beforeAll(async () => {
  db = await createTestDatabase();
  r = await createRecords(db.pool);
  const account = await r.account('Acme Corp', 'hubspot');
  const a = await r.deal({
    name: 'Acme',
    source: 'hubspot',
    accountId: account,
    amount: 100_000,
    closeDate: '2026-03-31',
    stage: 'Proposal',
    stageNormalized: 'proposal',
    lastActivityAt: '2026-02-20T12:00:00Z',
    createdAt: '2026-02-01T12:00:00Z',
  });
  acme = a.id;
  await r.contact(acme, { firstName: 'Pat', lastName: 'Buyer', email: 'pat@acme.test' });
  await r.stageChange(acme, 'Proposal', '2026-02-11T12:00:00Z');
  const g = await r.deal({
    name: 'Globex',
    source: 'hubspot',
    amount: 20_000,
    closeDate: '2026-01-31',
    stage: 'Negotiation',
    stageNormalized: 'negotiation',
    createdAt: '2025-12-01T12:00:00Z',
  });
  globex = g.id;
  await r.deal({ name: 'Lost', source: 'hubspot', stageNormalized: 'closed_lost' });
  // Another workspace's deal never gets a value here.
  const other = await createRecords(db.pool);
  await other.deal({ name: 'Elsewhere', source: 'hubspot', amount: 1 });

  const connection = await createConnection(db.pool, TEST_SECRET_KEY, {
    workspaceId: r.workspaceId,
    crmType: 'hubspot',
    name: 'HubSpot',
  });
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into crm_property_mappings
       (workspace_id, connection_id, pandora_field, object_type, crm_property, crm_property_type)
     values ($1::uuid, $2::uuid, 'deal_score', 'deal', 'pandora_score', 'number') returning id`,
    [r.workspaceId, connection.id],
  );
  mappingId = rows[0]!.id;
});

describe('computing deal and account fields', () => {
  it('scores each open deal, explains it, and queues the write-back of what changed', async () => {
    const result = await computeFields(db.pool, r.workspaceId, 'deal-score', { now: NOW });
    expect(result).toMatchObject({ considered: 2, changed: 2 });
    // Acme: 10 days in Proposal (typical 14) 25, active yesterday 25, closes in March 20,
    // one deal of two: inside p10..p90? 100K is above p90 of {20K, 100K} -> 8; 1 contact 8.
    // Globex: 82 days in Negotiation (typical 10) 0; idle since creation 82 days 0; close
    // date passed 0; 20K below p10 -> 10; no contact 0.
    expect((await values('deal_score')).map((v) => [v.name, v.value])).toEqual([
      ['Acme', 25 + 25 + 20 + 8 + 8],
      ['Globex', 10],
    ]);
    expect((await values('deal_risk_summary')).map((v) => v.value)).toEqual([
      // Equal losses in the order of the factors' names.
      'At risk: larger than 90% of the open pipeline; 1 contact on the deal.',
      'At risk: no activity for 82 days; 82 days in Negotiation (typical 10).',
    ]);
    // Globex's weakest factors lose 25 each; by name, activity comes first.
    expect((await values('next_step_recommendation')).map((v) => v.value)).toEqual([
      'Check the amount with Pat Buyer: larger than 90% of the open pipeline.',
      'Re-engage the buyer: no activity for 82 days.',
    ]);
    expect(result.writebackRunIds).toHaveLength(1);
    const { rows: runs } = await db.pool.query(
      `select trigger, compute_run_id as "computeRunId", mapping_ids as "mappingIds" from writeback_runs where id = $1::uuid`,
      [result.writebackRunIds[0]],
    );
    expect(runs).toEqual([
      { trigger: 'after_compute', computeRunId: result.runId, mappingIds: [mappingId] },
    ]);
  });

  it('changes nothing on a re-run with nothing new, and only the deal that changed after', async () => {
    const before = await values('deal_score');
    const again = await computeFields(db.pool, r.workspaceId, 'deal-score', { now: NOW });
    expect(again).toMatchObject({ considered: 2, changed: 0 });
    expect(await values('deal_score')).toEqual(before);

    await db.pool.query(`update deals set close_date = '2026-04-30' where id = $1::uuid`, [globex]);
    const third = await computeFields(db.pool, r.workspaceId, 'deal-score', { now: NOW });
    expect(third).toMatchObject({ changed: 1 });
    const after = await values('deal_score');
    expect(after.find((v) => v.name === 'Globex')).toMatchObject({ value: 30, runId: third.runId });
    expect(after.find((v) => v.name === 'Acme')).toMatchObject({ runId: before[0]!.runId });
    expect(acme).toBeTruthy();
  });

  it('stamps every value with the computation time, moving changed_at only for changed ones', async () => {
    const stamps = async () =>
      (
        await db.pool.query<{
          field: string;
          value: unknown;
          computedAt: string;
          changedAt: string;
        }>(
          `select field, value, to_json(computed_at) #>> '{}' as "computedAt",
                  to_json(changed_at) #>> '{}' as "changedAt"
           from computed_values where workspace_id = $1::uuid and entity_id = $2::uuid
           order by field`,
          [r.workspaceId, acme],
        )
      ).rows;
    const before = await stamps();
    const later = new Date(NOW.getTime() + 3_600_000);
    const result = await computeFields(db.pool, r.workspaceId, 'deal-score', { now: later });
    expect(result).toMatchObject({ changed: 0 });
    const after = await stamps();
    const iso = (text: string) => new Date(text).toISOString();
    expect(after.map((row) => iso(row.computedAt))).toEqual(after.map(() => later.toISOString()));
    for (const [i, row] of after.entries()) {
      if (row.field === 'pandora_last_analyzed_at') {
        expect({ value: row.value, changedAt: iso(row.changedAt) }).toEqual({
          value: later.toISOString(),
          changedAt: later.toISOString(),
        });
      } else {
        expect(row).toMatchObject({ value: before[i]!.value, changedAt: before[i]!.changedAt });
      }
    }
  });

  it('rolls accounts up from the stored deal scores', async () => {
    const result = await computeFields(db.pool, r.workspaceId, 'account-score', { now: NOW });
    expect(result).toMatchObject({ considered: 1, changed: 1 });
    const { rows } = await db.pool.query<{ field: string; value: unknown }>(
      `select field, value from computed_values where workspace_id = $1::uuid and object_type = 'account'
       order by field`,
      [r.workspaceId],
    );
    // One open deal (Acme, 86): 86; 1 contact on no account -> no bonus; no meetings in 90 days -10.
    expect(Object.fromEntries(rows.map((row) => [row.field, row.value]))).toMatchObject({
      account_score: 86,
      enhanced_account_score: 76,
      account_signals_text:
        '1 open deal ($100K); last activity 1 day ago; 0 contacts; 0 meetings in 30 days.',
    });
  });

  it('the daily pass computes both skills in every workspace with deals', async () => {
    const report = await dailyWriteback(db.pool, new Date('2026-02-22T06:10:00Z'));
    expect(report.failures).toEqual([]);
    expect(report.workspaces).toBeGreaterThanOrEqual(2);
    const { rows } = await db.pool.query<{ skill: string; trigger: string }>(
      `select skill, trigger from skill_runs where workspace_id = $1::uuid and trigger = 'schedule'
       order by skill`,
      [r.workspaceId],
    );
    expect(rows).toEqual([
      { skill: 'account-score', trigger: 'schedule' },
      { skill: 'deal-score', trigger: 'schedule' },
    ]);
    // A day later: the stage and activity ages moved, so the scores of both deals may
    // have; the deal-score write-back run was queued after computation.
    expect(report.runs).toBeGreaterThanOrEqual(1);
  });
});
