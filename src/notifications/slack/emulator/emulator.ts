import Fastify, { type FastifyInstance } from 'fastify';
import {
  DEFAULT_SLACK_SETTINGS,
  SlackFaults,
  SlackLimits,
  SlackRequestLog,
  type SlackSettings,
} from './controls.js';
import { registerControlRoutes } from './control-routes.js';
import type { SlackEnv } from './env.js';
import { click, Interactions, type ClickInput, type InteractionRecord } from './interactivity.js';
import { submitView, type SubmitInput } from './submit-view.js';
import { chatMethods } from './methods-chat.js';
import { directoryMethods } from './methods-directory.js';
import { oauthMethods, registerOAuthPage } from './oauth.js';
import { registerPage } from './page.js';
import { registerResponseUrls } from './response-url.js';
import {
  ALL_BOT_SCOPES,
  SLACK_EMULATOR_BOT_TOKEN,
  SlackStore,
  type SlackSnapshot,
  type SlackTeam,
  type SlackUser,
} from './store.js';
import { registerWebApi } from './web-api.js';

/** The app's credentials the emulator knows by default (Pandora's sandbox uses them). */
export const SLACK_EMULATOR_CLIENT_ID = '1000000001.2000000002';
export const SLACK_EMULATOR_CLIENT_SECRET = 'emulator-slack-client-secret';
export const SLACK_EMULATOR_SIGNING_SECRET = 'emulator-slack-signing-secret';
export { SLACK_EMULATOR_BOT_TOKEN };

/** The team the emulator starts with; fixed, so a restarted sandbox is the same team. */
export const DEFAULT_TEAM_ID = 'T0EMULATED';

export const DEFAULT_CHANNELS = [
  { name: 'general', purpose: 'Company-wide announcements' },
  { name: 'revops-alerts', purpose: 'CRM anomalies and skill results' },
  { name: 'sales', purpose: 'Deals and pipeline' },
];

export interface SlackEmulatorOptions {
  teamName?: string;
  /** The team's people (the sandbox passes the demo workspace's members). */
  users?: Array<{ email: string; name: string; isAdmin?: boolean }>;
  /** Public channels; #general, #revops-alerts and #sales by default. */
  channels?: Array<{ name: string; isPrivate?: boolean; purpose?: string }>;
  settings?: Partial<SlackSettings>;
  clientId?: string;
  clientSecret?: string;
  signingSecret?: string;
  /** The app's Interactivity Request URL (settable later by control). */
  requestUrl?: string;
  /**
   * A bot token the team already has, as if an admin had installed the app
   * (SLACK_EMULATOR_BOT_TOKEN by default); null for a team where only OAuth installs.
   */
  botToken?: string | null;
  botScopes?: string[];
  /** What an earlier run kept (`store.snapshot()`); the options' people and token are added to it. */
  snapshot?: SlackSnapshot;
  now?: () => Date;
}

export interface SlackEmulator {
  app: FastifyInstance;
  env: SlackEnv;
  store: SlackStore;
  settings: SlackSettings;
  faults: SlackFaults;
  log: SlackRequestLog;
  interactions: Interactions;
  /** The team the emulator starts with. */
  team: SlackTeam;
  botToken: string | null;
  /** The Web API's base for `new WebClient(token, { slackApiUrl })`: `${url}/api/`. */
  apiUrl(): string;
  addUser(input: { email: string; name: string; isAdmin?: boolean }, teamId?: string): SlackUser;
  setInteractivity(input: { requestUrl?: string | null; signingSecret?: string }): void;
  click(input: ClickInput): InteractionRecord;
  submitView(input: SubmitInput): InteractionRecord;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The Slack emulator: the Web API methods Pandora uses on Slack's paths and with its
 * envelope, OAuth v2, response URLs, signed interactions with Slack's retries, a page
 * showing the channels with clickable buttons, and controls under `/_emulator`.
 */
export async function createSlackEmulator(
  options: SlackEmulatorOptions = {},
): Promise<SlackEmulator> {
  const now = options.now ?? (() => new Date());
  const store = new SlackStore(now);
  let baseUrl = '';
  const env: SlackEnv = {
    store,
    settings: { ...DEFAULT_SLACK_SETTINGS, ...options.settings },
    faults: new SlackFaults(),
    limits: new SlackLimits(() => now().getTime()),
    log: new SlackRequestLog(),
    app: {
      clientId: options.clientId ?? SLACK_EMULATOR_CLIENT_ID,
      clientSecret: options.clientSecret ?? SLACK_EMULATOR_CLIENT_SECRET,
      requestUrl: options.requestUrl ?? null,
      signingSecret: options.signingSecret ?? SLACK_EMULATOR_SIGNING_SECRET,
    },
    triggers: new Map(),
    oauthCodes: new Map(),
    responseUrls: new Map(),
    now,
    baseUrl: () => baseUrl,
  };
  if (options.snapshot) store.restore(options.snapshot);
  const team =
    store.teams.get(DEFAULT_TEAM_ID) ??
    store.createTeam(options.teamName ?? 'Pandora Sandbox', DEFAULT_TEAM_ID);
  for (const channel of options.channels ?? DEFAULT_CHANNELS) {
    if (!store.channelByName(team.id, channel.name)) store.addChannel(team.id, channel);
  }
  (options.users ?? []).forEach((user, index) =>
    // The first person is the team's admin unless told otherwise.
    store.addUser(team.id, { ...user, isAdmin: user.isAdmin ?? index === 0 }),
  );
  const botToken = options.botToken === undefined ? SLACK_EMULATOR_BOT_TOKEN : options.botToken;
  if (botToken && !store.installs.has(botToken)) {
    store.install(team.id, { scopes: options.botScopes ?? ALL_BOT_SCOPES, token: botToken });
  }
  const interactions = new Interactions(env);

  const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
  registerWebApi(app, env, { ...directoryMethods(env), ...chatMethods(env), ...oauthMethods(env) });
  registerOAuthPage(app, env);
  registerResponseUrls(app, env);
  registerControlRoutes(app, env, interactions);
  registerPage(app, env, interactions);

  return {
    app,
    env,
    store,
    settings: env.settings,
    faults: env.faults,
    log: env.log,
    interactions,
    team,
    botToken,
    apiUrl: () => `${baseUrl}/api/`,
    addUser: (input, teamId = team.id) => store.addUser(teamId, input),
    setInteractivity(input) {
      if (input.requestUrl !== undefined) env.app.requestUrl = input.requestUrl;
      if (input.signingSecret !== undefined) env.app.signingSecret = input.signingSecret;
    },
    click: (input) => click(env, interactions, input),
    submitView: (input) => submitView(env, interactions, input),
    async listen(port = 0, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      baseUrl = address.replace('[::1]', '127.0.0.1');
      return baseUrl;
    },
    close: () => app.close(),
  };
}
