/**
 * What tests, benchmarks and `/_emulator/...` use to steer the Fireflies emulator:
 * the plan's rate limits, latency, injected faults and the request log.
 */

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

interface ActiveFault extends FirefliesFault {
  id: number;
  hits: number;
}

export class FirefliesFaults {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  add(rule: FirefliesFault): number {
    const id = this.nextId++;
    this.rules.push({ ...rule, id, hits: 0 });
    return id;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FirefliesFault[] {
    return this.rules.map(({ id: _id, hits: _hits, ...rule }) => rule);
  }

  /** The fault for a request whose top-level fields are `operations`, spending one hit. */
  take(operations: string[]): FirefliesFault | undefined {
    const rule = this.rules.find(
      (candidate) => !candidate.operation || operations.includes(candidate.operation),
    );
    if (!rule) return undefined;
    rule.hits += 1;
    if (rule.times !== undefined && rule.hits >= rule.times) {
      this.rules = this.rules.filter((candidate) => candidate.id !== rule.id);
    }
    return rule;
  }
}

/** Rolling-minute and daily counts per API key; refused requests count for neither. */
export class KeyLimits {
  private minute = new Map<string, number[]>();
  private daily = new Map<string, number>();
  private day = '';

  constructor(private readonly now: () => number) {}

  check(key: string, limits: FirefliesLimits): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.now();
    const today = new Date(now).toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.daily.clear();
    }
    const usedToday = this.daily.get(key) ?? 0;
    if (limits.perDay !== null && usedToday >= limits.perDay) {
      return { ok: false, retryAfterMs: Date.parse(`${today}T00:00:00Z`) + 86_400_000 - now };
    }
    const hits = (this.minute.get(key) ?? []).filter((at) => at > now - 60_000);
    if (limits.perMinute !== null && hits.length >= limits.perMinute) {
      this.minute.set(key, hits);
      return { ok: false, retryAfterMs: hits[0]! + 60_000 - now };
    }
    hits.push(now);
    this.minute.set(key, hits);
    this.daily.set(key, usedToday + 1);
    return { ok: true };
  }

  reset(): void {
    this.minute.clear();
    this.daily.clear();
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
export class FirefliesRequestLog {
  private entries: FirefliesRequestEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 50_000) {}

  add(entry: Omit<FirefliesRequestEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > this.capacity) {
      this.entries.splice(0, this.entries.length - this.capacity);
    }
  }

  list(afterSeq?: number): FirefliesRequestEntry[] {
    return afterSeq === undefined
      ? [...this.entries]
      : this.entries.filter((entry) => entry.seq > afterSeq);
  }

  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}
