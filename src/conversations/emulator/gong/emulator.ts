import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { ConversationDataset } from '../dataset.js';
import {
  DEFAULT_GONG_SETTINGS,
  GongFaults,
  GongLimits,
  GongRequestLog,
  type GongFaultKind,
  type GongFaultRule,
  type GongSettings,
} from './controls.js';
import { CursorSigner } from './cursors.js';
import { CURSOR_EXPIRED, sendGongError } from './errors.js';
import { registerGongRoutes } from './routes.js';
import { GongStore, seedGongStore, type CrmIdLookup } from './store.js';

/** The access key and secret the emulator accepts by default (Basic auth). */
export const GONG_EMULATOR_ACCESS_KEY = 'emulator-gong-access-key';
export const GONG_EMULATOR_ACCESS_KEY_SECRET = 'emulator-gong-access-key-secret';

export interface GongEmulatorOptions {
  dataset?: ConversationDataset;
  /** The sandbox CRM's id for a seed source id, for the calls' CRM context. */
  crmIdFor?: CrmIdLookup;
  settings?: Partial<GongSettings>;
  accessKey?: string;
  accessKeySecret?: string;
  /** OAuth access tokens accepted as `Authorization: Bearer`. */
  bearerTokens?: string[];
  now?: () => Date;
}

export interface GongEnv {
  store: GongStore;
  settings: GongSettings;
  cursors: CursorSigner;
  now(): Date;
}

export interface GongEmulator {
  app: FastifyInstance;
  store: GongStore;
  settings: GongSettings;
  faults: GongFaults;
  log: GongRequestLog;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    gong?: { fault: GongFaultKind | null; records: number | null; cursor: boolean };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Gong emulator: the subset of Gong API v2 Pandora uses (`GET /v2/users`, `POST
 * /v2/calls/extensive`, `POST /v2/calls/transcript`) on Gong's paths, with Basic
 * auth from an access key and secret (or an OAuth bearer token), Gong's paging by
 * signed cursor, its error bodies and its company limits (3 calls a second, 10,000 a
 * day: 429 with Retry-After), a request log and fault injection for tests.
 */
export async function createGongEmulator(options: GongEmulatorOptions = {}): Promise<GongEmulator> {
  const now = options.now ?? (() => new Date());
  const settings: GongSettings = { ...DEFAULT_GONG_SETTINGS, ...options.settings };
  const store = new GongStore();
  if (options.dataset) seedGongStore(store, options.dataset, options.crmIdFor);
  const faults = new GongFaults();
  const log = new GongRequestLog();
  const limits = new GongLimits(() => now().getTime());
  const basic = Buffer.from(
    `${options.accessKey ?? GONG_EMULATOR_ACCESS_KEY}:${options.accessKeySecret ?? GONG_EMULATOR_ACCESS_KEY_SECRET}`,
  ).toString('base64');
  const bearers = new Set(options.bearerTokens ?? []);
  const env: GongEnv = { store, settings, cursors: new CursorSigner(), now };

  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    return sendGongError(reply, status, error.message);
  });
  app.setNotFoundHandler((request, reply) =>
    sendGongError(reply, 404, `No route for ${request.method} ${request.url.split('?')[0]}`),
  );

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/_emulator')) return;
    request.gong = { fault: null, records: null, cursor: false };
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    const auth = request.headers.authorization ?? '';
    const [scheme = '', token = ''] = auth.split(/\s+/, 2);
    const valid =
      (scheme.toLowerCase() === 'basic' && token === basic) ||
      (scheme.toLowerCase() === 'bearer' && bearers.has(token));
    if (!valid) return sendGongError(reply, 401, 'Unauthorized');
    const verdict = limits.check(settings);
    if (!verdict.ok) {
      reply.header('Retry-After', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))));
      return sendGongError(reply, 429, 'Too many requests, please try again later');
    }
  });

  // Faults are decided once the body is parsed: a cursor fault needs to see the cursor.
  app.addHook('preHandler', async (request, reply) => {
    if (!request.gong) return;
    const path = request.url.split('?')[0]!;
    const cursor = cursorOf(request);
    request.gong.cursor = cursor !== undefined;
    const fault = faults.take(request.method, path, request.gong.cursor);
    if (!fault) return;
    request.gong.fault = fault.kind;
    if (fault.kind === 'slow') await sleep(fault.delayMs ?? 2_000);
    if (fault.kind === 'rate_limit') {
      reply.header('Retry-After', String(fault.retryAfterSeconds ?? 1));
      return sendGongError(reply, 429, 'Too many requests, please try again later');
    }
    if (fault.kind === 'server_error') {
      return sendGongError(reply, fault.status ?? 503, 'Service temporarily unavailable');
    }
    if (fault.kind === 'cursor_expired') return sendGongError(reply, 400, CURSOR_EXPIRED);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!request.gong) return;
    log.add({
      method: request.method,
      path: request.url.split('?')[0]!,
      status: reply.statusCode,
      fault: request.gong.fault,
      cursor: request.gong.cursor,
      records: request.gong.records,
      at: now().toISOString(),
    });
  });

  registerGongRoutes(app, env);
  registerControlRoutes(app, { store, settings, faults, log, limits });

  return {
    app,
    store,
    settings,
    faults,
    log,
    async listen(port = 0, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      return address.replace('[::1]', '127.0.0.1');
    },
    close: () => app.close(),
  };
}

function cursorOf(request: FastifyRequest): string | undefined {
  const fromQuery = (request.query as { cursor?: unknown } | undefined)?.cursor;
  if (typeof fromQuery === 'string' && fromQuery) return fromQuery;
  const fromBody = (request.body as { cursor?: unknown } | undefined)?.cursor;
  return typeof fromBody === 'string' && fromBody ? fromBody : undefined;
}

/** `/_emulator/...`: the controls over HTTP, for other processes (workers, benches). */
function registerControlRoutes(
  app: FastifyInstance,
  parts: {
    store: GongStore;
    settings: GongSettings;
    faults: GongFaults;
    log: GongRequestLog;
    limits: GongLimits;
  },
): void {
  const { settings, faults, log, limits } = parts;
  app.get('/_emulator/requests', async (request) => {
    const afterSeq = Number((request.query as { afterSeq?: string }).afterSeq ?? 0);
    return { lastSeq: log.lastSeq, requests: log.list(afterSeq) };
  });
  app.get('/_emulator/usage', async () => ({
    usage: limits.usage(),
    calls: parts.store.callCount,
  }));
  app.get('/_emulator/settings', async () => settings);
  app.put('/_emulator/settings', async (request) => {
    const body = (request.body ?? {}) as Partial<GongSettings>;
    for (const key of Object.keys(DEFAULT_GONG_SETTINGS) as (keyof GongSettings)[]) {
      const value = body[key];
      if (value === null && (key === 'perSecond' || key === 'daily')) settings[key] = null;
      else if (typeof value === 'number' && value >= 0) settings[key] = value;
    }
    return settings;
  });
  app.get('/_emulator/faults', async () => ({ faults: faults.list() }));
  app.post('/_emulator/faults', async (request, reply) =>
    reply.code(201).send({ id: faults.add(request.body as GongFaultRule) }),
  );
  app.delete('/_emulator/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
  app.post('/_emulator/reset-counters', async (_request, reply) => {
    log.clear();
    limits.reset();
    return reply.code(204).send();
  });
}
