import { badRequest } from '../errors.js';
import type { CrmType } from './port.js';

/** How fast one connection may call its CRM; `rateLimitsFor` derives it from the connection. */
export interface RateLimits {
  /** Calls allowed in any rolling `windowMs`; null when the CRM has no short window. */
  perWindow: number | null;
  windowMs: number;
  /** Calls allowed per UTC day; null for no daily quota. A quota the CRM reports wins. */
  daily: number | null;
  /**
   * A separate limit for search calls, which also count against `perWindow` (HubSpot's
   * CRM search: 5 per second per account); null when the CRM has none.
   */
  search: { perWindow: number; windowMs: number } | null;
  /**
   * Share of the short window's rate held back for jitter. The window is stretched to
   * `windowMs / (1 - safetyMargin)`: a full burst of `perWindow` is still allowed, but
   * any two grants `perWindow` apart are at least that far apart, so a call that reaches
   * the CRM a little late (network, event loop, clocks) still lands in a window with room.
   */
  safetyMargin: number;
  /** Share of the daily quota at which the once-a-day warning is raised. */
  warnAt: number;
  /**
   * The IANA time zone whose midnight starts a new quota day: the CRM account's, as
   * the CRM reported it (stored as the connection's `timeZone`); null for UTC.
   */
  timeZone: string | null;
}

export type HubSpotTier = 'free' | 'starter' | 'professional' | 'enterprise';
export const HUBSPOT_TIERS: readonly HubSpotTier[] = [
  'free',
  'starter',
  'professional',
  'enterprise',
];

