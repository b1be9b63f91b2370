import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { withTransaction } from '../../db/pool.js';
import { HttpError } from '../../errors.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import type { FlowStep } from '../types.js';
import {
  createPublishedFlow,
  publishVersion,
  queuedRunJobs,
  testServices,
} from './fixtures.test-helper.js';
import { runFlow } from './runner.js';
import { cancelFlowRun, getFlowRun, listFlowRuns, rerunFlowRun, startFlowRun } from './runs.js';

let db: TestDatabase;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Flows' })).id;
  otherWorkspaceId = (await createWorkspace(db.pool, { name: 'Other' })).id;
});

const setAmount: FlowStep = {
  key: 'amount',
  type: 'set_variable',
  config: { name: 'amount', type: 'number', value: '{{trigger.amount}}' },
};
const isBig: FlowStep = {
  key: 'is_big',
  type: 'condition',
  config: {
    rules: [{ left: '{{vars.amount}}', operator: 'greater_than', right: 1000 }],
    else: null,
  },
};
const label: FlowStep = {
  key: 'label',
  type: 'set_variable',
  config: {
    name: 'label',
    type: 'string',
    value: 'Big deal of {{vars.amount}} for {{trigger.who}}',
  },
};

async function start(flowId: string, input: Record<string, unknown>) {
  return startFlowRun(db.pool, { workspaceId, flowId, trigger: { type: 'manual' }, input });
}

describe('startFlowRun', () => {
  it('inserts a pending run on the latest version and queues its job in the same transaction', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount], [setAmount, isBig]);
    const { runId } = await withTransaction(db.pool, (client) =>
      startFlowRun(client, {
        workspaceId,
        flowId,
        trigger: { type: 'manual' },
        input: { amount: 5 },
      }),
    );
    const run = await getFlowRun(db.pool, workspaceId, runId);
    expect(run).toMatchObject({ status: 'pending', version: 2, input: { amount: 5 }, steps: [] });
    expect(await queuedRunJobs(db.pool, runId)).toBe(1);

    // Rolled back: neither the run nor its job exists.
    const before = await db.pool.query(`select count(*)::int as n from flow_runs`);
    await expect(
      withTransaction(db.pool, async (client) => {
        await startFlowRun(client, {
          workspaceId,
          flowId,
          version: 1,
          trigger: { type: 'manual' },
        });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    const after = await db.pool.query(`select count(*)::int as n from flow_runs`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses unknown, unpublished and archived flows, and other workspaces', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount]);
    const draftOnly = await createPublishedFlow(db.pool, workspaceId);
    const archived = await createPublishedFlow(db.pool, workspaceId, [setAmount]);
    await db.pool.query(`update flows set status = 'archived' where id = $1::uuid`, [archived]);
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: HttpError) => `${e.status} ${e.code}`,
      );
    expect(await codeOf(start(draftOnly, {}))).toBe('409 flow_not_published');
    expect(await codeOf(start(archived, {}))).toBe('409 flow_archived');
    expect(
      await codeOf(
        startFlowRun(db.pool, {
          workspaceId: otherWorkspaceId,
          flowId,
          trigger: { type: 'manual' },
        }),
      ),
    ).toBe('404 not_found');
    expect(
      await codeOf(
        startFlowRun(db.pool, { workspaceId, flowId, version: 7, trigger: { type: 'manual' } }),
      ),
    ).toBe('404 not_found');
  });
});

