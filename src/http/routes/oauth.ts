import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { checkConnection } from '../../crm/connection-check.js';
import { CrmError } from '../../crm/errors.js';
import {
  exchangeHubspotCode,
  hubspotAuthorizeUrl,
  HUBSPOT_SCOPES,
} from '../../crm/hubspot/index.js';
import { crmOutboundPolicy } from '../../crm/outbound.js';
import type { CrmType } from '../../crm/port.js';
import { exchangeSalesforceCode, salesforceAuthorizeUrl } from '../../crm/salesforce/index.js';
import { HttpError } from '../../errors.js';
import { checkOutboundUrl, OutboundUrlError } from '../../net/outbound-url.js';
import { enqueue } from '../../jobs/queue.js';
import { createConnection } from '../../tenancy/connections.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { errorResponses, strictObject } from '../schemas.js';

interface OAuthState {
  workspaceId: string;
  userId: string;
  crmType: CrmType;
  name: string;
  tier?: string;
  /** Epoch ms after which the state is refused. */
  expires: number;
  nonce: string;
}

const STATE_TTL_MS = 10 * 60_000;
const CrmTypeSchema = Type.Union([Type.Literal('hubspot'), Type.Literal('salesforce')]);

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(`oauth-state:${payload}`).digest('base64url');
}

/** `payload.signature`, both base64url: the callback trusts nothing it did not sign. */
export function sealState(key: Buffer, state: OAuthState): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

export function openState(key: Buffer, sealed: string, now = Date.now()): OAuthState {
  const [payload = '', signature = ''] = sealed.split('.');
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new HttpError(400, 'invalid_oauth_state', 'The sign-in link is not valid; start again');
  }
  const state = JSON.parse(Buffer.from(payload, 'base64url').toString()) as OAuthState;
  if (state.expires < now) {
    throw new HttpError(400, 'invalid_oauth_state', 'The sign-in took too long; start again');
  }
  return state;
}

/**
 * "Sign in with HubSpot/Salesforce": the OAuth authorization-code flow. `start`
 * returns the CRM's consent URL with a signed state naming the workspace, the user
 * and the connection to create; the CRM sends the browser back to `callback`, which
 * trades the code for tokens, stores them encrypted, tests the connection, queues
 * its first sync and sends the browser to the console.
 */
