/**
 * What tests, benchmarks and `/_emulator/...` use to steer the Fireflies emulator:
 * the plan's rate limits, latency, injected faults and the request log.
 */
import { FaultRules } from '../../../emulator-kit/fault-rules.js';
import { DailyCounts, RollingWindow, type LimitVerdict } from '../../../emulator-kit/limits.js';
import { RequestLog } from '../../../emulator-kit/request-log.js';

export type FirefliesPlan = 'free' | 'pro' | 'business' | 'enterprise';

export interface FirefliesLimits {
  /** Requests per API key in a rolling minute; null for none. */
  perMinute: number | null;
  /** Requests per API key per UTC day; null for none. */
  perDay: number | null;
}

/** Fireflies' published API limits (docs: Fundamentals > Limits), per plan. */
export const PLAN_LIMITS: Record<FirefliesPlan, FirefliesLimits> = {
  free: { perMinute: null, perDay: 50 },
  pro: { perMinute: null, perDay: 50 },
  business: { perMinute: 60, perDay: null },
  enterprise: { perMinute: 60, perDay: null },
};

export interface FirefliesSettings {
  latencyMs: number;
  plan: FirefliesPlan;
  /** The plan's limits unless set here. */
  limits: FirefliesLimits;
}

export type FirefliesFaultKind =
  /** A 429 too_many_requests, whatever the counters say. */
  | 'rate_limit'
  /** A 500 with an INTERNAL_SERVER_ERROR body, or (status 502-504) the gateway's HTML page. */
  | 'server_error'
  /** The answer comes `delayMs` late. */
  | 'slow'
  /** The request hangs `delayMs`, then the connection is dropped. */
  | 'timeout';

export interface FirefliesFault {
  kind: FirefliesFaultKind;
  /** The top-level field it hits (`transcripts`, `transcript`, `users`); any when absent. */
  operation?: string;
  /** Requests it hits before it is spent; unlimited when absent. */
  times?: number;
  delayMs?: number;
  /** `rate_limit`: how long the answer says to wait. */
  retryAfterSeconds?: number;
  /** `server_error`: 500 (JSON body) by default, or 502, 503, 504 (HTML, as a gateway sends). */
  status?: number;
}

export class FirefliesFaults extends FaultRules<FirefliesFault> {
  /** The fault for a request whose top-level fields are `operations`, spending one hit. */
  take(operations: string[]): FirefliesFault | undefined {
    return this.takeFirst((rule) => !rule.operation || operations.includes(rule.operation));
  }
}

/** Rolling-minute and daily counts per API key; refused requests count for neither. */
export class KeyLimits {
  private minutes = new Map<string, RollingWindow>();
  private readonly daily = new DailyCounts();

  constructor(private readonly now: () => number) {}

  check(key: string, limits: FirefliesLimits): LimitVerdict {
    const now = this.now();
    if (limits.perDay !== null && this.daily.get(now, key) >= limits.perDay) {
      return { ok: false, retryAfterMs: DailyCounts.untilMidnight(now) };
    }
    if (limits.perMinute !== null) {
      let minute = this.minutes.get(key);
      if (!minute) this.minutes.set(key, (minute = new RollingWindow()));
      const verdict = minute.tryHit(now, { max: limits.perMinute, ms: 60_000 });
      if (!verdict.ok) return verdict;
    }
    this.daily.increment(now, key);
    return { ok: true };
  }

  reset(): void {
    this.minutes.clear();
    this.daily.reset();
  }
}

export interface FirefliesRequestEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  operationName: string | null;
  /** The top-level fields asked for (`transcripts`, `users`...). */
  operations: string[];
  /** Every field path selected, `transcripts.meeting_attendees.email`: what was asked for. */
  fields: string[];
  variables: Record<string, unknown>;
  /** The first error's code, when the answer has errors. */
  errorCode: string | null;
  fault: FirefliesFaultKind | null;
  at: string;
}

/** Every request the emulator answered, newest last. */
export class FirefliesRequestLog extends RequestLog<FirefliesRequestEntry> {
  constructor() {
    super(50_000);
  }
}
