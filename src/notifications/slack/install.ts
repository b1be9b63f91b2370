/**
 * Installing Pandora's Slack app in a workspace: "Add to Slack" (OAuth v2: the
 * authorize URL with a signed state, the code traded with oauth.v2.access), or a bot
 * token pasted by an admin and checked with auth.test. The token is stored encrypted
 * (client.ts). Also what the settings panel shows: the install, its channels, and
 * where alerts go.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Queryable } from '../../db/pool.js';
import { HttpError } from '../../errors.js';
import type { SecretKey } from '../../tenancy/secrets.js';
import {
  classifySlackError,
  loadInstallation,
  saveInstallation,
  slackClient,
  type SlackInstallation,
} from './client.js';

/**
 * The bot scopes Pandora asks for, and no more:
 * - chat:write: post approval cards, alerts and notifications, and chat.update a card
 *   once its item is decided;
 * - im:write: conversations.open, the DM channel with a member (its id is what the
 *   retry lookup reads);
 * - im:history: conversations.history of that DM, to find a message whose answer was
 *   lost before posting it again;
 * - channels:history: the same lookup in the public alerts channel;
 * - channels:read: conversations.list, the channel picker of the alerts channel;
 * - users:read and users:read.email: users.lookupByEmail maps members by email, and
 *   users.info names the person who clicked a button.
 */
export const SLACK_BOT_SCOPES = [
  'chat:write',
  'im:write',
  'im:history',
  'channels:history',
  'channels:read',
  'users:read',
  'users:read.email',
] as const;

/** The OAuth app Pandora installs with: from the environment, or the sandbox emulator's. */
export interface SlackApp {
  clientId: string;
  clientSecret: string;
  /** Where Slack is (`<url>/oauth/v2/authorize`, `<url>/api/`). */
  apiUrl: string;
  /** Stored on the install: set for the sandbox emulator only (client.ts). */
  sandbox: boolean;
}

interface InstallState {
  workspaceId: string;
  userId: string;
  /** Epoch ms after which the state is refused. */
  expires: number;
  nonce: string;
}

const STATE_TTL_MS = 10 * 60_000;

function signState(key: SecretKey, payload: string): string {
  // Its own label, so a CRM OAuth state can never pass as a Slack one.
  return createHmac('sha256', key).update(`slack-install-state:${payload}`).digest('base64url');
}

/** `payload.signature`, both base64url: the callback trusts nothing it did not sign. */
export function sealInstallState(
  key: SecretKey,
  state: Omit<InstallState, 'expires' | 'nonce'>,
  now = Date.now(),
): string {
  const full: InstallState = {
    ...state,
    expires: now + STATE_TTL_MS,
    nonce: randomBytes(12).toString('base64url'),
  };
  const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
  return `${payload}.${signState(key, payload)}`;
}

export function openInstallState(key: SecretKey, sealed: string, now = Date.now()): InstallState {
  const [payload = '', signature = '', extra] = sealed.split('.');
  const expected = Buffer.from(signState(key, payload));
  const given = Buffer.from(signature);
  if (
    extra !== undefined ||
    expected.length !== given.length ||
    !timingSafeEqual(expected, given)
  ) {
    throw new HttpError(
      400,
      'invalid_oauth_state',
      'The Slack sign-in link is not valid; start again',
    );
  }
  const state = JSON.parse(Buffer.from(payload, 'base64url').toString()) as InstallState;
  if (state.expires < now) {
    throw new HttpError(400, 'invalid_oauth_state', 'The Slack sign-in took too long; start again');
  }
  return state;
}

/** Slack's consent page for the app, asking for the bot scopes only (no user scopes). */
export function slackAuthorizeUrl(app: SlackApp, redirectUri: string, state: string): string {
  const url = new URL(`${app.apiUrl.replace(/\/+$/, '')}/oauth/v2/authorize`);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('scope', SLACK_BOT_SCOPES.join(','));
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  return url.toString();
}

/** A Slack answer turned into a person's sentence (the raw error code stays in it). */
function slackRefusal(status: number, code: string, error: unknown): HttpError {
  const failure = classifySlackError(error);
  return new HttpError(status, code, `Slack refused: ${failure.error}`, {}, { cause: error });
}

/**
 * Trades the code Slack sent back for the bot token (oauth.v2.access), checks it with
 * auth.test, and stores the install. The redirect URI must be the one the authorize
 * URL named, as Slack checks.
 */
export async function completeOAuthInstall(
  deps: { db: Queryable; secretKey: SecretKey; log?: Logger },
  app: SlackApp,
  input: { workspaceId: string; userId: string; code: string; redirectUri: string },
): Promise<SlackInstallation> {
  let access;
  try {
    access = await slackClient({ token: '', apiUrl: app.apiUrl }, deps.log).oauth.v2.access({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      code: input.code,
      redirect_uri: input.redirectUri,
    });
  } catch (error) {
    throw slackRefusal(502, 'slack_oauth_failed', error);
  }
  if (access.token_type !== 'bot' || !access.access_token || !access.team?.id) {
    throw new HttpError(502, 'slack_oauth_failed', 'Slack answered without a bot token');
  }
  return saveInstallation(deps.db, deps.secretKey, {
    workspaceId: input.workspaceId,
    teamId: access.team.id,
    teamName: access.team.name ?? '',
    botUserId: access.bot_user_id ?? null,
    botToken: access.access_token,
    scopes: (access.scope ?? '').split(',').filter(Boolean),
    installedVia: 'oauth',
    installedBy: input.userId,
    apiUrl: app.sandbox ? app.apiUrl : null,
  });
}

