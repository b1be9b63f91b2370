import { CrmError } from '../../crm/errors.js';
import type { CallGate } from '../../crm/gate.js';
import type { RateLimits } from '../../crm/rate-limits.js';
import { callWithRetry, type RetryOptions } from '../../crm/retry.js';
import type {
  CallPage,
  CallQuery,
  ConversationSourceConnector,
  RecordedCall,
  SourceCrmContext,
  SourceParticipant,
  SourceUser,
} from '../port.js';
import { isNoCallsFound, mapGongError } from './errors.js';

/** Gong's published defaults: 3 calls a second and 10,000 a day per company. */
export const GONG_RATE_LIMITS: RateLimits = {
  perWindow: 3,
  windowMs: 1_000,
  daily: 10_000,
  search: null,
  safetyMargin: 0.1,
  warnAt: 0.8,
  timeZone: null,
};

/**
 * Basic auth from an access key and secret, or an OAuth access token (as
 * src/conversations/sources.ts stores them).
 */
export interface GongCredentials {
  accessKey?: string;
  accessKeySecret?: string;
  accessToken?: string;
}

export interface GongConnectorOptions {
  credentials: GongCredentials;
  /** `https://api.gong.io` unless the company has its own API host (or the emulator). */
  baseUrl?: string;
  gate: CallGate;
  retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxRateLimitWaitMs'>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const GONG_DEFAULT_BASE_URL = 'https://api.gong.io';
const DEFAULT_TIMEOUT_MS = 30_000;

interface GongRecords {
  cursor?: string;
}
interface GongParty {
  emailAddress?: string | null;
  name?: string | null;
  userId?: string | null;
  speakerId?: string | null;
  affiliation?: string;
  context?: GongContext[];
}
interface GongContext {
  system?: string;
  objects?: { objectType?: string; objectId?: string }[];
}
interface GongCall {
  metaData: {
    id: string;
    url?: string;
    title?: string | null;
    started: string;
    duration?: number;
    primaryUserId?: string;
    [key: string]: unknown;
  };
  parties?: GongParty[];
  context?: GongContext[];
}
interface GongUser {
  id: string;
  emailAddress: string;
  firstName?: string | null;
  lastName?: string | null;
  title?: string | null;
  active?: boolean;
}
interface GongTranscript {
  callId: string;
  transcript: { speakerId: string; sentences: { text: string }[] }[];
}

/**
 * The Gong connector over plain HTTP (Gong has no SDK): every request goes through the
 * connection's gate (the shared Postgres limiter) and the one retry loop, which waits
 * out a 429's Retry-After and retries 5xx and network failures (all of Gong's calls
 * Pandora makes are reads). Gong's answers are mapped to `CrmError` here.
 */
export function createGongConnector(options: GongConnectorOptions): ConversationSourceConnector {
  const baseUrl = (options.baseUrl ?? GONG_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { accessKey, accessKeySecret, accessToken } = options.credentials;
  const authorization = accessToken
    ? `Bearer ${accessToken}`
    : `Basic ${Buffer.from(`${accessKey ?? ''}:${accessKeySecret ?? ''}`).toString('base64')}`;
  // Transcripts name speakers by id; the names come with the call's parties.
  const speakers = new Map<string, Map<string, string>>();

  /** One request; null for Gong's "no calls found" 404, which is an empty list. */
  async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T | null> {
    return callWithRetry(
      async () => {
        let response: Response;
        try {
          response = await doFetch(`${baseUrl}${path}`, {
            method,
            headers: {
              authorization,
              accept: 'application/json',
              ...(body !== undefined && { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code;
          throw new CrmError(
            'transient',
            `Gong could not be reached: ${(error as Error).message}`,
            {
              crmCode: (error as Error).name === 'TimeoutError' ? 'ETIMEDOUT' : code,
              cause: error,
            },
          );
        }
        const text = await response.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON (a proxy's page): the text is the message.
        }
        if (response.ok) return parsed as T;
        if (isNoCallsFound(response.status, parsed)) return null;
        const error = mapGongError(response.status, parsed, response.headers);
        // The day's quota is gone: every process is held until Gong's reset, so no
        // request is spent on a refusal meanwhile (the retry loop gives this one up).
        if (error.kind === 'rate_limited' && error.policy === 'DAILY') {
          await options.gate.pause(error.retryAfterMs ?? 0, 'DAILY');
        }
        throw error;
      },
      { gate: options.gate, mode: 'idempotent', ...options.retry },
    );
  }

  return {
    sourceType: 'gong',

    async listUsers(): Promise<SourceUser[]> {
      const users: SourceUser[] = [];
      let cursor: string | undefined;
      do {
        const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
        const page = await send<{ records?: GongRecords; users?: GongUser[] }>(
          'GET',
          `/v2/users${query}`,
        );
        for (const user of page?.users ?? []) {
          users.push({
            id: user.id,
            email: user.emailAddress,
            name: [user.firstName, user.lastName].filter(Boolean).join(' ') || user.emailAddress,
            title: user.title ?? null,
            active: user.active !== false,
          });
        }
        cursor = page?.records?.cursor;
      } while (cursor);
      return users;
    },

    async listCalls(query: CallQuery): Promise<CallPage> {
      // A POST list is continued by sending the same body again with the cursor.
      const body = {
        filter: {
          fromDateTime: query.from.toISOString(),
          toDateTime: query.to.toISOString(),
          primaryUserIds: [query.user.id],
        },
        contentSelector: { context: 'Extended', exposedFields: { parties: true } },
        ...(query.cursor && { cursor: query.cursor }),
      };
      const page = await send<{ records?: GongRecords; calls?: GongCall[] }>(
        'POST',
        '/v2/calls/extensive',
        body,
      );
      const calls = (page?.calls ?? []).map((call) => {
        const names = new Map<string, string>();
        for (const party of call.parties ?? []) {
          if (party.speakerId && party.name) names.set(party.speakerId, party.name);
        }
        speakers.set(call.metaData.id, names);
        return toRecordedCall(call, query.user);
      });
      return { calls, cursor: page?.records?.cursor ?? null };
    },

    async transcripts(callIds: string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      if (callIds.length === 0) return found;
      let cursor: string | undefined;
      do {
        const page = await send<{ records?: GongRecords; callTranscripts?: GongTranscript[] }>(
          'POST',
          '/v2/calls/transcript',
          { filter: { callIds }, ...(cursor && { cursor }) },
        );
        for (const call of page?.callTranscripts ?? []) {
          const names = speakers.get(call.callId);
          const lines = call.transcript.map((monologue) => {
            const speaker = names?.get(monologue.speakerId) ?? `Speaker ${monologue.speakerId}`;
            return `${speaker}: ${monologue.sentences.map((s) => s.text).join(' ')}`;
          });
          found.set(call.callId, lines.join('\n'));
        }
        cursor = page?.records?.cursor;
      } while (cursor);
      for (const id of callIds) speakers.delete(id);
      return found;
    },
  };
}

const AFFILIATION: Record<string, SourceParticipant['affiliation']> = {
  internal: 'internal',
  external: 'external',
};

function toRecordedCall(call: GongCall, host: SourceUser): RecordedCall {
  const parties = call.parties ?? [];
  const hostParty = parties.find(
    (party) => party.userId && party.userId === call.metaData.primaryUserId,
  );
  return {
    sourceId: call.metaData.id,
    title: call.metaData.title?.trim() || '(untitled call)',
    startedAt: new Date(call.metaData.started).toISOString(),
    durationSeconds: Math.max(0, Math.round(call.metaData.duration ?? 0)),
    hostEmail: hostParty?.emailAddress ?? host.email,
    participants: parties.map((party) => ({
      email: party.emailAddress?.trim().toLowerCase() || null,
      name: party.name?.trim() || null,
      affiliation: AFFILIATION[(party.affiliation ?? '').toLowerCase()] ?? 'unknown',
    })),
    url: call.metaData.url ?? null,
    crmContext: crmContextOf(call),
    sourceData: { metaData: call.metaData, context: call.context ?? [] },
  };
}

const ACCOUNT_TYPES = new Set(['account', 'company']);
const DEAL_TYPES = new Set(['opportunity', 'deal']);

/**
 * The CRM records Gong's CRM integration tied the call to: the call's own context
 * (account, deal) and its parties' (contacts), from the first CRM system named.
 */
function crmContextOf(call: GongCall): SourceCrmContext | null {
  const contexts = [
    ...(call.context ?? []),
    ...(call.parties ?? []).flatMap((p) => p.context ?? []),
  ];
  const system = contexts.find((context) => crmTypeOf(context.system))?.system;
  const crmType = crmTypeOf(system);
  if (!crmType) return null;
  const result: SourceCrmContext = { crmType, accountIds: [], dealIds: [], contactIds: [] };
  for (const context of contexts) {
    if (context.system !== system) continue;
    for (const object of context.objects ?? []) {
      const type = (object.objectType ?? '').toLowerCase();
      if (!object.objectId) continue;
      const list = ACCOUNT_TYPES.has(type)
        ? result.accountIds
        : DEAL_TYPES.has(type)
          ? result.dealIds
          : type === 'contact'
            ? result.contactIds
            : null;
      if (list && !list.includes(object.objectId)) list.push(object.objectId);
    }
  }
  const empty = !result.accountIds.length && !result.dealIds.length && !result.contactIds.length;
  return empty ? null : result;
}

function crmTypeOf(system: string | undefined): SourceCrmContext['crmType'] | null {
  const name = (system ?? '').toLowerCase();
  return name === 'hubspot' ? 'hubspot' : name === 'salesforce' ? 'salesforce' : null;
}
