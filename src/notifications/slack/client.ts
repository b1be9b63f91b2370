/**
 * Pandora's way to Slack: the install a workspace made (its bot token decrypted) and
 * a Web API client for it (`@slack/web-api`), with the client's own retries off so
 * the outbox and the job queue decide when to try again.
 */
import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type Logger as SlackLogger,
} from '@slack/web-api';
import type { Logger } from 'pino';
import type { Queryable } from '../../db/pool.js';
import { decryptJson, encryptJson, type SecretKey } from '../../tenancy/secrets.js';

/** One Slack request's time limit: a hung Slack must not hold a worker. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface SlackInstallation {
  workspaceId: string;
  teamId: string;
  teamName: string;
  botUserId: string | null;
  botToken: string;
  scopes: string[];
  alertsChannelId: string | null;
  alertsChannelName: string | null;
  installedVia: 'oauth' | 'token';
  installedBy: string | null;
  /** The emulator's base URL for a sandbox install; null: the configured Slack. */
  apiUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

interface InstallationRow extends Omit<SlackInstallation, 'botToken'> {
  secrets: string;
}

const COLUMNS = `workspace_id as "workspaceId", team_id as "teamId", team_name as "teamName",
  bot_user_id as "botUserId", secrets, scopes, alerts_channel_id as "alertsChannelId",
  alerts_channel_name as "alertsChannelName", installed_via as "installedVia",
  installed_by as "installedBy", api_url as "apiUrl", created_at as "createdAt",
  updated_at as "updatedAt"`;

/** The secret is bound to its workspace, so a row copied to another one cannot be read. */
const secretContext = (workspaceId: string) => `slack-installation:${workspaceId}`;

function open(secretKey: SecretKey, row: InstallationRow): SlackInstallation {
  const { secrets, ...rest } = row;
  const { botToken } = decryptJson<{ botToken: string }>(
    secretKey,
    Buffer.from(secrets, 'base64'),
    secretContext(row.workspaceId),
  );
  return { ...rest, botToken };
}

/** The workspace's Slack install, or null when it has none. */
export async function loadInstallation(
  db: Queryable,
  secretKey: SecretKey,
  workspaceId: string,
): Promise<SlackInstallation | null> {
  const { rows } = await db.query<InstallationRow>(
    `select ${COLUMNS} from slack_installations where workspace_id = $1::uuid`,
    [workspaceId],
  );
  return rows[0] ? open(secretKey, rows[0]) : null;
}

/** The installs of a Slack team (an interaction names the team, not the workspace). */
export async function installationsForTeam(
  db: Queryable,
  secretKey: SecretKey,
  teamId: string,
): Promise<SlackInstallation[]> {
  const { rows } = await db.query<InstallationRow>(
    `select ${COLUMNS} from slack_installations where team_id = $1::text order by created_at`,
    [teamId],
  );
  return rows.map((row) => open(secretKey, row));
}

export interface NewInstallation {
  workspaceId: string;
  teamId: string;
  teamName: string;
  botUserId: string | null;
  botToken: string;
  scopes: string[];
  installedVia: 'oauth' | 'token';
  installedBy: string | null;
  apiUrl: string | null;
}

/**
 * Stores the workspace's install, replacing an earlier one (a second "Add to Slack"
 * renews the token). The alerts channel is kept when the team stays the same.
 */
