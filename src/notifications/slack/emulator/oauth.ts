/**
 * OAuth v2 as Slack runs it for "Add to Slack": `/oauth/v2/authorize` (here the
 * person always allows at once, so it redirects straight back with `code` and
 * `state`) and `oauth.v2.access`, which exchanges the code for a bot token once the
 * app proves itself with its client id and secret.
 */
import type { FastifyInstance } from 'fastify';
import type { SlackEnv } from './env.js';
import { randomHex } from './store.js';
import { SlackApiError, type MethodSpec } from './web-api.js';

/** Slack's codes are good for ten minutes, once. */
const CODE_TTL_MS = 10 * 60_000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function registerOAuthPage(app: FastifyInstance, env: SlackEnv): void {
  app.get('/oauth/v2/authorize', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const refuse = (error: string) =>
      reply
        .code(400)
        .type('text/html')
        .send(
          `<!doctype html><title>Slack</title><p>Something went wrong: ${escapeHtml(error)}</p>`,
        );
    if (query.client_id !== env.app.clientId) return refuse('invalid_client_id');
    const redirectUri = query.redirect_uri;
    if (!redirectUri || !/^https?:\/\//.test(redirectUri)) return refuse('bad_redirect_uri');
    const scopes = (query.scope ?? '').split(/[,\s]+/).filter(Boolean);
    if (scopes.length === 0 && !query.user_scope) return refuse('invalid_scope');
    const team = env.store.teams.get(query.team ?? '') ?? [...env.store.teams.values()][0];
    if (!team) return refuse('team_not_found');
    const back = new URL(redirectUri);
    if (query.state !== undefined) back.searchParams.set('state', query.state);
    // The emulator's own switch for the person pressing "Cancel".
    if (query.emulator_deny) {
      back.searchParams.set('error', 'access_denied');
      return reply.redirect(back.toString());
    }
    const people = env.store.teamUsers(team.id).filter((user) => !user.isBot && !user.deleted);
    const wanted = query.emulator_user;
    const installer =
      people.find((user) => user.id === wanted || user.email === wanted?.toLowerCase()) ??
      people.find((user) => user.isAdmin) ??
      people[0];
    const code = `${Date.now()}.${randomHex(16)}`;
    env.oauthCodes.set(code, {
      code,
      teamId: team.id,
      scopes,
      userId: installer?.id ?? null,
      redirectUri,
      expiresAt: env.now().getTime() + CODE_TTL_MS,
      used: false,
    });
    back.searchParams.set('code', code);
    return reply.redirect(back.toString());
  });
}

export function oauthMethods(env: SlackEnv): Record<string, MethodSpec> {
  return {
    'oauth.v2.access': {
      tier: 4,
      noToken: true,
      handle({ args, request }) {
        let clientId = args.str('client_id');
        let clientSecret = args.str('client_secret');
        const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
        if (basic) {
          const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
          clientId ??= id;
          clientSecret ??= secret;
        }
        if (clientId !== env.app.clientId) throw new SlackApiError('invalid_client_id');
        if (clientSecret !== env.app.clientSecret) throw new SlackApiError('bad_client_secret');
        const code = env.oauthCodes.get(args.required('code', 'invalid_code'));
        if (!code || env.now().getTime() > code.expiresAt) throw new SlackApiError('invalid_code');
        if (code.used) throw new SlackApiError('code_already_used');
        const redirectUri = args.str('redirect_uri');
        if (redirectUri !== undefined && redirectUri !== code.redirectUri) {
          throw new SlackApiError('bad_redirect_uri');
        }
        code.used = true;
        const team = env.store.teams.get(code.teamId)!;
        const install = env.store.install(team.id, {
          scopes: code.scopes,
          authedUserId: code.userId,
        });
        return {
          app_id: install.appId,
          authed_user: { id: code.userId },
          scope: install.scopes.join(','),
          token_type: 'bot',
          access_token: install.token,
          bot_user_id: install.botUserId,
          team: { id: team.id, name: team.name },
          enterprise: null,
          is_enterprise_install: false,
        };
      },
    },
  };
}
