import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CrmSeed } from '../dataset.js';
import type { EmulatedCrm, EmulatorContext } from '../server.js';
import { AuthState, type AuthSnapshot } from './auth.js';
import {
  CursorStore,
  DEFAULT_ACCESS_TOKEN,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  UsageCounter,
  setLimitHeader,
  setSession,
  type ApiAccess,
  type SalesforceEmulatorOptions,
  type SalesforceEnv,
} from './context.js';
import { SalesforceControls, registerControlRoutes } from './controls.js';
import {
  SfApiError,
  SfRecordFailure,
  notFoundResource,
  sendSfError,
  sessionInvalid,
} from './errors.js';
import { registerCompositeRoutes } from './routes-composite.js';
import { registerOauthRoutes } from './routes-oauth.js';
import { registerQueryRoutes } from './routes-query.js';
import { registerSobjectRoutes } from './routes-sobjects.js';
import { SalesforceSchema } from './schema.js';
import { seedStore } from './seed.js';
import { SoqlError } from './soql-parser.js';
import { SalesforceStore, type StoreSnapshot } from './store.js';
import { LockSet } from './writes.js';

export type { SalesforceEmulatorOptions } from './context.js';
export { DEFAULT_ACCESS_TOKEN, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './context.js';

/** The Salesforce half of the emulator, with its state and controls for tests. */
export interface SalesforceEmulator extends EmulatedCrm {
  readonly store: SalesforceStore;
  readonly schema: SalesforceSchema;
  /** Token, permission, lock and custom-field controls (usable once registered). */
  readonly controls: SalesforceControls;
  readonly options: Required<SalesforceEmulatorOptions>;
  /** The Salesforce id of a record seeded from a `sourceId` of its `CrmSeed`. */
  idFor(sourceId: string): string | undefined;
}

interface Snapshot {
  store: StoreSnapshot;
  auth: AuthSnapshot;
}

const SERVER_ERROR = {
  message: 'Server temporarily unavailable. Please try again later.',
  errorCode: 'SERVER_UNAVAILABLE',
};

function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function isDataPath(url: string): boolean {
  return /^\/services\/data\/v[^/?]+/.test(url);
}

/**
 * Salesforce REST under `/services/...` (data API, OAuth, identity) over an
 * in-memory org seeded from a `CrmSeed`. See DESIGN.md, "The CRM emulator".
 */
export function createSalesforceEmulator(
  dataset: CrmSeed | undefined,
  options: SalesforceEmulatorOptions = {},
): SalesforceEmulator {
  const settings: Required<SalesforceEmulatorOptions> = {
    accessToken: options.accessToken === undefined ? DEFAULT_ACCESS_TOKEN : options.accessToken,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    sessionTtlMs: options.sessionTtlMs ?? 2 * 60 * 60_000,
    queryBatchSize: options.queryBatchSize ?? 2000,
  };
  const schema = new SalesforceSchema();
  const store = new SalesforceStore(schema);
  const auth = new AuthState(
    { fixedToken: settings.accessToken, sessionTtlMs: settings.sessionTtlMs },
    () => store.orgId,
  );
  let context: EmulatorContext | undefined;
  const env: SalesforceEnv = {
    store,
    schema,
    auth,
    locks: new LockSet(),
    usage: new UsageCounter(),
    cursors: new CursorStore(),
    access: new Map<string, ApiAccess>(),
    options: settings,
    ctx() {
      if (!context)
        throw new Error('The Salesforce emulator is not registered with an emulator server yet');
      return context;
    },
  };
  const seededApiUser = seedStore(store, dataset);
  auth.setApiUser(seededApiUser);
  const controls = new SalesforceControls(env);

  return {
    api: 'salesforce',
    store,
    schema,
    controls,
    options: settings,
    idFor: (sourceId) => store.sourceIds.get(sourceId),

    async register(app, ctx) {
      context = ctx;
      registerControlRoutes(app, env, controls);
      await app.register((scope) => registerServices(scope, env), { prefix: '/services' });
    },

    /**
     * Salesforce has no short rate window, only the rolling 24-hour allowance, and
     * answers it with 403 REQUEST_LIMIT_EXCEEDED and no Retry-After; every refusal
     * (a window configured in the settings included) looks like that.
     */
    refuse(reply: FastifyReply, refusal) {
      env.usage.count(env.ctx().now());
      setLimitHeader(env, reply);
      if (refusal.kind === 'rate_limit') {
        return reply
          .code(403)
          .send([
            { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
          ]);
      }
      return reply.code(503).send([SERVER_ERROR]);
    },

    serverError: () => ({ status: 503, body: [SERVER_ERROR] }),

    snapshot(): Snapshot {
      return { store: store.snapshot(), auth: auth.snapshot() };
    },

    restore(snapshot: unknown) {
      const value = snapshot as Snapshot;
      store.restore(value.store);
      env.access.clear();
      env.locks.clear();
      env.cursors = new CursorStore();
      const firstUser = store.table('User').keys().next().value ?? seededApiUser;
      auth.restore(value.auth, firstUser);
    },
  };
}

async function registerServices(scope: FastifyInstance, env: SalesforceEnv): Promise<void> {
  scope.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof SfApiError) return sendSfError(reply, error);
    if (error instanceof SfRecordFailure) return sendSfError(reply, error.toApiError());
    if (error instanceof SoqlError)
      return sendSfError(reply, new SfApiError(400, error.errorCode, error.message));
    if (error.code?.startsWith('FST_ERR_CTP_') || error.statusCode === 400) {
      return reply
        .code(error.statusCode ?? 400)
        .send([{ message: error.message, errorCode: 'JSON_PARSER_ERROR' }]);
    }
    return reply.code(500).send([
      {
        message: `An unexpected error occurred. Please include this ErrorId if you contact support: emulator (${error.message})`,
        errorCode: 'UNKNOWN_EXCEPTION',
      },
    ]);
  });
  scope.setNotFoundHandler((_request, reply) => sendSfError(reply, notFoundResource()));

  // Every data API call counts against the org's daily allowance and reports it.
  scope.addHook('onRequest', async (request) => {
    if (isDataPath(request.url)) env.usage.count(env.ctx().now());
  });
  scope.addHook('onSend', async (request, reply, payload) => {
    if (isDataPath(request.url)) setLimitHeader(env, reply);
    return payload;
  });

  registerOauthRoutes(scope, env);
  const versions = async () =>
    Array.from({ length: 13 }, (_, i) => {
      const version = `${50 + i}.0`;
      return { label: `API v${version}`, url: `/services/data/v${version}`, version };
    });
  scope.get('/data', versions);
  scope.get('/data/', versions);

  await scope.register(async (data) => {
    data.addHook('onRequest', async (request, reply) => {
      const session = env.auth.validate(bearerToken(request) ?? '', env.ctx().now().getTime());
      if (!session) return sendSfError(reply, sessionInvalid());
      if (env.access.get(session.userId) === 'none') {
        return sendSfError(
          reply,
          new SfApiError(403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id'),
        );
      }
      setSession(request, session);
    });
    registerQueryRoutes(data, env);
    registerSobjectRoutes(data, env);
    registerCompositeRoutes(data, env);
  });
}
