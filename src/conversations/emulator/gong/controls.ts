/**
 * What tests, benchmarks and `/_emulator/...` use to steer the Gong emulator: its
 * limits and cursor lifetime, injected faults, and the log of every request.
 */
import { FaultRules } from '../../../emulator-kit/fault-rules.js';
import { DailyCounts, RollingWindow, type LimitVerdict } from '../../../emulator-kit/limits.js';
import { RequestLog } from '../../../emulator-kit/request-log.js';

export type GongFaultKind =
  /** A 429 with Gong's body and Retry-After; nothing is done. */
  | 'rate_limit'
  /** A 500/503 with Gong's error body; nothing is done. */
  | 'server_error'
  /** The answer comes `delayMs` late. */
  | 'slow'
  /** A request carrying a cursor is refused as Gong refuses an expired one. */
  | 'cursor_expired';

export interface GongFaultRule {
  kind: GongFaultKind;
  method?: string;
  /** Substring of the path (`/v2/calls/extensive`). */
  path?: string;
  /** Requests it hits before it is spent; unlimited when absent. */
  times?: number;
  delayMs?: number;
  /** `rate_limit`: the Retry-After sent, in seconds. */
  retryAfterSeconds?: number;
  /** `server_error`: 500 or 503 (503 by default). */
  status?: number;
}

export interface GongSettings {
  /** Added to every request. */
  latencyMs: number;
  /** Gong's defaults: 3 calls a second and 10,000 a day per company. */
  perSecond: number | null;
  daily: number | null;
  /** How long a list cursor stays valid. */
  cursorTtlMs: number;
  /** Records per list page (Gong: 100). */
  pageSize: number;
}

export const DEFAULT_GONG_SETTINGS: GongSettings = {
  latencyMs: 0,
  perSecond: 3,
  daily: 10_000,
  cursorTtlMs: 10 * 60_000,
  pageSize: 100,
};

export interface GongRequestLogEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  fault: GongFaultKind | null;
  /** Whether the request continued a list with a cursor. */
  cursor: boolean;
  /** Records in the answer (users, calls or transcripts), when it listed any. */
  records: number | null;
  at: string;
}

export class GongFaults extends FaultRules<GongFaultRule> {
  /** The fault for a request, spending one hit; cursor faults only hit requests with a cursor. */
  take(method: string, path: string, hasCursor: boolean): GongFaultRule | undefined {
    return this.takeFirst(
      (rule) =>
        (!rule.method || rule.method.toUpperCase() === method) &&
        (!rule.path || path.includes(rule.path)) &&
        (rule.kind !== 'cursor_expired' || hasCursor),
    );
  }
}

/** Every request the emulator answered, for tests and benchmarks to count calls. */
export class GongRequestLog extends RequestLog<GongRequestLogEntry> {}

/** Gong's company-wide limits: a rolling second and a UTC day. */
export class GongLimits {
  private readonly second = new RollingWindow();
  private readonly daily = new DailyCounts<'company'>();

  constructor(private readonly now: () => number) {}

  /** Counts one request; the wait before a retry can succeed when it is over a limit. */
  check(settings: GongSettings): LimitVerdict {
    const now = this.now();
    if (this.daily.increment(now, 'company') > (settings.daily ?? Infinity)) {
      return { ok: false, retryAfterMs: DailyCounts.untilMidnight(now) };
    }
    if (settings.perSecond === null) return { ok: true };
    return this.second.tryHit(now, { max: settings.perSecond, ms: 1_000 });
  }

  usage(): { today: number; inSecond: number } {
    return { today: this.daily.get(this.now(), 'company'), inSecond: this.second.size };
  }

  reset(): void {
    this.second.reset();
    this.daily.reset();
  }
}
