import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { withTransaction } from '../../db/pool.js';
import { settleItems } from '../../inbox/resolve.js';
import { projectRoot } from '../../paths.js';
import { createStepWorld, type StepWorld } from '../steps/crm-steps.test-helper.js';
import { startReceiver, type Receiver } from '../steps/net.test-helper.js';
import type { FlowStep } from '../types.js';
import { publishVersion } from './fixtures.test-helper.js';
import { getFlowRun, startFlowRun } from './runs.js';

/**
 * A worker process (`pandora worker`, as operators run it) killed with SIGKILL at the
 * worst moments of a flow with a CRM update, a webhook and a wait for approval:
 * mid CRM write, mid webhook, and while the run waits for its approval. After each
 * restart the run carries on, and each side effect happened once: one CRM field write,
 * one webhook the receiver acts on (a redelivery carries the same Idempotency-Key,
 * which is how a receiver knows it), one approval in the inbox.
 */

let world: StepWorld;
let receiver: Receiver;
let worker: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  world = await createStepWorld();
  receiver = await startReceiver();
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await receiver?.close();
});

function startWorkerProcess(): Promise<void> {
  output = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--concurrency', '2'],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: world.db.url,
        PANDORA_SECRET_KEY: TEST_SECRET_KEY.toString('hex'),
        PANDORA_ALLOWED_CRM_HOSTS: receiver.origin,
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker = child;
  return until(() => /"msg":"worker ready"/.test(output), 60_000, 'the worker to start');
}

async function killWorker(): Promise<void> {
  const child = worker!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  worker = undefined;
}

