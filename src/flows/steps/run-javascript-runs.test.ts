import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { createPublishedFlow, testServices } from '../engine/fixtures.test-helper.js';
import { runFlow } from '../engine/runner.js';
import { getFlowRun, startFlowRun } from '../engine/runs.js';
import { closeSharedSandboxPool } from '../sandbox/pool.js';
import type { FlowStep } from '../types.js';

/** run_javascript inside real runs: the runner, its stored step results, a later step reading the output. */
let db: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Sandboxed' })).id;
});
afterAll(() => closeSharedSandboxPool());

const setAmount: FlowStep = {
  key: 'amount',
  type: 'set_variable',
  config: { name: 'amount', type: 'number', value: '{{trigger.amount}}' },
};

async function run(steps: FlowStep[], amount = 1200) {
  const flowId = await createPublishedFlow(db.pool, workspaceId, steps);
  const { runId } = await startFlowRun(db.pool, {
    workspaceId,
    flowId,
    trigger: { type: 'manual' },
    input: { amount },
  });
  await runFlow(testServices(db.pool), workspaceId, runId);
  const view = await getFlowRun(db.pool, workspaceId, runId);
  if (!view) throw new Error('run not found');
  return view;
}

describe('run_javascript in a flow run', () => {
  it("takes the run's time from the clock: a run lasts at least as long as its steps", async () => {
    const view = await run([
      setAmount,
      {
        key: 'busy',
        type: 'run_javascript',
        config: { code: 'const end = Date.now() + 60; while (Date.now() < end) {} return 1;' },
      },
    ]);
    expect(view.status).toBe('completed');
    const busy = view.steps.find((step) => step.key === 'busy')!;
    expect(busy.durationMs).toBeGreaterThanOrEqual(50);
    // Every step of this run is written in one transaction at its end, whose now() is one instant.
    expect(view.durationMs).toBeGreaterThanOrEqual(busy.durationMs!);
  });

  it("computes from the run's values, and a later step reads its output", async () => {
    const view = await run([
      setAmount,
      {
        key: 'price',
        type: 'run_javascript',
        config: {
          code: `const discount = input.vars.amount > 1000 ? 0.1 : 0;
            return { net: input.vars.amount * (1 - discount), literal: '{{vars.amount}}', trigger: input.trigger.amount };`,
        },
      },
      {
        key: 'label',
        type: 'set_variable',
        config: { name: 'label', type: 'string', value: 'net {{steps.price.output.net}}' },
      },
    ]);
    expect(view.status).toBe('completed');
    const price = view.steps.find((step) => step.key === 'price');
    // The code was taken as written: its `{{...}}` is text, not a template.
    expect(price).toMatchObject({
      status: 'completed',
      output: { net: 1080, literal: '{{vars.amount}}', trigger: 1200 },
    });
    expect(view.steps.find((step) => step.key === 'label')?.output).toMatchObject({
      value: 'net 1080',
    });
  });

  it('fails the run with a sandbox error naming the limit, not retried', async () => {
    const view = await run([
      setAmount,
      { key: 'spin', type: 'run_javascript', config: { code: 'for (;;) {}', timeoutMs: 100 } },
    ]);
    expect(view.status).toBe('failed');
    const spin = view.steps.find((step) => step.key === 'spin');
    expect(spin).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { category: 'sandbox', retryable: false },
    });
    expect(spin?.error?.message).toContain('time limit of 100 ms');
    expect(view.error).toMatchObject({ category: 'sandbox', stepKey: 'spin' });
  });

  it('refuses a config asking for more than the limits allow, before running anything', async () => {
    const view = await run([
      { key: 'greedy', type: 'run_javascript', config: { code: 'return 1', memoryMb: 100_000 } },
    ]);
    expect(view.status).toBe('failed');
    expect(view.steps[0]?.error).toMatchObject({ category: 'validation' });
  });
});
