/**
 * What tests, benchmarks and the `/_emulator` endpoints use to steer the CRM
 * emulator: the request log and call counters, rate limits, latency, and faults.
 */
export type EmulatedApi = 'hubspot' | 'salesforce';

export interface RequestLogEntry {
  seq: number;
  api: EmulatedApi;
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  status: number;
  /** The fault injected into this request, if any. */
  fault: FaultKind | null;
  /** Records in a batch call's input, for call accounting. */
  batchSize: number | null;
  at: string;
}

export type FaultKind =
  /** A 429 with the CRM's real body (HubSpot) or 403 REQUEST_LIMIT_EXCEEDED (Salesforce). */
  | 'rate_limit'
  /** A 500/503 with the CRM's error body; nothing is applied. */
  | 'server_error'
  /** The request hangs `delayMs` and the connection is dropped; nothing is applied. */
  | 'timeout'
  /** The request is applied, then the connection is dropped before the answer. */
  | 'drop_after_apply'
  /** The request is applied, then answered with the CRM's 503 body instead of its result. */
  | 'server_error_after_apply'
  /** The answer comes `delayMs` late. */
  | 'slow'
  /** Batch calls fail the matching records (`ids`, or every record when absent) with a validation error. */
  | 'partial_batch';

export interface FaultRule {
  kind: FaultKind;
  api?: EmulatedApi;
  method?: string;
  /**
   * Substring of the path the rule applies to (`/batch/update`, `/composite/sobjects`);
   * a trailing `$` matches only paths ending there (`/composite/sobjects$` leaves out
   * `/composite/sobjects/Opportunity`).
   */
  path?: string;
  /**
   * Substring of the decoded query string the rule applies to besides `path` (a SOQL
   * query naming `Pandora_Key__c`: the lookup of a lost create, not every query).
   */
  query?: string;
  /** How many requests it hits before it is spent; unlimited when absent. */
  times?: number;
  delayMs?: number;
  /** `partial_batch`: the record ids to fail. */
  ids?: string[];
  /** `rate_limit` (HubSpot): the 429's policy. */
  policy?: 'TEN_SECONDLY_ROLLING' | 'DAILY';
  /** Retry-After in seconds sent with a `rate_limit` fault. */
  retryAfterSeconds?: number;
}

export interface ApiLimits {
  /** Requests allowed in a rolling window; null for no window limit. */
  window: { max: number; ms: number } | null;
  /** Requests allowed per day (UTC); null for no daily limit. */
  daily: number | null;
  /**
   * HubSpot: search requests (`POST .../search`) allowed in a rolling window, besides
   * `window` (HubSpot: 5 per second per account); off when absent or null.
   */
  search?: { max: number; ms: number } | null;
}

export interface EmulatorSettings {
  /** Added to every request. */
  latencyMs: number;
  /**
   * HubSpot: how long after a write a record shows up in search (HubSpot's search
   * index lags writes by seconds). A record written meanwhile is missing from search
   * results, its earlier version included; list and batch reads see it at once. The
   * lag in force at the write applies to it.
   */
  searchLagMs: number;
  limits: Record<EmulatedApi, ApiLimits>;
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  latencyMs: 0,
  searchLagMs: 0,
  limits: {
    // A HubSpot Professional private app; Salesforce Enterprise's base daily allocation.
    hubspot: { window: { max: 190, ms: 10_000 }, daily: 1_000_000 },
    salesforce: { window: null, daily: 100_000 },
  },
};

interface ActiveRule extends FaultRule {
  id: number;
  hits: number;
}

/** Matches requests against fault rules; a rule with `times` is spent after that many hits. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): number {
    const id = this.nextId++;
    this.rules.push({ ...rule, id, hits: 0 });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((rule) => rule.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ id: _id, hits: _hits, ...rule }) => rule);
  }

  /** The request-level fault for a request, consuming one hit of its rule. */
  take(api: EmulatedApi, method: string, path: string, query = ''): ActiveRule | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.kind !== 'partial_batch' &&
        this.matches(candidate, api, method, path) &&
        (!candidate.query || decodeQuery(query).includes(candidate.query)),
    );
    if (rule) this.hit(rule);
    return rule;
  }

  /**
   * Whether a batch call fails one record. A matching `partial_batch` rule spends one
   * hit per batch call, not per record: `beginBatch` returns the rule for the call.
   */
  beginBatch(api: EmulatedApi, method: string, path: string): PartialBatch | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.kind === 'partial_batch' && this.matches(candidate, api, method, path),
    );
    if (!rule) return undefined;
    this.hit(rule);
    const ids = rule.ids ? new Set(rule.ids) : null;
    return { fails: (id: string | null) => ids === null || (id !== null && ids.has(id)) };
  }

  private matches(rule: ActiveRule, api: EmulatedApi, method: string, path: string): boolean {
    return (
      (!rule.api || rule.api === api) &&
      (!rule.method || rule.method.toUpperCase() === method) &&
      (!rule.path ||
        (rule.path.endsWith('$')
          ? path.endsWith(rule.path.slice(0, -1))
          : path.includes(rule.path)))
    );
  }

  private hit(rule: ActiveRule): void {
    rule.hits += 1;
    if (rule.times !== undefined && rule.hits >= rule.times) {
      this.remove(rule.id);
    }
  }
}

