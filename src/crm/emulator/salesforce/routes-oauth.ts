import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SalesforceEnv } from './context.js';
import type { SfRecord } from './store.js';

const FORM = 'application/x-www-form-urlencoded';

type Form = Record<string, string | string[] | undefined>;

function field(form: Form, name: string): string | undefined {
  const value = form[name];
  return Array.isArray(value) ? value[0] : value;
}

function oauthError(reply: FastifyReply, error: string, description: string, status = 400) {
  return reply.code(status).send({ error, error_description: description });
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
  return match?.[1] ?? (request.query as { oauth_token?: string }).oauth_token;
}

function identityUrl(env: SalesforceEnv, userId: string): string {
  return `${env.ctx().baseUrl()}/services/id/${env.store.orgId}/${userId}`;
}

/** What the identity URL and the OpenID userinfo endpoint say about a user. */
function identity(env: SalesforceEnv, user: SfRecord) {
  const base = env.ctx().baseUrl();
  return {
    id: identityUrl(env, String(user.Id)),
    user_id: user.Id,
    organization_id: env.store.orgId,
    username: user.Username,
    display_name: user.Name,
    email: user.Email,
    first_name: user.FirstName,
    last_name: user.LastName,
    active: user.IsActive === true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    urls: {
      rest: `${base}/services/data/v{version}/`,
      sobjects: `${base}/services/data/v{version}/sobjects/`,
      query: `${base}/services/data/v{version}/query/`,
      profile: `${base}/${user.Id}`,
    },
  };
}

/**
 * OAuth 2.0 web-server flow as Salesforce runs it: `/services/oauth2/authorize`
 * consents at once (the demo has no login page) and redirects with a code; the token
 * endpoint takes that code or a refresh token, checking the connected app's client
 * id and secret; `revoke`, `userinfo` and the identity URL complete the set.
 */
export function registerOauthRoutes(scope: FastifyInstance, env: SalesforceEnv): void {
  if (!scope.hasContentTypeParser(FORM)) {
    scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
  }
  const nowMs = () => env.ctx().now().getTime();
  const users = () => env.store.table('User');

  scope.get('/oauth2/authorize', async (request, reply) => {
    const query = request.query as Form;
    const clientId = field(query, 'client_id');
    const redirectUri = field(query, 'redirect_uri');
    if (clientId !== env.options.clientId) {
      return oauthError(reply, 'invalid_client_id', 'client identifier invalid');
    }
    if (!redirectUri || field(query, 'response_type') !== 'code') {
      return oauthError(
        reply,
        'invalid_request',
        'redirect_uri and response_type=code are required',
      );
    }
    // `login_hint` picks the user who "logs in"; otherwise the API user consents.
    const hint = field(query, 'login_hint')?.toLowerCase();
    const user = hint
      ? [...users().values()].find(
          (u) =>
            String(u.Username).toLowerCase() === hint || String(u.Email).toLowerCase() === hint,
        )
      : undefined;
    const code = env.auth.createCode(
      clientId,
      redirectUri,
      String(user?.Id ?? env.auth.apiUserId),
      nowMs(),
    );
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = field(query, 'state');
    if (state !== undefined) target.searchParams.set('state', state);
    return reply.redirect(target.toString(), 302);
  });

  scope.post('/oauth2/token', async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const clientId = field(form, 'client_id');
    if (clientId !== env.options.clientId) {
      return oauthError(reply, 'invalid_client_id', 'client identifier invalid');
    }
    if (field(form, 'client_secret') !== env.options.clientSecret) {
      return oauthError(reply, 'invalid_client', 'invalid client credentials');
    }
    const grantType = field(form, 'grant_type');
    let userId: string;
    let refreshToken: string;
    let issueRefresh = false;
    if (grantType === 'authorization_code') {
      const code = env.auth.takeCode(field(form, 'code') ?? '', nowMs());
      if (!code || code.clientId !== clientId) {
        return oauthError(reply, 'invalid_grant', 'authentication failure');
      }
      if (code.redirectUri !== field(form, 'redirect_uri')) {
        return oauthError(reply, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
      }
      userId = code.userId;
      refreshToken = env.auth.grant(userId, clientId).token;
      issueRefresh = true;
    } else if (grantType === 'refresh_token') {
      const grant = env.auth.refreshGrant(field(form, 'refresh_token') ?? '');
      if (!grant || grant.clientId !== clientId) {
        return oauthError(reply, 'invalid_grant', 'expired access/refresh token');
      }
      userId = grant.userId;
      refreshToken = grant.token;
    } else {
      return oauthError(reply, 'unsupported_grant_type', 'grant type not supported');
    }
    const user = users().get(userId);
    if (!user || user.IsActive !== true)
      return oauthError(reply, 'inactive_user', 'user is inactive');
    const access = env.auth.issueAccess(userId, refreshToken, nowMs());
    const id = identityUrl(env, userId);
    const issuedAt = String(nowMs());
    const signature = createHmac('sha256', env.options.clientSecret)
      .update(id + issuedAt)
      .digest('base64');
    return {
      access_token: access.token,
      ...(issueRefresh ? { refresh_token: refreshToken } : {}),
      signature,
      scope: 'api id refresh_token',
      instance_url: env.ctx().baseUrl(),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  });

  scope.post('/oauth2/revoke', async (request, reply) => {
    const form = { ...((request.body ?? {}) as Form), ...(request.query as Form) };
    if (env.auth.revoke(field(form, 'token') ?? '') === 0) {
      return oauthError(reply, 'unsupported_token_type', 'this token type is not supported');
    }
    return reply.code(200).send();
  });

  // Salesforce answers a bad token here with a bare 403 rather than INVALID_SESSION_ID.
  const sessionUser = (request: FastifyRequest, reply: FastifyReply) => {
    const session = env.auth.validate(bearer(request) ?? '', nowMs());
    const user = session ? users().get(session.userId) : undefined;
    if (!user) {
      void reply.code(403).type('text/plain').send('Bad_OAuth_Token');
      return undefined;
    }
    return user;
  };

  scope.get('/oauth2/userinfo', async (request, reply) => {
    const user = sessionUser(request, reply);
    if (!user) return reply;
    const info = identity(env, user);
    return {
      sub: info.id,
      user_id: info.user_id,
      organization_id: info.organization_id,
      preferred_username: info.username,
      nickname: String(user.Alias ?? ''),
      name: info.display_name,
      email: info.email,
      email_verified: true,
      given_name: info.first_name,
      family_name: info.last_name,
      zoneinfo: 'Etc/UTC',
      active: info.active,
      user_type: info.user_type,
      language: info.language,
      locale: info.locale,
      utcOffset: info.utcOffset,
      urls: info.urls,
    };
  });

  scope.get<{ Params: { orgId: string; userId: string } }>(
    '/id/:orgId/:userId',
    async (request, reply) => {
      const user = sessionUser(request, reply);
      if (!user) return reply;
      if (request.params.orgId !== env.store.orgId || request.params.userId !== user.Id) {
        return reply.code(403).type('text/plain').send('Bad_Id');
      }
      return identity(env, user);
    },
  );
}
