import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createRecords, type Records } from '../../test/records.js';
import { listActions, type Action } from '../actions/store.js';
import { createConnection } from '../tenancy/connections.js';
import { coverageRule, formatCoverage } from './pipeline-coverage.js';
import { createQuotaPeriod, setRepQuota } from './quotas.js';
import { runSkill } from './registry.js';

// 2025-03-10: Q1 2025 has 21 days left; the other periods end 44, 45, 59 and 60 days out.
const NOW = new Date('2025-03-10T09:00:00Z');
let db: TestDatabase;
let r: Records;
let connectionId: string;
const owners: Record<string, string> = {};
const periods: Record<string, string> = {};
const deals: Record<string, { id: string; sourceId: string }> = {};

async function actions(): Promise<Action[]> {
  const { actions: list } = await listActions(db.pool, r.workspaceId, {
    sourceName: 'pipeline-coverage',
    limit: 100,
  });
  return list;
}

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

beforeAll(async () => {
  db = await createTestDatabase();
  r = await createRecords(db.pool);
  connectionId = (
    await createConnection(db.pool, TEST_SECRET_KEY, {
      workspaceId: r.workspaceId,
      crmType: 'salesforce',
      name: 'Salesforce',
    })
  ).id;
  const period = async (name: string, startsOn: string, endsOn: string) => {
    periods[name] = (
      await createQuotaPeriod(db.pool, r.workspaceId, { name, startsOn, endsOn })
    ).id;
  };
  await period('Q1 2025', '2025-01-01', '2025-03-31');
  await period('Sprint', '2025-02-01', '2025-04-23');
  await period('Spring', '2025-03-01', '2025-04-24');
  await period('Fifty-nine', '2025-03-01', '2025-05-08');
  await period('Sixty', '2025-03-01', '2025-05-09');
  await period('Q2 2025', '2025-04-01', '2025-06-30');

  // A rep with a quota in one period and open deals: [name, amount, close date].
  const rep = async (
    name: string,
    quota: { period: string; amount: number; byEmail?: string },
    repDeals: [string, number | null, string, string?][],
  ) => {
    const email = `${name.split(' ')[0]!.toLowerCase()}@seller.test`;
    const ownerId = await r.owner({ name, email });
    owners[name] = ownerId;
    for (const [dealName, amount, closeDate, stage] of repDeals) {
      deals[dealName] = await r.deal({
        name: dealName,
        source: 'salesforce',
        ownerId,
        amount,
        closeDate,
        stageNormalized: stage ?? 'proposal',
      });
    }
    await setRepQuota(
      db.pool,
      r.workspaceId,
      periods[quota.period]!,
      quota.byEmail
        ? { ownerEmail: quota.byEmail, amount: quota.amount }
        : { ownerId, amount: quota.amount },
    );
  };
  const q1 = (amount: number) => ({ period: 'Q1 2025', amount });
  // Nothing closing in the period: the action targets the largest open deal anyway.
  await rep('Nora North', q1(100_000), [['North big', 200_000, '2025-05-01']]);
  await rep('Hank Hill', { period: 'Sprint', amount: 100_000 }, [['Hill', 100_000, '2025-04-20']]);
  await rep('Gina Gray', { period: 'Spring', amount: 100_000 }, [['Gray', 100_000, '2025-04-20']]);
  await rep('Alice Adams', q1(100_000), [
    ['Adams one', 100_000, '2025-03-20'],
    ['Adams two', 49_999.99, '2025-02-28'],
    ['Adams tbd', null, '2025-03-25'],
    // Closed, or closing after the period: not pipeline for Q1.
    ['Adams won', 500_000, '2025-03-05', 'closed_won'],
    ['Adams later', 500_000, '2025-04-15'],
  ]);
  await setRepQuota(db.pool, r.workspaceId, periods['Q2 2025']!, {
    ownerId: owners['Alice Adams']!,
    amount: 1_000_000,
  });
  await rep('Ben Brown', q1(100_000), [['Brown', 150_000, '2025-03-31']]);
  await rep('Lena Lee', { period: 'Q1 2025', amount: 50_000, byEmail: 'Lena@Seller.test' }, [
    ['Lee', 10_000, '2025-01-01'],
  ]);
  await rep('Jay James', { period: 'Fifty-nine', amount: 100_000 }, [
    ['James', 200_000, '2025-05-01'],
  ]);
  await rep('Ivy Irwin', { period: 'Sixty', amount: 100_000 }, [['Irwin', 200_000, '2025-05-01']]);
  await rep('Cal Cole', q1(100_000), [['Cole', 249_999, '2025-03-15']]);
  await rep('Dee Dunn', q1(100_000), [['Dunn', 250_000, '2025-03-15']]);
  await rep('Max Moss', q1(20_000), [['Moss', 39_000, '2025-03-15']]);
  await rep('Eve Ellis', q1(100_000), [['Ellis', 299_999.99, '2025-03-15']]);
  await rep('Fay Fox', q1(100_000), [['Fox', 300_000, '2025-03-15']]);
  // Nothing to point an action at: only a won deal, or no owner with the quota's email.
  await rep('Kim Kerr', q1(100_000), [['Kerr won', 90_000, '2025-02-01', 'closed_won']]);
  await setRepQuota(db.pool, r.workspaceId, periods['Q1 2025']!, {
    ownerEmail: 'ghost@seller.test',
    amount: 100_000,
  });
});

