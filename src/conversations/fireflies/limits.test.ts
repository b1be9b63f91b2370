import { describe, expect, it } from 'vitest';
import { firefliesRateLimits } from './limits.js';

describe('Fireflies rate limits', () => {
  it('are the plan’s published ones: 60 a minute for Business and Enterprise, 50 a day below', () => {
    expect(firefliesRateLimits({ plan: 'Business' })).toMatchObject({
      perWindow: 60,
      windowMs: 60_000,
      daily: null,
    });
    expect(firefliesRateLimits({ plan: 'enterprise' }).perWindow).toBe(60);
    expect(firefliesRateLimits({ plan: 'pro' })).toMatchObject({ perWindow: null, daily: 50 });
  });

  it('take the lowest plan when none is known, and the connection’s overrides', () => {
    expect(firefliesRateLimits({})).toMatchObject({ perWindow: null, daily: 50 });
    expect(firefliesRateLimits({ plan: 'platinum' }).daily).toBe(50);
    expect(
      firefliesRateLimits({ plan: 'business', rateLimit: { perWindow: 30, daily: 1_000 } }),
    ).toMatchObject({ perWindow: 30, daily: 1_000 });
    expect(() => firefliesRateLimits({ rateLimit: { perWindow: -1 } })).toThrow(/perWindow/);
  });
});
