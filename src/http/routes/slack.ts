import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../errors.js';
import { loadInstallation } from '../../notifications/slack/client.js';
import {
  completeOAuthInstall,
  installWithToken,
  listChannels,
  openInstallState,
  sealInstallState,
  setAlertsChannel,
  slackAuthorizeUrl,
  slackStatus,
  uninstall,
  type SlackApp,
} from '../../notifications/slack/install.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { errorResponses, strictObject } from '../schemas.js';

const tags = ['slack'];

const SlackStatusSchema = Type.Object({
  installed: Type.Boolean(),
  oauthAvailable: Type.Boolean({
    description:
      'Whether "Add to Slack" is offered: an OAuth app is configured, or the sandbox runs',
  }),
  teamId: Type.Union([Type.String(), Type.Null()]),
  teamName: Type.Union([Type.String(), Type.Null()]),
  botUserId: Type.Union([Type.String(), Type.Null()]),
  installedVia: Type.Union([Type.Literal('oauth'), Type.Literal('token'), Type.Null()]),
  scopes: Type.Array(Type.String()),
  alertsChannel: Type.Union([
    Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  installedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const ChannelSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isMember: Type.Boolean({ description: 'Whether the bot is in it (it posts only where invited)' }),
});

/**
 * Slack for a workspace: its status, "Add to Slack" (OAuth v2) or a pasted bot token,
 * removing it, and the channel skill results and anomaly alerts go to. The logic is in
 * src/notifications/slack/install.ts.
 */
export function slackRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { config } = ctx;
  const publicUrl = () => config.publicUrl ?? `http://${config.host}:${config.port}`;
  const redirectUri = () => `${publicUrl()}/api/slack/oauth/callback`;
  /** The configured Slack app; else, while the sandbox runs, its Slack emulator's. */
  const oauthApp = (): SlackApp | undefined => {
    if (config.slackClientId && config.slackClientSecret) {
      return {
        clientId: config.slackClientId,
        clientSecret: config.slackClientSecret,
        apiUrl: config.slackApiUrl,
        sandbox: false,
      };
    }
    if (ctx.slackSandbox && !config.slackClientId) return { ...ctx.slackSandbox, sandbox: true };
    return undefined;
  };
  const requireOAuthApp = (): SlackApp => {
    const app = oauthApp();
    if (!app) {
      throw new HttpError(
        409,
        'slack_oauth_not_configured',
        'No Slack app is configured on this server (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET); paste a bot token instead',
      );
    }
    return app;
  };
  /** Where a pasted token is checked: the sandbox's Slack when no Slack app is configured. */
  const tokenSlack = () =>
    ctx.slackSandbox && !config.slackClientId
      ? { apiUrl: ctx.slackSandbox.apiUrl, sandbox: true }
      : { apiUrl: config.slackApiUrl, sandbox: false };
  const installed = async (workspaceId: string) => {
    const install = await loadInstallation(ctx.pool, ctx.secretKey, workspaceId);
    if (!install) {
      throw new HttpError(409, 'slack_not_installed', 'Slack is not installed in this workspace');
    }
    return install;
  };
  const status = (workspaceId: string) =>
    slackStatus(ctx.pool, ctx.secretKey, workspaceId, Boolean(oauthApp()));

  return async (app) => {
    const base = '/api/workspaces/:workspaceId/slack';

    app.get(
      base,
      {
        schema: {
          operationId: 'getSlackInstallation',
          tags,
          summary: 'Get the Slack install',
          description: 'Whether Slack is installed, in which team, and where alerts are posted.',
          response: { 200: SlackStatusSchema },
        },
      },
      async (request) => status(request.access.workspaceId),
    );

    app.post(
      `${base}/install`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'startSlackInstallation',
          tags,
          summary: 'Start adding Slack',
          description:
            '"Add to Slack": returns Slack\'s consent URL (OAuth v2, bot scopes only) with a signed state valid 10 minutes. Console sessions only: the browser coming back must be the same person.',
          response: { 200: Type.Object({ authorizeUrl: Type.String() }), ...errorResponses(409) },
        },
      },
      async (request) => {
        const userId = requireUser(request);
        const slack = requireOAuthApp();
        const state = sealInstallState(ctx.secretKey, {
          workspaceId: request.access.workspaceId,
          userId,
        });
        return { authorizeUrl: slackAuthorizeUrl(slack, redirectUri(), state) };
      },
    );

    app.get(
      '/api/slack/oauth/callback',
      {
        schema: {
          operationId: 'completeSlackInstallation',
          tags,
          summary: 'Complete adding Slack',
          description:
            "Where Slack sends the browser back after consent: the code is traded for the bot token, and the browser goes to the workspace's Slack settings.",
          querystring: Type.Object({
            code: Type.Optional(Type.String({ maxLength: 2_000 })),
            state: Type.String({ minLength: 1, maxLength: 4_000 }),
            error: Type.Optional(Type.String({ maxLength: 500 })),
          }),
          response: { 302: Type.Null(), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const state = openInstallState(ctx.secretKey, request.query.state);
        if (requireUser(request) !== state.userId) {
          throw new HttpError(403, 'forbidden', 'This Slack sign-in was started by someone else');
        }
        const back = (params: Record<string, string>) =>
          reply.redirect(
            `/w/${state.workspaceId}/settings?${new URLSearchParams({ tab: 'slack', ...params })}`,
            302,
          );
        if (request.query.error || !request.query.code) {
          return back({ error: `Slack: ${request.query.error ?? 'no code came back'}` });
        }
        // Still an admin of that workspace now, not only when the link was made.
        const { rows } = await ctx.pool.query<{ role: string }>(
          `select role from memberships where workspace_id = $1::uuid and user_id = $2::uuid`,
          [state.workspaceId, state.userId],
        );
        if (rows[0]?.role !== 'admin') {
          throw new HttpError(403, 'forbidden', 'Only workspace admins can add Slack');
        }
        try {
          await completeOAuthInstall(
            { db: ctx.pool, secretKey: ctx.secretKey, log: ctx.log },
            requireOAuthApp(),
            {
              workspaceId: state.workspaceId,
              userId: state.userId,
              code: request.query.code,
              redirectUri: redirectUri(),
            },
          );
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          return back({ error: error.message });
        }
        return back({ installed: 'slack' });
      },
    );

    app.post(
      `${base}/token`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'connectSlackToken',
          tags,
          summary: 'Install Slack with a bot token',
          description:
            "Installs with a bot token (xoxb-...) of a Slack app the admin made, checked with Slack's auth.test; it is stored encrypted.",
          body: strictObject({ token: Type.String({ minLength: 1, maxLength: 500 }) }),
          response: { 200: SlackStatusSchema, ...errorResponses(422) },
        },
      },
      async (request) => {
        const { workspaceId, userId } = request.access;
        await installWithToken(
          { db: ctx.pool, secretKey: ctx.secretKey, log: ctx.log },
          { workspaceId, userId, token: request.body.token.trim(), ...tokenSlack() },
        );
        return status(workspaceId);
      },
    );

    app.delete(
      base,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'disconnectSlack',
          tags,
          summary: 'Remove Slack',
          description:
            'Forgets the bot token and the member links; Slack posts not yet delivered end skipped.',
          response: { 200: SlackStatusSchema },
        },
      },
      async (request) => {
        await uninstall(ctx.pool, request.access.workspaceId);
        return status(request.access.workspaceId);
      },
    );

    app.get(
      `${base}/channels`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'listSlackChannels',
          tags,
          summary: 'List Slack channels',
          description:
            "The team's public channels, by name, for picking where alerts go; the bot posts only in channels it was invited to.",
          response: {
            200: Type.Object({ channels: Type.Array(ChannelSchema) }),
            ...errorResponses(409, 502),
          },
        },
      },
      async (request) => {
        const install = await installed(request.access.workspaceId);
        const apiUrl = install.apiUrl ?? config.slackApiUrl;
        return { channels: await listChannels(install, apiUrl, ctx.log) };
      },
    );

    app.put(
      `${base}/alerts-channel`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'setSlackAlertsChannel',
          tags,
          summary: 'Set the Slack alerts channel',
          description:
            'Where skill results and anomaly alerts are posted (a public channel id); null stops the channel posts.',
          body: strictObject({
            channelId: Type.Union([Type.String({ pattern: '^[A-Z0-9]{2,40}$' }), Type.Null()]),
          }),
          response: { 200: SlackStatusSchema, ...errorResponses(409, 422, 502) },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        const install = await installed(workspaceId);
        const { channelId } = request.body;
        if (channelId === null) {
          await setAlertsChannel(ctx.pool, workspaceId, null);
          return status(workspaceId);
        }
        const apiUrl = install.apiUrl ?? config.slackApiUrl;
        const channel = (await listChannels(install, apiUrl, ctx.log)).find(
          (c) => c.id === channelId,
        );
        if (!channel) {
          throw new HttpError(
            422,
            'slack_channel_not_found',
            `No public channel ${channelId} in ${install.teamName || 'this Slack team'}`,
            [{ field: 'channelId', message: 'not a public channel of the team' }],
          );
        }
        await setAlertsChannel(ctx.pool, workspaceId, channel);
        return status(workspaceId);
      },
    );
  };
}
