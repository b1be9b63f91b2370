import { describe, expect, it } from 'vitest';
import { mapGongError } from './errors.js';

const refused = (retryAfter?: string) =>
  mapGongError(
    429,
    { requestId: 'r1', errors: ['Too many requests, please try again later'] },
    new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
  );

describe('mapGongError', () => {
  it('tells the per-second limit from the daily quota by the wait Gong asks for', () => {
    expect(refused('1')).toMatchObject({
      policy: 'SECONDLY',
      retryAfterMs: 1_000,
      retryable: true,
    });
    // Up to a minute the retry loop waits in the call, whichever limit it was.
    expect(refused('60')).toMatchObject({ policy: 'SECONDLY', retryable: true });
    // Longer than that is the day's quota: held in Postgres, not retried.
    expect(refused('61')).toMatchObject({ policy: 'DAILY', retryable: false });
    expect(refused('300')).toMatchObject({ policy: 'DAILY', retryAfterMs: 300_000 });
    expect(refused(String(11 * 3_600))).toMatchObject({ policy: 'DAILY' });
    expect(refused()).toMatchObject({ kind: 'rate_limited', policy: 'SECONDLY' });
  });

  it('reads Retry-After given as an HTTP date', () => {
    const at = new Date(Date.now() + 2 * 3_600_000).toUTCString();
    const error = refused(at);
    expect(error.policy).toBe('DAILY');
    expect(error.retryAfterMs).toBeGreaterThan(3_600_000);
  });
});
