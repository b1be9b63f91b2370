import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../../test/app.js';
import { testServices } from '../engine/fixtures.test-helper.js';
import { runFlow } from '../engine/runner.js';
import { closeSharedSandboxPool } from './pool.js';

/**
 * Escape attempts sent as a user would: a flow with a run_javascript step created,
 * published and started over REST, worked by the runner (as the `flows.run` job does),
 * and read back over REST. Each fails its step as a sandbox error while the server keeps
 * answering.
 */
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
});
afterAll(() => closeSharedSandboxPool());

async function call(method: 'GET' | 'POST', rest: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers: admin.auth,
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

/** Creates, publishes and starts a one-step flow running `code`; the run id. */
async function startScript(config: Record<string, unknown>): Promise<string> {
  const created = await call('POST', '/flows', {
    name: 'Script',
    trigger: { type: 'manual' },
    steps: [{ key: 'script', type: 'run_javascript', config }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const flowId = created.body.flow.id as string;
  expect((await call('POST', `/flows/${flowId}/publish`, {})).status).toBe(201);
  const started = await call('POST', `/flows/${flowId}/runs`, { input: { who: 'attacker' } });
  expect(started.status).toBe(201);
  return started.body.run.id as string;
}

async function scriptStep(runId: string) {
  await runFlow(testServices(t.db.pool), admin.workspaceId, runId);
  const read = await call('GET', `/flow-runs/${runId}`);
  return read.body.run as {
    status: string;
    steps: {
      key: string;
      status: string;
      output: unknown;
      error: { category: string; message: string } | null;
    }[];
  };
}

describe('run_javascript escape attempts over the API', () => {
  it.each([
    ['a constructor chain', "return this.constructor.constructor('return process')().env"],
    ['import()', "return await import('node:child_process')"],
    ['require', "return require('fs').readFileSync('/etc/passwd', 'utf8')"],
    ['process', 'process.kill(process.pid)'],
    ['timers', 'await new Promise((resolve) => setTimeout(resolve, 10))'],
    ['fetch', "return await (await fetch('http://127.0.0.1:1/')).text()"],
    [
      'globalThis probing',
      'return Object.getOwnPropertyNames(globalThis).filter((k) => /process|require|module|Buffer|fetch|Timeout/.test(k)).map((k) => globalThis[k].call())',
    ],
    [
      'a huge allocation',
      'const keep = []; for (;;) keep.push(new Array(100000).fill(keep.length))',
    ],
    ['an infinite loop', 'for (;;) {}'],
    ['deep recursion', 'const down = (n) => down(n + 1) + 1; return down(0)'],
    ['a huge output', "return 'x'.repeat(5_000_000)"],
  ])('%s fails the step as a sandbox error', async (_name, code) => {
    const runId = await startScript({ code, timeoutMs: 500, memoryMb: 16 });
    const run = await scriptStep(runId);
    expect(run.status).toBe('failed');
    expect(run.steps[0]).toMatchObject({ key: 'script', status: 'failed' });
    expect(run.steps[0]?.error?.category, run.steps[0]?.error?.message).toBe('sandbox');
  });

  it("prototype pollution reaches neither the server nor the run's stored output", async () => {
    const runId = await startScript({
      code: `Object.prototype.isAdmin = true; Array.prototype.includes = () => true;
        return JSON.parse('{"__proto__": {"isAdmin": true}, "ok": 1}')`,
    });
    const run = await scriptStep(runId);
    expect(run.status).toBe('completed');
    expect(run.steps[0]?.output).toEqual({ ok: 1 });
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    expect([1].includes(2)).toBe(false);
  });

  it('keeps the server answering while a run loops', async () => {
    const runId = await startScript({ code: 'let n = 0; for (;;) n++', timeoutMs: 1_500 });
    let finished = false;
    const working = scriptStep(runId).finally(() => (finished = true));
    let answers = 0;
    let slowest = 0;
    while (!finished) {
      const started = performance.now();
      expect((await t.app.inject('/healthz')).statusCode).toBe(200);
      slowest = Math.max(slowest, performance.now() - started);
      answers += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const run = await working;
    expect(run.steps[0]?.error?.message).toContain('time limit of 1500 ms');
    expect(answers).toBeGreaterThan(20);
    expect(slowest).toBeLessThan(250);
  });
});
