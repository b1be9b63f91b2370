/**
 * What tests, benchmarks and `/_emulator/...` use to steer the Gong emulator: its
 * limits and cursor lifetime, injected faults, and the log of every request.
 */

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

interface ActiveRule extends GongFaultRule {
  id: number;
  hits: number;
}

export class GongFaults {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: GongFaultRule): number {
    const id = this.nextId++;
    this.rules.push({ ...rule, id, hits: 0 });
    return id;
  }

  clear(): void {
    this.rules = [];
  }

  list(): GongFaultRule[] {
    return this.rules.map(({ id: _id, hits: _hits, ...rule }) => rule);
  }

  /** The fault for a request, spending one hit; cursor faults only hit requests with a cursor. */
  take(method: string, path: string, hasCursor: boolean): GongFaultRule | undefined {
    const rule = this.rules.find(
      (candidate) =>
        (!candidate.method || candidate.method.toUpperCase() === method) &&
        (!candidate.path || path.includes(candidate.path)) &&
        (candidate.kind !== 'cursor_expired' || hasCursor),
    );
    if (!rule) return undefined;
    rule.hits += 1;
    if (rule.times !== undefined && rule.hits >= rule.times) {
      this.rules = this.rules.filter((other) => other.id !== rule.id);
    }
    return rule;
  }
}

/** Every request the emulator answered, for tests and benchmarks to count calls. */
export class GongRequestLog {
  private entries: GongRequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 100_000) {}

  add(entry: Omit<GongRequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > this.capacity) {
      this.entries.splice(0, this.entries.length - this.capacity);
    }
  }

  list(afterSeq = 0): GongRequestLogEntry[] {
    return this.entries.filter((entry) => entry.seq > afterSeq);
  }

  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}

/** Gong's company-wide limits: a rolling second and a UTC day. */
export class GongLimits {
  private hits: number[] = [];
  private day = '';
  private used = 0;

  constructor(private readonly now: () => number) {}

  /** Counts one request; the wait before a retry can succeed when it is over a limit. */
  check(settings: GongSettings): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.now();
    const today = new Date(now).toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
    this.used += 1;
    if (settings.daily !== null && this.used > settings.daily) {
      return { ok: false, retryAfterMs: Date.parse(`${today}T00:00:00Z`) + 86_400_000 - now };
    }
    if (settings.perSecond !== null) {
      while (this.hits.length > 0 && this.hits[0]! <= now - 1_000) this.hits.shift();
      if (this.hits.length >= settings.perSecond) {
        return { ok: false, retryAfterMs: this.hits[0]! + 1_000 - now };
      }
      this.hits.push(now);
    }
    return { ok: true };
  }

  usage(): { today: number; inSecond: number } {
    return { today: this.used, inSecond: this.hits.length };
  }

  reset(): void {
    this.hits = [];
    this.used = 0;
  }
}
