import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CursorSigner } from './cursors.js';
import type { GongEnv } from './emulator.js';
import { CURSOR_EXPIRED, CURSOR_INVALID, NO_CALLS, requestId, sendGongError } from './errors.js';
import type { GongCall } from './store.js';

interface CallsFilter {
  fromDateTime?: string;
  toDateTime?: string;
  workspaceId?: string;
  primaryUserIds?: string[];
  callIds?: string[];
}

interface ListBody {
  cursor?: string;
  filter?: CallsFilter;
  contentSelector?: {
    context?: 'None' | 'Basic' | 'Extended';
    exposedFields?: { parties?: boolean };
  };
}

/** One page of `items` from the request's cursor, or Gong's refusal of the cursor. */
function page<T>(
  env: GongEnv,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  query: unknown,
  cursor: string | undefined,
  items: readonly T[],
): { items: T[]; records: Record<string, unknown> } | null {
  const hash = CursorSigner.queryHash(scope, query);
  const nowMs = env.now().getTime();
  let offset = 0;
  if (cursor !== undefined) {
    const verdict = env.cursors.verify(cursor, hash, nowMs);
    if (!verdict.ok) {
      sendGongError(reply, 400, verdict.reason === 'expired' ? CURSOR_EXPIRED : CURSOR_INVALID);
      return null;
    }
    offset = verdict.offset;
  }
  const size = env.settings.pageSize;
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? offset + size : null;
  if (request.gong) request.gong.records = slice.length;
  return {
    items: slice,
    records: {
      totalRecords: items.length,
      currentPageSize: slice.length,
      currentPageNumber: Math.floor(offset / size),
      ...(next !== null && {
        cursor: env.cursors.sign({
          offset: next,
          exp: Math.floor((nowMs + env.settings.cursorTtlMs) / 1000),
          q: hash,
        }),
      }),
    },
  };
}

/** Gong takes ISO-8601 with a zone; anything else is a 400 naming the field. */
function parseDate(value: unknown, field: string): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !/[zZ]|[+-]\d\d:?\d\d$/.test(value)) {
    return `filter.${field} must be an ISO-8601 date and time with a time zone`;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? `filter.${field} is not a valid date and time` : ms;
}

/** The calls a filter selects, in start order, or a message saying what is wrong with it. */
function selectCalls(env: GongEnv, filter: CallsFilter | undefined): GongCall[] | string {
  const from = parseDate(filter?.fromDateTime, 'fromDateTime');
  const to = parseDate(filter?.toDateTime, 'toDateTime');
  if (typeof from === 'string') return from;
  if (typeof to === 'string') return to;
  for (const field of ['primaryUserIds', 'callIds'] as const) {
    const list = filter?.[field];
    if (list !== undefined && (!Array.isArray(list) || list.some((id) => typeof id !== 'string'))) {
      return `filter.${field} must be a list of ids`;
    }
  }
  const users = filter?.primaryUserIds && new Set(filter.primaryUserIds);
  const ids = filter?.callIds && new Set(filter.callIds);
  return env.store.allCalls().filter((call) => {
    const started = Date.parse(call.metaData.started);
    return (
      (from === undefined || started >= from) &&
      (to === undefined || started < to) &&
      (!users || users.has(call.metaData.primaryUserId)) &&
      (!ids || ids.has(call.metaData.id)) &&
      (!filter?.workspaceId || filter.workspaceId === call.metaData.workspaceId)
    );
  });
}

export function registerGongRoutes(app: FastifyInstance, env: GongEnv): void {
  app.get('/v2/users', async (request, reply) => {
    const { cursor } = request.query as { cursor?: string };
    const result = page(env, request, reply, 'users', {}, cursor || undefined, env.store.users);
    if (!result) return reply;
    return { requestId: requestId(), records: result.records, users: result.items };
  });

  app.post('/v2/calls/extensive', async (request, reply) => {
    const { cursor, ...query } = (request.body ?? {}) as ListBody;
    if (!query.filter || typeof query.filter !== 'object') {
      return sendGongError(reply, 400, 'filter is required');
    }
    const calls = selectCalls(env, query.filter);
    if (typeof calls === 'string') return sendGongError(reply, 400, calls);
    if (calls.length === 0) return sendGongError(reply, 404, NO_CALLS);
    const result = page(env, request, reply, 'calls/extensive', query, cursor, calls);
    if (!result) return reply;
    const withContext = (query.contentSelector?.context ?? 'None') !== 'None';
    const withParties = query.contentSelector?.exposedFields?.parties === true;
    return {
      requestId: requestId(),
      records: result.records,
      calls: result.items.map((call) => ({
        metaData: call.metaData,
        ...(withContext && { context: call.context }),
        ...(withParties && {
          parties: call.parties.map((party) =>
            withContext ? party : { ...party, context: undefined },
          ),
        }),
      })),
    };
  });

  app.post('/v2/calls/transcript', async (request, reply) => {
    const { cursor, ...query } = (request.body ?? {}) as ListBody;
    const calls = selectCalls(env, query.filter);
    if (typeof calls === 'string') return sendGongError(reply, 400, calls);
    if (calls.length === 0) return sendGongError(reply, 404, NO_CALLS);
    const result = page(env, request, reply, 'calls/transcript', query, cursor, calls);
    if (!result) return reply;
    return {
      requestId: requestId(),
      records: result.records,
      callTranscripts: result.items.map((call) => ({
        callId: call.metaData.id,
        transcript: call.transcript,
      })),
    };
  });
}
