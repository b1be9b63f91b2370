import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../tenancy/workspaces.js';
import { insertActivity, insertAgent, insertOwner } from '../../test/activity.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { activityStats, statsPeriod } from './stats.js';

let db: TestDatabase;
let workspaceId: string;
let alice: string;
let bob: string;
let pendingId: string;
const all = { kind: 'all' } as const;

const hour = (h: number, minute = 0) => new Date(Date.UTC(2026, 10, 2, h, minute)).toISOString();
const auto = { decision: 'auto_apply', status: 'applied' };
const asked = { decision: 'inbox', status: 'pending' };

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Stats' })).id;
  const { agentId } = await insertAgent(db.pool, workspaceId);
  alice = await insertOwner(db.pool, workspaceId, 'alice@example.com');
  bob = await insertOwner(db.pool, workspaceId, 'bob@example.com');
  const ids = await insertActivity(db.pool, workspaceId, [
    // 09:00: two auto-applied runs (three fields written), one failure.
    {
      agentId,
      ownerId: alice,
      createdAt: hour(9, 5),
      overallConfidence: 0.9,
      fieldsUpdated: { amount: auto, close_date: auto },
    },
    {
      agentId,
      ownerId: bob,
      createdAt: hour(9, 10),
      overallConfidence: 0.8,
      fieldsUpdated: { amount: auto, stage: { decision: 'skip', status: 'shadow' } },
    },
    { agentId, ownerId: bob, status: 'failed', createdAt: hour(9, 20), overallConfidence: null },
    // 11:00: one waiting for a person, one a person rejected, one a person approved.
    {
      agentId,
      ownerId: alice,
      status: 'pending',
      createdAt: hour(11, 1),
      overallConfidence: 0.5,
      fieldsUpdated: { amount: asked },
    },
    {
      agentId,
      ownerId: alice,
      status: 'rejected',
      createdAt: hour(11, 2),
      overallConfidence: 0.4,
      fieldsUpdated: { amount: asked },
    },
    {
      agentId,
      ownerId: bob,
      status: 'success',
      createdAt: hour(11, 3),
      overallConfidence: 0.6,
      fieldsUpdated: { stage: { decision: 'inbox', status: 'applied' } },
    },
  ]);
  pendingId = ids[3]!;
});

const period = { from: hour(8), to: hour(12), bucket: 'hour' as const };

describe('activityStats', () => {
  it('counts runs, auto-applied fields, waiting, approvals, failures and confidence, by hour', async () => {
    const stats = await activityStats(db.pool, workspaceId, all, period);
    expect(stats.totals).toEqual({
      runs: 6,
      autoApplied: 3,
      waiting: 1,
      succeeded: 3,
      failed: 1,
      rejected: 1,
      approved: 1,
      approvalRate: 0.5,
      failureRate: 0.1667,
      averageConfidence: 0.64,
    });
    expect(stats.series.map((point) => [point.at, point.runs, point.averageConfidence])).toEqual([
      [hour(8), 0, null],
      [hour(9), 3, 0.85],
      [hour(10), 0, null],
      [hour(11), 3, 0.5],
    ]);
  });

  it('follows a run that a person decides later, and a run deleted', async () => {
    await db.pool.query(`update activity_logs set status = 'success' where id = $1::uuid`, [
      pendingId,
    ]);
    let { totals } = await activityStats(db.pool, workspaceId, all, period);
    expect(totals).toMatchObject({ runs: 6, waiting: 0, approved: 2, approvalRate: 0.6667 });
    await db.pool.query(`delete from activity_logs where id = $1::uuid`, [pendingId]);
    ({ totals } = await activityStats(db.pool, workspaceId, all, period));
    expect(totals).toMatchObject({ runs: 5, approved: 1, averageConfidence: 0.675 });
  });

  it('counts by UTC day, and only a member’s own runs for a member', async () => {
    const byDay = await activityStats(db.pool, workspaceId, all, {
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-04T00:00:00Z',
      bucket: 'day',
    });
    expect(byDay.series.map((point) => point.runs)).toEqual([0, 5, 0]);
    const mine = await activityStats(
      db.pool,
      workspaceId,
      { kind: 'owner', email: 'ALICE@example.com' },
      period,
    );
    expect(mine.totals).toMatchObject({ runs: 2, autoApplied: 2, rejected: 1 });
    const keyOnly = await activityStats(
      db.pool,
      workspaceId,
      { kind: 'owner', email: null },
      period,
    );
    expect(keyOnly.totals.runs).toBe(0);
  });

  it('leaves the counters consistent when the workspace goes', async () => {
    const other = (await createWorkspace(db.pool, { name: 'Gone' })).id;
    await insertActivity(db.pool, other, [{ createdAt: hour(9) }]);
    await db.pool.query('delete from workspaces where id = $1::uuid', [other]);
    const { rows } = await db.pool.query(
      'select count(*)::int as n from activity_rollups where workspace_id = $1::uuid',
      [other],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('statsPeriod', () => {
  const now = new Date('2026-11-02T10:30:00Z');

  it('defaults to the last seven days by day, widened to whole buckets', () => {
    expect(statsPeriod({}, now)).toEqual({
      from: new Date('2026-10-26T00:00:00Z'),
      to: new Date('2026-11-03T00:00:00Z'),
      bucket: 'day',
    });
    expect(statsPeriod({ from: '2026-11-02T08:15:00Z' }, now)).toEqual({
      from: new Date('2026-11-02T08:00:00Z'),
      to: new Date('2026-11-02T11:00:00Z'),
      bucket: 'hour',
    });
  });

  it('refuses a reversed period, and one too long for its bucket', () => {
    expect(() => statsPeriod({ from: '2026-11-03T00:00:00Z' }, now)).toThrow(
      expect.objectContaining({ code: 'invalid_period' }),
    );
    expect(() => statsPeriod({ from: '2026-09-01T00:00:00Z', bucket: 'hour' }, now)).toThrow(
      expect.objectContaining({ code: 'period_too_long' }),
    );
    expect(() => statsPeriod({ from: '2025-09-01T00:00:00Z', bucket: 'day' }, now)).toThrow(
      expect.objectContaining({ code: 'period_too_long' }),
    );
  });
});
