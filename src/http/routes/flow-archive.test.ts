import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { graphql } from '../../../test/graphql.js';
import { testServices } from '../../flows/engine/fixtures.test-helper.js';
import { runFlow } from '../../flows/engine/runner.js';
import { lockAndLoadRun, unlockRun } from '../../flows/engine/store.js';

/** Archiving a flow stops its open runs, by REST and by GraphQL, as the archiving person. */
let t: TestApp;
let admin: Tenant;
let session: { cookie: string };
let holder: pg.PoolClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  session = await login(t, admin.email, admin.password);
  holder = await t.db.pool.connect();
});
afterAll(() => holder.release());

async function call(method: 'GET' | 'POST' | 'DELETE', rest: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers: method === 'DELETE' ? session : admin.auth,
    ...(payload ? { payload } : {}),
  });
  // inject's json() is untyped: these tests read it loosely.
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

const run = (runId: string) => runFlow(testServices(t.db.pool), admin.workspaceId, runId);

/**
 * A published flow with three open runs: one waiting on an approval, one pending, and
 * one a runner holds (running).
 */
async function flowWithOpenRuns() {
  const created = await call('POST', '/flows', {
    name: 'Approve, then mark',
    trigger: { type: 'manual' },
    steps: [
      { key: 'approve', type: 'wait_for_approval', config: { title: 'Go?', timeoutMs: 3_600_000 } },
      { key: 'mark', type: 'set_variable', config: { name: 'done', type: 'boolean', value: true } },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const flowId = created.body.flow.id as string;
  expect((await call('POST', `/flows/${flowId}/publish`, {})).status).toBe(201);
  const start = async () =>
    (await call('POST', `/flows/${flowId}/runs`, { input: {} })).body.run.id as string;
  const waiting = await start();
  expect(await run(waiting)).toBe('waiting');
  const pending = await start();
  const running = await start();
  // A runner has it: its lock held, its status running.
  expect(await lockAndLoadRun(holder, admin.workspaceId, running)).toMatchObject({ locked: true });
  await t.db.pool.query(`update flow_runs set status = 'running' where id = $1::uuid`, [running]);
  return { flowId, waiting, pending, running };
}

async function runRow(runId: string) {
  const { rows } = await t.db.pool.query<{
    status: string;
    cancelledBy: string | null;
    cancelRequested: boolean;
  }>(
    `select status, cancelled_by as "cancelledBy",
            cancel_requested_at is not null as "cancelRequested"
     from flow_runs where id = $1::uuid`,
    [runId],
  );
  return rows[0]!;
}

async function approvals(runId: string) {
  const { rows } = await t.db.pool.query<{ status: string }>(
    `select status from inbox_items where flow_run_id = $1::uuid`,
    [runId],
  );
  return rows.map((r) => r.status);
}

/** After the archive: pending and waiting cancelled now, the running one at its next step. */
async function expectStopped(runs: { waiting: string; pending: string; running: string }) {
  const by = admin.userId;
  expect(await runRow(runs.waiting)).toEqual({
    status: 'cancelled',
    cancelledBy: by,
    cancelRequested: true,
  });
  expect(await approvals(runs.waiting)).toEqual(['expired']);
  expect(await runRow(runs.pending)).toEqual({
    status: 'cancelled',
    cancelledBy: by,
    cancelRequested: true,
  });
  expect(await runRow(runs.running)).toEqual({
    status: 'running',
    cancelledBy: by,
    cancelRequested: true,
  });
  // Its runner lets go; the next to take it up stops it before any step.
  await unlockRun(holder, runs.running);
  expect(await run(runs.running)).toBe('cancelled');
  expect(await runRow(runs.running)).toMatchObject({ status: 'cancelled', cancelledBy: by });
  expect(await approvals(runs.running)).toEqual([]);
  // A waiting run's wake-up finds it ended.
  expect(await run(runs.waiting)).toBe('finished-already');
}

describe('archiving a flow', () => {
  it('by REST cancels its pending and waiting runs and asks the running one to stop', async () => {
    const runs = await flowWithOpenRuns();
    const archived = await call('DELETE', `/flows/${runs.flowId}`);
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body.flow.status).toBe('archived');
    expect(archived.body.runs).toEqual({ cancelled: 2, stopping: 1 });
    await expectStopped(runs);
    // Again: nothing left open.
    expect((await call('DELETE', `/flows/${runs.flowId}`)).body.runs).toEqual({
      cancelled: 0,
      stopping: 0,
    });
  });

  it('by GraphQL does the same', async () => {
    const runs = await flowWithOpenRuns();
    const answer = await graphql(
      t,
      session,
      `
        mutation ($ws: ID!, $id: ID!) {
          archiveFlow(workspaceId: $ws, id: $id) {
            status
          }
        }
      `,
      { ws: admin.workspaceId, id: runs.flowId },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.archiveFlow.status).toBe('archived');
    await expectStopped(runs);
  });

  it('leaves finished runs and other flows alone', async () => {
    const archivedOne = await flowWithOpenRuns();
    const other = await flowWithOpenRuns();
    await unlockRun(holder, other.running);
    await unlockRun(holder, archivedOne.running);
    const done = (await call('POST', `/flows/${archivedOne.flowId}/runs`, { input: {} })).body.run
      .id as string;
    await t.db.pool.query(`update flow_runs set status = 'completed' where id = $1::uuid`, [done]);
    await call('DELETE', `/flows/${archivedOne.flowId}`);
    expect((await runRow(done)).status).toBe('completed');
    expect(await runRow(other.waiting)).toMatchObject({ status: 'waiting', cancelledBy: null });
    expect(await runRow(other.pending)).toMatchObject({ status: 'pending', cancelledBy: null });
  });
});
