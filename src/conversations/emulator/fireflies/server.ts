import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  GraphQLError,
  Kind,
  execute,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import {
  FirefliesFaults,
  FirefliesRequestLog,
  KeyLimits,
  PLAN_LIMITS,
  type FirefliesFault,
  type FirefliesFaultKind,
  type FirefliesPlan,
  type FirefliesSettings,
} from './controls.js';
import { renderError, requestError, type FirefliesErrorCode } from './errors.js';
import { firefliesSchema } from './schema.js';
import type { ConversationDataset } from '../dataset.js';
import { firefliesSeedFrom, type FirefliesSeed } from './seed.js';
import { FirefliesStore, type StoredUser } from './store.js';

/** The key the emulator accepts out of the box; it stands for the team's first admin. */
export const FIREFLIES_EMULATOR_API_KEY = 'ff-emulator-admin-key';

export interface FirefliesEmulatorOptions {
  /** The team and its meetings; made from `dataset` when absent. */
  seed?: FirefliesSeed;
  /** The conversation data set the sandbox gives every recorder. */
  dataset?: ConversationDataset;
  settings?: Partial<FirefliesSettings>;
  /** Clock for rate windows (tests pass a fake). */
  now?: () => Date;
  /** The admin key; FIREFLIES_EMULATOR_API_KEY by default. */
  apiKey?: string;
}

/** The emulator's state, shared by its routes wherever they are mounted. */
export interface FirefliesEmulatorContext {
  readonly store: FirefliesStore;
  readonly settings: FirefliesSettings;
  readonly faults: FirefliesFaults;
  readonly log: FirefliesRequestLog;
  readonly limits: KeyLimits;
  readonly apiKey: string;
  now(): Date;
}

