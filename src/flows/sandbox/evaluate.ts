/**
 * Runs one JavaScript step inside QuickJS (WebAssembly), on a sandbox thread. The code
 * sees only `input` and the language's own built-ins: QuickJS has no require, import
 * loader, timers, network or file system, and nothing of the host is handed in.
 *
 * Limits: a deadline through the interrupt handler, QuickJS's stack check, and memory
 * through the WebAssembly memory's fixed maximum. QuickJS's own memory limit is set too
 * but cannot be relied on here: this build has no malloc_usable_size, so QuickJS counts
 * a few bytes per allocation and only notices single allocations over the limit
 * (measured: a loop of 1 KB strings grew the memory to 260 MB under a 32 MB limit).
 */
import {
  newQuickJSWASMModule,
  newVariant,
  RELEASE_SYNC,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import { QUICKJS_STACK_BYTES, WASM_INITIAL_PAGES, wasmMaximumPages } from './limits.js';
import type { Failure, FailureKind, TaskMessage } from './protocol.js';

export type Outcome =
  | { ok: true; outputJson: string; retire: boolean }
  | { ok: false; failure: Failure; retire: boolean };

/** Kinds after which the engine's state is not trusted: the thread is replaced. */
const RETIRING: ReadonlySet<FailureKind> = new Set(['timeout', 'memory', 'stack', 'crashed']);

const MESSAGE_CHARS = 500;
const MB = 1024 * 1024;

/**
 * Evaluated before the step's code, so the helpers hold the built-ins as they were: code
 * that replaces JSON.stringify only changes what its own realm sees. The step's code is
 * compiled by the AsyncFunction constructor, so it is a function body whatever it holds.
 */
const RUNNER = `(() => {
  const AsyncFunction = (async function () {}).constructor;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const text = String;
  return [
    (code) => new AsyncFunction('input', code),
    (json) => parse(json),
    (value, max) => {
      const json = stringify(value === undefined ? null : value);
      if (typeof json !== 'string') return -1;
      return json.length > max ? json.length : json;
    },
    (error) => {
      try {
        if (error !== null && typeof error === 'object') {
          return [text(error.name), text(error.message), text(error.stack)];
        }
        return ['', text(error), ''];
      } catch {
        return ['', '', ''];
      }
    },
  ];
})()`;

/** The AsyncFunction constructor puts two lines before the body. */
const BODY_FIRST_LINE = 3;

interface Engine {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  maxBytes: number;
  memoryMb: number;
}

/**
 * One thread's evaluator. It keeps its WebAssembly instance between runs that ask for
 * the same memory (each run gets a fresh QuickJS runtime, freed when it ends), and
 * makes a new one when the limit asked for differs or the last run left it in doubt.
 */
export class Evaluator {
  private engine: Engine | undefined;

  constructor(private readonly wasmModule: WebAssembly.Module) {}

  async prepare(memoryMb: number): Promise<Engine> {
    if (this.engine?.memoryMb === memoryMb) return this.engine;
    const maximum = wasmMaximumPages(memoryMb);
    const memory = new WebAssembly.Memory({ initial: WASM_INITIAL_PAGES, maximum });
    const variant = newVariant(RELEASE_SYNC, { wasmModule: this.wasmModule, wasmMemory: memory });
    const module = await newQuickJSWASMModule(variant);
    this.engine = { module, memory, maxBytes: maximum * 65536, memoryMb };
    return this.engine;
  }

  async evaluate(task: TaskMessage): Promise<Outcome> {
    let engine: Engine;
    try {
      engine = await this.prepare(task.memoryMb);
    } catch (error) {
      return fail({ kind: 'crashed', message: clip(errorText(error)) });
    }
    const deadline = Date.now() + task.timeoutMs;
    let result: { outputJson: string } | Failure;
    let clean = true;
    try {
      const runtime = engine.module.newRuntime();
      runtime.setMemoryLimit(task.memoryMb * MB);
      runtime.setMaxStackSize(QUICKJS_STACK_BYTES);
      if (task.interrupt) runtime.setInterruptHandler(() => Date.now() > deadline);
      const context = runtime.newContext();
      const handles: QuickJSHandle[] = [];
      const grown = () => engine.memory.buffer.byteLength / engine.maxBytes;
      result = execute(context, task, deadline, grown, (handle) => {
        handles.push(handle);
        return handle;
      });
      try {
        for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
        context.dispose();
        runtime.dispose();
      } catch {
        // QuickJS found objects still alive when freeing the runtime (seen after an
        // interrupted chain of promises) and aborted: the run's answer stands, the
        // instance goes.
        clean = false;
      }
    } catch (error) {
      // Thrown on the host side from inside the engine (the thread's native stack ran
      // out, a WebAssembly trap): its memory may be half-updated.
      const overflow = error instanceof RangeError && /call stack/i.test(error.message);
      result = { kind: overflow ? 'stack' : 'crashed', message: clip(errorText(error)) };
      clean = false;
    }
    if (!clean) this.engine = undefined;
    if ('outputJson' in result) return { ok: true, outputJson: result.outputJson, retire: !clean };
    const outcome = fail(result);
    return { ...outcome, retire: outcome.retire || !clean };
  }
}

function fail(failure: Failure): Outcome {
  return { ok: false, failure, retire: RETIRING.has(failure.kind) };
}

function execute(
  context: QuickJSContext,
  task: TaskMessage,
  deadline: number,
  memoryGrown: () => number,
  keep: (handle: QuickJSHandle) => QuickJSHandle,
): { outputJson: string } | Failure {
  const runner = keep(context.unwrapResult(context.evalCode(RUNNER, 'runner.js')));
  const [compile, parse, toJson, describe] = [0, 1, 2, 3].map((index) =>
    keep(context.getProp(runner, index)),
  ) as [QuickJSHandle, QuickJSHandle, QuickJSHandle, QuickJSHandle];
  const lineCount = task.code.split('\n').length;

  const failure = (error: QuickJSHandle, kind: FailureKind): Failure => {
    keep(error);
    if (Date.now() > deadline) return { kind: 'timeout' };
    const described = context.callFunction(describe, context.undefined, error);
    if (described.error) {
      keep(described.error);
      return { kind: memoryGrown() > 0.95 ? 'memory' : kind };
    }
    const parts = keep(described.value);
    const [name, message, stack] = [0, 1, 2].map((index) =>
      context.getString(keep(context.getProp(parts, index))),
    ) as [string, string, string];
    // Some out-of-memory paths throw null rather than an error (measured: replacing in a
    // 40 MB string under 256 MB); code throwing null itself with most memory in use would
    // be misreported, a price worth not calling a memory stop the code's own error.
    if (name === '' && message === 'null' && memoryGrown() > 0.5) return { kind: 'memory' };
    // QuickJS's JSON parser reports its stack check as a SyntaxError.
    if (message === 'stack overflow') return { kind: 'stack' };
    if (name === 'InternalError') {
      if (message === 'out of memory') return { kind: 'memory' };

      if (message === 'interrupted') return { kind: 'timeout' };
    }
    const line = codeLine(stack, lineCount);
    return {
      kind,
      name: clip(name),
      message: clip(message),
      ...(line ? { line } : {}),
    };
  };

  const compiled = context.callFunction(
    compile,
    context.undefined,
    keep(context.newString(task.code)),
  );
  if (compiled.error) return failure(compiled.error, 'syntax');
  const body = keep(compiled.value);
  const json = keep(context.newString(task.inputJson));
  const parsed = context.callFunction(parse, context.undefined, json);
  if (parsed.error) return failure(parsed.error, 'crashed');
  const called = context.callFunction(body, context.undefined, keep(parsed.value));
  if (called.error) return failure(called.error, 'thrown');
  const promise = keep(called.value);

  let value: QuickJSHandle | undefined;
  let progressed = true;
  while (!value) {
    const state = context.getPromiseState(promise);
    if (state.type === 'fulfilled') value = keep(state.value);
    else if (state.type === 'rejected') return failure(state.error, 'thrown');
    // An interrupted job can leave the awaiting code pending for good.
    else if (!progressed) return { kind: Date.now() > deadline ? 'timeout' : 'unsettled' };
    else {
      const jobs = context.runtime.executePendingJobs();
      if (jobs.error) return failure(jobs.error, 'thrown');
      progressed = jobs.value > 0;
    }
  }

  const max = keep(context.newNumber(task.maxOutputChars));
  const converted = context.callFunction(toJson, context.undefined, value, max);
  if (converted.error) return failure(converted.error, 'output_type');
  const output = keep(converted.value);
  if (context.typeof(output) === 'number') {
    const size = context.getNumber(output);
    return size < 0
      ? { kind: 'output_type', message: 'a function or a symbol, which JSON cannot hold' }
      : { kind: 'output_size', size };
  }
  return { outputJson: context.getString(output) };
}

/** The first `<input>:line` in a QuickJS stack is the innermost frame in the step's code. */
function codeLine(stack: string, lineCount: number): number | undefined {
  const match = /<input>:(\d+)/.exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - BODY_FIRST_LINE + 1;
  return Math.min(Math.max(line, 1), lineCount);
}

function clip(text: string): string {
  return text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS)}…` : text;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