/** The CRMs' published limits (DESIGN.md, "External facts"); pass a copy to change them. */
export interface RateLimitDefaults {
  hubspot: {
    windowMs: number;
    /** Private app, per app, by the account's subscription tier. */
    privateApp: Record<HubSpotTier, number>;
    /** Public (OAuth) app, per installing account. */
    publicApp: number;
    /** Per account and day, by tier; HubSpot applies it to private apps only. */
    daily: Record<HubSpotTier, number>;
    /** The CRM search endpoints, per account, whatever the app. */
    search: { perWindow: number; windowMs: number };
  };
  salesforce: {
    /** The org's allocation depends on edition and licences; the CRM reports the real one. */
    daily: number;
    /** Salesforce has no short window; set one to smooth bursts. */
    perWindow: number | null;
    windowMs: number;
  };
  safetyMargin: number;
  warnAt: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitDefaults = {
  hubspot: {
    windowMs: 10_000,
    privateApp: { free: 100, starter: 100, professional: 190, enterprise: 190 },
    publicApp: 110,
    daily: { free: 250_000, starter: 250_000, professional: 625_000, enterprise: 1_000_000 },
    search: { perWindow: 5, windowMs: 1_000 },
  },
  salesforce: { daily: 100_000, perWindow: null, windowMs: 1_000 },
  // 10 %: a tenth of HubSpot's window (1.1 s) of slack costs a tenth of its sustained rate.
  safetyMargin: 0.1,
  warnAt: 0.8,
};

// The short window is kept as one timestamp per call allowed in it, in one row.
const MAX_PER_WINDOW = 10_000;

/**
 * The limits of a connection, from its CRM and metadata:
 * - HubSpot: `tier` (free, starter, professional, enterprise; missing or unknown means
 *   the lowest, free) and `appType` (`private`, the default, or `public` for an OAuth
 *   app, which has a per-account window and no daily quota);
 * - Salesforce: a daily allocation, no short window;
 * - either: `rateLimit: { perWindow, windowMs, daily, search, safetyMargin }` overrides
 *   any part (`null` turns the short window, the daily quota or the search limit off). Bad overrides are refused
 *   with the field and value.
 */
export function rateLimitsFor(
  crmType: CrmType,
  metadata: Record<string, unknown> = {},
  defaults: RateLimitDefaults = DEFAULT_RATE_LIMITS,
): RateLimits {
  const base =
    crmType === 'hubspot' ? hubspotLimits(metadata, defaults) : salesforceLimits(defaults);
  return {
    ...applyRateLimitOverrides(base, metadata.rateLimit),
    timeZone: validTimeZone(metadata.timeZone),
  };
}

/** The IANA zone name if Intl knows it (`US/Eastern`, `Europe/Paris`), else null. */
export function validTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The calendar day (`2030-01-15`) an instant falls on in a time zone (null: UTC). */
export function dayIn(at: number, timeZone: string | null): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone ?? 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function hubspotLimits(metadata: Record<string, unknown>, defaults: RateLimitDefaults): RateLimits {
  const { hubspot } = defaults;
  const tier = parseTier(metadata.tier);
  const appType = typeof metadata.appType === 'string' ? metadata.appType.toLowerCase() : '';
  const isPublic = appType === 'public' || appType === 'oauth';
  return {
    perWindow: isPublic ? hubspot.publicApp : hubspot.privateApp[tier],
    windowMs: hubspot.windowMs,
    daily: isPublic ? null : hubspot.daily[tier],
    search: { ...hubspot.search },
    safetyMargin: defaults.safetyMargin,
    warnAt: defaults.warnAt,
    timeZone: null,
  };
}

function parseTier(value: unknown): HubSpotTier {
  const tier = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return HUBSPOT_TIERS.find((known) => known === tier) ?? 'free';
}

function salesforceLimits(defaults: RateLimitDefaults): RateLimits {
  return {
    perWindow: defaults.salesforce.perWindow,
    windowMs: defaults.salesforce.windowMs,
    daily: defaults.salesforce.daily,
    search: null,
    safetyMargin: defaults.safetyMargin,
    warnAt: defaults.warnAt,
    timeZone: null,
  };
}

/** `metadata.rateLimit` applied to a service's limits (conversation sources use it too). */
export function applyRateLimitOverrides(base: RateLimits, overrides: unknown): RateLimits {
  if (overrides === undefined || overrides === null) return base;
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw invalid('rateLimit', overrides, 'an object like { "perWindow": 100, "windowMs": 10000 }');
  }
  const given = overrides as Record<string, unknown>;
  const limits = { ...base };
  if ('perWindow' in given) {
    limits.perWindow =
      given.perWindow === null ? null : count(given, 'perWindow', 1, MAX_PER_WINDOW);
  }
  if ('windowMs' in given) limits.windowMs = count(given, 'windowMs', 1, 86_400_000);
  if ('daily' in given) {
    limits.daily = given.daily === null ? null : count(given, 'daily', 0, 2_000_000_000);
  }
  if ('search' in given) {
    const search = given.search;
    if (search === null) limits.search = null;
    else if (typeof search === 'object' && !Array.isArray(search)) {
      const parts = search as Record<string, unknown>;
      limits.search = {
        perWindow: count(parts, 'perWindow', 1, MAX_PER_WINDOW, 'rateLimit.search'),
        windowMs: count(parts, 'windowMs', 1, 86_400_000, 'rateLimit.search'),
      };
    } else {
      throw invalid('rateLimit.search', search, 'null or { "perWindow": 5, "windowMs": 1000 }');
    }
  }
  if ('safetyMargin' in given) {
    const margin = given.safetyMargin;
    if (typeof margin !== 'number' || !(margin >= 0 && margin <= 0.5)) {
      throw invalid('rateLimit.safetyMargin', margin, 'a number from 0 to 0.5');
    }
    limits.safetyMargin = margin;
  }
  return limits;
}

function count(
  given: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  prefix = 'rateLimit',
): number {
  const value = given[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${prefix}.${field}`, value, `a whole number from ${min} to ${max}`);
  }
  return value;
}

function invalid(field: string, value: unknown, expected: string) {
  return badRequest(
    'invalid_rate_limit',
    `Connection metadata ${field} is ${JSON.stringify(value) ?? 'undefined'}; it must be ${expected}`,
    { field, value },
  );
}