export interface FirefliesEmulator extends FirefliesEmulatorContext {
  app: FastifyInstance;
  /** Listens on `port` (0 for a free one) and returns the base URL (POST `${url}/graphql`). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

interface RequestState {
  operationName: string | null;
  operations: string[];
  fields: string[];
  variables: Record<string, unknown>;
  errorCode: string | null;
  fault: FirefliesFaultKind | null;
  logged: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFirefliesContext(
  options: FirefliesEmulatorOptions = {},
): FirefliesEmulatorContext {
  const now = options.now ?? (() => new Date());
  const plan = options.settings?.plan ?? 'business';
  return {
    store: new FirefliesStore(
      options.seed ?? (options.dataset ? firefliesSeedFrom(options.dataset) : undefined),
    ),
    settings: {
      latencyMs: options.settings?.latencyMs ?? 0,
      plan,
      limits: { ...PLAN_LIMITS[plan], ...options.settings?.limits },
    },
    faults: new FirefliesFaults(),
    log: new FirefliesRequestLog(),
    limits: new KeyLimits(() => now().getTime()),
    apiKey: options.apiKey ?? FIREFLIES_EMULATOR_API_KEY,
    now,
  };
}

/** A Fireflies emulator on its own HTTP server. */
export async function createFirefliesEmulator(
  options: FirefliesEmulatorOptions = {},
): Promise<FirefliesEmulator> {
  const ctx = createFirefliesContext(options);
  const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
  await app.register(firefliesRoutes(ctx));
  return {
    ...ctx,
    app,
    async listen(port = 0, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      return address.replace('[::1]', '127.0.0.1');
    },
    close: () => app.close(),
  };
}

/**
 * Fireflies' API as a Fastify plugin (`POST /graphql` and the `/_emulator` controls),
 * so the sandbox can mount it under a prefix beside other emulators.
 */
export function firefliesRoutes(ctx: FirefliesEmulatorContext) {
  const schema = firefliesSchema();
  const states = new WeakMap<FastifyRequest, RequestState>();

  return async function plugin(app: FastifyInstance): Promise<void> {
    const record = (request: FastifyRequest, status: number) => {
      const state = states.get(request);
      if (!state || state.logged) return;
      state.logged = true;
      ctx.log.add({
        method: request.method,
        path: request.url.split('?')[0]!,
        status,
        operationName: state.operationName,
        operations: state.operations,
        fields: state.fields,
        variables: state.variables,
        errorCode: state.errorCode,
        fault: state.fault,
        at: ctx.now().toISOString(),
      });
    };
    app.addHook('onResponse', async (request, reply) => record(request, reply.statusCode));

    app.post('/graphql', async (request, reply) => {
      const state: RequestState = {
        operationName: null,
        operations: [],
        fields: [],
        variables: {},
        errorCode: null,
        fault: null,
        logged: false,
      };
      states.set(request, state);
      const send = (status: number, body: { data?: unknown; errors?: { code: string }[] }) => {
        state.errorCode = body.errors?.[0]?.code ?? null;
        return reply.code(status).header('content-type', 'application/json').send(body);
      };
      const refuse = (
        code: FirefliesErrorCode,
        message: string,
        meta?: Record<string, unknown>,
      ) => {
        const answer = requestError(code, message, meta);
        return send(answer.status, answer.body);
      };
      if (ctx.settings.latencyMs > 0) await sleep(ctx.settings.latencyMs);

      const body = (request.body ?? {}) as {
        query?: unknown;
        variables?: unknown;
        operationName?: unknown;
      };
      state.variables = isObject(body.variables) ? body.variables : {};
      state.operationName = typeof body.operationName === 'string' ? body.operationName : null;
      let document: DocumentNode | null = null;
      let syntaxError: GraphQLError | null = null;
      if (typeof body.query === 'string') {
        try {
          document = parse(body.query);
          const selected = selectedFields(document, state.operationName);
          state.operations = selected.operations;
          state.fields = selected.fields;
        } catch (error) {
          syntaxError = error instanceof GraphQLError ? error : null;
        }
      }

      const viewer = authenticate(ctx, request.headers.authorization);
      if (!viewer) return refuse('auth_failed', 'Invalid API key. Please check your API key');

      const fault = ctx.faults.take(state.operations);
      state.fault = fault?.kind ?? null;
      if (fault) {
        const refused = await applyFault(fault, request, () => record(request, 0));
        if (refused === 'dropped') return reply;
        if (refused === 'rate_limit') {
          return refuse('too_many_requests', 'Too many requests. Please retry later', {
            retryAfter: ctx.now().getTime() + (fault.retryAfterSeconds ?? 1) * 1000,
          });
        }
        if (refused === 'server_error') {
          const status = fault.status ?? 500;
          if (status === 500) return refuse('INTERNAL_SERVER_ERROR', 'Internal server error');
          state.errorCode = null;
          return reply
            .code(status)
            .header('content-type', 'text/html')
            .send(`<html><body><h1>${status} Service unavailable</h1></body></html>`);
        }
      }

      const verdict = ctx.limits.check(keyOf(request.headers.authorization), ctx.settings.limits);
      if (!verdict.ok) {
        return refuse('too_many_requests', 'Too many requests. Please retry later', {
          retryAfter: ctx.now().getTime() + verdict.retryAfterMs,
        });
      }

      if (syntaxError) {
        return send(400, { errors: [renderError(coded(syntaxError, 'GRAPHQL_PARSE_FAILED'))] });
      }
      if (!document) {
        return send(400, {
          errors: [
            renderError(
              new GraphQLError(
                'POST body missing, invalid Content-Type, or JSON object has no keys.',
                {
                  extensions: { code: 'BAD_REQUEST', status: 400 },
                },
              ),
            ),
          ],
        });
      }
      const invalid = validate(schema, document);
      if (invalid.length > 0) {
        return send(400, {
          errors: invalid.map((error) => renderError(coded(error, 'GRAPHQL_VALIDATION_FAILED'))),
        });
      }
      const result = await execute({
        schema,
        document,
        rootValue: ctx.store.rootFor(viewer),
        variableValues: state.variables,
        operationName: state.operationName ?? undefined,
      });
      const errors = result.errors?.map((error) =>
        error.extensions.code ? error : coded(error, 'BAD_USER_INPUT'),
      );
      // Like the Apollo server Fireflies runs, resolver errors come with a 200 and
      // whatever data could be had; the error's own status is in its extensions.
      return send(200, {
        data: result.data ?? null,
        ...(errors ? { errors: errors.map(renderError) } : {}),
      });
    });

    registerControls(app, ctx);
  };
}

function registerControls(app: FastifyInstance, ctx: FirefliesEmulatorContext): void {
  app.get('/_emulator/requests', async (request) => {
    const { afterSeq } = request.query as { afterSeq?: string };
    return {
      lastSeq: ctx.log.lastSeq,
      requests: ctx.log.list(afterSeq === undefined ? undefined : Number(afterSeq)),
    };
  });
  app.get('/_emulator/settings', async () => ctx.settings);
  app.put('/_emulator/settings', async (request) => {
    const body = (request.body ?? {}) as Partial<FirefliesSettings>;
    if (typeof body.latencyMs === 'number' && body.latencyMs >= 0) {
      ctx.settings.latencyMs = body.latencyMs;
    }
    if (body.plan && body.plan in PLAN_LIMITS) {
      ctx.settings.plan = body.plan as FirefliesPlan;
      ctx.settings.limits = { ...PLAN_LIMITS[ctx.settings.plan] };
    }
    if (isObject(body.limits)) Object.assign(ctx.settings.limits, body.limits);
    return ctx.settings;
  });
  app.get('/_emulator/faults', async () => ({ faults: ctx.faults.list() }));
  app.post('/_emulator/faults', async (request, reply) => {
    const id = ctx.faults.add(request.body as FirefliesFault);
    return reply.code(201).send({ id });
  });
  app.delete('/_emulator/faults', async (_request, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });
  app.post('/_emulator/reset-counters', async (_request, reply) => {
    ctx.log.clear();
    ctx.limits.reset();
    return reply.code(204).send();
  });
}

function keyOf(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? '';
}

function authenticate(
  ctx: FirefliesEmulatorContext,
  authorization: string | undefined,
): StoredUser | undefined {
  const key = keyOf(authorization);
  if (key === '') return undefined;
  if (key === ctx.apiKey) return ctx.store.firstAdmin();
  return ctx.store.userByKey(key);
}

async function applyFault(
  fault: FirefliesFault,
  request: FastifyRequest,
  logDropped: () => void,
): Promise<'dropped' | 'rate_limit' | 'server_error' | null> {
  if (fault.kind === 'slow') {
    await sleep(fault.delayMs ?? 2_000);
    return null;
  }
  if (fault.kind === 'timeout') {
    await sleep(fault.delayMs ?? 30_000);
    logDropped();
    request.raw.socket.destroy();
    return 'dropped';
  }
  return fault.kind;
}

function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code, status: 400 },
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The top-level fields and every selected field path of the operation to run. */
export function selectedFields(
  document: DocumentNode,
  operationName: string | null,
): { operations: string[]; fields: string[] } {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations[0];
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fields = new Set<string>();
  const walk = (set: SelectionSetNode, prefix: string, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + selection.name.value;
        fields.add(path);
        if (selection.selectionSet) walk(selection.selectionSet, `${path}.`, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          walk(fragment.selectionSet, prefix, new Set([...seen, fragment.name.value]));
        }
      }
    }
  };
  if (operation) walk(operation.selectionSet, '', new Set());
  return {
    operations: [...fields].filter((path) => !path.includes('.')),
    fields: [...fields],
  };
}
