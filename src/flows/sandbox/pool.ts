/**
 * A pool of sandbox threads for JavaScript steps. Each thread runs one step at a time
 * in QuickJS (WebAssembly) under `resourceLimits`; a step that passes its time limit is
 * stopped by QuickJS's interrupt handler and, failing that, by killing its thread
 * shortly after. A thread that hit a limit or died is replaced, so a runaway step only
 * ever holds its own thread, and the process's event loop never runs guest code.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { busyError, inputError, sandboxError } from './errors.js';
import {
  KILL_GRACE_MS,
  MAX_OUTPUT_CHARS,
  sandboxLimits,
  THREAD_LIMITS,
  type SandboxLimits,
} from './limits.js';
import type { Failure, ResultMessage, TaskMessage, WorkerMessage } from './protocol.js';

export interface SandboxRequest {
  /** The body of an async function of `input`. */
  code: string;
  /** Handed to the code as `input`; must be JSON. */
  input: unknown;
  timeoutMs?: number;
  memoryMb?: number;
  /** Aborting drops a queued run and kills a running one's thread; the run throws `signal.reason`. */
  signal?: AbortSignal;
}

export interface SandboxResult {
  output: unknown;
  /** Time inside the thread, compile to output. */
  durationMs: number;
}

export interface SandboxPoolOptions {
  /** Threads; default: the machine's cores, at most 4. */
  threads?: number;
  /** Runs that may wait for a thread before `run` answers busy. */
  maxQueue?: number;
  /**
   * Whether QuickJS's interrupt handler stops code at its deadline (default true). The
   * wall-clock kill of the thread is the backstop for code it cannot stop; tests of that
   * kill turn the handler off so the kill is certainly what stops the code.
   */
  interruptHandler?: boolean;
}

interface Job {
  id: number;
  task: TaskMessage;
  limits: SandboxLimits;
  resolve(result: SandboxResult): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
  killTimer: NodeJS.Timeout | undefined;
}

/** Threads that died before they were ready, in a row, before the queue is failed. */
const MAX_BOOT_FAILURES = 3;

export class SandboxPool {
  readonly threads: number;
  private readonly maxQueue: number;
  private readonly interrupt: boolean;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private readonly booting = new Set<Promise<void>>();
  private wasm: Promise<WebAssembly.Module> | undefined;
  private nextId = 1;
  private bootFailures = 0;
  private closed = false;
  /** Threads replaced after a limit, a kill or a crash. */
  replaced = 0;

