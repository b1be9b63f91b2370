import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createRecords, type Records } from '../../test/records.js';
import { listActions, type Action } from '../actions/store.js';
import { createConnection } from '../tenancy/connections.js';
import { dealPhrase, formatMoney, quarterEnd } from './format.js';
import { runSkill } from './registry.js';

const NOW = new Date('2025-05-15T12:00:00Z');
let db: TestDatabase;
let r: Records;
let connectionId: string;
let acmeId: string;

async function actions(workspaceId = r.workspaceId): Promise<Action[]> {
  const { actions: list } = await listActions(db.pool, workspaceId, {
    sourceName: 'data-quality-audit',
    order: 'impact',
    limit: 100,
  });
  return list;
}

beforeAll(async () => {
  db = await createTestDatabase();
  r = await createRecords(db.pool);
  const connection = await createConnection(db.pool, TEST_SECRET_KEY, {
    workspaceId: r.workspaceId,
    crmType: 'hubspot',
    name: 'HubSpot',
  });
  connectionId = connection.id;
  const jane = await r.owner({ name: 'Jane Doe', email: 'jane@seller.test' });
  const acme = await r.deal({
    name: 'Acme',
    source: 'hubspot',
    sourceId: 'hs-acme',
    ownerId: jane,
    amount: 450_000,
    stageNormalized: 'proposal',
  });
  acmeId = acme.id;
  await r.deal({ name: 'Umbrella', ownerId: jane, amount: 50_000.01 });
  await r.deal({
    name: 'Initech',
    amount: 50_000,
    closeDate: '2025-06-01',
    stage: ' ',
    stageNormalized: null,
  });
  await r.deal({ name: 'Globex', ownerId: jane, stage: null, stageNormalized: null });
  for (let i = 1; i <= 8; i += 1) await r.deal({ name: `Small ${i}`, amount: i * 1_000 });
  // Not open, or nothing missing: never audited.
  await r.deal({ name: 'Lost', amount: 900_000, stageNormalized: 'closed_lost' });
  await r.deal({ name: 'Won', stageNormalized: 'closed_won' });
  await r.deal({ name: 'Complete', amount: 700_000, closeDate: '2025-06-15' });
  // Another workspace's deal with a gap stays its own.
  const other = await createRecords(db.pool);
  await other.deal({ name: 'Elsewhere', amount: 1_000_000 });
});

