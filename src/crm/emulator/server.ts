import { randomUUID } from 'node:crypto';
import http from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { CrmSeed } from './dataset.js';
import {
  DEFAULT_SETTINGS,
  FaultInjector,
  LimitTracker,
  RequestLog,
  type EmulatedApi,
  type EmulatorSettings,
  type FaultKind,
  type FaultRule,
  type PartialBatch,
} from './controls.js';
import { portalUrl, Portals, type PortalStart } from './portals.js';

/**
 * The CRM emulator: one HTTP server speaking the subset of HubSpot CRM v3 and
 * Salesforce REST that Pandora's connectors use, on their real paths. HubSpot lives
 * at the root (`/crm/v3/...`, `/oauth/v1/...`), Salesforce under `/services/...`, so
 * one base URL serves both SDKs. Every request is logged and counted, paced by
 * the configured limits, and may be hit by an injected fault; the CRM modules
 * render refusals with their CRM's real status codes and bodies.
 */
export interface EmulatorContext {
  readonly settings: EmulatorSettings;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  now(): Date;
  /** The emulator's own base URL once it listens (for OAuth redirects, instance URLs). */
  baseUrl(): string;
  /** Records how many records a batch call carried, and returns its partial-failure plan. */
  beginBatch(request: FastifyRequest, size: number): PartialBatch | undefined;
}

/** The answer a CRM gives to a refusal the emulator core decides on. */
export interface CrmRefusal {
  kind: 'rate_limit' | 'server_error';
  /** HubSpot's policy names: SECONDLY is its search limit. */
  policy?: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';
  retryAfterMs?: number;
}

/** One emulated CRM: its routes, its error bodies, and its state. */
export interface EmulatedCrm {
  readonly api: EmulatedApi;
  register(app: FastifyInstance, ctx: EmulatorContext): Promise<void> | void;
  /** Sends the CRM's own answer to a rate-limit refusal or an injected server error. */
  refuse(reply: FastifyReply, refusal: CrmRefusal): FastifyReply;
  /** The CRM's own 5xx answer, for a fault that replaces an answer already made. */
  serverError(): { status: number; body: unknown };
  /** Plain JSON of the CRM's records, to persist between runs. */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
}

export interface EmulatorOptions {
  /** The data set to load into both CRMs; they start empty without one. */
  dataset?: CrmSeed;
  settings?: Partial<Omit<EmulatorSettings, 'limits'>> & {
    limits?: Partial<EmulatorSettings['limits']>;
  };
  /** Clock for rate windows and record timestamps (tests pass a fake). */
  now?: () => Date;
  /** The CRMs of the root, or of portal `portal`. */
  crms: (dataset: CrmSeed | undefined, portal?: string) => EmulatedCrm[];
  /** What portal `id` starts from (see portals.ts); the root's data set by default. */
  portals?: (id: string) => PortalStart;
  /** A portal shares its emulator's log, faults and settings. */
  shared?: Pick<EmulatorContext, 'settings' | 'faults' | 'log'>;
  /** Set for a portal: its id. */
  portal?: string;
}

