import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HubspotEnv } from './context.js';

const FORM = 'application/x-www-form-urlencoded';

/** HubSpot's OAuth errors: `{status: "BAD_REFRESH_TOKEN", message, correlationId}` with 400. */
function oauthError(reply: FastifyReply, status: string, message: string, code = 400) {
  return reply.code(code).send({ status, message, correlationId: randomUUID() });
}

/**
 * OAuth 2.0 as HubSpot runs it: `/oauth/authorize` (on app.hubspot.com in real life)
 * consents at once and redirects with a code, `/oauth/v1/token` trades codes and
 * refresh tokens for 30-minute access tokens, `/oauth/v1/access-tokens/{token}`
 * describes one. HubSpot refresh tokens do not rotate: a refresh returns the same one.
 */
export function registerOauthRoutes(app: FastifyInstance, env: HubspotEnv): void {
  const { auth, options } = env;
  const nowMs = () => env.ctx().now().getTime();

  app.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/oauth/authorize',
    async (request, reply) => {
      const { client_id: clientId, redirect_uri: redirectUri, scope, state } = request.query;
      if (clientId !== options.clientId) {
        return reply
          .code(400)
          .type('text/plain')
          .send(`Unknown client_id ${clientId ?? ''}`);
      }
      let target: URL;
      try {
        target = new URL(redirectUri ?? '');
      } catch {
        return reply.code(400).type('text/plain').send('redirect_uri must be an absolute URL');
      }
      const scopes = (scope ?? '').split(/[\s+]+/).filter(Boolean);
      target.searchParams.set('code', auth.issueCode(clientId, target.toString(), scopes, nowMs()));
      if (state !== undefined) target.searchParams.set('state', state);
      return reply.redirect(target.toString(), 302);
    },
  );

  app.post('/oauth/v1/token', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    if (form.client_id !== options.clientId) {
      return oauthError(reply, 'BAD_CLIENT_ID', 'missing or invalid client_id');
    }
    if (form.client_secret !== options.clientSecret) {
      return oauthError(reply, 'BAD_CLIENT_SECRET', 'missing or invalid client_secret');
    }
    let refresh;
    if (form.grant_type === 'authorization_code') {
      const code = auth.takeCode(form.code ?? '', nowMs());
      if (!code || code.clientId !== form.client_id) {
        return oauthError(reply, 'BAD_AUTH_CODE', 'missing or unknown auth code');
      }
      if (code.redirectUri !== new URL(form.redirect_uri ?? '', 'http://invalid').toString()) {
        return oauthError(
          reply,
          'BAD_REDIRECT_URI',
          'redirect_uri does not match the one authorized',
        );
      }
      refresh = auth.grant(code.clientId, code.scopes);
    } else if (form.grant_type === 'refresh_token') {
      refresh = auth.refreshToken(form.refresh_token ?? '');
      if (!refresh || refresh.clientId !== form.client_id) {
        return oauthError(reply, 'BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
      }
    } else {
      return oauthError(reply, 'BAD_GRANT_TYPE', `unsupported grant_type ${form.grant_type ?? ''}`);
    }
    const access = auth.issueAccess(refresh, nowMs());
    return {
      token_type: 'bearer',
      refresh_token: refresh.token,
      access_token: access.token,
      expires_in: auth.ttlSeconds,
    };
  });

  app.get<{ Params: { token: string } }>(
    '/oauth/v1/access-tokens/:token',
    async (request, reply) => {
      const verdict = auth.check(request.params.token, nowMs());
      if (!verdict.ok || verdict.kind !== 'oauth') {
        return oauthError(
          reply,
          'BAD_ACCESS_TOKEN',
          'missing, expired or unknown access token',
          404,
        );
      }
      const info = auth.accessInfo(request.params.token)!;
      return {
        token: info.token,
        user: env.store.owners[0]?.email ?? 'api@emulator.invalid',
        hub_domain: 'emulator.hubspot.invalid',
        scopes: info.scopes,
        hub_id: env.store.portalId,
        app_id: 1,
        expires_in: Math.max(0, Math.floor((info.expiresAt - nowMs()) / 1000)),
        user_id: env.store.owners[0]?.userId ?? 1,
        token_type: 'access',
      };
    },
  );
}
