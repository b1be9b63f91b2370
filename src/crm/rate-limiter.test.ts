import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createPool } from '../db/pool.js';
import { HttpError } from '../errors.js';
import { createConnection, deleteConnection } from '../tenancy/connections.js';
import { parseSecretKey } from '../tenancy/secrets.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { CrmError } from './errors.js';
import { createRateLimiter, usageFor, type DailyUsageWarning } from './rate-limiter.js';
import { rateLimitsFor, type RateLimits } from './rate-limits.js';

let db: TestDatabase;
let workspaceId: string;
// Each pool stands for another process of the deployment.
let pools: pg.Pool[];

const key = parseSecretKey('11'.repeat(32));

async function newConnection(crmType: 'hubspot' | 'salesforce' = 'hubspot'): Promise<string> {
  const connection = await createConnection(db.pool, key, { workspaceId, crmType, name: 'CRM' });
  return connection.id;
}

function limitsOf(overrides: Partial<RateLimits>): RateLimits {
  return {
    perWindow: null,
    windowMs: 1000,
    daily: null,
    search: null,
    safetyMargin: 0,
    warnAt: 0.8,
    timeZone: null,
    ...overrides,
  };
}

/** A clock the limiter reads and its sleeps move forward, shared by every "process". */
function fakeClock(start: string) {
  let time = Date.parse(start);
  const slept: number[] = [];
  return {
    now: () => time,
    slept,
    sleep: async (ms: number) => {
      slept.push(Math.round(ms));
      time += ms;
    },
    set: (iso: string) => {
      time = Date.parse(iso);
    },
  };
}

/** The most timestamps in any half-open window [t, t + windowMs) starting at one of them. */
function mostInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Rate limits' })).id;
  pools = [db.pool, createPool(db.url, 4), createPool(db.url, 4)];
});

afterAll(async () => {
  await Promise.all(pools.slice(1).map((pool) => pool.end()));
});