  constructor(options: SandboxPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? Math.min(4, availableParallelism()));
    this.maxQueue = options.maxQueue ?? 1_000;
    this.interrupt = options.interruptHandler ?? true;
  }

  /** Runs `code` with `input`; throws SandboxError (or `signal.reason` when aborted). */
  async run(request: SandboxRequest): Promise<SandboxResult> {
    if (this.closed) throw new Error('the sandbox pool is closed');
    request.signal?.throwIfAborted();
    const limits = sandboxLimits(request);
    let inputJson: string;
    try {
      inputJson = JSON.stringify(request.input ?? null);
    } catch (error) {
      throw inputError(error);
    }
    if (this.queue.length >= this.maxQueue) throw busyError(this.queue.length);
    this.start();
    const id = this.nextId++;
    const task: TaskMessage = {
      id,
      code: request.code,
      inputJson,
      ...limits,
      maxOutputChars: MAX_OUTPUT_CHARS,
      interrupt: this.interrupt,
    };
    return new Promise<SandboxResult>((resolve, reject) => {
      const job: Job = {
        id,
        task,
        limits,
        resolve,
        reject,
        signal: request.signal,
        onAbort: undefined,
      };
      if (job.signal) {
        job.onAbort = () => this.abort(job);
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Threads, busy ones and queued runs, for logs and the bench. */
  stats(): { threads: number; busy: number; queued: number; replaced: number } {
    const busy = [...this.slots].filter((slot) => slot.job).length;
    return { threads: this.slots.size, busy, queued: this.queue.length, replaced: this.replaced };
  }

  /** Starts the threads now rather than on the first run; resolves when they are up. */
  async warm(): Promise<void> {
    this.start();
    await Promise.all(this.booting);
  }

  /** Fails queued and running runs and stops every thread. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error('the sandbox pool closed');
    for (const job of this.queue.splice(0)) this.fail(job, closing);
    const workers = [...this.slots].map((slot) => {
      if (slot.job) this.fail(slot.job, closing);
      clearTimeout(slot.killTimer);
      return slot.worker;
    });
    this.slots.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private start(): void {
    this.wasm ??= loadWasm();
    while (this.slots.size + this.booting.size < this.threads) this.spawn();
  }

  private spawn(): void {
    const booting: Promise<void> = this.wasm!.then(
      (wasmModule) => {
        if (this.closed) return;
        const { filename, isEval } = workerEntry();
        const worker = new Worker(filename, {
          eval: isEval,
          workerData: { wasmModule },
          resourceLimits: THREAD_LIMITS,
        });
        const slot: Slot = { worker, ready: false, job: undefined, killTimer: undefined };
        this.slots.add(slot);
        return this.watch(slot);
      },
      (error: unknown) => {
        this.wasm = undefined;
        this.failQueue(error);
      },
    );
    this.booting.add(booting);
    void booting.finally(() => this.booting.delete(booting));
  }

  /** Wires a thread's events; resolves when it is ready or gone. */
  private watch(slot: Slot): Promise<void> {
    const { worker } = slot;
    worker.unref();
    return new Promise<void>((booted) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          slot.ready = true;
          this.bootFailures = 0;
          booted();
          this.dispatch();
        } else {
          this.finish(slot, message);
        }
      });
      // An uncaught error ends the thread; 'exit' follows and does the bookkeeping.
      worker.on('error', (error: Error & { code?: string }) => {
        if (slot.job && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          this.fail(slot.job, sandboxError({ kind: 'memory' }, slot.job.limits));
          slot.job = undefined;
        }
      });
      worker.once('exit', (code) => {
        booted();
        if (!this.slots.delete(slot)) return;
        clearTimeout(slot.killTimer);
        if (slot.job) {
          const failure: Failure = { kind: 'crashed', message: `exit code ${code}` };
          this.fail(slot.job, sandboxError(failure, slot.job.limits));
        }
        if (!slot.ready && ++this.bootFailures >= MAX_BOOT_FAILURES) {
          this.failQueue(new Error(`sandbox threads die on start (exit code ${code})`));
          return;
        }
        this.replace();
      });
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.killTimer = setTimeout(
        () => this.kill(slot, sandboxError({ kind: 'timeout' }, job.limits, true)),
        job.limits.timeoutMs + KILL_GRACE_MS,
      );
      slot.worker.postMessage(job.task);
    }
  }

  private finish(slot: Slot, message: ResultMessage): void {
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    slot.job = undefined;
    clearTimeout(slot.killTimer);
    slot.worker.unref();
    if (message.ok) {
      this.succeed(job, {
        output: parseOutput(message.outputJson),
        durationMs: message.durationMs,
      });
    } else {
      this.fail(job, sandboxError(message.failure, job.limits));
    }
    if (message.retire) this.retire(slot);
    else this.dispatch();
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.fail(job, job.signal?.reason);
      return;
    }
    const slot = [...this.slots].find((candidate) => candidate.job === job);
    if (slot) this.kill(slot, job.signal?.reason);
  }

  /** Stops a running job by killing its thread, and answers it with `error`. */
  private kill(slot: Slot, error: unknown): void {
    if (slot.job) this.fail(slot.job, error);
    slot.job = undefined;
    this.retire(slot);
  }

  private retire(slot: Slot): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.killTimer);
    void slot.worker.terminate();
    this.replace();
  }

  private replace(): void {
    this.replaced += 1;
    if (this.closed) return;
    this.spawn();
  }

  private succeed(job: Job, result: SandboxResult): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    job.resolve(result);
  }

  private fail(job: Job, error: unknown): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    job.reject(error);
  }

  private failQueue(error: unknown): void {
    for (const job of this.queue.splice(0)) {
      this.fail(job, sandboxError({ kind: 'crashed', message: String(error) }, job.limits));
    }
  }
}

/**
 * The code's JSON, parsed on the host. `__proto__` keys are dropped: JSON.parse makes
 * them plain properties, but a later Object.assign or merge would set a prototype.
 */
function parseOutput(json: string): unknown {
  if (!json.includes('"__proto__"')) return JSON.parse(json);
  return JSON.parse(json, (key, value: unknown) => (key === '__proto__' ? undefined : value));
}

/**
 * The thread's entry. Built, it is worker.js beside this file; run from source (tests,
 * the bench), Node does not pass the parent's tsx loader to a thread, so the thread
 * registers it before importing worker.ts.
 */
function workerEntry(): { filename: string | URL; isEval: boolean } {
  if (!import.meta.url.endsWith('.ts')) {
    return { filename: new URL('./worker.js', import.meta.url), isEval: false };
  }
  const file = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return {
    filename: `import('tsx/esm/api').then(({ register }) => { register(); return import(${file}); });`,
    isEval: true,
  };
}

/** Compiled once per process and handed to every thread. */
async function loadWasm(): Promise<WebAssembly.Module> {
  const fromQuickjs = createRequire(createRequire(import.meta.url).resolve('quickjs-emscripten'));
  const file = fromQuickjs.resolve('@jitl/quickjs-wasmfile-release-sync/wasm');
  return WebAssembly.compile(await readFile(file));
}

let shared: SandboxPool | undefined;

/** The process's pool, made on first use. */
export function sharedSandboxPool(): SandboxPool {
  shared ??= new SandboxPool();
  return shared;
}

/** Stops the process's pool (worker shutdown, the end of a bench). */
export async function closeSharedSandboxPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
