import path from 'node:path';
import { parseAllowedHosts } from './net/outbound-url.js';

/** Runtime configuration, read once from the environment. Every variable is in the README. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A server of our own when set; the embedded Postgres in `dataDir` otherwise. */
  databaseUrl: string | undefined;
  /** 32-byte key (hex or base64); generated into `dataDir` when unset. */
  secretKey: string | undefined;
  logLevel: string;
  /** Create the demo workspace on an empty database. */
  demo: boolean;
  workerConcurrency: number;
  /** Requests per minute per API key (and per client address for anonymous requests). */
  apiRateLimit: number;
  /** Login attempts a minute from one client address, whatever the email. */
  loginAttemptsPerAddress: number;
  /** Login attempts for one email without a success before it waits out 15 minutes. */
  loginAttemptsPerEmail: number;
  /** GraphQL introspection (`__schema`, `__type`); on unless switched off. */
  graphqlIntrospection: boolean;
  /** Limits on one GraphQL document, checked before it runs (see src/graphql/limits.ts). */
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxCost: number;
  graphqlMaxTokens: number;
  sessionTtlHours: number;
  /** Run the CRM emulator inside `pandora start` (the demo workspace's CRM). */
  sandbox: boolean;
  /** The emulator's port; 0 picks a free one. */
  sandboxPort: number;
  /**
   * Which proxies in front of Pandora to believe about the client's address and https
   * (X-Forwarded-For, -Proto, -Host): false, true (all), a hop count, or addresses/CIDRs.
   * Behind a TLS proxy this makes the session cookie `Secure`.
   */
  trustProxy: boolean | number | string;
  /** Where browsers reach Pandora, for OAuth redirect URLs; defaults to http://HOST:PORT. */
  publicUrl: string | undefined;
  /** OAuth apps for connecting real CRMs; the emulator needs none. */
  hubspotClientId: string | undefined;
  hubspotClientSecret: string | undefined;
  salesforceClientId: string | undefined;
  salesforceClientSecret: string | undefined;
  salesforceLoginUrl: string;
  /** HubSpot's API and consent page; overridden to point OAuth at the emulator. */
  hubspotApiBase: string | undefined;
  hubspotAuthBase: string;
  /**
   * Hosts a user-supplied CRM URL may name besides the CRMs' own domains
   * (`PANDORA_ALLOWED_CRM_HOSTS`: `host`, `*.domain`, `host:port` or `http://host:port`).
   */
  allowedCrmHosts: string[];
  /**
   * The optional LLM extractor (src/agents/llm), on when `PANDORA_LLM_MODEL` is set: any
   * OpenAI-compatible API root, its key, one request's time limit, and whether a
   * loopback base URL (a local model server in development) may bypass the outbound guard.
   */
  llmModel: string | undefined;
  llmBaseUrl: string;
  llmApiKey: string | undefined;
  llmTimeoutMs: number;
  llmAllowLocal: boolean;
  /**
   * The Slack app (src/notifications/slack): its OAuth client for "Add to Slack", the
   * signing secret interactions are checked with, and where Slack is (its Web API at
   * `<slackApiUrl>/api/`, its consent page at `<slackApiUrl>/oauth/v2/authorize`); the
   * sandbox points it at the Slack emulator.
   */
  slackClientId: string | undefined;
  slackClientSecret: string | undefined;
  slackSigningSecret: string | undefined;
  slackApiUrl: string;
  /**
   * Web push's VAPID key pair (base64url, as web-push makes them) and the contact it
   * names (`mailto:` or `https:`); generated into `dataDir/vapid.json` when unset.
   */
  vapidPublicKey: string | undefined;
  vapidPrivateKey: string | undefined;
  vapidSubject: string | undefined;
  /**
   * Where notification email goes (`SMTP_URL`: smtp:// or smtps://, credentials in the
   * URL); with none, the sandbox's SMTP server when the sandbox runs, else no email.
   */
  smtpUrl: string | undefined;
  /** The From of notification email (`PANDORA_EMAIL_FROM`). */
  emailFrom: string;
  /** Messages a second this instance hands to the SMTP server (`PANDORA_EMAIL_PER_SECOND`). */
  emailPerSecond: number;
  /** An inbox item within this many hours of expiring gets a critical `expiring` notice. */
  expiringNoticeHours: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function trustProxy(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = env.PANDORA_TRUST_PROXY?.trim() ?? '';
  if (['', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[0-9A-Fa-f.:/, ]+$/.test(raw)) {
    throw new ConfigError(
      `PANDORA_TRUST_PROXY must be true, false, a hop count, or proxy addresses/CIDRs separated by commas, got "${raw}"`,
    );
  }
  return raw;
}

function llmBaseUrl(env: NodeJS.ProcessEnv): string {
  const raw = (env.PANDORA_LLM_BASE_URL || 'https://api.openai.com/v1').replace(/\/+$/, '');
  if (!URL.canParse(raw)) throw new ConfigError(`PANDORA_LLM_BASE_URL must be a URL, got "${raw}"`);
  return raw;
}

function llmApiKey(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PANDORA_LLM_MODEL && !env.PANDORA_LLM_API_KEY) {
    throw new ConfigError(
      'PANDORA_LLM_API_KEY is required with PANDORA_LLM_MODEL (any value for a server that checks none)',
    );
  }
  return env.PANDORA_LLM_API_KEY || undefined;
}

