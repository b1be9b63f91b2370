import {
  applyRateLimitOverrides,
  DEFAULT_RATE_LIMITS,
  type RateLimits,
} from '../../crm/rate-limits.js';

export type FirefliesPlan = 'free' | 'pro' | 'business' | 'enterprise';
export const FIREFLIES_PLANS: readonly FirefliesPlan[] = ['free', 'pro', 'business', 'enterprise'];

/**
 * Fireflies' published API limits per API key (docs: Fundamentals > Limits): Free and
 * Pro 50 requests a day, Business and Enterprise 60 a minute.
 */
const PLAN_LIMITS: Record<FirefliesPlan, Pick<RateLimits, 'perWindow' | 'windowMs' | 'daily'>> = {
  free: { perWindow: null, windowMs: 60_000, daily: 50 },
  pro: { perWindow: null, windowMs: 60_000, daily: 50 },
  business: { perWindow: 60, windowMs: 60_000, daily: null },
  enterprise: { perWindow: 60, windowMs: 60_000, daily: null },
};

/**
 * The limits of a Fireflies connection from its metadata: `plan` (the API can't tell
 * it, so the admin says; missing or unknown means the lowest, free, as for HubSpot
 * tiers) and `rateLimit` overrides as for CRM connections. Days are UTC days.
 */
export function firefliesRateLimits(metadata: Record<string, unknown> = {}): RateLimits {
  const plan = parsePlan(metadata.plan);
  return applyRateLimitOverrides(
    {
      ...PLAN_LIMITS[plan],
      search: null,
      safetyMargin: DEFAULT_RATE_LIMITS.safetyMargin,
      warnAt: DEFAULT_RATE_LIMITS.warnAt,
      timeZone: null,
    },
    metadata.rateLimit,
  );
}

function parsePlan(value: unknown): FirefliesPlan {
  const plan = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return FIREFLIES_PLANS.find((known) => known === plan) ?? 'free';
}