describe('pipeline-coverage', () => {
  it('warns the 10 reps furthest from 3x, by how close the period end is', async () => {
    const result = await runSkill(db.pool, r.workspaceId, 'pipeline-coverage', { now: NOW });
    expect(result).toMatchObject({
      proposed: 10,
      created: 10,
      updated: 0,
      candidates: 12,
      skipped: 2,
    });
    const list = await actions();
    // Max Moss ($21K short) and Eve Ellis ($0.01 short) fall below the cut; Fay Fox is at 3x.
    expect(
      list.map((a) => ({ title: a.title, severity: a.severity, type: a.actionType })).sort(byTitle),
    ).toEqual(
      [
        {
          title: 'Nora North: 0.00x pipeline coverage for Q1 2025, $300K short of 3x',
          severity: 'critical',
          type: 'notify_manager',
        },
        // 44 days left: under 45.
        {
          title: 'Hank Hill: 1.00x pipeline coverage for Sprint, $200K short of 3x',
          severity: 'critical',
          type: 'notify_manager',
        },
        // 45 days left: not under 45, but under 60.
        {
          title: 'Gina Gray: 1.00x pipeline coverage for Spring, $200K short of 3x',
          severity: 'warning',
          type: 'notify_rep',
        },
        {
          title: 'Alice Adams: 1.49x pipeline coverage for Q1 2025, $150K short of 3x',
          severity: 'critical',
          type: 'notify_manager',
        },
        // Exactly 1.5x is not below 1.5x.
        {
          title: 'Ben Brown: 1.50x pipeline coverage for Q1 2025, $150K short of 3x',
          severity: 'warning',
          type: 'notify_rep',
        },
        {
          title: 'Lena Lee: 0.20x pipeline coverage for Q1 2025, $140K short of 3x',
          severity: 'critical',
          type: 'notify_manager',
        },
        // 59 days left: under 60; 60 days: not.
        {
          title: 'Jay James: 2.00x pipeline coverage for Fifty-nine, $100K short of 3x',
          severity: 'warning',
          type: 'notify_rep',
        },
        {
          title: 'Ivy Irwin: 2.00x pipeline coverage for Sixty, $100K short of 3x',
          severity: 'info',
          type: 'notify_rep',
        },
        {
          title: 'Cal Cole: 2.49x pipeline coverage for Q1 2025, $50K short of 3x',
          severity: 'warning',
          type: 'notify_rep',
        },
        // Exactly 2.5x is not below 2.5x.
        {
          title: 'Dee Dunn: 2.50x pipeline coverage for Q1 2025, $50K short of 3x',
          severity: 'info',
          type: 'notify_rep',
        },
      ].sort(byTitle),
    );

    const alice = list.find((a) => a.ownerEmail === 'alice@seller.test')!;
    expect(alice).toMatchObject({
      impactAmount: 150_000.01,
      urgencyLabel: '21 days left in Q1 2025',
      // The largest open deal closing in the period; "Adams later" is bigger but after it.
      targetType: 'deal',
      targetName: 'Adams one',
      targetSourceId: deals['Adams one']!.sourceId,
      targetEntityId: deals['Adams one']!.id,
      connectionId,
      sourceId: result.runId,
      dedupeKey: `pipeline-coverage:rep:${owners['Alice Adams']}:${periods['Q1 2025']}`,
      summary:
        'Alice Adams has $150K of open pipeline closing in Q1 2025 (2025-01-01 to 2025-03-31) ' +
        'against a $100K quota: 1.49x coverage with 21 days left. Reaching 3x takes $150K more.',
    });
    expect(alice.recommendedSteps).toEqual([
      'Review the pipeline with Alice Adams this week: 3 open deals worth $150K closing in Q1 2025',
      "Check which of Alice Adams's deals closing after 2025-03-31 can close in Q1 2025",
      'Start with the $100K Adams one deal, the largest open deal: confirm its close date and ' +
        'next step',
      'Agree on a plan to source $150K of new pipeline, or lower the forecast for Q1 2025',
    ]);

    const nora = list.find((a) => a.ownerEmail === 'nora@seller.test')!;
    expect(nora).toMatchObject({ targetName: 'North big', impactAmount: 300_000 });
    // A quota by email: the owner with that email is the rep.
    const lena = list.find((a) => a.targetName === 'Lee')!;
    expect(lena).toMatchObject({
      ownerEmail: 'lena@seller.test',
      dedupeKey: `pipeline-coverage:rep:${owners['Lena Lee']}:${periods['Q1 2025']}`,
    });
    const gina = list.find((a) => a.ownerEmail === 'gina@seller.test')!;
    expect(gina.recommendedSteps[0]).toBe(
      'Add $200K of pipeline closing by 2025-04-24 to reach 3x coverage',
    );
  });

  it('updates the same actions when run again, and reaches below the cut on request', async () => {
    const again = await runSkill(db.pool, r.workspaceId, 'pipeline-coverage', { now: NOW });
    expect(again).toMatchObject({ proposed: 10, created: 0, updated: 10 });
    const wider = await runSkill(db.pool, r.workspaceId, 'pipeline-coverage', {
      now: NOW,
      limit: 20,
    });
    expect(wider).toMatchObject({ proposed: 12, created: 2, updated: 10, skipped: 2 });
    const titles = (await actions()).map((a) => [a.title, a.severity]);
    expect(titles).toHaveLength(12);
    expect(titles).toContainEqual([
      'Max Moss: 1.95x pipeline coverage for Q1 2025, $21K short of 3x',
      'warning',
    ]);
    expect(titles).toContainEqual([
      'Eve Ellis: 2.99x pipeline coverage for Q1 2025, $0.01 short of 3x',
      'info',
    ]);
  });

  it('skips periods that do not contain the day', async () => {
    const { actions: q2 } = await listActions(db.pool, r.workspaceId, {
      sourceName: 'pipeline-coverage',
      ownerEmail: 'alice@seller.test',
    });
    expect(q2.map((a) => a.dedupeKey)).toEqual([
      `pipeline-coverage:rep:${owners['Alice Adams']}:${periods['Q1 2025']}`,
    ]);
  });
});

describe('coverage rules', () => {
  it('compares in cents at 1.5x, 2.5x and 3x, and by days left at 45 and 60', () => {
    expect(coverageRule(149_999.99, 100_000, 44)?.severity).toBe('critical');
    expect(coverageRule(150_000, 100_000, 44)?.severity).toBe('warning');
    expect(coverageRule(149_999.99, 100_000, 45)?.severity).toBe('warning');
    expect(coverageRule(249_999.99, 100_000, 59)?.severity).toBe('warning');
    expect(coverageRule(249_999.99, 100_000, 60)?.severity).toBe('info');
    expect(coverageRule(250_000, 100_000, 10)?.severity).toBe('info');
    expect(coverageRule(299_999.99, 100_000, 10)?.severity).toBe('info');
    expect(coverageRule(300_000, 100_000, 10)).toBeNull();
    // 0.1 + 0.2 style float error must not tip a boundary: 3 x 0.1 is exactly 0.3.
    expect(coverageRule(0.3, 0.1, 10)).toBeNull();
    expect(formatCoverage(149_999.99, 100_000)).toBe('1.49x');
  });
});
