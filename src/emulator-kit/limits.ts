/**
 * The two kinds of request limit the emulated services publish: so many requests in
 * a rolling window (HubSpot's ten seconds, Gong's second, Fireflies' minute) and so
 * many per UTC day. Each emulator decides what counts (refused requests, per key or
 * per account); these only keep the clock arithmetic in one place.
 */
export type LimitVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface WindowLimit {
  max: number;
  ms: number;
}

/** A rolling window; the limit is given per request, since settings change at run time. */
export class RollingWindow {
  private hits: number[] = [];

  /** Counts a request at `now` unless `limit.max` are already in the window. */
  tryHit(now: number, limit: WindowLimit): LimitVerdict {
    let expired = 0;
    while (expired < this.hits.length && this.hits[expired]! <= now - limit.ms) expired += 1;
    if (expired > 0) this.hits.splice(0, expired);
    if (this.hits.length >= limit.max) {
      return { ok: false, retryAfterMs: this.hits[0]! + limit.ms - now };
    }
    this.hits.push(now);
    return { ok: true };
  }

  /** Requests counted as of the last `tryHit`. */
  get size(): number {
    return this.hits.length;
  }

  reset(): void {
    this.hits = [];
  }
}

/** Counts per key that start again at each UTC midnight. */
export class DailyCounts<K = string> {
  private day = '';
  private counts = new Map<K, number>();

  /** The count of `key` today, as of `now`. */
  get(now: number, key: K): number {
    this.roll(now);
    return this.counts.get(key) ?? 0;
  }

  /** Adds one to `key` today and returns the new count. */
  increment(now: number, key: K): number {
    const next = this.get(now, key) + 1;
    this.counts.set(key, next);
    return next;
  }

  reset(): void {
    this.counts.clear();
  }

  /** Milliseconds from `now` to the next UTC midnight, when a daily limit lifts. */
  static untilMidnight(now: number): number {
    const today = new Date(now).toISOString().slice(0, 10);
    return Date.parse(`${today}T00:00:00Z`) + 86_400_000 - now;
  }

  private roll(now: number): void {
    const today = new Date(now).toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.counts.clear();
    }
  }
}