/**
 * Installs with a bot token an admin pasted: auth.test says whose it is (and that it
 * is a bot's). A refused token is a 422 naming Slack's reason.
 */
export async function installWithToken(
  deps: { db: Queryable; secretKey: SecretKey; log?: Logger },
  input: {
    workspaceId: string;
    userId: string | null;
    token: string;
    apiUrl: string;
    sandbox: boolean;
  },
): Promise<SlackInstallation> {
  if (!/^xoxb-/.test(input.token)) {
    throw new HttpError(400, 'invalid_slack_token', 'A Slack bot token starts with xoxb-', [
      { field: 'token', message: 'must be a bot token (xoxb-...)' },
    ]);
  }
  const client = slackClient({ token: input.token, apiUrl: input.apiUrl }, deps.log);
  let identity;
  try {
    identity = await client.auth.test();
  } catch (error) {
    throw slackRefusal(422, 'slack_token_refused', error);
  }
  if (!identity.team_id || !identity.bot_id) {
    throw new HttpError(422, 'slack_token_refused', 'This token is not a bot token of a Slack app');
  }
  return saveInstallation(deps.db, deps.secretKey, {
    workspaceId: input.workspaceId,
    teamId: identity.team_id,
    teamName: identity.team ?? '',
    botUserId: identity.user_id ?? null,
    botToken: input.token,
    // auth.test does not list scopes; what the token lacks shows as missing_scope later.
    scopes: [],
    installedVia: 'token',
    installedBy: input.userId,
    apiUrl: input.sandbox ? input.apiUrl : null,
  });
}

/** Removes the install and its member links; undelivered Slack posts end skipped. */
export async function uninstall(db: Queryable, workspaceId: string): Promise<boolean> {
  await db.query(`delete from slack_user_links where workspace_id = $1::uuid`, [workspaceId]);
  const { rowCount } = await db.query(
    `delete from slack_installations where workspace_id = $1::uuid`,
    [workspaceId],
  );
  return (rowCount ?? 0) > 0;
}

export interface SlackChannel {
  id: string;
  name: string;
  /** Whether the bot is in it: it can post only where it was invited. */
  isMember: boolean;
}

/** Pages the channel picker reads at most (1,000 per page): a bound on one request's work. */
const MAX_CHANNEL_PAGES = 10;

/** The team's public channels, all pages (conversations.list, cursor paging), by name. */
export async function listChannels(
  install: SlackInstallation,
  apiUrl: string,
  log?: Logger,
  pageSize = 1000,
): Promise<SlackChannel[]> {
  const client = slackClient({ token: install.botToken, apiUrl }, log);
  const channels: SlackChannel[] = [];
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_CHANNEL_PAGES; page += 1) {
      const answer = await client.conversations.list({
        types: 'public_channel',
        exclude_archived: true,
        limit: pageSize,
        ...(cursor ? { cursor } : {}),
      });
      for (const channel of answer.channels ?? []) {
        if (channel.id && channel.name) {
          channels.push({
            id: channel.id,
            name: channel.name,
            isMember: Boolean(channel.is_member),
          });
        }
      }
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
  } catch (error) {
    throw slackRefusal(502, 'slack_unavailable', error);
  }
  return channels.sort((a, b) => a.name.localeCompare(b.name));
}

/** Where skill results and anomaly alerts go; null turns the channel posts off. */
export async function setAlertsChannel(
  db: Queryable,
  workspaceId: string,
  channel: { id: string; name: string } | null,
): Promise<void> {
  await db.query(
    `update slack_installations
     set alerts_channel_id = $2::text, alerts_channel_name = $3::text, updated_at = now()
     where workspace_id = $1::uuid`,
    [workspaceId, channel?.id ?? null, channel?.name ?? null],
  );
}

/** The install as the settings panel shows it (never the token). */
export interface SlackStatus {
  installed: boolean;
  /** Whether "Add to Slack" can be offered (an OAuth app is configured, or the sandbox's). */
  oauthAvailable: boolean;
  teamId: string | null;
  teamName: string | null;
  botUserId: string | null;
  installedVia: 'oauth' | 'token' | null;
  scopes: string[];
  alertsChannel: { id: string; name: string | null } | null;
  installedAt: string | null;
}

export async function slackStatus(
  db: Queryable,
  secretKey: SecretKey,
  workspaceId: string,
  oauthAvailable: boolean,
): Promise<SlackStatus> {
  const install = await loadInstallation(db, secretKey, workspaceId);
  return {
    installed: Boolean(install),
    oauthAvailable,
    teamId: install?.teamId ?? null,
    teamName: install?.teamName ?? null,
    botUserId: install?.botUserId ?? null,
    installedVia: install?.installedVia ?? null,
    scopes: install?.scopes ?? [],
    alertsChannel: install?.alertsChannelId
      ? { id: install.alertsChannelId, name: install.alertsChannelName }
      : null,
    installedAt: install?.createdAt ?? null,
  };
}