function slackApiUrl(env: NodeJS.ProcessEnv): string {
  const raw = (env.SLACK_API_URL || 'https://slack.com').replace(/\/+$/, '').replace(/\/api$/, '');
  if (!URL.canParse(raw)) throw new ConfigError(`SLACK_API_URL must be a URL, got "${raw}"`);
  return raw;
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  const protocol = URL.canParse(raw) ? new URL(raw).protocol : '';
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    // The URL may hold a password: name the problem, never echo the value.
    throw new ConfigError(
      'SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)',
    );
  }
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  return {
    port: integer(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.PANDORA_DATA_DIR || '.pandora'),
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: env.PANDORA_SECRET_KEY || undefined,
    logLevel,
    demo: flag(env, 'PANDORA_DEMO', true),
    workerConcurrency: integer(env, 'PANDORA_WORKER_CONCURRENCY', 4, 1),
    apiRateLimit: integer(env, 'PANDORA_API_RATE_LIMIT', 1200, 1),
    loginAttemptsPerAddress: integer(env, 'PANDORA_LOGIN_ATTEMPTS_PER_ADDRESS', 20, 1),
    loginAttemptsPerEmail: integer(env, 'PANDORA_LOGIN_ATTEMPTS_PER_EMAIL', 10, 1),
    graphqlIntrospection: flag(env, 'PANDORA_GRAPHQL_INTROSPECTION', true),
    graphqlMaxDepth: integer(env, 'PANDORA_GRAPHQL_MAX_DEPTH', 10, 1),
    graphqlMaxAliases: integer(env, 'PANDORA_GRAPHQL_MAX_ALIASES', 15, 0),
    graphqlMaxCost: integer(env, 'PANDORA_GRAPHQL_MAX_COST', 5000, 1),
    graphqlMaxTokens: integer(env, 'PANDORA_GRAPHQL_MAX_TOKENS', 1000, 1),
    sessionTtlHours: integer(env, 'PANDORA_SESSION_TTL_HOURS', 24 * 7, 1),
    sandbox: flag(env, 'PANDORA_SANDBOX', true),
    sandboxPort: integer(env, 'PANDORA_SANDBOX_PORT', 0),
    trustProxy: trustProxy(env),
    publicUrl: env.PANDORA_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    hubspotClientId: env.HUBSPOT_CLIENT_ID || undefined,
    hubspotClientSecret: env.HUBSPOT_CLIENT_SECRET || undefined,
    salesforceClientId: env.SALESFORCE_CLIENT_ID || undefined,
    salesforceClientSecret: env.SALESFORCE_CLIENT_SECRET || undefined,
    hubspotApiBase: env.HUBSPOT_API_BASE_URL?.replace(/\/+$/, '') || undefined,
    hubspotAuthBase: (env.HUBSPOT_AUTH_BASE_URL || 'https://app.hubspot.com').replace(/\/+$/, ''),
    salesforceLoginUrl: (env.SALESFORCE_LOGIN_URL || 'https://login.salesforce.com').replace(
      /\/+$/,
      '',
    ),
    allowedCrmHosts: parseAllowedHosts(env.PANDORA_ALLOWED_CRM_HOSTS),
    llmModel: env.PANDORA_LLM_MODEL || undefined,
    llmBaseUrl: llmBaseUrl(env),
    llmApiKey: llmApiKey(env),
    llmTimeoutMs: integer(env, 'PANDORA_LLM_TIMEOUT_MS', 30_000, 1),
    llmAllowLocal: flag(env, 'PANDORA_LLM_ALLOW_LOCAL', false),
    slackClientId: env.SLACK_CLIENT_ID || undefined,
    slackClientSecret: env.SLACK_CLIENT_SECRET || undefined,
    slackSigningSecret: env.SLACK_SIGNING_SECRET || undefined,
    slackApiUrl: slackApiUrl(env),
    vapidPublicKey: env.VAPID_PUBLIC_KEY?.trim() || undefined,
    vapidPrivateKey: env.VAPID_PRIVATE_KEY?.trim() || undefined,
    vapidSubject: env.VAPID_SUBJECT?.trim() || undefined,
    smtpUrl: smtpUrl(env),
    emailFrom: env.PANDORA_EMAIL_FROM?.trim() || 'Pandora <pandora@localhost>',
    emailPerSecond: integer(env, 'PANDORA_EMAIL_PER_SECOND', 10, 1),
    expiringNoticeHours: integer(env, 'PANDORA_EXPIRING_NOTICE_HOURS', 24, 1),
  };
}
