import type { FastifyReply } from 'fastify';
import { rateLimited } from './rate-limit.js';

/**
 * Login attempts per email: after `max` attempts within `windowMs` without a success,
 * the email is refused until the window ends, from whatever address it is tried, so
 * spreading a password guess over many addresses gains nothing. An attempt counts when
 * it starts, so a burst of parallel guesses cannot all slip in before the first fails.
 * A success clears the count. Kept in memory per server process, like the request rate
 * limits.
 */
export class LoginAttempts {
  private readonly attempts = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    // Bounds memory against a flood of made-up emails; the oldest entries go first.
    private readonly capacity = 10_000,
  ) {}

  /** Records an attempt for `key` and returns 0, or the whole seconds to wait when refused. */
  take(key: string, now = Date.now()): number {
    const entry = this.attempts.get(key);
    if (entry && entry.since + this.windowMs > now) {
      if (entry.count >= this.max) return Math.ceil((entry.since + this.windowMs - now) / 1000);
      entry.count += 1;
      return 0;
    }
    this.attempts.delete(key);
    this.attempts.set(key, { count: 1, since: now });
    if (this.attempts.size > this.capacity) {
      const oldest = this.attempts.keys().next().value;
      if (oldest !== undefined) this.attempts.delete(oldest);
    }
    return 0;
  }

  /** Records an attempt for `key`, or throws the 429 (with `Retry-After` on `reply`). */
  takeOrRefuse(key: string, reply: FastifyReply): void {
    const wait = this.take(key);
    if (wait > 0) {
      void reply.header('retry-after', wait);
      throw rateLimited(wait);
    }
  }

  succeeded(key: string): void {
    this.attempts.delete(key);
  }
}

/**
 * The per-address budget of every form that takes a password (login, invitation link),
 * one bucket per client address whatever credentials ride along: a password proves
 * nothing yet.
 */
export function passwordFormRateLimit(maxPerMinute: number) {
  return {
    max: maxPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request: { ip: string }) => `login:${request.ip}`,
  };
}
