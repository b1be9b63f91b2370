/**
 * What tests, benchmarks and the `/_emulator` endpoints use to steer the CRM
 * emulator: the request log and call counters, rate limits, latency, and faults.
 */
import { FaultRules } from '../../emulator-kit/fault-rules.js';
import { DailyCounts, RollingWindow, type WindowLimit } from '../../emulator-kit/limits.js';
import { RequestLog as KitRequestLog } from '../../emulator-kit/request-log.js';

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

/** Matches requests against fault rules; a rule with `times` is spent after that many hits. */
export class FaultInjector extends FaultRules<FaultRule> {
  /** The request-level fault for a request, consuming one hit of its rule. */
  take(api: EmulatedApi, method: string, path: string, query = ''): FaultRule | undefined {
    return this.takeFirst(
      (rule) =>
        rule.kind !== 'partial_batch' &&
        matchesRequest(rule, api, method, path) &&
        (!rule.query || decodeQuery(query).includes(rule.query)),
    );
  }

  /**
   * Whether a batch call fails one record. A matching `partial_batch` rule spends one
   * hit per batch call, not per record: `beginBatch` returns the rule for the call.
   */
  beginBatch(api: EmulatedApi, method: string, path: string): PartialBatch | undefined {
    const rule = this.takeFirst(
      (candidate) =>
        candidate.kind === 'partial_batch' && matchesRequest(candidate, api, method, path),
    );
    if (!rule) return undefined;
    const ids = rule.ids ? new Set(rule.ids) : null;
    return { fails: (id: string | null) => ids === null || (id !== null && ids.has(id)) };
  }
}

function matchesRequest(rule: FaultRule, api: EmulatedApi, method: string, path: string): boolean {
  return (
    (!rule.api || rule.api === api) &&
    (!rule.method || rule.method.toUpperCase() === method) &&
    (!rule.path ||
      (rule.path.endsWith('$') ? path.endsWith(rule.path.slice(0, -1)) : path.includes(rule.path)))
  );
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
  private windows: Record<EmulatedApi, RollingWindow> = {
    hubspot: new RollingWindow(),
    salesforce: new RollingWindow(),
  };
  private readonly searches = new RollingWindow();
  private readonly daily = new DailyCounts<EmulatedApi>();

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
    const usedToday = this.daily.increment(now, api);
    if (limits.daily !== null && usedToday > limits.daily) {
      return { ok: false, policy: 'DAILY', retryAfterMs: DailyCounts.untilMidnight(now) };
    }
    if (limits.window) {
      const verdict = this.windows[api].tryHit(now, limits.window);
      if (!verdict.ok) return { ...verdict, policy: 'TEN_SECONDLY_ROLLING' };
    }
    return { ok: true };
  }

  /** Counts one search request against the search window; refused ones do not count. */
  checkSearch(
    limit: WindowLimit,
  ): { ok: true } | { ok: false; policy: 'SECONDLY'; retryAfterMs: number } {
    const verdict = this.searches.tryHit(this.now(), limit);
    return verdict.ok ? verdict : { ...verdict, policy: 'SECONDLY' };
  }

  usage(api: EmulatedApi): { today: number; inWindow: number } {
    return { today: this.daily.get(this.now(), api), inWindow: this.windows[api].size };
  }

  reset(): void {
    this.windows.hubspot.reset();
    this.windows.salesforce.reset();
    this.searches.reset();
    this.daily.reset();
  }
}

/** Every request the emulator answered, with call counters per API and route. */
export class RequestLog extends KitRequestLog<RequestLogEntry> {
  /** Counters cover the whole run, beyond the entries kept. */
  private totals = new Map<string, number>();

  override add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    for (const key of [entry.api, `${entry.api} ${entry.method} ${routeKey(entry.path)}`]) {
      this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
    }
    return super.add(entry);
  }

  /** Entries after `afterSeq`, optionally of one API. */
  listFor(filter: { api?: EmulatedApi; afterSeq?: number } = {}): RequestLogEntry[] {
    return this.list(filter.afterSeq, (entry) => !filter.api || entry.api === filter.api);
  }

  /** Calls per API and per route (`hubspot POST /crm/v3/objects/deals/batch/update`). */
  counters(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }

  override clear(): void {
    super.clear();
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
