import { Value } from '@sinclair/typebox/value';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';
import { SandboxError } from '../sandbox/errors.js';
import { closeSharedSandboxPool } from '../sandbox/pool.js';
import { FlowStepError } from '../types.js';
import { testContext } from './net.test-helper.js';
import { stepDefinition } from './registry.js';
import { runJavascriptStep } from './run-javascript.js';

afterAll(() => closeSharedSandboxPool());

describe('run_javascript', () => {
  it('is registered as a read step members may use, with its code taken as written', () => {
    const definition = stepDefinition('run_javascript');
    expect(definition).toBe(runJavascriptStep);
    expect(definition).toMatchObject({
      category: 'advanced',
      effect: 'read',
      allowedInAutomations: true,
      literalFields: ['code'],
    });
    const schema = runJavascriptStep.configSchema;
    expect(Value.Check(schema, { code: 'return 1', timeoutMs: 500, memoryMb: 64 })).toBe(true);
    expect(Value.Check(schema, { code: '' })).toBe(false);
    expect(Value.Check(schema, { code: 'return 1', timeoutMs: 60_000 })).toBe(false);
    expect(Value.Check(schema, { code: 'return 1', memoryMb: 4096 })).toBe(false);
    expect(Value.Check(schema, { code: 'return 1', require: ['fs'] })).toBe(false);
  });

  it("hands the code the run's trigger, variables and earlier outputs, and returns its value", async () => {
    const context = testContext({
      scope: {
        trigger: { type: 'event', deal: { amount: 1200 } },
        vars: { discount: 0.1 },
        steps: { lookup: { output: { tier: 'gold' } } },
      },
    });
    const outcome = await runJavascriptStep.run(context, {
      code: `const net = input.trigger.deal.amount * (1 - input.vars.discount);
        return { net, tier: input.steps.lookup.output.tier, keys: Object.keys(input) };`,
    });
    expect(outcome).toEqual({
      kind: 'completed',
      output: { net: 1080, tier: 'gold', keys: ['trigger', 'vars', 'steps'] },
    });
  });

  it('fails as a sandbox FlowStepError naming the limit', async () => {
    const error = await runJavascriptStep
      .run(testContext(), { code: 'while (true) {}', timeoutMs: 100 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FlowStepError);
    expect(error).toMatchObject({ category: 'sandbox', limit: 'timeout' });
    expect((error as SandboxError).message).toContain('time limit of 100 ms');
  });

  it("stops when the runner's signal aborts (step timeout or cancel) and throws its reason", async () => {
    const controller = new AbortController();
    const running = runJavascriptStep.run(testContext({ signal: controller.signal }), {
      code: 'for (;;) {}',
      timeoutMs: 20_000,
    });
    setTimeout(() => controller.abort(new Error('run cancelled')), 100);
    await expect(running).rejects.toThrow('run cancelled');
  });

  it('leaves the HTTP server answering while a step runs away', async () => {
    const { app } = await createTestApp();
    // The first request readies the app's routes; time only the ones during the run.
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    const runaway = runJavascriptStep
      .run(testContext(), { code: 'let n = 0; for (;;) n++', timeoutMs: 1_500 })
      .catch((thrown: unknown) => thrown);
    let settled = false;
    void runaway.finally(() => (settled = true));
    const latencies: number[] = [];
    while (!settled) {
      const started = performance.now();
      const answer = await app.inject('/healthz');
      latencies.push(performance.now() - started);
      expect(answer.statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await runaway).toMatchObject({ category: 'sandbox', limit: 'timeout' });
    expect(latencies.length).toBeGreaterThan(20);
    expect(Math.max(...latencies)).toBeLessThan(250);
  });
});
