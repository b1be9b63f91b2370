/**
 * The Web API's envelope as Slack serves it: `POST /api/<method>` (GET too) with a
 * form or JSON body, the token from `Authorization: Bearer` or a `token` argument
 * (form and query only: Slack refuses a token inside JSON), every answer HTTP 200
 * with `{ ok }` except 429 with Retry-After when a method's tier is spent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SlackFaultKind, SlackTier } from './controls.js';
import type { SlackEnv } from './env.js';
import type { SlackInstall, SlackTeam } from './store.js';

export type SlackAnswer = Record<string, unknown>;

/** An `ok: false` answer; `extra` goes beside `error` (`needed`, `provided`, ...). */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** A method's arguments, typed on the way out: form values are all strings. */
export class Args {
  constructor(private readonly values: Record<string, unknown>) {}

  has(name: string): boolean {
    const value = this.values[name];
    return value !== undefined && value !== null && value !== '';
  }

  str(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'string' ? value : String(value);
  }

  /** The argument, or Slack's answer to its absence (`invalid_arguments` unless told). */
  required(name: string, missingError = 'invalid_arguments'): string {
    const value = this.str(name);
    if (value === undefined) throw new SlackApiError(missingError);
    return value;
  }

  bool(name: string): boolean {
    const value = this.values[name];
    return value === true || value === 'true' || value === '1' || value === 1;
  }

  int(name: string, fallback: number): number {
    const value = Number(this.values[name]);
    return Number.isFinite(value) && this.has(name) ? Math.trunc(value) : fallback;
  }

  /** A structured argument: an object in JSON, a JSON string in a form. */
  json(name: string, invalidError: string): unknown {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new SlackApiError(invalidError);
    }
  }
}

export interface MethodCall {
  args: Args;
  /** Null for methods that take no token (oauth.v2.access). */
  install: SlackInstall | null;
  team: SlackTeam | null;
  request: FastifyRequest;
}

export interface MethodSpec {
  tier: SlackTier;
  /** The method needs one of these scopes (checked before anything else). */
  scopes?: string[];
  /** No token needed (oauth.v2.access authenticates the app by its client secret). */
  noToken?: boolean;
  handle(call: MethodCall): SlackAnswer | Promise<SlackAnswer>;
}

declare module 'fastify' {
  interface FastifyRequest {
    slack?: {
      method: string;
      fault: SlackFaultKind | null;
      error: string | null;
      teamId: string | null;
    };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tokenOf(request: FastifyRequest, fromArgs: string | undefined): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const [scheme = '', token = ''] = header.split(/\s+/, 2);
    if (scheme.toLowerCase() === 'bearer' && token) return token;
  }
  return fromArgs;
}

/** Checks the scope a method needs, answering Slack's missing_scope when it is not granted. */
export function requireScope(install: SlackInstall | null, needed: string[]): void {
  if (!install || needed.length === 0) return;
  if (needed.some((scope) => install.scopes.includes(scope))) return;
  throw new SlackApiError('missing_scope', {
    needed: needed.join(','),
    provided: install.scopes.join(','),
  });
}

export function registerWebApi(
  app: FastifyInstance,
  env: SlackEnv,
  methods: Record<string, MethodSpec>,
): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const method = (request.params as { method: string }).method;
    const state = { method, fault: null, error: null, teamId: null } as NonNullable<
      FastifyRequest['slack']
    >;
    request.slack = state;
    const answer = (body: SlackAnswer) => {
      if (body.ok === false) state.error = String(body.error);
      return reply.code(200).send(body);
    };
    if (env.settings.latencyMs > 0) await sleep(env.settings.latencyMs);
    const spec = methods[method];
    if (!spec) return answer({ ok: false, error: 'unknown_method' });

    const isJson = (request.headers['content-type'] ?? '').includes('application/json');
    const query = (request.query ?? {}) as Record<string, unknown>;
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
      string,
      unknown
    >;
    const args = new Args({ ...query, ...body });
    // Slack takes the token from the header, a form field or the query, never JSON.
    const token = tokenOf(
      request,
      typeof query.token === 'string' ? query.token : isJson ? undefined : args.str('token'),
    );
    let install: SlackInstall | null = null;
    let team: SlackTeam | null = null;
    if (!spec.noToken) {
      if (!token) return answer({ ok: false, error: 'not_authed' });
      const found = env.store.installs.get(token);
      if (!found) return answer({ ok: false, error: 'invalid_auth' });
      if (found.revoked) return answer({ ok: false, error: 'token_revoked' });
      install = found;
      team = env.store.teams.get(found.teamId) ?? null;
      state.teamId = found.teamId;
    }

    const fault = env.faults.take(method);
    if (fault) {
      state.fault = fault.kind;
      if (fault.kind === 'slow') await sleep(fault.delayMs ?? 2_000);
      if (fault.kind === 'rate_limit') {
        reply.header('Retry-After', String(fault.retryAfterSeconds ?? 1));
        state.error = 'ratelimited';
        return reply.code(429).send({ ok: false, error: 'ratelimited' });
      }
      if (fault.kind === 'server_error') {
        state.error = 'server_error';
        return reply
          .code(fault.status ?? 503)
          .type('text/html')
          .send('<html><body>Service Unavailable</body></html>');
      }
      if (fault.kind === 'error')
        return answer({ ok: false, error: fault.error ?? 'internal_error' });
    }

    if (env.settings.rateLimits && install) {
      const channel = spec.tier === 'post' ? args.str('channel') : undefined;
      const verdict = env.limits.check(install.teamId, method, spec.tier, channel);
      if (!verdict.ok) {
        reply.header('Retry-After', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))));
        state.error = 'ratelimited';
        return reply.code(429).send({ ok: false, error: 'ratelimited' });
      }
    }

    let result: SlackAnswer;
    try {
      requireScope(install, spec.scopes ?? []);
      result = { ok: true, ...(await spec.handle({ args, install, team, request })) };
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      return answer({ ok: false, error: error.code, ...error.extra });
    }
    if (fault?.kind === 'drop_after_apply') {
      // Done, but the answer never arrives: the caller must find out for itself.
      env.log.add({ ...logEntry(state, 0), at: env.now().toISOString() });
      request.slack = undefined;
      request.raw.socket.destroy();
      return reply;
    }
    if (install) reply.header('X-OAuth-Scopes', install.scopes.join(','));
    return answer(result);
  };

  app.post('/api/:method', handler);
  app.get('/api/:method', handler);

  app.addHook('onResponse', async (request, reply) => {
    if (!request.slack) return;
    env.log.add({ ...logEntry(request.slack, reply.statusCode), at: env.now().toISOString() });
  });
}

function logEntry(state: NonNullable<FastifyRequest['slack']>, status: number) {
  return {
    method: state.method,
    status,
    error: state.error,
    fault: state.fault,
    teamId: state.teamId,
  };
}
