import { describe, expect, it } from 'vitest';
import {
  FirefliesTimeoutError,
  firefliesError,
  firefliesNetworkError,
  retryAfterMsOf,
} from './errors.js';

const NOW = Date.UTC(2030, 0, 1);

const entry = (code: string, status: number, metadata?: Record<string, unknown>) => ({
  data: null,
  errors: [
    { message: `said ${code}`, code, friendly: true, extensions: { code, status, metadata } },
  ],
});

describe('Fireflies errors', () => {
  it('decides by the error code even when the HTTP status is 200', () => {
    expect(
      firefliesError({ status: 200, body: entry('object_not_found', 404) }, NOW),
    ).toMatchObject({
      kind: 'not_found',
      crmCode: 'object_not_found',
      status: 404,
    });
    expect(firefliesError({ status: 200, body: entry('not_in_team', 403) }, NOW).kind).toBe(
      'permission',
    );
    expect(firefliesError({ status: 401, body: entry('auth_failed', 401) }, NOW).kind).toBe(
      'auth_expired',
    );
  });

  it('names the bad argument of invalid_arguments', () => {
    const error = firefliesError(
      {
        status: 200,
        body: entry('invalid_arguments', 400, {
          fields: [{ name: 'fromDate', message: 'fromDate must be a Date instance' }],
        }),
      },
      NOW,
    );
    expect(error).toMatchObject({ kind: 'validation', field: 'fromDate', retryable: false });
  });

  it('reads retryAfter as a moment or as seconds, and a long wait as the daily quota', () => {
    const soon = firefliesError(
      { status: 429, body: entry('too_many_requests', 429, { retryAfter: NOW + 2_000 }) },
      NOW,
    );
    expect(soon).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2_000, retryable: true });
    expect(retryAfterMsOf(30, null, NOW)).toBe(30_000);
    expect(retryAfterMsOf(new Date(NOW + 5_000).toISOString(), null, NOW)).toBe(5_000);
    expect(retryAfterMsOf(undefined, '7', NOW)).toBe(7_000);
    const tomorrow = firefliesError(
      { status: 429, body: entry('too_many_requests', 429, { retryAfter: NOW + 10 * 3_600_000 }) },
      NOW,
    );
    expect(tomorrow).toMatchObject({ kind: 'rate_limited', policy: 'DAILY', retryable: false });
  });

  it('takes a gateway’s HTML 5xx and a lost connection as transient', () => {
    expect(firefliesError({ status: 502, body: '<html>Bad gateway</html>' }, NOW)).toMatchObject({
      kind: 'transient',
      status: 502,
      retryable: true,
    });
    expect(firefliesNetworkError(new FirefliesTimeoutError(100))).toMatchObject({
      kind: 'transient',
      crmCode: 'ETIMEDOUT',
    });
  });
});
