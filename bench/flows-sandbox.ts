/**
 * The JavaScript sandbox alone (no database, no runner): how many run_javascript bodies
 * the pool runs a second on this machine's cores, their p95, how long replacing a killed
 * thread takes, and what the other threads still do while one step runs away. The
 * `flows` suite calls this after its own figures; `npm run bench -- flows-sandbox` runs
 * it alone.
 */
import { SandboxPool } from '../src/flows/sandbox/pool.js';
import { round } from './suites/figures.js';
import type { Suite } from './suites/types.js';

/** A typical step: reshape the trigger's records and total them. */
const CODE = `
  const lines = input.trigger.lines.map((line) => ({ sku: line.sku, total: line.qty * line.price }));
  const sum = lines.reduce((acc, line) => acc + line.total, 0);
  await null;
  return { lines, sum, tier: sum > input.vars.goldAbove ? 'gold' : 'standard' };
`;

function inputFor(n: number) {
  return {
    trigger: {
      type: 'manual',
      lines: Array.from({ length: 20 }, (_, i) => ({
        sku: `SKU-${n}-${i}`,
        qty: i + 1,
        price: 9.5,
      })),
    },
    vars: { goldAbove: 1_000 },
    steps: {},
  };
}

export const sandboxBench: Suite = async ({ quick, report }) => {
  const pool = new SandboxPool();
  try {
    await pool.warm();
    report({ metric: 'sandbox_threads', value: pool.threads, unit: 'threads' });
    // Warm-up: let the engine's code get optimised before timing it.
    await drive(pool, quick ? 200 : 1_000, 8);

    const runs = quick ? 2_000 : 10_000;
    const measured = await drive(pool, runs, 16);
    report({ metric: 'sandbox_runs_per_second', value: round(measured.perSecond), unit: 'runs/s' });
    report({ metric: 'sandbox_p95_ms', value: round(measured.p95), unit: 'ms' });

    // One step loops for the whole measurement; the other threads keep the rest going.
    const stop = new AbortController();
    const runaway = pool
      .run({ code: 'for (;;) {}', input: {}, timeoutMs: 30_000, signal: stop.signal })
      .catch((error: unknown) => error);
    const during = await drive(pool, Math.round(runs / 2), 16);
    report({
      metric: 'sandbox_runs_per_second_beside_a_runaway',
      value: round(during.perSecond),
      unit: 'runs/s',
    });

    // Cancelling it kills its thread; time until a new one is ready.
    const killed = performance.now();
    stop.abort(new Error('bench over'));
    await runaway;
    await pool.warm();
    report({
      metric: 'sandbox_thread_replace_ms',
      value: round(performance.now() - killed),
      unit: 'ms',
    });
  } finally {
    await pool.close();
  }
};

/** Runs `runs` steps with `concurrency` in flight; throughput and p95 latency. */
async function drive(
  pool: SandboxPool,
  runs: number,
  concurrency: number,
): Promise<{ perSecond: number; p95: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        const n = next++;
        const sent = performance.now();
        const result = await pool.run({ code: CODE, input: inputFor(n) });
        latencies.push(performance.now() - sent);
        if ((result.output as { sum: number }).sum !== 1995)
          throw new Error('wrong sandbox output');
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: runs / seconds, p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0 };
}