describe('rate limiter', () => {
  it('holds many processes to one budget per connection, and connections to their own', async () => {
    const [first, second] = [await newConnection('salesforce'), await newConnection('salesforce')];
    // 20 per second with the default safety margin, on the real clocks.
    const limits = rateLimitsFor('salesforce', { rateLimit: { perWindow: 20, windowMs: 1000 } });
    const start = performance.now();
    const firstTimes: number[] = [];
    const secondTimes: number[] = [];
    // When each call was let through: the slot its reservation was given (the answer's
    // time plus the wait), not when its promise came back, which a busy machine delays
    // by as much as it likes and so crowds a window that the limiter did not.
    const callers = pools.flatMap((pool) =>
      Array.from({ length: 15 }, async () => {
        let slot: number | undefined;
        const gate = createRateLimiter({
          pool,
          workspaceId,
          connectionId: first,
          limits,
          sleep: (ms) => {
            slot = performance.now() - start + ms;
            return new Promise((resolve) => setTimeout(resolve, ms));
          },
        });
        await gate.acquire();
        firstTimes.push(slot ?? performance.now() - start);
      }),
    );
    const other = createRateLimiter({ pool: pools[1]!, workspaceId, connectionId: second, limits });
    const otherCallers = Array.from({ length: 20 }, async () => {
      await other.acquire();
      secondTimes.push(performance.now() - start);
    });
    await Promise.all([...callers, ...otherCallers]);
    // Today is the day of the calls: read at their time, so a run across midnight counts them.
    const calledAt = Date.now();

    firstTimes.sort((a, b) => a - b);
    expect(firstTimes).toHaveLength(45);
    expect(mostInAnyWindow(firstTimes, 1000)).toBeLessThanOrEqual(20);
    // A full burst first, then the rest paced: 45 calls need three windows. The 20th is let
    // through well before the window turns (calls paced evenly would come 50 ms apart);
    // how soon after the start depends on the machine's load (618 ms in one CI run).
    expect(firstTimes[19]).toBeLessThan(firstTimes[20]! - 250);
    expect(firstTimes[20]).toBeGreaterThanOrEqual(1000);
    expect(firstTimes[44]).toBeGreaterThanOrEqual(2000);
    // The other connection's burst did not wait for the first one's budget, which would
    // have put it after the first connection's 45 calls, past 2 s.
    expect(Math.max(...secondTimes)).toBeLessThan(1000);
    const usage = await usageFor(db.pool, workspaceId, first, calledAt);
    expect(usage).toMatchObject({ usedToday: 45, dailyLimit: 100_000, percent: 0 });
  });

  it('holds search calls to their own limit, both limits counting them', async () => {
    const clock = fakeClock('2030-03-02T12:00:00Z');
    const gate = createRateLimiter({
      pool: db.pool,
      workspaceId,
      connectionId: await newConnection(),
      limits: limitsOf({
        perWindow: 8,
        windowMs: 10_000,
        search: { perWindow: 2, windowMs: 1000 },
      }),
      now: clock.now,
      sleep: clock.sleep,
    });
    const t0 = clock.now();
    const at = async (bucket?: 'search') => {
      await gate.acquire(bucket);
      return clock.now() - t0;
    };
    // Two searches at once, the next two a second later; plain calls are not held by
    // the search limit...
    expect([await at('search'), await at('search'), await at(), await at()]).toEqual([0, 0, 0, 0]);
    expect([await at('search'), await at('search')]).toEqual([1000, 1000]);
    // ...but searches used the general window: 8 calls in 10 s, the ninth waits for it.
    expect([await at(), await at()]).toEqual([1000, 1000]);
    expect(await at()).toBe(10_000);
  });

  it('allows a full burst, then the next when the oldest call leaves the window', async () => {
    const connectionId = await newConnection();
    const clock = fakeClock('2030-03-01T12:00:00Z');
    const gate = createRateLimiter({
      pool: db.pool,
      workspaceId,
      connectionId,
      limits: limitsOf({ perWindow: 3, windowMs: 1000 }),
      now: clock.now,
      sleep: clock.sleep,
    });
    const t0 = clock.now();
    const granted: number[] = [];
    for (let i = 0; i < 7; i++) {
      await gate.acquire();
      granted.push(clock.now() - t0);
    }
    // Three at once, three a window later, one more a window after that.
    expect(granted).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);

    // The safety margin stretches the window: 50 % doubles it.
    const margin = createRateLimiter({
      pool: db.pool,
      workspaceId,
      connectionId: await newConnection(),
      limits: limitsOf({ perWindow: 2, windowMs: 1000, safetyMargin: 0.5 }),
      now: clock.now,
      sleep: clock.sleep,
    });
    const t1 = clock.now();
    granted.length = 0;
    for (let i = 0; i < 3; i++) {
      await margin.acquire();
      granted.push(clock.now() - t1);
    }
    expect(granted).toEqual([0, 0, 2000]);
  });

  it('keeps the recent calls when the limit changes', async () => {
    const connectionId = await newConnection();
    const clock = fakeClock('2030-03-01T12:00:00Z');
    const gate = (perWindow: number) =>
      createRateLimiter({
        pool: db.pool,
        workspaceId,
        connectionId,
        limits: limitsOf({ perWindow, windowMs: 1000 }),
        now: clock.now,
        sleep: clock.sleep,
      });
    for (let i = 0; i < 3; i++) await gate(4).acquire();
    expect(clock.slept).toEqual([]);
    // Down to 2 per window: the 3 calls just made still count.
    await gate(2).acquire();
    expect(clock.slept).toEqual([1000]);
    // Up to 3: the call just made still counts, so 2 more fit in this window, not 3.
    await gate(3).acquire();
    await gate(3).acquire();
    expect(clock.slept).toEqual([1000]);
    await gate(3).acquire();
    expect(clock.slept).toEqual([1000, 1000]);
  });

  it('pause() holds back callers in every process, those already waiting included', async () => {
    const connectionId = await newConnection();
    const clock = fakeClock('2030-03-01T12:00:00Z');
    const limits = limitsOf({ perWindow: 1, windowMs: 1000 });
    const [a, b, c] = pools.map((pool) =>
      createRateLimiter({
        pool,
        workspaceId,
        connectionId,
        limits,
        now: clock.now,
        sleep: clock.sleep,
      }),
    );
    const t0 = clock.now();
    await a!.acquire();
    // b's slot comes in a second; while it waits, c gets a 429 and pauses for three.
    const waiting = createRateLimiter({
      pool: pools[1]!,
      workspaceId,
      connectionId,
      limits,
      now: clock.now,
      sleep: async (ms) => {
        if (clock.now() === t0) await c!.pause(3000, 'TEN_SECONDLY_ROLLING');
        await clock.sleep(ms);
      },
    });
    await waiting.acquire();
    expect(clock.now() - t0).toBe(3000);
    // A fresh caller in another process waits for the pause too (and for its slot).
    await b!.acquire();
    expect(clock.now() - t0).toBe(4000);
    const usage = await a!.usage();
    expect(usage).toMatchObject({
      usedToday: 3,
      last429Policy: 'TEN_SECONDLY_ROLLING',
      last429At: new Date(t0).toISOString(),
      pausedUntil: null,
    });
  });

  it('pause() on the real clock delays a caller of another pool', async () => {
    const connectionId = await newConnection();
    const limits = rateLimitsFor('hubspot', {});
    const a = createRateLimiter({ pool: pools[1]!, workspaceId, connectionId, limits });
    const b = createRateLimiter({ pool: pools[2]!, workspaceId, connectionId, limits });
    // Timed from before the pause: the pause runs from when it is set, and the usage read in
    // between took 55 ms of it on a loaded machine.
    const start = performance.now();
    await a.pause(300);
    const paused = await b.usage();
    expect(paused.pausedUntil).not.toBeNull();
    await b.acquire();
    expect(performance.now() - start).toBeGreaterThanOrEqual(250);
  });

  it("starts a new quota day at midnight in the CRM account's time zone", async () => {
    const connectionId = await newConnection();
    await db.pool.query(
      `update connections set metadata = metadata || '{"timeZone": "US/Eastern"}'::jsonb
       where id = $1::uuid`,
      [connectionId],
    );
    // 23:30 on Jan 14 in New York (EST, UTC-5): half an hour before its midnight, which
    // is 05:00 UTC; UTC's would be 19.5 hours away.
    const clock = fakeClock('2030-01-15T04:30:00Z');
    const gate = createRateLimiter({
      pool: db.pool,
      workspaceId,
      connectionId,
      limits: limitsOf({ daily: 3, timeZone: 'US/Eastern' }),
      now: clock.now,
      sleep: clock.sleep,
    });
    for (let i = 0; i < 3; i++) await gate.acquire();
    const error = await gate.acquire().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rate_limited', policy: 'DAILY' });
    expect((error as CrmError).retryAfterMs).toBe(30 * 60_000);
    expect(await gate.usage()).toMatchObject({ day: '2030-01-14', usedToday: 3 });
    // A DAILY 429 from the CRM holds calls until the same midnight.
    await gate.pause(0, 'DAILY');
    expect(await usageFor(db.pool, workspaceId, connectionId, clock.now())).toMatchObject({
      dailyExhaustedUntil: '2030-01-15T05:00:00.000Z',
    });

    clock.set('2030-01-15T05:00:01Z');
    await gate.acquire();
    expect(await gate.usage()).toMatchObject({ day: '2030-01-15', usedToday: 1 });
  });

  it('warns once a day at 80 % and refuses calls past the daily quota', async () => {
    const connectionId = await newConnection();
    const clock = fakeClock('2030-03-01T20:00:00Z');
    const warnings: DailyUsageWarning[] = [];
    const [a, b] = pools.map((pool) =>
      createRateLimiter({
        pool,
        workspaceId,
        connectionId,
        limits: limitsOf({ daily: 10 }),
        now: clock.now,
        sleep: clock.sleep,
        onWarning: (warning) => void warnings.push(warning),
      }),
    );
    const gates = [a!, b!];
    for (let i = 0; i < 7; i++) await gates[i % 2]!.acquire();
    expect(warnings).toEqual([]);
    await gates[1]!.acquire();
    expect(warnings).toEqual([
      { workspaceId, connectionId, usedToday: 8, dailyLimit: 10, percent: 80 },
    ]);
    await a!.acquire();
    await b!.acquire();
    expect(warnings).toHaveLength(1);

    const error = await a!.acquire().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'rate_limited', policy: 'DAILY', retryable: false });
    // Until midnight UTC, four hours away; nothing slept meanwhile.
    expect((error as CrmError).retryAfterMs).toBe(4 * 3600_000);
    expect(clock.slept).toEqual([]);
    await expect(b!.acquire()).rejects.toMatchObject({ policy: 'DAILY' });
    expect(await a!.usage()).toMatchObject({
      day: '2030-03-01',
      usedToday: 10,
      dailyLimit: 10,
      percent: 100,
      warnedAt: '2030-03-01T20:00:00.000Z',
    });

    // A new UTC day: a new budget, and the warning may be raised again.
    clock.set('2030-03-02T00:00:01Z');
    expect(await b!.usage()).toMatchObject({ day: '2030-03-02', usedToday: 0 });
    for (let i = 0; i < 8; i++) await gates[i % 2]!.acquire();
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({ usedToday: 8 });
  });

  it('reportUsage() replaces the counted figure and the quota with the CRM’s', async () => {
    const connectionId = await newConnection('salesforce');
    const warnings: DailyUsageWarning[] = [];
    const gate = createRateLimiter({
      pool: db.pool,
      workspaceId,
      connectionId,
      limits: rateLimitsFor('salesforce', {}),
      onWarning: (warning) => void warnings.push(warning),
    });
    for (let i = 0; i < 3; i++) await gate.acquire();
    expect(await gate.usage()).toMatchObject({ usedToday: 3, dailyLimit: 100_000 });

    await gate.reportUsage(50_000, 120_000);
    await gate.acquire();
    expect(await gate.usage()).toMatchObject({
      usedToday: 50_001,
      dailyLimit: 120_000,
      percent: 41.7,
      warnedAt: null,
    });
    expect((await gate.usage()).reportedAt).not.toBeNull();

    await gate.reportUsage(100_000, 120_000);
    await gate.reportUsage(100_500, 120_000);
    expect(warnings).toEqual([
      { workspaceId, connectionId, usedToday: 100_000, dailyLimit: 120_000, percent: 83.3 },
    ]);

    await gate.reportUsage(120_000, 120_000);
    await expect(gate.acquire()).rejects.toMatchObject({ kind: 'rate_limited', policy: 'DAILY' });
    // Salesforce counts over a rolling day: a lower figure lets calls through again.
    await gate.reportUsage(90_000, 120_000);
    await gate.acquire();
    expect((await gate.usage()).usedToday).toBe(90_001);
  });

  it('a DAILY refusal from the CRM stops calls until the time it gave', async () => {
    const connectionId = await newConnection();
    const clock = fakeClock('2030-03-01T10:00:00Z');
    const gate = createRateLimiter({
      pool: db.pool,
      workspaceId,
      connectionId,
      limits: rateLimitsFor('hubspot', {}),
      now: clock.now,
      sleep: clock.sleep,
    });
    await gate.acquire();
    await gate.pause(60_000, 'DAILY');
    await expect(gate.acquire()).rejects.toMatchObject({ policy: 'DAILY', retryAfterMs: 60_000 });
    expect(await gate.usage()).toMatchObject({
      pausedUntil: null,
      dailyExhaustedUntil: '2030-03-01T10:01:00.000Z',
      last429Policy: 'DAILY',
    });
    clock.set('2030-03-01T10:01:00Z');
    await gate.acquire();
    expect(clock.slept).toEqual([]);
  });

  it('answers "not found" for another workspace’s connection, and goes with the connection', async () => {
    const connectionId = await newConnection();
    const otherWorkspace = (await createWorkspace(db.pool, { name: 'Other' })).id;
    const intruder = createRateLimiter({
      pool: db.pool,
      workspaceId: otherWorkspace,
      connectionId,
      limits: rateLimitsFor('hubspot', {}),
    });
    for (const call of [
      () => intruder.acquire(),
      () => intruder.pause(1000),
      () => intruder.reportUsage(1, 10),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 404 });
    }
    const owner = createRateLimiter({
      pool: db.pool,
      workspaceId,
      connectionId,
      limits: rateLimitsFor('hubspot', {}),
    });
    await owner.acquire();
    expect(await usageFor(db.pool, otherWorkspace, connectionId)).toBeNull();
    expect(await usageFor(db.pool, workspaceId, connectionId)).toMatchObject({ usedToday: 1 });

    await deleteConnection(db.pool, workspaceId, connectionId);
    const { rowCount } = await db.pool.query(
      'select 1 from crm_rate_limits where connection_id = $1::uuid',
      [connectionId],
    );
    expect(rowCount).toBe(0);
  });
});