export function oauthRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const { config } = ctx;
  const outbound = ctx.outbound ?? crmOutboundPolicy(config);
  const publicUrl = () => config.publicUrl ?? `http://${config.host}:${config.port}`;
  const redirectUri = (crmType: CrmType) => `${publicUrl()}/api/oauth/${crmType}/callback`;
  const app = (crmType: CrmType) => {
    const clientId = crmType === 'hubspot' ? config.hubspotClientId : config.salesforceClientId;
    const clientSecret =
      crmType === 'hubspot' ? config.hubspotClientSecret : config.salesforceClientSecret;
    if (!clientId || !clientSecret) {
      throw new HttpError(
        409,
        'oauth_not_configured',
        `No ${crmType === 'hubspot' ? 'HubSpot' : 'Salesforce'} OAuth app is configured on this server (${crmType === 'hubspot' ? 'HUBSPOT' : 'SALESFORCE'}_CLIENT_ID and _CLIENT_SECRET); connect with a token instead`,
      );
    }
    return { clientId, clientSecret };
  };

  return async (server) => {
    server.post(
      '/api/workspaces/:workspaceId/connections/oauth/start',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'startOAuthConnection',
          tags: ['connections'],
          summary: 'Start an OAuth connection',
          description: "Start connecting a CRM by OAuth: returns the CRM's consent URL.",
          body: strictObject({
            crmType: CrmTypeSchema,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            tier: Type.Optional(
              Type.Union(
                ['free', 'starter', 'professional', 'enterprise'].map((t) => Type.Literal(t)),
              ),
            ),
          }),
          response: {
            200: Type.Object({ authorizeUrl: Type.String() }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        const userId = requireUser(request);
        const { crmType } = request.body;
        const { clientId } = app(crmType);
        const state = sealState(ctx.secretKey, {
          workspaceId: request.access.workspaceId,
          userId,
          crmType,
          name: request.body.name,
          tier: request.body.tier,
          expires: Date.now() + STATE_TTL_MS,
          nonce: randomBytes(12).toString('base64url'),
        });
        const authorizeUrl =
          crmType === 'hubspot'
            ? hubspotAuthorizeUrl({
                clientId,
                redirectUri: redirectUri(crmType),
                scopes: HUBSPOT_SCOPES,
                state,
                authBase: config.hubspotAuthBase,
              })
            : salesforceAuthorizeUrl({
                loginUrl: config.salesforceLoginUrl,
                clientId,
                redirectUri: redirectUri(crmType),
                state,
              });
        return { authorizeUrl };
      },
    );

    server.get(
      '/api/oauth/:crmType/callback',
      {
        schema: {
          operationId: 'completeOAuthConnection',
          tags: ['connections'],
          summary: 'Complete an OAuth connection',
          description: 'Where the CRM sends the browser back after consent.',
          params: Type.Object({ crmType: CrmTypeSchema }),
          querystring: Type.Object({
            code: Type.Optional(Type.String({ maxLength: 2_000 })),
            state: Type.String({ minLength: 1, maxLength: 4_000 }),
            error: Type.Optional(Type.String({ maxLength: 500 })),
            error_description: Type.Optional(Type.String({ maxLength: 2_000 })),
          }),
          response: { 302: Type.Null(), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const state = openState(ctx.secretKey, request.query.state);
        // The browser coming back must be the person who started.
        if (requireUser(request) !== state.userId || state.crmType !== request.params.crmType) {
          throw new HttpError(403, 'forbidden', 'This sign-in was started by someone else');
        }
        const back = (params: Record<string, string>) =>
          reply.redirect(
            `/w/${state.workspaceId}/settings?${new URLSearchParams({ tab: 'connections', ...params })}`,
            302,
          );
        if (request.query.error || !request.query.code) {
          return back({
            error: request.query.error_description ?? request.query.error ?? 'No code came back',
          });
        }
        const { clientId, clientSecret } = app(state.crmType);
        let credentials: Record<string, unknown>;
        try {
          credentials =
            state.crmType === 'hubspot'
              ? ({
                  ...(await exchangeHubspotCode({
                    code: request.query.code,
                    clientId,
                    clientSecret,
                    redirectUri: redirectUri('hubspot'),
                    basePath: config.hubspotApiBase,
                  })),
                } as unknown as Record<string, unknown>)
              : ((
                  await exchangeSalesforceCode({
                    loginUrl: config.salesforceLoginUrl,
                    clientId,
                    clientSecret,
                    redirectUri: redirectUri('salesforce'),
                    code: request.query.code,
                  })
                ).credentials as unknown as Record<string, unknown>);
          // Salesforce names the org's instance in its answer: Pandora will send the
          // tokens there, so it must be a Salesforce domain like any URL a user types.
          if (state.crmType === 'salesforce') {
            await checkOutboundUrl(String(credentials.instanceUrl), {
              purpose: 'salesforce',
              field: 'instance_url',
              policy: outbound,
            });
          }
        } catch (error) {
          if (error instanceof OutboundUrlError) {
            return back({ error: `Pandora refused the CRM's answer: ${error.message}` });
          }
          if (!(error instanceof CrmError)) throw error;
          return back({ error: `The CRM refused the sign-in: ${error.message}` });
        }
        const created = await createConnection(ctx.pool, ctx.secretKey, {
          workspaceId: state.workspaceId,
          crmType: state.crmType,
          name: state.name,
          credentials,
          metadata:
            state.crmType === 'hubspot'
              ? {
                  appType: 'public',
                  tier: state.tier ?? 'free',
                  ...(config.hubspotApiBase ? { baseUrl: config.hubspotApiBase } : {}),
                }
              : {},
        });
        const connection = await checkConnection(
          { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log, outbound },
          state.workspaceId,
          created.id,
        );
        if (connection.status === 'connected') {
          await enqueue(
            ctx.pool,
            'crm.sync',
            {
              workspaceId: state.workspaceId,
              connectionId: created.id,
              mode: 'full',
              trigger: 'connect',
            },
            { jobKey: `crm.sync:${created.id}`, maxAttempts: 3 },
          );
          return back({ connected: created.id });
        }
        return back({ error: connection.statusMessage ?? 'The connection test failed' });
      },
    );
  };
}
