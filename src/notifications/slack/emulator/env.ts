/**
 * The emulator's state shared by its parts: the store, controls, the app's
 * configuration (client id and secret, interactivity Request URL and signing secret)
 * and the short-lived handles Slack gives out (trigger ids, OAuth codes, response URLs).
 */
import { randomHex } from './store.js';
import type { SlackFaults, SlackLimits, SlackRequestLog, SlackSettings } from './controls.js';
import type { SlackStore } from './store.js';

export interface SlackAppConfig {
  clientId: string;
  clientSecret: string;
  /** Where interactions are sent (the app's Interactivity Request URL); none until set. */
  requestUrl: string | null;
  signingSecret: string;
}

export interface Trigger {
  id: string;
  teamId: string;
  user: string;
  expiresAt: number;
  used: boolean;
}

export interface OAuthCode {
  code: string;
  teamId: string;
  scopes: string[];
  userId: string | null;
  redirectUri: string | null;
  expiresAt: number;
  used: boolean;
}

export interface ResponseUrl {
  id: string;
  teamId: string;
  channel: string;
  /** The message the interaction came from (replace_original / delete_original act on it). */
  messageTs: string | null;
  user: string;
  expiresAt: number;
  uses: number;
}

export interface SlackEnv {
  store: SlackStore;
  settings: SlackSettings;
  faults: SlackFaults;
  limits: SlackLimits;
  log: SlackRequestLog;
  app: SlackAppConfig;
  triggers: Map<string, Trigger>;
  oauthCodes: Map<string, OAuthCode>;
  responseUrls: Map<string, ResponseUrl>;
  now(): Date;
  /** Where the emulator listens (for response URLs); known once it listens. */
  baseUrl(): string;
}

/** A trigger id shaped like Slack's (`1234567890.123456789012.abcdef...`). */
export function newTrigger(env: SlackEnv, teamId: string, user: string): Trigger {
  const nowMs = env.now().getTime();
  const trigger: Trigger = {
    id: `${Math.floor(nowMs / 1000)}.${String(nowMs).slice(-12)}.${randomHex(16)}`,
    teamId,
    user,
    expiresAt: nowMs + env.settings.triggerTtlMs,
    used: false,
  };
  env.triggers.set(trigger.id, trigger);
  return trigger;
}

/** Slack's response URLs take 5 posts within 30 minutes. */
export const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60_000;

export function newResponseUrl(
  env: SlackEnv,
  input: { teamId: string; channel: string; messageTs: string | null; user: string },
): string {
  const id = randomHex(12);
  env.responseUrls.set(id, {
    id,
    ...input,
    expiresAt: env.now().getTime() + RESPONSE_URL_TTL_MS,
    uses: 0,
  });
  return `${env.baseUrl()}/actions/${input.teamId}/${id}`;
}