describe('data-quality-audit', () => {
  it('proposes the 10 largest open deals with gaps, one action per deal', async () => {
    const result = await runSkill(db.pool, r.workspaceId, 'data-quality-audit', { now: NOW });
    expect(result).toMatchObject({ proposed: 10, created: 10, updated: 0, candidates: 12 });
    const list = await actions();
    // Largest first; Small 1 and Globex (no amount: last) fall below the cut.
    expect(list.map((a) => [a.title, a.severity])).toEqual([
      ['Fix missing close date on the $450K Acme deal', 'warning'],
      ['Fix missing close date on the $50K Umbrella deal', 'warning'],
      ['Fix missing stage on the $50K Initech deal', 'info'],
      ['Fix missing close date on the $8K Small 8 deal', 'info'],
      ['Fix missing close date on the $7K Small 7 deal', 'info'],
      ['Fix missing close date on the $6K Small 6 deal', 'info'],
      ['Fix missing close date on the $5K Small 5 deal', 'info'],
      ['Fix missing close date on the $4K Small 4 deal', 'info'],
      ['Fix missing close date on the $3K Small 3 deal', 'info'],
      ['Fix missing close date on the $2K Small 2 deal', 'info'],
    ]);

    const acme = list[0]!;
    expect(acme).toMatchObject({
      actionType: 'clean_data',
      status: 'open',
      impactAmount: 450_000,
      connectionId,
      targetType: 'deal',
      targetSourceId: 'hs-acme',
      targetEntityId: acmeId,
      targetName: 'Acme',
      ownerEmail: 'jane@seller.test',
      sourceType: 'skill',
      sourceName: 'data-quality-audit',
      sourceId: result.runId,
      dedupeKey: 'data-quality-audit:deal:hs-acme',
    });
    // The last day of the quarter 2025-05-15 is in.
    expect(acme.executionPayload.crm_updates).toEqual([
      { field: 'close_date', proposed_value: '2025-06-30', current_value: null },
    ]);
    expect(acme.recommendedSteps).toEqual([
      'Confirm 2025-06-30 (the end of this quarter) as the close date with Jane Doe, ' +
        'or set the date the buyer expects',
    ]);
    // A deal of a source no connection has gets none.
    expect(list[1]!.connectionId).toBeNull();

    // Nothing to infer for a stage: no update, a step instead.
    const initech = list[2]!;
    expect(initech.executionPayload.crm_updates).toEqual([]);
    expect(initech.recommendedSteps).toEqual([
      "Set the deal's stage in the CRM to where the deal really is",
    ]);
  });

  it('updates its open actions on a re-run and adds only what is new', async () => {
    const before = await actions();
    const result = await runSkill(db.pool, r.workspaceId, 'data-quality-audit', {
      now: NOW,
      limit: 20,
    });
    expect(result).toMatchObject({ proposed: 12, created: 2, updated: 10, candidates: 12 });
    const after = await actions();
    expect(after).toHaveLength(12);
    for (const action of before) {
      const same = after.find((a) => a.id === action.id);
      expect(same?.sourceId).toBe(result.runId);
    }

    // Every missing field of a deal in one action; only the close date is inferred.
    const globex = after.find((a) => a.targetName === 'Globex')!;
    expect(globex).toMatchObject({
      title: 'Fix missing close date, amount and stage on the Globex deal',
      severity: 'info',
      impactAmount: null,
      urgencyLabel: 'Missing close date, amount and stage',
    });
    expect(globex.executionPayload.crm_updates).toEqual([
      { field: 'close_date', proposed_value: '2025-06-30', current_value: null },
    ]);
    expect(globex.recommendedSteps).toEqual([
      'Confirm 2025-06-30 (the end of this quarter) as the close date with Jane Doe, ' +
        'or set the date the buyer expects',
      'Ask Jane Doe for the expected deal value and enter it as the amount',
      "Set the deal's stage in the CRM to where the deal really is",
    ]);
    expect(after.at(-1)!.title).toBe('Fix missing close date, amount and stage on the Globex deal');
  });

  it('records the run', async () => {
    const { rows } = await db.pool.query(
      `select status, counts, as_of as "asOf", options from skill_runs
       where workspace_id = $1::uuid order by started_at`,
      [r.workspaceId],
    );
    expect(rows).toEqual([
      {
        status: 'succeeded',
        counts: {
          proposed: 10,
          created: 10,
          updated: 0,
          candidates: 12,
          skipped: 0,
          suppressed: 0,
          closed: 0,
          checks: { conversationCoverage: { high: 0, medium: 0, low: 0 } },
        },
        asOf: NOW.toISOString(),
        options: {},
      },
      {
        status: 'succeeded',
        counts: {
          proposed: 12,
          created: 2,
          updated: 10,
          candidates: 12,
          skipped: 0,
          suppressed: 0,
          closed: 0,
          checks: { conversationCoverage: { high: 0, medium: 0, low: 0 } },
        },
        asOf: NOW.toISOString(),
        options: { limit: 20 },
      },
    ]);
  });

  it('refuses options it does not know, before recording a run', async () => {
    await expect(
      runSkill(db.pool, r.workspaceId, 'data-quality-audit', { now: NOW, limit: 0 }),
    ).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
    await expect(
      runSkill(db.pool, r.workspaceId, 'data-quality-audit', { now: NOW, top: 5 }),
    ).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
    await expect(runSkill(db.pool, r.workspaceId, 'no-such-skill')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
    const { rows } = await db.pool.query(
      'select count(*)::int as n from skill_runs where workspace_id = $1::uuid',
      [r.workspaceId],
    );
    expect(rows[0].n).toBe(2);
  });
});

describe('formatting', () => {
  it('finds the last day of the calendar quarter in UTC', () => {
    expect(quarterEnd(new Date('2025-01-01T00:00:00Z'))).toBe('2025-03-31');
    expect(quarterEnd(new Date('2024-02-10T08:00:00Z'))).toBe('2024-03-31');
    expect(quarterEnd(new Date('2025-06-30T23:59:59Z'))).toBe('2025-06-30');
    expect(quarterEnd(new Date('2025-07-01T00:00:00Z'))).toBe('2025-09-30');
    expect(quarterEnd(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12-31');
  });

  it('writes amounts the way titles show them', () => {
    expect(formatMoney(0.01)).toBe('$0.01');
    expect(formatMoney(950)).toBe('$950');
    expect(formatMoney(45_500)).toBe('$45.5K');
    expect(formatMoney(450_000)).toBe('$450K');
    expect(formatMoney(999_999)).toBe('$1M');
    expect(formatMoney(1_250_000)).toBe('$1.3M');
  });

  it('keeps long CRM names from overflowing a title', () => {
    const phrase = dealPhrase({ name: 'x'.repeat(400), amount: 450_000 });
    expect(phrase).toBe(`the $450K ${'x'.repeat(119)}… deal`);
  });
});
