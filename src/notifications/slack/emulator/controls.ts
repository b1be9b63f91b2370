/**
 * What tests, benchmarks and `/_emulator/...` use to steer the Slack emulator: its
 * settings, Slack's per-method rate limit tiers, injected faults and the log of every
 * Web API call.
 */
import { FaultRules } from '../../../emulator-kit/fault-rules.js';
import {
  RollingWindow,
  type LimitVerdict,
  type WindowLimit,
} from '../../../emulator-kit/limits.js';
import { RequestLog } from '../../../emulator-kit/request-log.js';

export type SlackFaultKind =
  /** HTTP 429 with Retry-After and `{ ok: false, error: 'ratelimited' }`; nothing is done. */
  | 'rate_limit'
  /** HTTP 200 with `{ ok: false, error }` (`internal_error`, `channel_not_found`, ...). */
  | 'error'
  /** HTTP 500/503 (Slack's edge having a bad moment); nothing is done. */
  | 'server_error'
  /** The call is done, then the connection is dropped before the answer. */
  | 'drop_after_apply'
  /** The answer comes `delayMs` late. */
  | 'slow';

export interface SlackFaultRule {
  kind: SlackFaultKind;
  /** The Web API method (`chat.postMessage`); every method when absent. */
  method?: string;
  times?: number;
  /** `error`: the error code answered (`internal_error` by default). */
  error?: string;
  /** `server_error`: 500 or 503 (503 by default). */
  status?: number;
  /** `rate_limit`: Retry-After in seconds (1 by default). */
  retryAfterSeconds?: number;
  delayMs?: number;
}

export class SlackFaults extends FaultRules<SlackFaultRule> {
  take(method: string): SlackFaultRule | undefined {
    return this.takeFirst((rule) => !rule.method || rule.method === method);
  }
}

export interface SlackSettings {
  /** Added to every Web API call. */
  latencyMs: number;
  /** Slack's per-method tiers (on by default); off for benchmarks that measure Pandora. */
  rateLimits: boolean;
  /** How long a trigger_id can open a modal (Slack: 3 seconds). */
  triggerTtlMs: number;
  /** How long Pandora has to answer an interaction with a 200 (Slack: 3 seconds). */
  interactionTimeoutMs: number;
  /**
   * The wait before each retry of an interaction Pandora did not acknowledge. Slack
   * retries nearly at once, then after a minute and five; compressed by default so a
   * test sees all three.
   */
  retryDelaysMs: number[];
}

export const DEFAULT_SLACK_SETTINGS: SlackSettings = {
  latencyMs: 0,
  rateLimits: true,
  triggerTtlMs: 3_000,
  interactionTimeoutMs: 3_000,
  retryDelaysMs: [0, 1_000, 5_000],
};

/**
 * Slack's published tiers: per method, per app and workspace, a minute's allowance
 * (Tier 1: 1+, Tier 2: 20+, Tier 3: 50+, Tier 4: 100+ a minute). chat.postMessage is
 * "special": about one message a second per channel, short bursts allowed.
 */
export const TIER_PER_MINUTE = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;
export type SlackTier = keyof typeof TIER_PER_MINUTE | 'post';
const POST_PER_CHANNEL: WindowLimit = { max: 3, ms: 3_000 };

export class SlackLimits {
  private readonly windows = new Map<string, RollingWindow>();

  constructor(private readonly now: () => number) {}

  /** Counts one call of `method` by the app in `teamId` (and `channel` for posts). */
  check(teamId: string, method: string, tier: SlackTier, channel?: string): LimitVerdict {
    const key = tier === 'post' ? `${teamId} ${method} ${channel ?? ''}` : `${teamId} ${method}`;
    let window = this.windows.get(key);
    if (!window) {
      window = new RollingWindow();
      this.windows.set(key, window);
    }
    const limit = tier === 'post' ? POST_PER_CHANNEL : { max: TIER_PER_MINUTE[tier], ms: 60_000 };
    return window.tryHit(this.now(), limit);
  }

  reset(): void {
    this.windows.clear();
  }
}

export interface SlackRequestLogEntry {
  seq: number;
  /** The Web API method, or the path for anything else (`/oauth/v2/authorize`). */
  method: string;
  status: number;
  /** `error` of an `ok: false` answer. */
  error: string | null;
  fault: SlackFaultKind | null;
  teamId: string | null;
  at: string;
}

export class SlackRequestLog extends RequestLog<SlackRequestLogEntry> {}
