/**
 * Keeping a GraphQL subscription open and saying what the console should do about it:
 * refetch on each event (a burst coalesced into one refetch), refetch again after the
 * stream comes back (events sent while it was down are lost), and poll while it is down.
 * No React and no network here, so the rules are tested with fake timers.
 */

/** `live`: events arrive; `connecting`: not yet; `down`: dropped, retrying. */
export type LiveStatus = 'connecting' | 'live' | 'down';

/** What a stream reports: each result, its loss, and (re)connections. */
export interface StreamSink {
  next(result: { data?: unknown; errors?: readonly unknown[] }): void;
  error(error: unknown): void;
  complete(): void;
  connected(): void;
  /** The transport lost the connection and is trying again. */
  reconnecting(): void;
}

/** Opens a stream; returns what closes it. */
export type OpenStream = (sink: StreamSink) => () => void;

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** While events arrive, a slow poll only as a safety net; while down, the old 30 s. */
export const LIVE_POLL_MS = 5 * 60_000;
export const FALLBACK_POLL_MS = 30_000;

/**
 * How often a query backed by a stream polls, by the stream's state; `livePollMs` for a
 * query that also changes without an event (an inbox item decided in Slack).
 */
export function pollInterval(status: LiveStatus, livePollMs = LIVE_POLL_MS): number {
  return status === 'live' ? Math.max(livePollMs, FALLBACK_POLL_MS) : FALLBACK_POLL_MS;
}

/** Waits before reopening a closed stream: 2 s, 4 s, ... up to a minute. */
export function reopenDelayMs(failures: number): number {
  return Math.min(60_000, 2_000 * 2 ** failures);
}

/**
 * Runs `run` once `waitMs` after the first of a burst of calls: fifty notifications
 * recorded at once make one refetch, not fifty.
 */
export function coalesce(run: () => void, waitMs: number, timers: Timers = realTimers) {
  let pending: unknown;
  return {
    call() {
      if (pending !== undefined) return;
      pending = timers.setTimeout(() => {
        pending = undefined;
        run();
      }, waitMs);
    },
    cancel() {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
    },
  };
}

export interface KeepStreamingOptions {
  /** Something changed (an event, or the stream came back after missing some). */
  onChange(): void;
  onStatus(status: LiveStatus): void;
  timers?: Timers;
  reopenDelay?: (failures: number) => number;
}

/**
 * Keeps `open`'s stream open for as long as it is wanted: a stream that ends, fails or
 * answers with GraphQL errors (a lost session, a workspace left) is reopened after a
 * growing delay, with the status `down` meanwhile. Returns what stops it.
 */
export function keepStreaming(open: OpenStream, options: KeepStreamingOptions): () => void {
  const timers = options.timers ?? realTimers;
  const reopenDelay = options.reopenDelay ?? reopenDelayMs;
  let status: LiveStatus | undefined;
  let failures = 0;
  let wasLive = false;
  let missed = false;
  let stopped = false;
  let close: (() => void) | undefined;
  let reopenTimer: unknown;

  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus(next);
  };

  const dropped = () => {
    if (wasLive) missed = true;
    setStatus('down');
  };

  const fail = () => {
    if (stopped) return;
    close?.();
    close = undefined;
    dropped();
    reopenTimer = timers.setTimeout(start, reopenDelay(failures));
    failures += 1;
  };

  function start() {
    reopenTimer = undefined;
    if (stopped) return;
    if (status === undefined) setStatus('connecting');
    let current = true;
    // A sink of a stream already replaced says nothing any more.
    const guard =
      <A extends unknown[]>(handle: (...args: A) => void) =>
      (...args: A) => {
        if (current && !stopped) handle(...args);
      };
    const dispose = open({
      next: guard((result) => {
        if (result.errors?.length) {
          current = false;
          fail();
          return;
        }
        options.onChange();
      }),
      error: guard(() => {
        current = false;
        fail();
      }),
      complete: guard(() => {
        current = false;
        fail();
      }),
      connected: guard(() => {
        failures = 0;
        wasLive = true;
        setStatus('live');
        if (missed) {
          missed = false;
          options.onChange();
        }
      }),
      reconnecting: guard(dropped),
    });
    close = () => {
      current = false;
      dispose();
    };
  }

  start();
  return () => {
    stopped = true;
    if (reopenTimer !== undefined) timers.clearTimeout(reopenTimer);
    close?.();
  };
}
