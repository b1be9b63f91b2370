import { CrmError } from './errors.js';
import type { CallBucket, CallGate } from './gate.js';

export interface RetryOptions {
  gate: CallGate;
  /**
   * `idempotent` calls (reads, setting fields to values) are retried after transient
   * faults too; `unsafe` ones (creates, notes) only after a rate-limit refusal, which
   * the CRM answers before doing anything.
   */
  mode: 'idempotent' | 'unsafe';
  /** A call the CRM also limits separately (HubSpot search). */
  bucket?: CallBucket;
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Backoff before the second attempt; doubled after each, with jitter. */
  baseDelayMs?: number;
  /** Longest wait for one 429 the caller accepts before giving the error back. */
  maxRateLimitWaitMs?: number;
}

/**
 * The longest 429 wait the retry loop sits out in the call by default. A source that
 * names no limit in its refusal (Gong, Fireflies) and asks for a longer wait is out
 * of a quota, not a per-second window: its connector holds every process in Postgres
 * until then instead. A shorter wait is sat out either way, which is right for both.
 */
export const MAX_INLINE_RATE_LIMIT_WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one CRM call through the gate, retrying what can safely be retried. The SDKs'
 * own retries are switched off (HubSpot's waits 10 s per attempt and ignores the
 * CRM's delay; jsforce never retries PATCH or POST), so this is the only retry loop.
 */
export async function callWithRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxWait = options.maxRateLimitWaitMs ?? MAX_INLINE_RATE_LIMIT_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    await options.gate.acquire(options.bucket);
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof CrmError) || !error.retryable || attempt >= attempts) throw error;
      if (error.kind === 'rate_limited') {
        const wait = error.retryAfterMs ?? 10_000;
        if (wait > maxWait) throw error;
        await options.gate.pause(wait, error.policy);
        continue;
      }
      if (options.mode === 'unsafe') throw error;
      const backoff = baseDelayMs * 2 ** (attempt - 1);
      await sleep(backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}
