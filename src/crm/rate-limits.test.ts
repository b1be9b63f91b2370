import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { DEFAULT_RATE_LIMITS, rateLimitsFor } from './rate-limits.js';

describe('rateLimitsFor', () => {
  it.each([
    ['free', 100, 250_000],
    ['starter', 100, 250_000],
    ['professional', 190, 625_000],
    ['enterprise', 190, 1_000_000],
    ['Enterprise', 190, 1_000_000],
  ])('gives a HubSpot private app on %s its window and daily quota', (tier, perWindow, daily) => {
    expect(rateLimitsFor('hubspot', { tier })).toEqual({
      perWindow,
      windowMs: 10_000,
      daily,
      search: { perWindow: 5, windowMs: 1_000 },
      safetyMargin: 0.1,
      warnAt: 0.8,
      timeZone: null,
    });
  });

  it('takes the lowest tier when the tier is missing or unknown', () => {
    for (const metadata of [{}, { tier: 'platinum' }, { tier: 7 }]) {
      expect(rateLimitsFor('hubspot', metadata)).toMatchObject({ perWindow: 100, daily: 250_000 });
    }
  });

  it('gives a HubSpot public OAuth app 110 per 10 s per account and no daily quota', () => {
    for (const appType of ['public', 'oauth', 'OAuth']) {
      expect(rateLimitsFor('hubspot', { appType, tier: 'enterprise' })).toMatchObject({
        perWindow: 110,
        windowMs: 10_000,
        daily: null,
      });
    }
  });

  it('gives Salesforce a daily allocation and no short window', () => {
    expect(rateLimitsFor('salesforce', {})).toMatchObject({
      perWindow: null,
      daily: 100_000,
      search: null,
    });
  });

  it("limits HubSpot's search calls separately, whatever the app, unless overridden", () => {
    expect(rateLimitsFor('hubspot', { appType: 'public' }).search).toEqual({
      perWindow: 5,
      windowMs: 1_000,
    });
    expect(rateLimitsFor('hubspot', { rateLimit: { search: null } }).search).toBeNull();
    expect(
      rateLimitsFor('hubspot', { rateLimit: { search: { perWindow: 4, windowMs: 2000 } } }).search,
    ).toEqual({ perWindow: 4, windowMs: 2000 });
    expect(() => rateLimitsFor('hubspot', { rateLimit: { search: { perWindow: 0 } } })).toThrow(
      /rateLimit\.search\.perWindow/,
    );
  });

  it('lets the connection override any part, and null turn a limit off', () => {
    expect(
      rateLimitsFor('salesforce', { rateLimit: { perWindow: 25, windowMs: 1000, daily: 5_000 } }),
    ).toMatchObject({ perWindow: 25, windowMs: 1000, daily: 5_000 });
    expect(
      rateLimitsFor('hubspot', {
        tier: 'professional',
        rateLimit: { daily: null, safetyMargin: 0 },
      }),
    ).toMatchObject({ perWindow: 190, daily: null, safetyMargin: 0 });
    expect(rateLimitsFor('hubspot', { rateLimit: { perWindow: null } }).perWindow).toBeNull();
  });

  it('reads its defaults from the configuration it is given', () => {
    const defaults = structuredClone(DEFAULT_RATE_LIMITS);
    defaults.hubspot.daily.professional = 650_000;
    defaults.salesforce.daily = 15_000;
    expect(rateLimitsFor('hubspot', { tier: 'professional' }, defaults).daily).toBe(650_000);
    expect(rateLimitsFor('salesforce', {}, defaults).daily).toBe(15_000);
    expect(DEFAULT_RATE_LIMITS.hubspot.daily.professional).toBe(625_000);
  });

  it.each([
    [{ perWindow: 0 }, 'rateLimit.perWindow', 0],
    [{ perWindow: 2.5 }, 'rateLimit.perWindow', 2.5],
    [{ windowMs: '10s' }, 'rateLimit.windowMs', '10s'],
    [{ daily: -1 }, 'rateLimit.daily', -1],
    [{ safetyMargin: 0.9 }, 'rateLimit.safetyMargin', 0.9],
  ])('refuses the override %j, naming the field and value', (rateLimit, field, value) => {
    let error: unknown;
    try {
      rateLimitsFor('hubspot', { rateLimit });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_rate_limit',
      details: { field, value },
    });
    expect((error as Error).message).toContain(field);
  });

  it('refuses a rateLimit that is not an object', () => {
    expect(() => rateLimitsFor('salesforce', { rateLimit: 100 })).toThrow(/rateLimit is 100/);
  });
});