export interface Emulator {
  app: FastifyInstance;
  ctx: EmulatorContext;
  crms: Map<EmulatedApi, EmulatedCrm>;
  /** Portal `id` (its own records and tokens), made and seeded on first use. */
  portal(id: string): Promise<Emulator>;
  /** The portals made so far. */
  readonly portals: ReadonlyMap<string, Emulator>;
  /** Listens on `port` (0 for a free one) and returns the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    emulator?: {
      api: EmulatedApi;
      fault: FaultRule | undefined;
      batchSize: number | null;
      logged?: boolean;
    };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function apiOf(path: string): EmulatedApi {
  return path.startsWith('/services/') ? 'salesforce' : 'hubspot';
}

export async function buildEmulator(options: EmulatorOptions): Promise<Emulator> {
  const now = options.now ?? (() => new Date());
  const settings: EmulatorSettings = options.shared?.settings ?? {
    latencyMs: options.settings?.latencyMs ?? DEFAULT_SETTINGS.latencyMs,
    searchLagMs: options.settings?.searchLagMs ?? DEFAULT_SETTINGS.searchLagMs,
    limits: { ...DEFAULT_SETTINGS.limits, ...options.settings?.limits },
  };
  const faults = options.shared?.faults ?? new FaultInjector();
  const log = options.shared?.log ?? new RequestLog();
  const limits = new LimitTracker(() => now().getTime());
  let baseUrl = 'http://127.0.0.1';

  const ctx: { -readonly [K in keyof EmulatorContext]: EmulatorContext[K] } = {
    settings,
    faults,
    log,
    now,
    baseUrl: () => baseUrl,
    beginBatch(request, size) {
      if (request.emulator) request.emulator.batchSize = size;
      const path = request.url.split('?')[0]!;
      return faults.beginBatch(apiOf(path), request.method, path);
    },
  };

  const portals = new Portals(async (id) => {
    const start = options.portals?.(id) ?? { dataset: options.dataset };
    const portal = await buildEmulator({
      ...options,
      dataset: 'dataset' in start ? start.dataset : undefined,
      shared: { settings, faults, log },
      portal: id,
    });
    if ('snapshot' in start) {
      for (const [api, crm] of portal.crms) {
        if (start.snapshot[api] !== undefined) crm.restore(start.snapshot[api]);
      }
    }
    portal.ctx.baseUrl = () => portalUrl(baseUrl, id);
    await portal.app.ready();
    return portal;
  });
  const app = Fastify({
    logger: false,
    bodyLimit: 50 * 1024 * 1024,
    genReqId: () => randomUUID(),
    serverFactory: (handler) =>
      http.createServer((request, response) => {
        if (!portals.dispatch(request, response)) handler(request, response);
      }),
  });
  app.addHook('onClose', () => portals.close());
  const crms = new Map(options.crms(options.dataset, options.portal).map((crm) => [crm.api, crm]));

  const record = (request: FastifyRequest, status: number) => {
    if (!request.emulator || request.emulator.logged) return;
    request.emulator.logged = true;
    const [path, query = ''] = request.url.split('?') as [string, string?];
    log.add({
      api: request.emulator.api,
      method: request.method,
      path,
      query,
      status,
      fault: (request.emulator.fault?.kind as FaultKind | undefined) ?? null,
      batchSize: request.emulator.batchSize,
      at: now().toISOString(),
    });
  };
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/_emulator')) return;
    const api = apiOf(path);
    const crm = crms.get(api);
    request.emulator = { api, fault: undefined, batchSize: null };
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    if (!crm) return;

    const fault = faults.take(api, request.method, path, request.url.split('?')[1] ?? '');
    request.emulator.fault = fault;
    if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 2_000);
    if (fault?.kind === 'timeout') {
      await sleep(fault.delayMs ?? 30_000);
      record(request, 0);
      request.raw.socket.destroy();
      return reply;
    }
    if (fault?.kind === 'rate_limit') {
      return crm.refuse(reply, {
        kind: 'rate_limit',
        policy: fault.policy ?? 'TEN_SECONDLY_ROLLING',
        retryAfterMs: (fault.retryAfterSeconds ?? 1) * 1000,
      });
    }
    if (fault?.kind === 'server_error') return crm.refuse(reply, { kind: 'server_error' });

    // OAuth token calls are not metered by either CRM.
    if (path.includes('/oauth')) return;
    const verdict = limits.check(api, settings.limits[api]);
    if (!verdict.ok) {
      return crm.refuse(reply, {
        kind: 'rate_limit',
        policy: verdict.policy,
        retryAfterMs: verdict.retryAfterMs,
      });
    }
    const search = settings.limits[api].search;
    if (search && request.method === 'POST' && path.endsWith('/search')) {
      const searchVerdict = limits.checkSearch(search);
      if (!searchVerdict.ok) {
        return crm.refuse(reply, {
          kind: 'rate_limit',
          policy: searchVerdict.policy,
          retryAfterMs: searchVerdict.retryAfterMs,
        });
      }
    }
  });

  // The write already happened; the caller never hears about it, or hears a 5xx.
  // Dropped connections never reach onResponse, so they are logged (status 0) here.
  app.addHook('onSend', async (request, reply, payload) => {
    const kind = request.emulator?.fault?.kind;
    if (kind === 'drop_after_apply') {
      record(request, 0);
      request.raw.socket.destroy();
    }
    const crm = request.emulator && crms.get(request.emulator.api);
    if (kind === 'server_error_after_apply' && crm && reply.statusCode < 500) {
      const answer = crm.serverError();
      reply.code(answer.status).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(answer.body);
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => record(request, reply.statusCode));

  registerControlRoutes(app, ctx, limits, crms);
  for (const crm of crms.values()) await crm.register(app, ctx);

  return {
    app,
    ctx,
    crms,
    portal: (id) => portals.get(id),
    portals: portals.live,
    async listen(port = 0, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      baseUrl = address.replace('[::1]', '127.0.0.1');
      return baseUrl;
    },
    close: () => app.close(),
  };
}

/**
 * `/_emulator/...`: the same controls over HTTP, for processes other than the one
 * running the emulator (worker processes in tests, `pandora sandbox` users).
 */
function registerControlRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  limits: LimitTracker,
  crms: Map<EmulatedApi, EmulatedCrm>,
): void {
  app.get('/_emulator/requests', async (request) => {
    const query = request.query as { api?: EmulatedApi; afterSeq?: string };
    return {
      lastSeq: ctx.log.lastSeq,
      requests: ctx.log.listFor({
        api: query.api,
        afterSeq: query.afterSeq === undefined ? undefined : Number(query.afterSeq),
      }),
    };
  });
  app.get('/_emulator/counters', async () => ({
    counters: ctx.log.counters(),
    usage: { hubspot: limits.usage('hubspot'), salesforce: limits.usage('salesforce') },
  }));
  app.get('/_emulator/settings', async () => ctx.settings);
  app.put('/_emulator/settings', async (request) => {
    const body = request.body as Partial<EmulatorSettings>;
    if (typeof body.latencyMs === 'number') ctx.settings.latencyMs = body.latencyMs;
    if (typeof body.searchLagMs === 'number' && body.searchLagMs >= 0) {
      ctx.settings.searchLagMs = body.searchLagMs;
    }
    if (body.limits) Object.assign(ctx.settings.limits, body.limits);
    return ctx.settings;
  });
  app.get('/_emulator/faults', async () => ({ faults: ctx.faults.list() }));
  app.post('/_emulator/faults', async (request, reply) => {
    const id = ctx.faults.add(request.body as FaultRule);
    return reply.code(201).send({ id });
  });
  app.delete('/_emulator/faults', async (_request, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });
  app.post('/_emulator/reset-counters', async (_request, reply) => {
    ctx.log.clear();
    limits.reset();
    return reply.code(204).send();
  });
  app.get('/_emulator/snapshot', async () =>
    Object.fromEntries([...crms].map(([api, crm]) => [api, crm.snapshot()])),
  );
}
