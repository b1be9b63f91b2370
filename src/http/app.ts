import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import { loadMigrations } from '../db/migrate.js';
import { registerGraphQL } from '../graphql/plugin.js';
import { webDistDir } from '../paths.js';
import { SESSION_COOKIE } from '../tenancy/sessions.js';
import { resolvePrincipal } from './auth.js';
import {
  crossSiteRefusal,
  registerSecurityHeaders,
  requestLogSerializer,
} from './browser-safety.js';
import type { AppContext } from './context.js';
import {
  answerClientError,
  answerFrameworkError,
  errorBody,
  installErrorHandling,
} from './error-handler.js';
import { API_TAGS, serverUrl } from './openapi-info.js';
import { isApiPath, registerRateLimit } from './rate-limit.js';
import { actionRoutes } from './routes/actions.js';
import { agentRunRoutes } from './routes/agent-runs.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { authRoutes, createLoginAttempts } from './routes/auth.js';
import { connectRoutes } from './routes/connect.js';
import { conversationGapRoutes } from './routes/conversation-gaps.js';
import { conversationRoutes } from './routes/conversations.js';
import { internalDomainRoutes } from './routes/internal-domains.js';
import { repManagerRoutes } from './routes/rep-managers.js';
import { oauthRoutes } from './routes/oauth.js';
import { connectionRoutes } from './routes/connections.js';
import { conversationHookRoutes } from './routes/conversation-hooks.js';
import { conversationSourceConnectRoutes } from './routes/conversation-source-connect.js';
import { conversationSourceRoutes } from './routes/conversation-sources.js';
import { conversationUploadRoutes } from './routes/conversation-upload.js';
import { conversationCreateDealRoutes } from './routes/conversations-create-deal.js';
import { crmRoutes } from './routes/crm.js';
import { healthRoutes } from './routes/health.js';
import { inboxRoutes } from './routes/inbox.js';
import { notificationEmailRoutes } from './routes/notification-email.js';
import { notificationRoutes } from './routes/notifications.js';
import { invitationRoutes } from './routes/invitations.js';
import { writebackRoutes } from './routes/writeback.js';
import { policyRoutes } from './routes/policies.js';
import { pushRoutes } from './routes/push.js';
import { agentRoutes } from './routes/agents.js';
import { activityRoutes } from './routes/activity.js';
import { anomalyRoutes } from './routes/anomalies.js';
import { flowRoutes } from './routes/flows.js';
import { flowRunRoutes } from './routes/flow-runs.js';
import { flowStepUndoRoutes } from './routes/flow-step-undo.js';
import { flowSecretRoutes } from './routes/flow-secrets.js';
import { boardRoutes } from './routes/boards.js';
import { flowHookRoutes, flowWebhookSecretRoutes } from './routes/flow-hooks.js';
import { automationRoutes } from './routes/automations.js';
import { recordRoutes } from './routes/records.js';
import { dealRoutes } from './routes/deals.js';
import { skillRoutes } from './routes/skills.js';
import { slackInteractionRoutes } from './routes/slack-interactions.js';
import { slackRoutes } from './routes/slack.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { ErrorBody } from './schemas.js';
import { addSharedSchema, validatorCompiler } from './validation.js';
import { installSharedResponses } from './shared-responses.js';
import { installWorkspaceScope } from './workspace-scope.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const BODY_LIMIT_BYTES = 1024 * 1024;

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** Builds the HTTP server: REST under /api, GraphQL, OpenAPI, health, and the console. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log.child(
      {},
      { serializers: { req: requestLogSerializer } },
    ) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep a caller's request id when it is sane, so logs line up across services.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // A hop count as Fastify itself reads one (its types only take the other forms).
    trustProxy:
      typeof ctx.config.trustProxy === 'number'
        ? trustHops(ctx.config.trustProxy)
        : ctx.config.trustProxy,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  addSharedSchema(ErrorBody);
  app.addSchema(ErrorBody);
  installErrorHandling(app);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  await registerSecurityHeaders(app);
  app.addHook('onRequest', async (request) => {
    const refusal = crossSiteRefusal(request, ctx.config.publicUrl);
    if (refusal) throw refusal;
  });

  await app.register(fastifyCookie);
  app.decorateRequest('principal', undefined);
  // A credential that fails is refused only after the rate limiter has counted the
  // request against its address, so guessing keys spends a budget like anything else.
  const authFailures = new WeakMap<FastifyRequest, unknown>();
  app.addHook('onRequest', async (request) => {
    if (!isApiPath(request.url)) return;
    try {
      request.principal = await resolvePrincipal(ctx.pool, request.headers, request.cookies);
    } catch (error) {
      authFailures.set(request, error);
    }
  });
  await registerRateLimit(app, ctx.config.apiRateLimit);
  app.addHook('preParsing', async (request) => {
    if (authFailures.has(request)) throw authFailures.get(request);
  });
  installWorkspaceScope(app, ctx.pool);
  installSharedResponses(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pandora API',
        version: '0.1.0',
        description:
          'Change your CRM safely. Authenticate with `Authorization: Bearer <API key>` ' +
          '(Settings > API keys) or a console session cookie.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: serverUrl(ctx.config) }],
      tags: API_TAGS,
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'A Pandora API key (pk_...)' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The console session, set by logging in',
          },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`),
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const latestMigration = (await loadMigrations()).at(-1)?.id ?? 0;
  await app.register(healthRoutes(ctx, latestMigration));
  // One per-email budget of password tries, whichever form they come through.
  const loginAttempts = createLoginAttempts(ctx.config);
  await app.register(authRoutes(ctx, loginAttempts));
  await app.register(workspaceRoutes(ctx));
  await app.register(invitationRoutes(ctx, loginAttempts));
  await app.register(apiKeyRoutes(ctx));
  await app.register(connectionRoutes(ctx));
  await app.register(crmRoutes(ctx));
  await app.register(connectRoutes(ctx));
  await app.register(oauthRoutes(ctx));
  await app.register(recordRoutes(ctx));
  await app.register(dealRoutes(ctx));
  await app.register(skillRoutes(ctx));
  await app.register(actionRoutes(ctx));
  await app.register(policyRoutes(ctx));
  await app.register(writebackRoutes(ctx));
  await app.register(conversationSourceRoutes(ctx));
  await app.register(conversationSourceConnectRoutes(ctx));
  await app.register(conversationUploadRoutes(ctx));
  await app.register(conversationHookRoutes(ctx));
  await app.register(conversationCreateDealRoutes(ctx));
  await app.register(conversationRoutes(ctx));
  await app.register(conversationGapRoutes(ctx));
  await app.register(internalDomainRoutes(ctx));
  await app.register(repManagerRoutes(ctx));
  await app.register(agentRoutes(ctx));
  await app.register(agentRunRoutes(ctx));
  await app.register(inboxRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(activityRoutes(ctx));
  await app.register(anomalyRoutes(ctx));
  await app.register(slackInteractionRoutes(ctx));
  await app.register(notificationEmailRoutes(ctx));
  await app.register(pushRoutes(ctx));
  await app.register(slackRoutes(ctx));
  await app.register(flowRoutes(ctx));
  await app.register(flowRunRoutes(ctx));
  await app.register(flowStepUndoRoutes(ctx));
  await app.register(flowSecretRoutes(ctx));
  await app.register(boardRoutes(ctx));
  await app.register(flowHookRoutes(ctx));
  await app.register(flowWebhookSecretRoutes(ctx));
  await app.register(automationRoutes(ctx));
  registerGraphQL(app, ctx);

  const consoleBuilt = existsSync(path.join(webDistDir, 'index.html'));
  if (consoleBuilt) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: 'index.html' });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const isApi = ['/api', '/graphql', '/openapi', '/docs'].some((prefix) =>
      request.url.startsWith(prefix),
    );
    // The console is a single-page app: its own routes (/login, /w/...) all load index.html.
    if (
      !isApi &&
      consoleBuilt &&
      request.method === 'GET' &&
      request.headers.accept?.includes('text/html')
    ) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(
        errorBody('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
      );
  });

  return app;
}