export async function saveInstallation(
  db: Queryable,
  secretKey: SecretKey,
  install: NewInstallation,
): Promise<SlackInstallation> {
  const secrets = encryptJson(
    secretKey,
    { botToken: install.botToken },
    secretContext(install.workspaceId),
  ).toString('base64');
  // Slack user ids are per team: links looked up in another team mean nothing now.
  await db.query(
    `delete from slack_user_links l using slack_installations s
     where l.workspace_id = $1::uuid and s.workspace_id = l.workspace_id
       and s.team_id <> $2::text`,
    [install.workspaceId, install.teamId],
  );
  const { rows } = await db.query<InstallationRow>(
    `insert into slack_installations as s
       (workspace_id, team_id, team_name, bot_user_id, secrets, scopes, installed_by,
        installed_via, api_url)
     values ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text[], $7::uuid, $8::text,
             $9::text)
     on conflict (workspace_id) do update set
       team_id = excluded.team_id, team_name = excluded.team_name,
       bot_user_id = excluded.bot_user_id, secrets = excluded.secrets,
       scopes = excluded.scopes, installed_by = excluded.installed_by,
       installed_via = excluded.installed_via, api_url = excluded.api_url,
       alerts_channel_id = case when s.team_id = excluded.team_id
                                then s.alerts_channel_id end,
       alerts_channel_name = case when s.team_id = excluded.team_id
                                  then s.alerts_channel_name end,
       updated_at = now()
     returning ${COLUMNS}`,
    [
      install.workspaceId,
      install.teamId,
      install.teamName,
      install.botUserId,
      secrets,
      install.scopes,
      install.installedBy,
      install.installedVia,
      install.apiUrl,
    ],
  );
  return open(secretKey, rows[0]!);
}

/** Where this process reaches Slack: the install's own (the emulator) or the configured one. */
export interface SlackEndpoint {
  token: string;
  apiUrl: string;
}

export function endpointFor(install: SlackInstallation, configuredApiUrl: string): SlackEndpoint {
  return { token: install.botToken, apiUrl: install.apiUrl ?? configuredApiUrl };
}

function slackLogger(log: Logger | undefined): SlackLogger {
  const child = log?.child({ component: 'slack-web-api' });
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    // The client warns about each failed request; the callers map and record those.
    warn: (...msg: unknown[]) => child?.debug({ slack: msg }, 'slack web api'),
    error: (...msg: unknown[]) => child?.warn({ slack: msg }, 'slack web api'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * A Web API client for one token. Retries are off (a 429 rejects at once with its
 * Retry-After) and redirects are refused by the client, so a call either answers or
 * fails fast and the caller's queue schedules the next try.
 */
export function slackClient(endpoint: SlackEndpoint, log?: Logger): WebClient {
  return new WebClient(endpoint.token || undefined, {
    slackApiUrl: `${endpoint.apiUrl.replace(/\/+$/, '')}/api/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: REQUEST_TIMEOUT_MS,
    // Method names are ours; a URL in their place must never send the token elsewhere.
    allowAbsoluteUrls: false,
    logger: slackLogger(log),
  });
}

/** How a failed Slack call should be treated. */
export type SlackFailure =
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'failed'; error: string; code: string };

/** Slack's errors that no retry can fix: the token, the app or the channel is gone. */
const FINAL_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'user_not_found',
  'users_not_found',
  'cannot_dm_bot',
  'user_disabled',
  'invalid_blocks',
  'invalid_metadata_format',
  'msg_too_long',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'team_access_not_granted',
  'ekm_access_denied',
  'org_login_required',
  'invalid_arguments',
  'invalid_arg_name',
]);

/**
 * Maps an error from the client: 429 with Retry-After, `ratelimited`, 5xx and network
 * failures are worth another try; Slack's other `ok: false` errors are final.
 */
export function classifySlackError(error: unknown): SlackFailure {
  if (error instanceof WebAPIRateLimitedError) {
    return {
      kind: 'retry',
      error: `Slack rate limit: retry after ${error.retryAfter} s`,
      retryAfterMs: error.retryAfter * 1000,
    };
  }
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    if (FINAL_ERRORS.has(code)) return { kind: 'failed', error: `Slack: ${code}`, code };
    // ratelimited, fatal_error, internal_error, service_unavailable, request_timeout...
    return { kind: 'retry', error: `Slack: ${code}` };
  }
  if (error instanceof WebAPIHTTPError) {
    if (error.statusCode >= 500 || error.statusCode === 408) {
      return { kind: 'retry', error: `Slack answered HTTP ${error.statusCode}` };
    }
    return {
      kind: 'failed',
      error: `Slack answered HTTP ${error.statusCode}`,
      code: `http_${error.statusCode}`,
    };
  }
  if (error instanceof WebAPIRequestError) {
    return { kind: 'retry', error: `Slack could not be reached: ${error.original.message}` };
  }
  // A 429 without a usable Retry-After comes as a plain error from the client.
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'retry', error: `Slack call failed: ${message}` };
}
