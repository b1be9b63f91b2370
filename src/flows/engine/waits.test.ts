import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { withTransaction } from '../../db/pool.js';
import { settleItems } from '../../inbox/resolve.js';
import { encryptJson } from '../../tenancy/secrets.js';
import { createUser } from '../../tenancy/users.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { startReceiver, type Receiver } from '../steps/net.test-helper.js';
import { closeStepDispatchers } from '../steps/http-request.js';
import type { FlowStep } from '../types.js';
import {
  createPublishedFlow,
  queuedRunJobs,
  testServices,
  TEST_SECRET_KEY,
} from './fixtures.test-helper.js';
import { runFlow } from './runner.js';
import { cancelFlowRun, getFlowRun, rerunFlowRun, startFlowRun } from './runs.js';
import { secretContext } from './secrets.js';

let db: TestDatabase;
let workspaceId: string;
let receiver: Receiver;

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Waits' })).id;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await closeStepDispatchers();
});

const services = () => testServices(db.pool, [receiver.origin]);
const run = (runId: string) => runFlow(services(), workspaceId, runId);
const view = async (runId: string) => (await getFlowRun(db.pool, workspaceId, runId))!;

async function start(steps: FlowStep[], input: Record<string, unknown> = {}) {
  const flowId = await createPublishedFlow(db.pool, workspaceId, steps);
  return (await startFlowRun(db.pool, { workspaceId, flowId, trigger: { type: 'manual' }, input }))
    .runId;
}

async function flowItems(runId: string) {
  const { rows } = await db.pool.query<{ id: string; status: string; source: string }>(
    `select id, status, source from inbox_items where flow_run_id = $1::uuid`,
    [runId],
  );
  return rows;
}

const approval: FlowStep = {
  key: 'approve',
  type: 'wait_for_approval',
  config: { title: 'Raise the amount of {{trigger.deal}}?', onTimeout: 'late' },
};
const after: FlowStep = {
  key: 'after',
  type: 'set_variable',
  config: { name: 'went_on', type: 'boolean', value: true },
};
const late: FlowStep = {
  key: 'late',
  type: 'set_variable',
  config: { name: 'late', type: 'boolean', value: true },
};

