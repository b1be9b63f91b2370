import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { testServices } from '../../flows/engine/fixtures.test-helper.js';
import { runFlow } from '../../flows/engine/runner.js';

vi.mock('../../flows/steps/registry.js', async () =>
  (await import('../../flows/test-steps.test-helper.js')).testRegistry(),
);

/** Flow runs over REST: start, read with steps, list, cancel, rerun, statistics. */
let t: TestApp;
let admin: Tenant;
let member: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  member = await apiKeyAuth(t, admin, 'member');
});

async function call(
  method: 'GET' | 'POST' | 'PATCH',
  rest: string,
  payload?: object,
  headers: Record<string, string> = admin.auth,
) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  // inject's json() is untyped: these tests read it loosely.
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

const steps = (fail: boolean) => [
  { key: 'amount', type: 'set_variable', config: { name: 'amount', value: '{{trigger.amount}}' } },
  { key: 'price', type: 'run_javascript', config: { fail } },
];

async function publishedFlow(fail: boolean): Promise<string> {
  const created = await call('POST', '/flows', {
    name: 'Pricing',
    trigger: { type: 'manual' },
    steps: steps(fail),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.flow.id as string;
  expect((await call('POST', `/flows/${id}/publish`, {})).status).toBe(201);
  return id;
}

const run = (runId: string) => runFlow(testServices(t.db.pool), admin.workspaceId, runId);

describe('flow runs', () => {
  it('starts a manual run (admins), which members read with each step', async () => {
    const flowId = await publishedFlow(false);
    const refused = await call('POST', `/flows/${flowId}/runs`, { input: {} }, member);
    expect(refused.status).toBe(403);
    const started = await call('POST', `/flows/${flowId}/runs`, { input: { amount: 42 } });
    expect(started.status).toBe(201);
    expect(started.body.run).toMatchObject({
      flowId,
      version: 1,
      status: 'pending',
      trigger: { type: 'manual' },
      input: { amount: 42 },
      steps: [],
    });
    const runId = started.body.run.id as string;
    await run(runId);
    const read = await call('GET', `/flow-runs/${runId}`, undefined, member);
    expect(read.body.run).toMatchObject({ status: 'completed', error: null });
    expect(read.body.run.steps).toMatchObject([
      {
        key: 'amount',
        type: 'set_variable',
        status: 'completed',
        output: { value: 42 },
        attempts: 1,
      },
      { key: 'price', type: 'run_javascript', status: 'completed', output: { ok: true } },
    ]);
    const listed = await call('GET', `/flows/${flowId}/runs?limit=1`, undefined, member);
    expect(listed.body.runs.map((r: { id: string }) => r.id)).toEqual([runId]);
    expect(listed.body.runs[0].steps).toBeUndefined();

    const finished = await call('POST', `/flow-runs/${runId}/cancel`);
    expect(finished.status).toBe(409);
    expect(finished.body.error.code).toBe('run_finished');
  });

  it('refuses to start an unpublished flow and answers 404 for unknown runs', async () => {
    const created = await call('POST', '/flows', {
      name: 'Draft only',
      trigger: { type: 'manual' },
      steps: steps(false),
    });
    const answer = await call('POST', `/flows/${created.body.flow.id}/runs`, {});
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('flow_not_published');
    const missing = await call('GET', `/flow-runs/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
  });

  it('cancels a pending run', async () => {
    const flowId = await publishedFlow(false);
    const started = await call('POST', `/flows/${flowId}/runs`, {});
    const cancelled = await call('POST', `/flow-runs/${started.body.run.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.run.status).toBe('cancelled');
    expect(
      (await call('POST', `/flow-runs/${started.body.run.id}/cancel`, undefined, member)).status,
    ).toBe(403);
  });

  it('reruns a failed run from the failed step, on the same or the latest version', async () => {
    const flowId = await publishedFlow(true);
    const started = await call('POST', `/flows/${flowId}/runs`, { input: { amount: 7 } });
    const failedId = started.body.run.id as string;
    await run(failedId);
    const failed = await call('GET', `/flow-runs/${failedId}`);
    expect(failed.body.run).toMatchObject({
      status: 'failed',
      error: { category: 'validation', stepKey: 'price' },
    });

    // The fix is published as version 2; a rerun on it re-uses the step that had finished.
    await call('PATCH', `/flows/${flowId}`, { steps: steps(false) });
    await call('POST', `/flows/${flowId}/publish`, {});
    const same = await call('POST', `/flow-runs/${failedId}/rerun`, {});
    expect(same.body.run).toMatchObject({ version: 1, rerunOf: failedId, rerunFromStep: 'price' });
    const latest = await call('POST', `/flow-runs/${failedId}/rerun`, { version: 'latest' });
    expect(latest.status).toBe(201);
    expect(latest.body.run).toMatchObject({ version: 2, rerunOf: failedId });
    await run(latest.body.run.id);
    const done = await call('GET', `/flow-runs/${latest.body.run.id}`);
    expect(done.body.run.status).toBe('completed');
    expect(done.body.run.steps[0]).toMatchObject({
      key: 'amount',
      output: { value: 7 },
      startedAt: failed.body.run.steps[0].startedAt,
    });

    const completed = await call('POST', `/flow-runs/${latest.body.run.id}/rerun`, {});
    expect(completed.body.error.code).toBe('run_not_rerunnable');
  });

  it("hides a member's automation runs from other members", async () => {
    const other = await apiKeyAuth(t, admin, 'member');
    const { rows } = await t.db.pool.query<{ id: string }>(
      `with f as (
         insert into flows (workspace_id, kind, name, draft, latest_version)
         values ($1::uuid, 'automation', 'Mine', '{"trigger":{"type":"manual"},"steps":[]}', 1)
         returning id),
       v as (
         insert into flow_versions (workspace_id, flow_id, version, definition)
         select $1::uuid, f.id, 1, '{"trigger":{"type":"manual"},"steps":[]}' from f)
       insert into flow_runs (workspace_id, flow_id, version, trigger, scope_user_id)
       select $1::uuid, f.id, 1, '{"type":"manual"}', $2::uuid from f returning id`,
      [admin.workspaceId, admin.userId],
    );
    const runId = rows[0]!.id;
    expect((await call('GET', `/flow-runs/${runId}`, undefined, other)).status).toBe(404);
    expect((await call('GET', `/flow-runs/${runId}`)).status).toBe(200);
  });

  it('counts runs per minute, p95 duration and failure rate', async () => {
    const tenant = await createTenant(t);
    const flowId = (
      await t.db.pool.query<{ id: string }>(
        `with f as (
           insert into flows (workspace_id, name, draft, latest_version)
           values ($1::uuid, 'Stats', '{"trigger":{"type":"manual"},"steps":[]}', 1) returning id)
         insert into flow_versions (workspace_id, flow_id, version, definition)
         select $1::uuid, f.id, 1, '{"trigger":{"type":"manual"},"steps":[]}' from f
         returning flow_id as id`,
        [tenant.workspaceId],
      )
    ).rows[0]!.id;
    // 20 runs in the last minutes: 100..2000 ms, every 4th failed; one from two hours ago.
    await t.db.pool.query(
      `insert into flow_runs (workspace_id, flow_id, version, trigger, status, created_at,
                              started_at, finished_at)
       select $1::uuid, $2::uuid, 1, '{"type":"manual"}'::jsonb,
              case when i % 4 = 0 then 'failed' else 'completed' end,
              now() - interval '30 seconds', now() - interval '30 seconds',
              now() - interval '30 seconds' + make_interval(secs => i * 0.1)
       from generate_series(1, 20) i
       union all
       select $1::uuid, $2::uuid, 1, '{"type":"manual"}'::jsonb, 'completed',
              now() - interval '2 hours', null, null`,
      [tenant.workspaceId, flowId],
    );
    const answer = await t.app.inject({
      url: `/api/workspaces/${tenant.workspaceId}/flow-stats?period=hour&flowId=${flowId}`,
      headers: tenant.auth,
    });
    const stats = answer.json();
    expect(stats.totals).toEqual({
      runs: 20,
      completed: 15,
      failed: 5,
      cancelled: 0,
      runsPerMinute: 0.333,
      p95DurationMs: 1905,
      failureRate: 0.25,
    });
    expect(stats.buckets).toHaveLength(60);
    const busy = stats.buckets.filter((b: { runs: number }) => b.runs > 0);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy.reduce((n: number, b: { runs: number }) => n + b.runs, 0)).toBe(20);
    const day = await t.app.inject({
      url: `/api/workspaces/${tenant.workspaceId}/flow-stats?period=day`,
      headers: tenant.auth,
    });
    expect(day.json().totals.runs).toBe(21);
    const foreign = await t.app.inject({
      url: `/api/workspaces/${admin.workspaceId}/flow-stats?flowId=${flowId}`,
      headers: admin.auth,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
