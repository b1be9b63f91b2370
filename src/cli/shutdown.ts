import type { Logger } from 'pino';

/** What a running command stops: gracefully, or at once when the user insists. */
export interface Stoppable {
  stop(): Promise<void>;
  /** Synchronous last resort: whatever must not outlive us (the embedded PostgreSQL) goes now. */
  forceStop(): void;
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group, and `npm start`
 * forwards its own copy to us as well: one key press arrives as two or more
 * signals within milliseconds (more on a busy machine). Signals this close to the
 * first are that same request.
 */
export const REPEAT_WINDOW_MS = 2_000;

interface Deps {
  exit(code: number): void;
  now(): number;
}

/**
 * SIGINT/SIGTERM handling for long-running commands. The first signal stops
 * gracefully (or aborts startup, whose cleanup then stops what had started). Repeats
 * are logged and ignored, so a forwarded copy never cuts the shutdown short. A signal
 * that comes later than REPEAT_WINDOW_MS is a person insisting: the forced stop still
 * stops PostgreSQL and saves what must be saved, synchronously, and exits 1.
 */
export class ShutdownSignals {
  private readonly controller = new AbortController();
  private firstAt: number | undefined;
  private forced = false;
  private running: Stoppable | undefined;
  private forceStop: (() => void) | undefined;

  constructor(
    private readonly log: Logger,
    private readonly deps: Deps = { exit: (code) => process.exit(code), now: Date.now },
  ) {}

  /** Aborted by the first signal; startup checks it between its steps. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  install(): this {
    const handler = (signal: NodeJS.Signals) => this.handle(signal);
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return this;
  }

  /** What a forced stop does while startup is still under way. */
  setForceStop(forceStop: () => void): void {
    this.forceStop = forceStop;
  }

  /** Startup is done: a signal now stops `running` (at once if one came meanwhile). */
  attach(running: Stoppable): void {
    this.running = running;
    this.forceStop = () => running.forceStop();
    if (this.firstAt !== undefined && !this.forced) this.stopGracefully(running);
  }

  handle(signal: NodeJS.Signals): void {
    const now = this.deps.now();
    if (this.firstAt === undefined) {
      this.firstAt = now;
      this.log.info({ signal }, 'shutting down');
      this.controller.abort();
      if (this.running) this.stopGracefully(this.running);
      return;
    }
    if (this.forced) return;
    if (now - this.firstAt < REPEAT_WINDOW_MS) {
      this.log.info({ signal }, 'already shutting down; ignoring the repeated signal');
      return;
    }
    this.forced = true;
    this.log.warn({ signal }, 'signal while shutting down: stopping now');
    try {
      this.forceStop?.();
    } catch (error) {
      this.log.error({ err: error }, 'forced stop failed');
    }
    this.deps.exit(1);
  }

  private stopGracefully(running: Stoppable): void {
    running.stop().then(
      () => {
        if (!this.forced) this.deps.exit(0);
      },
      (error: unknown) => {
        this.log.error({ err: error }, 'shutdown failed');
        if (!this.forced) this.deps.exit(1);
      },
    );
  }
}