async function until(
  probe: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Calls that write CRM fields (HubSpot's batch update). */
const isFieldWrite = (call: { method: string; path: string }) =>
  call.method === 'POST' && /\/batch\/update$/.test(call.path);

it('each side effect happens once across SIGKILLs mid CRM write, mid webhook and while waiting', async () => {
  const pool = world.db.pool;
  const { workspaceId, flowId } = world;
  const [crmId] = await world.recordIds('hubspot', 1);
  const dealId = await world.mirror('hubspot', 'deal', crmId!, { name: 'Acme renewal' });
  const steps: FlowStep[] = [
    {
      key: 'update_amount',
      type: 'crm_integration',
      config: { objectType: 'deal', recordId: '{{trigger.dealId}}', fields: { amount: 777_000 } },
    },
    {
      key: 'notify',
      type: 'send_webhook',
      config: {
        url: `${receiver.origin}/deal-room`,
        payload: { deal: '{{trigger.dealId}}', amount: 777_000 },
      },
    },
    { key: 'approve', type: 'wait_for_approval', config: { title: 'Close Acme at 777k?' } },
    { key: 'confirm', type: 'send_webhook', config: { url: `${receiver.origin}/approved` } },
  ];
  await publishVersion(pool, workspaceId, flowId, steps);
  const calls = world.mark();

  // 1. Killed mid CRM write: the emulator holds the write 2 s and the worker dies with
  //    the request on the wire; whether it landed is unknown to the runner.
  world.emulator.ctx.faults.add({
    kind: 'slow',
    api: 'hubspot',
    method: 'POST',
    path: '/batch/update',
    times: 1,
    delayMs: 2_000,
  });
  // The webhook's first delivery is held until the worker is killed.
  receiver.answer((request) =>
    request.url === '/deal-room' &&
    receiver.received.filter((r) => r.url === '/deal-room').length === 1
      ? { status: 200, hang: true }
      : undefined,
  );
  await startWorkerProcess();
  const { runId } = await startFlowRun(pool, {
    workspaceId,
    flowId,
    trigger: { type: 'manual' },
    input: { dealId },
  });
  const pendingWrite = async () =>
    (
      await pool.query(
        `select 1 from crm_write_log where origin_id = $1::text and status = 'pending'`,
        [`${runId}:update_amount`],
      )
    ).rowCount === 1;
  await until(pendingWrite, 30_000, 'the CRM write to be recorded in the ledger');
  // The emulator has taken the held request: the write is on the wire.
  await until(
    () => world.emulator.ctx.faults.list().length === 0,
    10_000,
    'the CRM write to reach the CRM',
  );
  await killWorker();
  const { connector } = await world.open('hubspot');
  const field = connector.crmField('deal', 'amount');
  const amount = async () => {
    const [record] = await connector.readRecords('deal', [crmId!], [field]);
    return record?.ok ? Number(record.value.properties[field]) : null;
  };
  // The CRM drops a request whose caller is gone: the write did not land.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(await amount()).not.toBe(777_000);
  const afterFirstKill = world.mark();
  expect(await getFlowRun(pool, workspaceId, runId)).toMatchObject({
    status: 'running',
    currentStep: 'update_amount',
  });

  // 2. Restarted: the ledger's pending write is read back (not there) and sent once;
  //    then killed mid webhook.
  await startWorkerProcess();
  await until(
    () => receiver.received.some((r) => r.url === '/deal-room'),
    30_000,
    'the webhook to arrive',
  );
  await killWorker();
  const afterWebhookKill = await getFlowRun(pool, workspaceId, runId);
  expect(afterWebhookKill).toMatchObject({ status: 'running', currentStep: 'notify' });
  expect(afterWebhookKill!.steps[0]).toMatchObject({
    key: 'update_amount',
    status: 'completed',
    attempts: 2,
  });

  // 3. Restarted: the webhook is delivered again with the same key; the run waits.
  await startWorkerProcess();
  await until(
    async () => (await getFlowRun(pool, workspaceId, runId))?.status === 'waiting',
    30_000,
    'the run to wait for its approval',
  );
  //    Killed while waiting; the approval is decided with no worker up.
  await killWorker();
  const items = await pool.query<{ id: string }>(
    `select id from inbox_items where flow_run_id = $1::uuid`,
    [runId],
  );
  expect(items.rows).toHaveLength(1);
  await withTransaction(pool, (client) =>
    settleItems(client, workspaceId, [items.rows[0]!.id], 'approved', { actor: 'ana@example.com' }),
  );

  // 4. Restarted: the decision's job carries the run to its end.
  await startWorkerProcess();
  await until(
    async () => (await getFlowRun(pool, workspaceId, runId))?.status === 'completed',
    30_000,
    'the run to complete',
  );
  await killWorker();

  const run = await getFlowRun(pool, workspaceId, runId);
  expect(run!.steps.map((s) => [s.key, s.status])).toEqual([
    ['update_amount', 'completed'],
    ['notify', 'completed'],
    ['approve', 'completed'],
    ['confirm', 'completed'],
  ]);
  // One CRM write landed (the restarted worker's), and one audit note.
  expect(afterFirstKill().filter(isFieldWrite)).toHaveLength(1);
  expect(calls().filter((c) => c.path.endsWith('/notes/batch/create'))).toHaveLength(1);
  expect(await amount()).toBe(777_000);
  const ledger = await pool.query(`select status from crm_write_log where origin_id = $1::text`, [
    `${runId}:update_amount`,
  ]);
  expect(ledger.rows).toEqual([{ status: 'written' }]);
  // The deal-room webhook: delivered twice (the first answer was lost with the worker),
  // both with one Idempotency-Key, so the receiver acts once.
  const deliveries = receiver.received.filter((r) => r.url === '/deal-room');
  expect(deliveries).toHaveLength(2);
  expect(new Set(deliveries.map((r) => r.headers['idempotency-key']))).toEqual(
    new Set([`${runId}:notify`]),
  );
  // One approval asked, one confirmation sent.
  expect(
    (
      await pool.query(`select count(*)::int as n from inbox_items where flow_run_id = $1::uuid`, [
        runId,
      ])
    ).rows[0].n,
  ).toBe(1);
  expect(receiver.received.filter((r) => r.url === '/approved')).toHaveLength(1);
}, 240_000);
