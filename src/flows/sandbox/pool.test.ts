import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStepError } from '../types.js';
import { SandboxError } from './errors.js';
import { KILL_GRACE_MS, MAX_MEMORY_MB } from './limits.js';
import { SandboxPool, type SandboxRequest } from './pool.js';

// Two threads, as on the 2-core machines this runs on; threads boot from TypeScript
// here (tsx), which is slower than the built worker.js.
const pool = new SandboxPool({ threads: 2 });
beforeAll(() => pool.warm(), 60_000);
afterAll(() => pool.close());

/** Slack for a loaded machine: a stop must come within its limit plus this. */
const SLACK_MS = 2_000;

async function failure(
  request: SandboxRequest,
  on = pool,
): Promise<{ error: SandboxError; ms: number }> {
  const started = performance.now();
  const error = await on.run(request).then(
    (result) => {
      throw new Error(`expected a sandbox error, got ${JSON.stringify(result.output)}`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SandboxError);
  expect(error).toBeInstanceOf(FlowStepError);
  expect((error as SandboxError).category).toBe('sandbox');
  return { error: error as SandboxError, ms: performance.now() - started };
}

describe('sandbox pool: what the code gets and gives back', () => {
  it('passes input in and the return value out as JSON', async () => {
    const result = await pool.run({
      code: 'return { total: input.items.reduce((sum, item) => sum + item.price, 0), name: input.name }',
      input: { name: 'Acme', items: [{ price: 2 }, { price: 3.5 }] },
    });
    expect(result.output).toEqual({ total: 5.5, name: 'Acme' });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('is an async function body: awaits promises it makes; no return is null', async () => {
    const awaited = await pool.run({
      code: 'const a = await Promise.resolve(2); const b = await new Promise((resolve) => resolve(3)); return [a * b, await Promise.all([1, 2])]',
      input: null,
    });
    expect(awaited.output).toEqual([6, [1, 2]]);
    expect((await pool.run({ code: 'const x = 1;', input: {} })).output).toBeNull();
  });

  it('names the line of an error thrown in the code, and of a syntax error', async () => {
    const thrown = await failure({
      code: 'const a = 1;\nconst b = a + 1;\nthrow new TypeError(`b is ${b}`);',
      input: {},
    });
    expect(thrown.error.limit).toBe('thrown');
    expect(thrown.error.message).toBe('The JavaScript threw (line 3): TypeError: b is 2.');
    expect(thrown.error.options.retryable).toBe(false);
    const syntax = await failure({ code: 'return {', input: {} });
    expect(syntax.error.limit).toBe('syntax');
    expect(syntax.error.message).toMatch(
      /^The JavaScript does not compile \(line 1\): SyntaxError/,
    );
  });

  it('refuses return values JSON cannot hold or that are too big', async () => {
    expect((await failure({ code: 'return 10n', input: {} })).error.limit).toBe('output_type');
    expect(
      (await failure({ code: 'const a = {}; a.self = a; return a', input: {} })).error.limit,
    ).toBe('output_type');
    expect((await failure({ code: 'return () => 1', input: {} })).error.limit).toBe('output_type');
    const big = await failure({ code: 'return "x".repeat(1_200_000)', input: {} });
    expect(big.error.limit).toBe('output_size');
    expect(big.error.message).toContain('1200002 characters');
  });

  it('says so when the code awaits a promise nothing can settle', async () => {
    const { error } = await failure({ code: 'await new Promise(() => {}); return 1', input: {} });
    expect(error.limit).toBe('unsettled');
  });
});

describe('sandbox pool: attempts to reach the host', () => {
  it('has none of the host: no require, process, module, import, fetch, timers, console', async () => {
    const probe = await pool.run({
      code: `return ['require', 'process', 'module', 'exports', 'Buffer', 'fetch', 'setTimeout',
        'setInterval', 'setImmediate', 'queueMicrotask', 'console', 'WebAssembly', 'XMLHttpRequest', 'Deno', 'Bun', 'std', 'os'].filter((name) => typeof globalThis[name] !== 'undefined')`,
      input: {},
    });
    expect(probe.output).toEqual([]);
    const names = await pool.run({
      code: 'return Object.getOwnPropertyNames(globalThis)',
      input: {},
    });
    // Only the language's own built-ins are there.
    for (const name of names.output as string[]) {
      expect(name).toMatch(
        /^(Object|Function|Array|Number|Boolean|String|Symbol|BigInt|Math|JSON|Reflect|Proxy|Promise|Date|RegExp|Map|Set|WeakMap|WeakSet|WeakRef|FinalizationRegistry|Iterator|(Shared)?ArrayBuffer|DataView|(Big)?(Int|Uint|Float)\d+(Clamped)?Array|[A-Za-z]*Error|globalThis|parseInt|parseFloat|isNaN|isFinite|(de|en)codeURI(Component)?|escape|unescape|Infinity|NaN|undefined|eval|Performance|performance|Symbol|AsyncIterator|AggregateError|Atomics)$/,
      );
    }
  });

  it.each([
    ['require', "return require('node:child_process').execSync('id').toString()"],
    ['process', 'process.exit(1)'],
    ['constructor chain', "return this.constructor.constructor('return process')().env"],
    ['function constructor', "return Function('return globalThis.process.mainModule')()"],
    ['async function constructor', "return (async () => {}).constructor('return process')()"],
    ['dynamic import', "return await import('node:fs')"],
    ['timers', 'setTimeout(() => {}, 10); return 1'],
    ['fetch', "return await fetch('http://127.0.0.1/')"],
    [
      'error stack tricks',
      'Error.prepareStackTrace = (e, frames) => frames[0].getThis(); return new Error().stack.process.env',
    ],
  ])('%s fails as a sandbox error', async (_name, code) => {
    const { error } = await failure({ code, input: {} });
    expect(error.limit).toBe('thrown');
    expect(error.message).toMatch(/ReferenceError|TypeError|could not load module/);
  });

  it("prototype pollution stays in the sandbox's realm, and __proto__ keys do not come out", async () => {
    const result = await pool.run({
      code: `Object.prototype.polluted = 'yes'; Array.prototype.push = null; JSON.stringify = () => '"forged"';
        return JSON.parse('{"__proto__": {"polluted": "yes"}, "kept": 1}')`,
      input: {},
    });
    expect(result.output).toEqual({ kept: 1 });
    expect(Object.getPrototypeOf(result.output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.assign({}, result.output)).toEqual({ kept: 1 });
    // The next run starts in a fresh realm.
    const next = await pool.run({
      code: 'return [({}).polluted, typeof Array.prototype.push]',
      input: {},
    });
    expect(next.output).toEqual([null, 'function']);
  });
});

describe('sandbox pool: limits', () => {
  it.each([
    ['an infinite loop', 'for (;;) {}'],
    [
      'a loop that catches its interruption',
      "for (;;) { try { for (;;) {} } catch { } } return 'escaped'",
    ],
    ['an endless chain of microtasks', 'for (;;) await null'],
    [
      'a chain of promises that ends interrupted',
      'const spin = async () => { await null; return spin(); }; await spin()',
    ],
    ['a catastrophic regular expression', "return /(a+)+$/.test('a'.repeat(40) + 'b')"],
  ])('stops %s at its time limit', async (_name, code) => {
    // The most memory a run may have, so only time stops these: the chain of promises
    // also grows, and filled the default 32 MB in 240 to 370 ms (a fast machine sooner),
    // which made its stop a race between the two limits.
    const { error, ms } = await failure({
      code,
      input: {},
      timeoutMs: 200,
      memoryMb: MAX_MEMORY_MB,
    });
    expect(error.limit).toBe('timeout');
    expect(error.message).toContain('time limit of 200 ms');
    expect(ms).toBeLessThan(200 + SLACK_MS);
  });

  it.each([
    [
      'many small objects',
      'const keep = []; for (;;) keep.push({ n: keep.length, s: "v" + keep.length })',
    ],
    ['growing strings', 'const keep = []; for (;;) keep.push("x".repeat(1000) + keep.length)'],
    ['one huge buffer', 'return new ArrayBuffer(1e9).byteLength'],
    ['a huge string', "return 'x'.repeat(2 ** 28).length"],
    [
      'an allocation it catches',
      'const keep = []; try { for (;;) keep.push(new Array(1000).fill(1)); } catch {} for (;;) keep.push(new Array(1000).fill(1))',
    ],
  ])('stops %s at its memory limit', async (_name, code) => {
    const { error, ms } = await failure({ code, input: {}, memoryMb: 16, timeoutMs: 10_000 });
    expect(error.limit).toBe('memory');
    expect(error.message).toContain('memory limit of 16 MB');
    expect(ms).toBeLessThan(10_000);
  });

  it('stops deep recursion at the stack limit', async () => {
    for (const code of [
      'const f = (n) => f(n + 1) + 1; return f(0)',
      'const g = (n) => [n].map(() => g(n + 1)); return g(0)',
      "return JSON.parse('['.repeat(100000) + ']'.repeat(100000))",
    ]) {
      const { error } = await failure({ code, input: {} });
      expect(error.limit).toBe('stack');
    }
  });

  it('kills the thread of a call that does not stop for the interrupt handler, and replaces it', async () => {
    // A native call the handler cannot stop (sorting two million strings took 0.5 to 8 s
    // as the machine was idle or loaded) is modelled by a pool without the handler, so
    // the wall-clock kill is certainly what stops the code.
    const unguarded = new SandboxPool({ threads: 1, interruptHandler: false });
    try {
      const { error, ms } = await failure(
        { code: 'for (;;) {}', input: {}, timeoutMs: 300 },
        unguarded,
      );
      expect(error.limit).toBe('timeout');
      expect(error.message).toContain('its thread was killed');
      expect(ms).toBeLessThan(300 + KILL_GRACE_MS + SLACK_MS);
      expect(unguarded.stats().replaced).toBe(1);
      await unguarded.warm();
      expect(unguarded.stats().threads).toBe(1);
      expect((await unguarded.run({ code: 'return 1 + 1', input: {} })).output).toBe(2);
    } finally {
      await unguarded.close();
    }
  });

  it('keeps serving other runs while one runs away', async () => {
    const runaway = failure({ code: 'for (;;) {}', input: {}, timeoutMs: 3_000 });
    const started = performance.now();
    const quick = await Promise.all(
      Array.from({ length: 50 }, (_, n) => pool.run({ code: 'return input.n * 2', input: { n } })),
    );
    const quickMs = performance.now() - started;
    expect(quick.map((result) => result.output)).toEqual(
      Array.from({ length: 50 }, (_, n) => n * 2),
    );
    expect(quickMs).toBeLessThan(2_000);
    const { error, ms } = await runaway;
    expect(error.limit).toBe('timeout');
    expect(ms).toBeGreaterThan(quickMs);
  });
});

describe('sandbox pool: queueing and aborting', () => {
  it('drops a queued run when its signal aborts, and kills a running one', async () => {
    const small = new SandboxPool({ threads: 1 });
    try {
      await small.warm();
      const running = new AbortController();
      const queued = new AbortController();
      const first = small.run({
        code: 'for (;;) {}',
        input: {},
        timeoutMs: 20_000,
        signal: running.signal,
      });
      const second = small.run({ code: 'return 1', input: {}, signal: queued.signal });
      queued.abort(new Error('cancelled while queued'));
      await expect(second).rejects.toThrow('cancelled while queued');
      const started = performance.now();
      running.abort(new Error('cancelled while running'));
      await expect(first).rejects.toThrow('cancelled while running');
      expect(performance.now() - started).toBeLessThan(SLACK_MS);
      expect(small.stats().replaced).toBe(1);
      expect((await small.run({ code: 'return "after"', input: {} })).output).toBe('after');
    } finally {
      await small.close();
    }
  });

  it('answers busy (retryable) when too many runs wait', async () => {
    const small = new SandboxPool({ threads: 1, maxQueue: 1 });
    try {
      await small.warm();
      const first = small.run({ code: 'for (;;) {}', input: {}, timeoutMs: 300 });
      const second = small.run({ code: 'return 2', input: {} });
      const { error } = await failure({ code: 'return 3', input: {} }, small);
      expect(error.limit).toBe('busy');
      expect(error.options.retryable).toBe(true);
      await expect(first).rejects.toThrow(/time limit/);
      expect((await second).output).toBe(2);
    } finally {
      await small.close();
    }
  });

  it('refuses input JSON cannot hold before queueing it', async () => {
    const { error } = await failure({ code: 'return 1', input: { n: 1n } });
    expect(error.limit).toBe('input');
  });
});
