import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventListener, type WorkspaceEvent } from '../events/bus.js';
import { settleItems } from '../inbox/resolve.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { insertActivity, insertAgent } from '../../test/activity.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { evaluateAnomalies } from './evaluate.js';
import { ANOMALY_RULES, ruleById } from './rules.js';
import { raiseOrRefresh } from './store.js';

let db: TestDatabase;
let events: EventListener;
const heard: WorkspaceEvent[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  events = new EventListener(db.url);
  await events.start();
});
afterAll(() => events.close());

const start = Date.UTC(2026, 10, 2, 9, 0);
const at = (minutes: number) => new Date(start + minutes * 60_000);
const rule = (id: string) => [ruleById(id)!];

async function workspace(name: string) {
  const id = (await createWorkspace(db.pool, { name })).id;
  events.subscribe(id, (event) => heard.push(event));
  return id;
}

async function anomaliesOf(workspaceId: string) {
  const { rows } = await db.pool.query(
    `select id, rule, scope_key as "scopeKey", status, data, fired_at as "firedAt",
            last_notified_at as "lastNotifiedAt", resolution
     from anomalies where workspace_id = $1::uuid order by created_at, id`,
    [workspaceId],
  );
  return rows;
}

async function alertsOf(workspaceId: string) {
  const { rows } = await db.pool.query(
    `select item_type as "itemType", source, status, assignee_user_id as "assigneeUserId",
            anomaly_id as "anomalyId"
     from inbox_items where workspace_id = $1::uuid order by created_at, id`,
    [workspaceId],
  );
  return rows;
}

/** `failed` failed runs among `runs` of the agent, in the minutes before `now`. */
async function runs(
  workspaceId: string,
  agentId: string,
  now: Date,
  total: number,
  failed: number,
) {
  await insertActivity(
    db.pool,
    workspaceId,
    Array.from({ length: total }, (_, i) => ({
      agentId,
      status: i < failed ? ('failed' as const) : ('success' as const),
      overallConfidence: 0.9,
      createdAt: new Date(now.getTime() - (i + 1) * 1000).toISOString(),
    })),
  );
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
};

describe('agent failure rate', () => {
  it('waits out the pending period, fires once with an alert for admins, re-notifies, and clears only at the lower threshold', async () => {
    const ws = await workspace('Failures');
    const { agentId } = await insertAgent(db.pool, ws, 'Renewals');
    const failures = rule('agent_failure_rate');

    // 3 of 10 failed: above 20% with the minimum sample; pending first.
    await runs(ws, agentId, at(0), 10, 3);
    await evaluateAnomalies(db.pool, at(0), failures);
    let [anomaly] = await anomaliesOf(ws);
    expect(anomaly).toMatchObject({
      rule: 'agent_failure_rate',
      scopeKey: agentId,
      status: 'pending',
    });
    expect(anomaly.data).toMatchObject({
      value: 0.3,
      threshold: 0.2,
      recoverAt: 0.1,
      sampleSize: 10,
    });
    expect(await alertsOf(ws)).toEqual([]);

    await evaluateAnomalies(db.pool, at(5), failures);
    expect((await anomaliesOf(ws))[0].status).toBe('pending');

    await evaluateAnomalies(db.pool, at(10), failures);
    [anomaly] = await anomaliesOf(ws);
    expect(anomaly.status).toBe('active');
    expect(await alertsOf(ws)).toEqual([
      {
        itemType: 'alert',
        source: 'anomaly',
        status: 'pending',
        assigneeUserId: null,
        anomalyId: anomaly.id,
      },
    ]);
    await waitFor(() => heard.some((e) => e.workspaceId === ws && e.type === 'anomaly.detected'));
    expect(heard.filter((e) => e.workspaceId === ws && e.type === 'anomaly.detected')).toEqual([
      expect.objectContaining({
        payload: { anomalyId: anomaly.id, rule: 'agent_failure_rate', severity: 'error' },
      }),
    ]);

    // Still failing (7 of the 20 runs in the hour): no second finding, no second alert, no new notice before 4 hours.
    await runs(ws, agentId, at(50), 10, 4);
    await evaluateAnomalies(db.pool, at(50), failures);
    expect(await anomaliesOf(ws)).toHaveLength(1);
    expect((await anomaliesOf(ws))[0].lastNotifiedAt).toBe(anomaly.lastNotifiedAt);
    await runs(ws, agentId, at(10 + 240), 10, 5);
    await evaluateAnomalies(db.pool, at(10 + 240), failures);
    const renotified = (await anomaliesOf(ws))[0];
    expect(renotified.lastNotifiedAt).toBe(at(250).toISOString());
    expect(await alertsOf(ws)).toHaveLength(1);

    // 15%: between the lines, still active. 10%: resolved by recovery, the alert settled.
    await runs(ws, agentId, at(400), 20, 3);
    await evaluateAnomalies(db.pool, at(400), failures);
    expect((await anomaliesOf(ws))[0].status).toBe('active');
    await runs(ws, agentId, at(500), 20, 2);
    await evaluateAnomalies(db.pool, at(500), failures);
    expect((await anomaliesOf(ws))[0]).toMatchObject({
      status: 'resolved',
      resolution: 'recovery',
    });
    expect((await alertsOf(ws))[0].status).toBe('approved');

    // The trend: one point per evaluation that measured something.
    const { rows } = await db.pool.query(
      `select value from anomaly_samples where workspace_id = $1::uuid and scope_key = $2::text order by at`,
      [ws, agentId],
    );
    expect(rows.map((row) => row.value)).toEqual([0.3, 0.3, 0.3, 0.35, 0.5, 0.15, 0.1]);
  });

  it('takes an alert decided in the inbox as the finding acknowledged: no new alert later', async () => {
    const ws = await workspace('Seen in the inbox');
    const { agentId } = await insertAgent(db.pool, ws);
    const failures = rule('agent_failure_rate');
    await runs(ws, agentId, at(0), 10, 5);
    await evaluateAnomalies(db.pool, at(0), failures);
    await evaluateAnomalies(db.pool, at(10), failures);
    const { rows } = await db.pool.query<{ id: string }>(
      `select id from inbox_items where workspace_id = $1::uuid`,
      [ws],
    );
    await settleItems(db.pool, ws, [rows[0]!.id], 'approved', { actor: 'admin@example.com' });
    await runs(ws, agentId, at(300), 10, 5);
    await evaluateAnomalies(db.pool, at(300), failures);
    expect(await anomaliesOf(ws)).toMatchObject([{ status: 'acknowledged' }]);
    const { rows: acknowledged } = await db.pool.query(
      `select acknowledged_by as "by" from anomalies where workspace_id = $1::uuid`,
      [ws],
    );
    expect(acknowledged).toEqual([{ by: 'admin@example.com' }]);
    expect(await alertsOf(ws)).toHaveLength(1);
  });

  it('decides nothing below the minimum sample', async () => {
    const ws = await workspace('Few runs');
    const { agentId } = await insertAgent(db.pool, ws);
    await runs(ws, agentId, at(0), 9, 9);
    await evaluateAnomalies(db.pool, at(0), rule('agent_failure_rate'));
    expect(await anomaliesOf(ws)).toEqual([]);
  });
});

