import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './errors.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-10-14T16:00:00Z');

  it('prefers OpenAI’s retry-after-ms, then Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(
      250,
    );
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 14 Oct 2026 16:00:30 GMT' }), now)).toBe(
      30_000,
    );
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 14 Oct 2026 15:00:00 GMT' }), now)).toBe(
      0,
    );
  });

  it('is undefined when the provider names no usable delay', () => {
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(
      retryAfterMs(new Headers({ 'retry-after-ms': '', 'retry-after': 'soon' })),
    ).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '-5' }))).toBeUndefined();
  });
});
