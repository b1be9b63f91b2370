import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRecords } from '../../../test/records.js';
import { createUser } from '../../tenancy/users.js';
import type { FlowDefinition } from '../types.js';
import { insertPublishedFlow, publishVersion } from './flows.test-helper.js';
import { checkSchedule, nextSlot, runScheduleTick } from './schedule.js';
import { startFlowRun } from '../engine/runs.js';

const log = pino({ level: 'silent' });

describe('checkSchedule', () => {
  it('accepts five fields in an IANA zone', () => {
    expect(checkSchedule('0 9 * * 1-5', 'Europe/Paris')).toBeNull();
    expect(checkSchedule('*/15 * * * *', 'UTC')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkSchedule('0 0 9 * * 1-5', 'UTC')).toMatch(/five fields.*got 6/);
    expect(checkSchedule('0 9 * *', 'UTC')).toMatch(/five fields.*got 4/);
    expect(checkSchedule('0 25 * * *', 'UTC')).toMatch(/cron '0 25 \* \* \*' is not valid/);
    expect(checkSchedule('0 9 * * *', 'Mars/Olympus')).toMatch(/'Mars\/Olympus' is not an IANA/);
    expect(checkSchedule('0 9 * * *', '')).toMatch(/not an IANA/);
  });
});

describe('nextSlot', () => {
  it('reads the cron in the zone, across a daylight-saving change', () => {
    // 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer (the change: 29 March).
    expect(nextSlot('0 9 * * *', 'Europe/Paris', new Date('2026-03-28T09:00:00Z'))).toEqual(
      new Date('2026-03-29T07:00:00Z'),
    );
    expect(nextSlot('0 9 * * *', 'Europe/Paris', new Date('2026-03-27T09:00:00Z'))).toEqual(
      new Date('2026-03-28T08:00:00Z'),
    );
    expect(nextSlot('30 8 * * *', 'America/New_York', new Date('2026-12-03T00:00:00Z'))).toEqual(
      new Date('2026-12-03T13:30:00Z'),
    );
  });
});

describe('the schedule tick', () => {
  let db: TestDatabase;
  const hourly: FlowDefinition = {
    trigger: { type: 'schedule', cron: '0 * * * *', timezone: 'UTC' },
    steps: [{ key: 'mark', type: 'set_variable', config: { name: 'x', type: 'number', value: 1 } }],
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  async function runsOf(flowId: string) {
    const { rows } = await db.pool.query<{ trigger: Record<string, unknown>; version: number }>(
      `select trigger, version from flow_runs where flow_id = $1::uuid order by created_at`,
      [flowId],
    );
    return rows;
  }

  it('starts one run per slot however many ticks run at once', async () => {
    const { workspaceId } = await createRecords(db.pool, 'Schedule');
    const flowId = await insertPublishedFlow(db.pool, workspaceId, hourly, {
      publishedAt: '2026-12-03T09:10:00Z',
    });
    const deps = { startRun: startFlowRun, log };
    // Before the first slot (10:00) nothing starts.
    await runScheduleTick(db.pool, deps, new Date('2026-12-03T09:59:00Z'));
    expect(await runsOf(flowId)).toHaveLength(0);

    const at = new Date('2026-12-03T10:00:05Z');
    const ticks = await Promise.all([1, 2, 3, 4].map(() => runScheduleTick(db.pool, deps, at)));
    expect(ticks.reduce((sum, tick) => sum + tick.started, 0)).toBe(1);
    const runs = await runsOf(flowId);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.trigger).toMatchObject({
      type: 'schedule',
      slot: '2026-12-03T10:00:00.000Z',
      cron: '0 * * * *',
      timezone: 'UTC',
    });

    // The same slot does not start again; the next one does.
    await runScheduleTick(db.pool, deps, new Date('2026-12-03T10:30:00Z'));
    expect(await runsOf(flowId)).toHaveLength(1);
    await runScheduleTick(db.pool, deps, new Date('2026-12-03T11:00:01Z'));
    expect((await runsOf(flowId)).map((run) => run.trigger.slot)).toEqual([
      '2026-12-03T10:00:00.000Z',
      '2026-12-03T11:00:00.000Z',
    ]);
  });

  it('folds slots missed while nothing ticked into one run', async () => {
    const { workspaceId } = await createRecords(db.pool, 'Schedule');
    const flowId = await insertPublishedFlow(db.pool, workspaceId, hourly, {
      publishedAt: '2026-12-01T00:30:00Z',
    });
    const tick = await runScheduleTick(
      db.pool,
      { startRun: startFlowRun, log },
      new Date('2026-12-01T05:10:00Z'),
    );
    const runs = await runsOf(flowId);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.trigger).toMatchObject({ slot: '2026-12-01T01:00:00.000Z', missedSlots: 4 });
    expect(tick.missed).toBeGreaterThanOrEqual(4);
    const { rows } = await db.pool.query<{ next: string }>(
      `select next_slot_at as next from flow_schedules where flow_id = $1::uuid`,
      [flowId],
    );
    expect(rows[0]!.next).toBe('2026-12-01T06:00:00.000Z');
  });

  it('follows a newly published version and its cron', async () => {
    const { workspaceId } = await createRecords(db.pool, 'Schedule');
    const flowId = await insertPublishedFlow(db.pool, workspaceId, hourly, {
      publishedAt: '2026-12-02T00:00:00Z',
    });
    const deps = { startRun: startFlowRun, log };
    await runScheduleTick(db.pool, deps, new Date('2026-12-02T00:30:00Z'));
    await publishVersion(
      db.pool,
      workspaceId,
      flowId,
      2,
      { ...hourly, trigger: { type: 'schedule', cron: '45 * * * *', timezone: 'UTC' } },
      '2026-12-02T00:40:00Z',
    );
    await runScheduleTick(db.pool, deps, new Date('2026-12-02T00:46:00Z'));
    const runs = await runsOf(flowId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ version: 2, trigger: { slot: '2026-12-02T00:45:00.000Z' } });
  });

  it('leaves archived flows, paused automations and other triggers alone', async () => {
    const { workspaceId } = await createRecords(db.pool, 'Schedule');
    const member = await createUser(db.pool, {
      email: `sched-${Date.now()}@example.com`,
      name: 'Rep',
      password: 'correct horse battery',
    });
    const published = { publishedAt: '2026-12-04T00:00:00Z' };
    const archived = await insertPublishedFlow(db.pool, workspaceId, hourly, {
      ...published,
      status: 'archived',
    });
    const paused = await insertPublishedFlow(db.pool, workspaceId, hourly, {
      ...published,
      kind: 'automation',
      userId: member.id,
      isActive: false,
    });
    const active = await insertPublishedFlow(db.pool, workspaceId, hourly, {
      ...published,
      kind: 'automation',
      userId: member.id,
    });
    const manual = await insertPublishedFlow(
      db.pool,
      workspaceId,
      { ...hourly, trigger: { type: 'manual' } },
      published,
    );
    await runScheduleTick(
      db.pool,
      { startRun: startFlowRun, log },
      new Date('2026-12-04T01:00:00Z'),
    );
    expect(await runsOf(archived)).toHaveLength(0);
    expect(await runsOf(paused)).toHaveLength(0);
    expect(await runsOf(manual)).toHaveLength(0);
    const { rows } = await db.pool.query<{ scope: string }>(
      `select scope_user_id as scope from flow_runs where flow_id = $1::uuid`,
      [active],
    );
    // An automation's scheduled run touches its owner's records only.
    expect(rows).toEqual([{ scope: member.id }]);
  });
});