describe('wait_for_approval', () => {
  it('waits on one inbox item holding no worker, and goes on once it is approved', async () => {
    const runId = await start([approval, after, late], { deal: 'Acme' });
    expect(await run(runId)).toBe('waiting');
    const waiting = await view(runId);
    expect(waiting).toMatchObject({ status: 'waiting', currentStep: 'approve' });
    expect(waiting.steps).toMatchObject([{ key: 'approve', status: 'waiting' }]);
    const items = await flowItems(runId);
    expect(items).toMatchObject([{ status: 'pending', source: 'flow' }]);
    // The wake-up at the item's expiry is queued.
    expect(Date.parse(waiting.wakeAt!)).toBeGreaterThan(Date.now() + 2 * 24 * 3_600_000);

    // Woken early (the sweep, a stray job): it waits again on the same item.
    expect(await run(runId)).toBe('waiting');
    expect(await flowItems(runId)).toHaveLength(1);

    const jobsBefore = await queuedRunJobs(db.pool, runId);
    await withTransaction(db.pool, (client) =>
      settleItems(client, workspaceId, [items[0]!.id], 'approved', { actor: 'ada@example.com' }),
    );
    // The decision queues the run.
    expect(await queuedRunJobs(db.pool, runId)).toBe(jobsBefore + 1);
    expect(await run(runId)).toBe('completed');
    const done = await view(runId);
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ['approve', 'completed'],
      ['after', 'completed'],
      ['late', 'completed'],
    ]);
    expect(done.steps[0]!.output).toMatchObject({
      decision: 'approved',
      decidedBy: 'ada@example.com',
      inboxItemId: items[0]!.id,
    });
  });

  it('a rejection with no onReject path ends the run cancelled by the person who rejected', async () => {
    const bo = await createUser(db.pool, { email: 'bo@example.com', password: 'not used here' });
    await db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'admin')`,
      [workspaceId, bo.id],
    );
    const rejected = await start([approval, after, late]);
    await run(rejected);
    const [item] = await flowItems(rejected);
    await withTransaction(db.pool, (client) =>
      settleItems(client, workspaceId, [item!.id], 'rejected', {
        actor: 'Bo@example.com',
        resolution: { reason: 'too much' },
      }),
    );
    expect(await run(rejected)).toBe('cancelled');
    const stopped = await view(rejected);
    expect(stopped).toMatchObject({ status: 'cancelled', error: null });
    expect(stopped.finishedAt).not.toBeNull();
    expect(stopped.steps.map((s) => [s.key, s.status])).toEqual([
      ['approve', 'completed'],
      ['after', 'skipped'],
      ['late', 'skipped'],
    ]);
    expect(stopped.steps[0]!.output).toMatchObject({
      decision: 'rejected',
      decidedBy: 'Bo@example.com',
      reason: 'too much',
    });
    const { rows } = await db.pool.query<{ cancelledBy: string | null }>(
      `select cancelled_by as "cancelledBy" from flow_runs where id = $1::uuid`,
      [rejected],
    );
    expect(rows[0]!.cancelledBy).toBe(bo.id);
    expect(await run(rejected)).toBe('finished-already');

    // A rerun asks again rather than re-using the rejection.
    const { runId: again } = await rerunFlowRun(db.pool, workspaceId, rejected, {
      on: 'same',
      startedBy: null,
    });
    expect(await run(again)).toBe('waiting');
    expect((await view(again)).rerunFromStep).toBe('approve');
    expect(await flowItems(again)).toMatchObject([{ status: 'pending' }]);

    // Rejected by an API key (no person), the approval the last step: cancelled all the same.
    const byKey = await start([{ ...approval, config: { title: 'Last?' } }]);
    await run(byKey);
    const [keyItem] = await flowItems(byKey);
    await withTransaction(db.pool, (client) =>
      settleItems(client, workspaceId, [keyItem!.id], 'rejected', { actor: 'api key ops' }),
    );
    expect(await run(byKey)).toBe('cancelled');
    expect((await view(byKey)).steps).toMatchObject([
      { key: 'approve', status: 'completed', output: { decision: 'rejected' } },
    ]);
  });

  it('a rejection with an onReject path goes on there, and the run completes', async () => {
    const runId = await start([
      { ...approval, config: { ...approval.config, onReject: 'late' } },
      after,
      late,
    ]);
    await run(runId);
    const [item] = await flowItems(runId);
    await withTransaction(db.pool, (client) =>
      settleItems(client, workspaceId, [item!.id], 'rejected', { actor: 'bo@example.com' }),
    );
    expect(await run(runId)).toBe('completed');
    expect((await view(runId)).steps.map((s) => [s.key, s.status])).toEqual([
      ['approve', 'completed'],
      ['after', 'skipped'],
      ['late', 'completed'],
    ]);
  });

  it('takes the timeout path when nobody decided in time', async () => {
    const timedOut = await start([approval, after, late]);
    await run(timedOut);
    // Time passes: the item and the step's wait are due.
    await db.pool.query(
      `update inbox_items set expires_at = now() - interval '1 minute' where flow_run_id = $1::uuid`,
      [timedOut],
    );
    await db.pool.query(
      `update flow_step_runs set state = jsonb_set(state, '{expiresAt}', to_jsonb(now() - interval '1 minute'))
       where run_id = $1::uuid`,
      [timedOut],
    );
    expect(await run(timedOut)).toBe('completed');
    const done = await view(timedOut);
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ['approve', 'completed'],
      ['after', 'skipped'],
      ['late', 'completed'],
    ]);
    expect(await flowItems(timedOut)).toMatchObject([{ status: 'expired' }]);
  });

  it('a cancelled waiting run expires its item, and the decision that comes too late changes nothing', async () => {
    const runId = await start([approval, after]);
    await run(runId);
    await cancelFlowRun(db.pool, workspaceId, runId, null);
    const cancelled = await view(runId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps).toMatchObject([{ key: 'approve', status: 'cancelled' }]);
    expect(await flowItems(runId)).toMatchObject([{ status: 'expired' }]);
    expect(await run(runId)).toBe('finished-already');
  });
});

describe('delay', () => {
  it('waits until its time with a wake-up job, then goes on', async () => {
    const runId = await start([
      { key: 'pause', type: 'delay', config: { durationMs: 400 } },
      after,
    ]);
    expect(await run(runId)).toBe('waiting');
    const waiting = await view(runId);
    expect(waiting.status).toBe('waiting');
    expect(await queuedRunJobs(db.pool, runId)).toBe(2);
    expect(await run(runId)).toBe('waiting');
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await run(runId)).toBe('completed');
    expect((await view(runId)).steps.map((s) => s.status)).toEqual(['completed', 'completed']);
  });
});

describe('retries, timeouts and secrets', () => {
  it('retries a 503 with backoff in the worker and succeeds, with the same idempotency key', async () => {
    // The first two answer 503; the third is taken.
    receiver.answer((request) =>
      request.url === '/flaky' && receiver.received.filter((r) => r.url === '/flaky').length < 3
        ? { status: 503 }
        : undefined,
    );
    const runId = await start([
      {
        key: 'notify',
        type: 'send_webhook',
        config: { url: `${receiver.origin}/flaky`, payload: { n: 1 } },
        retry: { attempts: 4, backoffMs: 20, maxDelayMs: 50 },
      },
    ]);
    expect(await run(runId)).toBe('completed');
    const sent = receiver.received.filter((r) => r.url === '/flaky');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([`${runId}:notify`]),
    );
    expect((await view(runId)).steps[0]).toMatchObject({ status: 'completed', attempts: 3 });
  });

  it('gives up after the last attempt, classified; a long backoff waits as a job instead', async () => {
    receiver.answer((request) => (request.url.startsWith('/down') ? { status: 502 } : undefined));
    const quick = await start([
      {
        key: 'notify',
        type: 'send_webhook',
        config: { url: `${receiver.origin}/down` },
        retry: { attempts: 2, backoffMs: 10, maxDelayMs: 10 },
      },
    ]);
    expect(await run(quick)).toBe('failed');
    expect(await view(quick)).toMatchObject({
      status: 'failed',
      error: { category: 'network', retryable: true, status: 502, stepKey: 'notify' },
      steps: [{ status: 'failed', attempts: 2 }],
    });

    const slow = await start([
      {
        key: 'notify',
        type: 'send_webhook',
        config: { url: `${receiver.origin}/down-slow` },
        retry: { attempts: 3, backoffMs: 60_000, maxDelayMs: 120_000 },
      },
    ]);
    expect(await run(slow)).toBe('waiting');
    const waiting = await view(slow);
    expect(waiting.steps[0]).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(waiting.steps[0]!.error).toMatchObject({ category: 'network' });
    expect(Date.parse(waiting.wakeAt!) - Date.now()).toBeGreaterThan(50_000);
    // Woken (as by its job): the second attempt.
    await db.pool.query(`update flow_runs set wake_at = now() where id = $1::uuid`, [slow]);
    expect(await run(slow)).toBe('waiting');
    expect((await view(slow)).steps[0]).toMatchObject({ attempts: 2 });
  });

  it('times a hanging step out, as timeout', async () => {
    receiver.answer((request) =>
      request.url === '/hang' ? { status: 200, hang: true } : undefined,
    );
    const runId = await start([
      {
        key: 'notify',
        type: 'send_webhook',
        config: { url: `${receiver.origin}/hang` },
        timeoutMs: 200,
        retry: { attempts: 1 },
      },
    ]);
    expect(await run(runId)).toBe('timeout');
    expect(await view(runId)).toMatchObject({
      status: 'timeout',
      error: { category: 'timeout', stepKey: 'notify' },
      steps: [{ status: 'timeout' }],
    });
  });

  it('uses secrets in a request and stores them nowhere', async () => {
    receiver.answer(() => undefined);
    const secret = 'tok-9f8e7d6c5b4a';
    await db.pool.query(
      `insert into workspace_secrets (workspace_id, name, value) values ($1::uuid, 'hook_token', $2::bytea)`,
      [workspaceId, encryptJson(TEST_SECRET_KEY, secret, secretContext(workspaceId, 'hook_token'))],
    );
    const runId = await start([
      {
        key: 'notify',
        type: 'send_webhook',
        config: {
          url: `${receiver.origin}/secret`,
          headers: { authorization: 'Bearer {{secrets.hook_token}}' },
          payload: { echo: '{{secrets.hook_token}}', deal: '{{trigger.deal}}' },
          secret: '{{secrets.hook_token}}',
        },
      },
    ]);
    expect(await run(runId)).toBe('completed');
    const sent = receiver.received.find((r) => r.url === '/secret')!;
    expect(sent.headers.authorization).toBe(`Bearer ${secret}`);
    expect(JSON.parse(sent.body)).toEqual({ echo: secret });
    const stored = await db.pool.query(
      `select r::text as row from flow_step_runs r where run_id = $1::uuid
       union all select r::text from flow_runs r where id = $1::uuid`,
      [runId],
    );
    for (const row of stored.rows) expect(row.row).not.toContain(secret);
    expect((await view(runId)).steps[0]!.input).toMatchObject({
      headers: { authorization: '[secret]' },
      secret: '[secret]',
    });
  });
});

describe('cancel while a step runs', () => {
  it('lets the step end, keeps its result, and stops before the next step', async () => {
    receiver.answer((request) =>
      request.url === '/held' ? { status: 200, hang: true } : undefined,
    );
    const runId = await start([
      {
        key: 'notify',
        type: 'send_webhook',
        config: { url: `${receiver.origin}/held` },
        timeoutMs: 1_500,
        retry: { attempts: 1 },
      },
      after,
    ]);
    const running = run(runId);
    const deadline = Date.now() + 10_000;
    while (!receiver.received.some((r) => r.url === '/held') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The runner holds the run: the cancel is only asked for.
    await cancelFlowRun(db.pool, workspaceId, runId, null);
    expect(await view(runId)).toMatchObject({ status: 'running' });
    expect(await running).toBe('cancelled');
    const done = await view(runId);
    expect(done.status).toBe('cancelled');
    // The step timed out (its answer never came) and is on record; the next never ran.
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([['notify', 'timeout']]);
  });
});
