import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CrmSeed } from '../dataset.js';
import type { EmulatedCrm, EmulatorContext } from '../server.js';
import { ACCESS_TOKEN_TTL_S, HubspotAuth, type AuthSnapshot } from './auth.js';
import {
  DailyUsage,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PORTAL_ID,
  DEFAULT_PRIVATE_APP_TOKEN,
  requiredScope,
  type HubspotEmulatorOptions,
  type HubspotEnv,
} from './context.js';
import { HubspotControls, registerControlRoutes } from './controls.js';
import {
  HubspotApiError,
  expiredAuthentication,
  invalidAuthentication,
  missingScopes,
  sendHubspotError,
  validationError,
} from './errors.js';
import { registerAssociationRoutes } from './routes-associations.js';
import { registerBatchRoutes } from './routes-batch.js';
import { registerListRoutes } from './routes-lists.js';
import { registerMetadataRoutes } from './routes-metadata.js';
import { registerObjectRoutes } from './routes-objects.js';
import { registerOauthRoutes } from './routes-oauth.js';
import { registerSearchRoutes } from './routes-search.js';
import { SearchEngine } from './search.js';
import { seedStore } from './seed.js';
import { HubspotStore, type StoreSnapshot } from './store.js';

/** The HubSpot half of the emulator, with its state and controls for tests. */
export interface HubspotEmulator extends EmulatedCrm {
  readonly store: HubspotStore;
  readonly controls: HubspotControls;
  readonly options: Required<HubspotEmulatorOptions>;
  /** The HubSpot id of a record or owner seeded from a `sourceId` of its `CrmSeed`. */
  idFor(sourceId: string): string | undefined;
}

interface Snapshot {
  store: StoreSnapshot;
  auth: AuthSnapshot;
}

const BEARER = /^Bearer\s+(.+)$/i;

/**
 * HubSpot CRM v3 (objects, batch, search, properties, pipelines, owners),
 * associations v4, account info and OAuth, at the root of the emulator, over an
 * in-memory account seeded from a `CrmSeed`. See DESIGN.md, "The CRM emulator".
 */
export function createHubspotEmulator(
  dataset: CrmSeed | undefined,
  options: HubspotEmulatorOptions = {},
): HubspotEmulator {
  const settings: Required<HubspotEmulatorOptions> = {
    accessToken: options.accessToken ?? DEFAULT_PRIVATE_APP_TOKEN,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    portalId: options.portalId ?? DEFAULT_PORTAL_ID,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_S,
  };
  const store = new HubspotStore(settings.portalId);
  seedStore(store, dataset);
  let context: EmulatorContext | undefined;
  const env: HubspotEnv = {
    store,
    auth: new HubspotAuth(settings.accessToken, settings.accessTokenTtlSeconds),
    options: settings,
    usage: new DailyUsage(),
    batchValidation: 'multi_status',
    ctx() {
      if (!context)
        throw new Error('The HubSpot emulator is not registered with an emulator server yet');
      return context;
    },
  };
  const controls = new HubspotControls(env);
  const serverError = () => ({
    status: 503,
    body: {
      status: 'error',
      message: 'The service is temporarily unavailable. Please try again later.',
      correlationId: randomUUID(),
      category: 'SERVICE_UNAVAILABLE',
    },
  });

  return {
    api: 'hubspot',
    store,
    controls,
    options: settings,
    idFor: (sourceId) => store.sourceIds.get(sourceId),

    async register(app, ctx) {
      context = ctx;
      store.searchLagMs = () => ctx.settings.searchLagMs;
      registerControlRoutes(app, env, controls);
      await app.register(async (scope) => {
        setErrorHandlers(scope);
        registerOauthRoutes(scope, env);
      });
      await app.register(async (scope) => registerApi(scope, env));
    },

    refuse(reply: FastifyReply, refusal) {
      const correlationId = randomUUID();
      if (refusal.kind === 'server_error') {
        const answer = serverError();
        return reply.code(answer.status).send(answer.body);
      }
      const policy = refusal.policy ?? 'TEN_SECONDLY_ROLLING';
      const limits = env.ctx().settings.limits.hubspot;
      const retryAfterS = Math.max(1, Math.ceil((refusal.retryAfterMs ?? 10_000) / 1000));
      reply.header('Retry-After', String(retryAfterS));
      if (policy === 'SECONDLY') {
        // The search limit: HubSpot's answer carries no rate-limit headers.
        return reply.code(429).send({
          status: 'error',
          message: 'You have reached your secondly limit.',
          errorType: 'RATE_LIMIT',
          correlationId,
          policyName: policy,
          groupName: `search:${store.portalId}`,
        });
      }
      if (limits.window) {
        reply.header('X-HubSpot-RateLimit-Interval-Milliseconds', String(limits.window.ms));
        reply.header('X-HubSpot-RateLimit-Max', String(limits.window.max));
        reply.header('X-HubSpot-RateLimit-Remaining', policy === 'DAILY' ? '1' : '0');
      }
      if (limits.daily !== null) {
        reply.header('X-HubSpot-RateLimit-Daily', String(limits.daily));
        reply.header(
          'X-HubSpot-RateLimit-Daily-Remaining',
          policy === 'DAILY' ? '0' : String(Math.max(0, limits.daily - env.usage.used)),
        );
      }
      return reply.code(429).send({
        status: 'error',
        message:
          policy === 'DAILY'
            ? 'You have reached your daily limit.'
            : 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId,
        policyName: policy,
        groupName: `api-calls:${store.portalId}`,
      });
    },

    serverError,

    snapshot(): Snapshot {
      return { store: store.snapshot(), auth: env.auth.snapshot() };
    },

    restore(snapshot: unknown) {
      const value = snapshot as Snapshot;
      store.restore(value.store);
      env.auth.restore(value.auth);
    },
  };
}