describe('raiseOrRefresh', () => {
  it('keeps one open finding per rule and scope when raised concurrently', async () => {
    const ws = await workspace('Concurrent');
    const finding = {
      workspaceId: ws,
      rule: 'field_precision_drop',
      scopeKey: 'agent:amount',
      severity: 'warning' as const,
      title: 'Precision fell',
      data: { value: 0.8, threshold: 0.95, sampleSize: 30 },
    };
    const timing = { pendingMs: 0, renotifyMs: 3_600_000 };
    const results = await Promise.all([
      raiseOrRefresh(db.pool, finding, timing, at(0)),
      raiseOrRefresh(db.pool, finding, timing, at(0)),
      raiseOrRefresh(db.pool, finding, timing, at(0)),
    ]);
    expect(new Set(results.map((r) => r.anomaly!.id)).size).toBe(1);
    expect(results.map((r) => r.step).sort()).toEqual(['open_and_fire', 'refresh', 'refresh']);
    expect(await anomaliesOf(ws)).toHaveLength(1);
    expect(await alertsOf(ws)).toHaveLength(1);
  });
});

describe('the other rules', () => {
  it('average confidence below 0.6 over a day', async () => {
    const ws = await workspace('Confidence');
    const { agentId } = await insertAgent(db.pool, ws);
    await insertActivity(
      db.pool,
      ws,
      Array.from({ length: 12 }, (_, i) => ({
        agentId,
        overallConfidence: 0.5,
        createdAt: new Date(at(0).getTime() - (i + 1) * 3_600_000).toISOString(),
      })),
    );
    await evaluateAnomalies(db.pool, at(0), rule('agent_low_confidence'));
    await evaluateAnomalies(db.pool, at(61), rule('agent_low_confidence'));
    expect(await anomaliesOf(ws)).toMatchObject([
      { rule: 'agent_low_confidence', status: 'active' },
    ]);
  });

  it('CRM sync stale after twice the connection interval, clear after a succeeded sync', async () => {
    const ws = await workspace('Sync');
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into connections (workspace_id, crm_type, name, status, sync_interval_hours, created_at)
       values ($1::uuid, 'hubspot', 'HubSpot', 'connected', 12, $2::timestamptz) returning id`,
      [ws, at(-30 * 60).toISOString()],
    );
    const connectionId = rows[0]!.id;
    await db.pool.query(
      `insert into sync_runs (workspace_id, connection_id, mode, trigger, status, started_at, finished_at)
       values ($1::uuid, $2::uuid, 'full', 'manual', 'succeeded', $3::timestamptz, $3::timestamptz),
              ($1::uuid, $2::uuid, 'incremental', 'schedule', 'failed', $4::timestamptz, $4::timestamptz)`,
      [ws, connectionId, at(-25 * 60).toISOString(), at(-60).toISOString()],
    );
    const stale = rule('crm_sync_stale');
    await evaluateAnomalies(db.pool, at(0), stale);
    expect(await anomaliesOf(ws)).toMatchObject([
      { scopeKey: connectionId, status: 'active', data: { threshold: 24, recoverAt: 12 } },
    ]);
    await db.pool.query(
      `insert into sync_runs (workspace_id, connection_id, mode, trigger, status, started_at, finished_at)
       values ($1::uuid, $2::uuid, 'incremental', 'schedule', 'succeeded', $3::timestamptz, $3::timestamptz)`,
      [ws, connectionId, at(10).toISOString()],
    );
    await evaluateAnomalies(db.pool, at(15), stale);
    expect(await anomaliesOf(ws)).toMatchObject([{ status: 'resolved', resolution: 'recovery' }]);
  });

  it('rate limit near exhaustion, counted in the CRM’s day', async () => {
    const ws = await workspace('Quota');
    const { connectionId } = await insertAgent(db.pool, ws);
    await db.pool.query(
      `insert into crm_rate_limits (connection_id, workspace_id, usage_day, used_today, daily_limit)
       values ($1::uuid, $2::uuid, $3::date, 950, 1000)`,
      [connectionId, ws, '2026-11-02'],
    );
    await evaluateAnomalies(db.pool, at(0), rule('crm_rate_limit_exhaustion'));
    expect(await anomaliesOf(ws)).toMatchObject([{ status: 'active', data: { value: 0.95 } }]);
    // The next day the count starts again.
    await evaluateAnomalies(db.pool, at(24 * 60), rule('crm_rate_limit_exhaustion'));
    expect(await anomaliesOf(ws)).toMatchObject([{ status: 'resolved' }]);
  });

  it('inbox backlog aging, cleared when the inbox is emptied', async () => {
    const ws = await workspace('Backlog');
    await db.pool.query(
      `insert into inbox_items (workspace_id, item_type, source, title, created_at)
       select $1::uuid, 'question', 'agent', 'Which deal?', $2::timestamptz
       from generate_series(1, 6)`,
      [ws, at(-50 * 60).toISOString()],
    );
    const backlog = rule('inbox_backlog_aging');
    await evaluateAnomalies(db.pool, at(0), backlog);
    await evaluateAnomalies(db.pool, at(60), backlog);
    expect(await anomaliesOf(ws)).toMatchObject([{ status: 'active', data: { value: 6 } }]);
    await db.pool.query(
      `update inbox_items set status = 'rejected' where workspace_id = $1::uuid and item_type = 'question'`,
      [ws],
    );
    await evaluateAnomalies(db.pool, at(70), backlog);
    expect((await anomaliesOf(ws))[0]).toMatchObject({ status: 'resolved' });
  });

  it('conversation intake stopped for a source that delivered daily, not for an occasional one', async () => {
    const ws = await workspace('Intake');
    const source = async (name: string, days: number[]) => {
      const { rows } = await db.pool.query<{ id: string }>(
        `insert into connections (workspace_id, source_type, name, status)
         values ($1::uuid, 'gong', $2::text, 'connected') returning id`,
        [ws, name],
      );
      for (const day of days) {
        await db.pool.query(
          `insert into conversations (workspace_id, source, source_id, title, started_at,
                                      duration_seconds, connection_id, created_at)
           values ($1::uuid, 'gong', $2::text, 'Call', $3::timestamptz, 60, $4::uuid, $3::timestamptz)`,
          [ws, `${name}-${day}`, at(-day * 24 * 60 + 30).toISOString(), rows[0]!.id],
        );
      }
      return rows[0]!.id;
    };
    const daily = await source('daily', [2, 3, 4, 5, 6, 7]);
    await source('weekly', [3]);
    const intake = rule('conversation_intake_stopped');
    await evaluateAnomalies(db.pool, at(0), intake);
    await evaluateAnomalies(db.pool, at(60), intake);
    expect(await anomaliesOf(ws)).toMatchObject([{ scopeKey: daily, status: 'active' }]);
    await db.pool.query(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
                                  duration_seconds, connection_id, created_at)
       values ($1::uuid, 'gong', 'late', 'Call', $2::timestamptz, 60, $3::uuid, $2::timestamptz)`,
      [ws, at(3 * 24 * 60).toISOString(), daily],
    );
    await evaluateAnomalies(db.pool, at(3 * 24 * 60 + 5), intake);
    expect(await anomaliesOf(ws)).toMatchObject([{ status: 'resolved', resolution: 'recovery' }]);
  });

  it('every rule evaluates on an empty database', async () => {
    const report = await evaluateAnomalies(db.pool, at(0), ANOMALY_RULES);
    expect(report.failures).toEqual([]);
  });
});

describe('the anomalies.evaluate job', () => {
  it('evaluates every rule with the current time', async () => {
    const { handlers } = await import('../jobs/handlers.js');
    const ws = await workspace('Job');
    const { agentId } = await insertAgent(db.pool, ws);
    await runs(ws, agentId, new Date(), 10, 10);
    const log = { info: () => undefined, error: () => undefined };
    await handlers['anomalies.evaluate']({}, { db: db.pool, log } as never);
    expect(await anomaliesOf(ws)).toMatchObject([
      { rule: 'agent_failure_rate', status: 'pending' },
    ]);
  });
});