describe('the runner', () => {
  it('runs set_variable and condition, types kept by whole templates, the branch taken', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount, isBig, label]);
    const big = await start(flowId, { amount: '2500', who: 'Ada' });
    expect(await runFlow(testServices(db.pool), workspaceId, big.runId)).toBe('completed');
    const run = await getFlowRun(db.pool, workspaceId, big.runId);
    expect(run).toMatchObject({ status: 'completed', currentStep: null, error: null });
    expect(run!.steps.map((s) => [s.key, s.status, s.attempts])).toEqual([
      ['amount', 'completed', 1],
      ['is_big', 'completed', 1],
      ['label', 'completed', 1],
    ]);
    expect(run!.steps[0]!.output).toEqual({ name: 'amount', type: 'number', value: 2500 });
    expect(run!.steps[1]!.input).toMatchObject({ rules: [{ left: 2500, right: 1000 }] });
    expect(run!.steps[1]!.output).toEqual({ result: true, rules: [true] });
    expect(run!.steps[2]!.output).toMatchObject({ value: 'Big deal of 2500 for Ada' });
    const vars = await db.pool.query(
      `select name, type, value from flow_variables where run_id = $1::uuid order by name`,
      [big.runId],
    );
    expect(vars.rows).toEqual([
      { name: 'amount', type: 'number', value: 2500 },
      { name: 'label', type: 'string', value: 'Big deal of 2500 for Ada' },
    ]);

    // `else: null` ends the run: the rest is recorded as skipped.
    const small = await start(flowId, { amount: 10 });
    expect(await runFlow(testServices(db.pool), workspaceId, small.runId)).toBe('completed');
    const smallRun = await getFlowRun(db.pool, workspaceId, small.runId);
    expect(smallRun!.steps.map((s) => [s.key, s.status])).toEqual([
      ['amount', 'completed'],
      ['is_big', 'completed'],
      ['label', 'skipped'],
    ]);
  });

  it('does nothing for a finished run, and a second call changes nothing', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount]);
    const { runId } = await start(flowId, { amount: 1 });
    expect(await runFlow(testServices(db.pool), workspaceId, runId)).toBe('completed');
    const first = await getFlowRun(db.pool, workspaceId, runId);
    expect(await runFlow(testServices(db.pool), workspaceId, runId)).toBe('finished-already');
    expect(await getFlowRun(db.pool, workspaceId, runId)).toEqual({
      ...first,
      durationMs: first!.durationMs,
    });
  });

  it('fails a step with a classified validation error, and reruns from it on the latest version', async () => {
    const bad: FlowStep = {
      key: 'amount_check',
      type: 'set_variable',
      config: { name: 'checked', type: 'number', value: '{{trigger.note}}' },
    };
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount, bad, label]);
    const { runId } = await start(flowId, { amount: 3, note: 'three', who: 'Bo' });
    expect(await runFlow(testServices(db.pool), workspaceId, runId)).toBe('failed');
    const failed = await getFlowRun(db.pool, workspaceId, runId);
    expect(failed).toMatchObject({
      status: 'failed',
      currentStep: 'amount_check',
      error: {
        category: 'validation',
        severity: 'medium',
        retryable: false,
        stepKey: 'amount_check',
      },
    });
    expect(failed!.error!.message).toContain('vars.checked is declared number');
    expect(failed!.steps.map((s) => [s.key, s.status])).toEqual([
      ['amount', 'completed'],
      ['amount_check', 'failed'],
    ]);

    // Rerun on the same version fails the same way; on a fixed version it completes,
    // re-using the first step's stored result rather than running it again.
    await publishVersion(db.pool, workspaceId, flowId, [
      setAmount,
      { ...bad, config: { name: 'checked', type: 'string', value: '{{trigger.note}}' } },
      label,
    ]);
    const same = await rerunFlowRun(db.pool, workspaceId, runId, { on: 'same', startedBy: null });
    expect(await runFlow(testServices(db.pool), workspaceId, same.runId)).toBe('failed');
    const latest = await rerunFlowRun(db.pool, workspaceId, runId, {
      on: 'latest',
      startedBy: null,
    });
    expect(await runFlow(testServices(db.pool), workspaceId, latest.runId)).toBe('completed');
    const rerun = await getFlowRun(db.pool, workspaceId, latest.runId);
    expect(rerun).toMatchObject({
      status: 'completed',
      version: 2,
      rerunOf: runId,
      rerunFromStep: 'amount_check',
      trigger: { type: 'rerun', runId, on: 'latest' },
    });
    expect(rerun!.steps[0]).toMatchObject({ startedAt: failed!.steps[0]!.startedAt });
    expect(rerun!.steps[2]!.output).toMatchObject({ value: 'Big deal of 3 for Bo' });
    const keys = await db.pool.query<{ key: string }>(
      `select idempotency_key as key from flow_step_runs where run_id = $1::uuid order by step_key`,
      [latest.runId],
    );
    expect(keys.rows.map((r) => r.key)).toEqual(
      ['amount', 'amount_check', 'label'].map((k) => `${runId}:${k}`),
    );

    await expect(
      rerunFlowRun(db.pool, workspaceId, latest.runId, { on: 'same', startedBy: null }),
    ).rejects.toMatchObject({ status: 409, code: 'run_not_rerunnable' });
  });
});

describe('a run of an archived flow', () => {
  it('is cancelled by its runner when it escaped the archive (started as it committed)', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount]);
    const { runId } = await start(flowId, { amount: 5 });
    // What the race leaves: the flow archived, this run still pending.
    await db.pool.query(`update flows set status = 'archived' where id = $1::uuid`, [flowId]);
    expect(await runFlow(testServices(db.pool), workspaceId, runId)).toBe('cancelled');
    const run = await getFlowRun(db.pool, workspaceId, runId);
    expect(run!.status).toBe('cancelled');
    expect(run!.steps).toEqual([]);
  });
});

describe('cancel, read and list', () => {
  it('cancels a run nobody holds at once; a finished one is 409', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount]);
    const { runId } = await start(flowId, { amount: 1 });
    await cancelFlowRun(db.pool, workspaceId, runId, null);
    expect(await getFlowRun(db.pool, workspaceId, runId)).toMatchObject({ status: 'cancelled' });
    // Its job finds nothing to do.
    expect(await runFlow(testServices(db.pool), workspaceId, runId)).toBe('finished-already');
    await expect(cancelFlowRun(db.pool, workspaceId, runId, null)).rejects.toMatchObject({
      status: 409,
      code: 'run_finished',
    });
    await expect(cancelFlowRun(db.pool, otherWorkspaceId, runId, null)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lists newest first by pages, filtered, and never another workspace', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [setAmount]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await start(flowId, { amount: i })).runId);
    await runFlow(testServices(db.pool), workspaceId, ids[0]!);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listFlowRuns>> = await listFlowRuns(
        db.pool,
        workspaceId,
        { flowId, limit: 2, cursor },
      );
      seen.push(...page.runs.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const done = await listFlowRuns(db.pool, workspaceId, {
      flowId,
      status: 'completed',
      limit: 10,
    });
    expect(done.runs.map((r) => r.id)).toEqual([ids[0]]);
    const other = await listFlowRuns(db.pool, otherWorkspaceId, { flowId, limit: 10 });
    expect(other.runs).toEqual([]);
    expect(await getFlowRun(db.pool, otherWorkspaceId, ids[0]!)).toBeNull();
  });
});