function setErrorHandlers(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof HubspotApiError) return sendHubspotError(reply, error);
    if (error.code?.startsWith('FST_ERR_CTP_') || error.statusCode === 400) {
      return sendHubspotError(reply, validationError(`Invalid input JSON: ${error.message}`));
    }
    return sendHubspotError(
      reply,
      new HubspotApiError(
        500,
        'INTERNAL_ERROR',
        `Internal error in the emulator: ${error.message}`,
      ),
    );
  });
}

async function registerApi(scope: FastifyInstance, env: HubspotEnv): Promise<void> {
  const privateApp = new WeakSet<FastifyRequest>();
  setErrorHandlers(scope);
  scope.setNotFoundHandler((request, reply) =>
    sendHubspotError(
      reply,
      new HubspotApiError(404, 'OBJECT_NOT_FOUND', `No route for ${request.method} ${request.url}`),
    ),
  );

  scope.addHook('onRequest', async (request, reply) => {
    // Unknown control paths fall through to this scope's 404, not to a 401.
    if (request.url.startsWith('/_emulator')) return;
    const now = env.ctx().now();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    const verdict = env.auth.check(token, now.getTime());
    if (!verdict.ok) {
      const error =
        verdict.reason === 'expired'
          ? expiredAuthentication(verdict.expiredMs)
          : invalidAuthentication();
      return sendHubspotError(reply, error);
    }
    const scopeNeeded = requiredScope(request.method, request.url.split('?')[0]!);
    if (scopeNeeded && env.auth.lacks(verdict.token, scopeNeeded)) {
      return sendHubspotError(reply, missingScopes(scopeNeeded));
    }
    env.usage.count(now);
    if (verdict.kind === 'private_app') privateApp.add(request);
  });

  // Private apps have a daily quota; HubSpot reports it on every answer.
  scope.addHook('onSend', async (request, reply, payload) => {
    const daily = env.ctx().settings.limits.hubspot.daily;
    if (privateApp.has(request) && daily !== null) {
      reply.header('X-HubSpot-RateLimit-Daily', String(daily));
      reply.header(
        'X-HubSpot-RateLimit-Daily-Remaining',
        String(Math.max(0, daily - env.usage.used)),
      );
    }
    return payload;
  });

  registerObjectRoutes(scope, env);
  registerBatchRoutes(scope, env);
  registerSearchRoutes(scope, env, new SearchEngine(env.store));
  registerMetadataRoutes(scope, env);
  registerAssociationRoutes(scope, env);
  registerListRoutes(scope, env);
}
