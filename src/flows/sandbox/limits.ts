/**
 * The JavaScript sandbox's limits: what a step may ask for, the defaults, and the
 * engine limits that are not the step's to choose.
 */

export const DEFAULT_TIMEOUT_MS = 1_000;
export const MIN_TIMEOUT_MS = 10;
export const MAX_TIMEOUT_MS = 30_000;

export const DEFAULT_MEMORY_MB = 32;
export const MIN_MEMORY_MB = 8;
export const MAX_MEMORY_MB = 256;

/** The return value's JSON, in characters; step outputs are stored in Postgres. */
export const MAX_OUTPUT_CHARS = 1_000_000;

/**
 * QuickJS's own stack check, in bytes. It must stay well under the WebAssembly build's
 * 5 MB shadow stack (a higher limit lets recursion overwrite the heap), and low enough
 * that the thread's native stack (STACK_SIZE_MB) does not run out first: measured,
 * 256 KB caught every deep-recursion case (plain calls, callbacks, JSON, proxies) as a
 * QuickJS "stack overflow" with 8 MB of native stack.
 */
export const QUICKJS_STACK_BYTES = 256 * 1024;

/**
 * The WebAssembly build starts with 16 MB of linear memory (its minimum) and grows it on
 * demand. Of those 16 MB, static data and the 5 MB shadow stack leave about 10 MB of
 * heap (measured: 10.8 MB of ArrayBuffers fit with no growth allowed), so a run with
 * `memoryMb` gets a memory whose maximum is 16 MB plus what it asked for beyond that.
 */
export const WASM_INITIAL_PAGES = 256;
const WASM_BASE_HEAP_MB = 10;
const PAGES_PER_MB = 16;

/** The linear memory's maximum, in 64 KiB pages, for a run allowed `memoryMb`. */
export function wasmMaximumPages(memoryMb: number): number {
  return WASM_INITIAL_PAGES + Math.max(0, memoryMb - WASM_BASE_HEAP_MB) * PAGES_PER_MB;
}

/** Each thread's own limits (`resourceLimits`); WebAssembly memory is capped separately. */
export const THREAD_LIMITS = {
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 8,
} as const;

/**
 * How long after its time limit a run's thread is killed if the interrupt handler has
 * not stopped it (a long call inside the engine, a starved thread).
 */
export const KILL_GRACE_MS = 250;

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
}

/** The limits a step asked for, defaulted and held within bounds. */
export function sandboxLimits(asked: { timeoutMs?: number; memoryMb?: number }): SandboxLimits {
  return {
    timeoutMs: clamp(asked.timeoutMs ?? DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
    memoryMb: clamp(asked.memoryMb ?? DEFAULT_MEMORY_MB, MIN_MEMORY_MB, MAX_MEMORY_MB),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
