import { beforeAll, describe, expect, it } from 'vitest';
import { gapSummary } from '../conversations/gaps.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { listActions } from '../actions/store.js';
import { generateDemoData, type DemoDeal } from '../demo/generate.js';
import { seedDemoData } from '../demo/seed.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { createQuotaPeriod, setRepQuota } from './quotas.js';
import { runAllSkills } from './registry.js';

/**
 * The three skills on the generated demo data, run as the daily job runs them, with
 * what each should find worked out here from the data set alone.
 */
const NOW = new Date('2025-05-20T10:00:00Z');
const DAY = 86_400_000;
const dataset = generateDemoData({ seed: 7, now: NOW, accounts: 100 });
let db: TestDatabase;
let workspaceId: string;

const isOpen = (deal: DemoDeal) =>
  deal.stageNormalized !== 'closed_won' && deal.stageNormalized !== 'closed_lost';
const openDeals = dataset.deals.filter(isOpen);
// Quotas for every owner, managers (who own no deals) included.
const quotas = dataset.owners.map((owner, i) => ({ owner, amount: 60_000 + 40_000 * i }));

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Demo skills' })).id;
  await seedDemoData(db.pool, workspaceId, dataset);
  const period = await createQuotaPeriod(db.pool, workspaceId, {
    name: 'Q2 2025',
    startsOn: '2025-04-01',
    endsOn: '2025-06-30',
  });
  for (const { owner, amount } of quotas) {
    await setRepQuota(db.pool, workspaceId, period.id, { ownerEmail: owner.email, amount });
  }
});

function expectedAudit() {
  const flawed = openDeals.filter((d) => d.closeDate === null || d.amount === null || !d.stage);
  const top = [...flawed]
    .sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1) || a.sourceId.localeCompare(b.sourceId))
    .slice(0, 10);
  return { candidates: flawed.length, top: top.map((d) => d.sourceId).sort() };
}

function expectedStale() {
  const limits: Record<string, number> = {
    prospecting: 30,
    qualification: 30,
    discovery: 21,
    evaluation: 21,
    proposal: 14,
    negotiation: 10,
  };
  const lastChange = new Map<string, number>();
  for (const change of dataset.stageHistory) {
    const at = Date.parse(change.changedAt);
    lastChange.set(change.dealSourceId, Math.max(at, lastChange.get(change.dealSourceId) ?? 0));
  }
  const stale = openDeals.filter((deal) => {
    const touched = deal.lastActivityAt
      ? Date.parse(deal.lastActivityAt)
      : Math.max(Date.parse(deal.createdAt), lastChange.get(deal.sourceId) ?? 0);
    return Math.floor((NOW.getTime() - touched) / DAY) >= limits[deal.stageNormalized]!;
  });
  return stale.length;
}

function expectedCoverage() {
  const severities: string[] = [];
  let skipped = 0;
  for (const { owner, amount } of quotas) {
    const theirs = openDeals.filter((d) => d.ownerSourceId === owner.sourceId);
    const pipeline = theirs
      .filter((d) => d.closeDate && d.closeDate >= '2025-04-01' && d.closeDate <= '2025-06-30')
      .reduce((sum, d) => sum + (d.amount ?? 0), 0);
    // 41 days are left in the quarter on 2025-05-20: under 45 and under 60.
    if (pipeline >= 3 * amount) continue;
    if (theirs.length === 0) skipped += 1;
    else if (pipeline < 1.5 * amount) severities.push('critical');
    else if (pipeline < 2.5 * amount) severities.push('warning');
    else severities.push('info');
  }
  return { candidates: severities.length, skipped, severities };
}

describe('skills on the demo data', () => {
  it('finds what the data set says, and records one run per skill', async () => {
    const audit = expectedAudit();
    const stale = expectedStale();
    const coverage = expectedCoverage();
    // The data set is flawed enough for each skill to have work, and for the cuts to bite.
    expect(audit.candidates).toBeGreaterThan(10);
    expect(stale).toBeGreaterThan(10);
    expect(coverage.skipped).toBeGreaterThan(0);

    const report = await runAllSkills(db.pool, NOW);
    expect(report).toEqual({ runs: 3, failures: [] });

    const { rows } = await db.pool.query(
      `select skill, status, trigger, counts from skill_runs
       where workspace_id = $1::uuid order by skill`,
      [workspaceId],
    );
    const proposedCoverage = Math.min(10, coverage.candidates);
    expect(rows).toEqual([
      {
        skill: 'data-quality-audit',
        status: 'succeeded',
        trigger: 'schedule',
        counts: {
          candidates: audit.candidates,
          proposed: 10,
          created: 10,
          updated: 0,
          skipped: 0,
          suppressed: 0,
          closed: 0,
          // The check counts what the gaps list counts.
          checks: { conversationCoverage: (await gapSummary(db.pool, workspaceId)).bySeverity },
        },
      },
      {
        skill: 'pipeline-coverage',
        status: 'succeeded',
        trigger: 'schedule',
        counts: {
          candidates: coverage.candidates,
          proposed: proposedCoverage,
          created: proposedCoverage,
          updated: 0,
          skipped: coverage.skipped,
          suppressed: 0,
          closed: 0,
        },
      },
      {
        skill: 'stale-deals',
        status: 'succeeded',
        trigger: 'schedule',
        counts: {
          candidates: stale,
          proposed: Math.min(50, stale),
          created: Math.min(50, stale),
          updated: 0,
          skipped: 0,
          suppressed: 0,
          closed: 0,
        },
      },
    ]);

    const of = async (sourceName: string) =>
      (await listActions(db.pool, workspaceId, { sourceName, limit: 200 })).actions;
    expect((await of('data-quality-audit')).map((a) => a.targetSourceId).sort()).toEqual(audit.top);
    // Every rep is under 3x here, so all of them are proposed and severities line up.
    expect(coverage.candidates).toBeLessThanOrEqual(10);
    expect((await of('pipeline-coverage')).map((a) => a.severity).sort()).toEqual(
      [...coverage.severities].sort(),
    );
  });

  it('updates the same actions on the next run', async () => {
    const report = await runAllSkills(db.pool, NOW);
    expect(report.failures).toEqual([]);
    const { rows } = await db.pool.query<{ created: number; total: number }>(
      `select sum((counts->>'created')::int)::int as created,
              (select count(*) from actions where workspace_id = $1::uuid)::int as total
       from skill_runs where workspace_id = $1::uuid and started_at = (
         select max(started_at) from skill_runs r2 where r2.workspace_id = $1::uuid
           and r2.skill = skill_runs.skill)`,
      [workspaceId],
    );
    expect(rows[0]!.created).toBe(0);
    expect(rows[0]!.total).toBe(
      10 + Math.min(10, expectedCoverage().candidates) + Math.min(50, expectedStale()),
    );
  });
});