function decodeQuery(query: string): string {
  try {
    return decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    return query;
  }
}

export interface PartialBatch {
  fails(id: string | null): boolean;
}

/** Rolling-window and daily request counting, per API, as the CRMs do it. */
export class LimitTracker {
  private windowHits: Record<EmulatedApi, number[]> = { hubspot: [], salesforce: [] };
  private searchHits: number[] = [];
  private day = '';
  private daily: Record<EmulatedApi, number> = { hubspot: 0, salesforce: 0 };

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Counts one request and says whether it is over a limit. Refused requests count
   * against the daily total (as Salesforce does) but not the window.
   */
  check(
    api: EmulatedApi,
    limits: ApiLimits,
  ): { ok: true } | { ok: false; policy: 'TEN_SECONDLY_ROLLING' | 'DAILY'; retryAfterMs: number } {
    const now = this.now();
    const today = new Date(now).toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.daily = { hubspot: 0, salesforce: 0 };
    }
    this.daily[api] += 1;
    if (limits.daily !== null && this.daily[api] > limits.daily) {
      const midnight = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
      return { ok: false, policy: 'DAILY', retryAfterMs: midnight - now };
    }
    if (limits.window) {
      const hits = this.windowHits[api];
      const cutoff = now - limits.window.ms;
      while (hits.length > 0 && hits[0]! <= cutoff) hits.shift();
      if (hits.length >= limits.window.max) {
        return {
          ok: false,
          policy: 'TEN_SECONDLY_ROLLING',
          retryAfterMs: hits[0]! + limits.window.ms - now,
        };
      }
      hits.push(now);
    }
    return { ok: true };
  }

  /** Counts one search request against the search window; refused ones do not count. */
  checkSearch(limit: {
    max: number;
    ms: number;
  }): { ok: true } | { ok: false; policy: 'SECONDLY'; retryAfterMs: number } {
    const now = this.now();
    const hits = this.searchHits;
    while (hits.length > 0 && hits[0]! <= now - limit.ms) hits.shift();
    if (hits.length >= limit.max) {
      return { ok: false, policy: 'SECONDLY', retryAfterMs: hits[0]! + limit.ms - now };
    }
    hits.push(now);
    return { ok: true };
  }

  usage(api: EmulatedApi): { today: number; inWindow: number } {
    return { today: this.daily[api], inWindow: this.windowHits[api].length };
  }

  reset(): void {
    this.windowHits = { hubspot: [], salesforce: [] };
    this.searchHits = [];
    this.daily = { hubspot: 0, salesforce: 0 };
  }
}

/** Every request the emulator answered, for tests and benchmarks to count calls. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  /** Keeps the newest `capacity` entries; counters below cover the whole run. */
  constructor(private readonly capacity = 100_000) {}

  private totals = new Map<string, number>();

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
    for (const key of [entry.api, `${entry.api} ${entry.method} ${routeKey(entry.path)}`]) {
      this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
    }
  }

  /** Entries after `afterSeq`, optionally of one API. */
  list(filter: { api?: EmulatedApi; afterSeq?: number } = {}): RequestLogEntry[] {
    return this.entries.filter(
      (entry) =>
        (!filter.api || entry.api === filter.api) &&
        (filter.afterSeq === undefined || entry.seq > filter.afterSeq),
    );
  }

  /** Calls per API and per route (`hubspot POST /crm/v3/objects/deals/batch/update`). */
  counters(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }

  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
    this.totals.clear();
  }
}

/** Replaces record ids in a path so counters group calls by route. */
function routeKey(path: string): string {
  return (
    path
      // Salesforce ids: 15 or 18 letters and digits, always with a digit in them.
      .replace(/\/(?=[0-9a-zA-Z]*\d)[0-9a-zA-Z]{15,18}(?=\/|$)/g, '/{id}')
      .replace(/\/\d+(?=\/|$)/g, '/{id}')
  );
}
