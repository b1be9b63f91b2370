import { CrmError } from '../../crm/errors.js';
import type { CallGate } from '../../crm/gate.js';
import { callWithRetry, type RetryOptions } from '../../crm/retry.js';
import type {
  CallPage,
  CallQuery,
  ConversationSourceConnector,
  RecordedCall,
  SourceParticipant,
  SourceUser,
} from '../port.js';
import {
  FirefliesTimeoutError,
  firefliesError,
  firefliesNetworkError,
  type FirefliesAnswer,
} from './errors.js';

export const FIREFLIES_API_BASE = 'https://api.fireflies.ai';
/** Fireflies' largest `transcripts` page. */
export const FIREFLIES_PAGE_SIZE = 50;
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Transcripts asked for in one request, as aliased `transcript` fields: Fireflies has no
 * batch query, and its limits count requests (50 a day on Free and Pro). Ten keeps an
 * answer to a few megabytes of sentences.
 */
export const TRANSCRIPTS_PER_REQUEST = 10;

export interface FirefliesCredentials {
  apiKey: string;
}

export interface FirefliesConnectorOptions {
  credentials: FirefliesCredentials;
  /** Fireflies' API origin (the emulator's for sandbox connections); the API at `/graphql`. */
  baseUrl?: string;
  gate: CallGate;
  timeoutMs?: number;
  retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxRateLimitWaitMs'>;
  /** Transcripts a page (at most Fireflies' 50); smaller in tests. */
  pageSize?: number;
}

// Only what the sync stores: sentences are by far the largest part of a transcript,
// so the list never asks for them and `transcripts()` asks for nothing else.
const USERS = `query PandoraUsers { users { user_id email name } }`;

const LIST = `query PandoraTranscripts(
  $organizers: [String!], $fromDate: DateTime, $toDate: DateTime, $limit: Int, $skip: Int
) {
  transcripts(
    organizers: $organizers, fromDate: $fromDate, toDate: $toDate, limit: $limit, skip: $skip
  ) {
    id title date duration organizer_email host_email participants transcript_url
    meeting_attendees { displayName email name }
  }
}`;

function sentencesQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$id${i}: String!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `t${i}: transcript(id: $id${i}) { id sentences { speaker_name text } }`,
  ).join('\n  ');
  return `query PandoraTranscripts(${variables}) {\n  ${fields}\n}`;
}

interface FirefliesUser {
  user_id: string;
  email: string | null;
  name: string | null;
}

interface FirefliesTranscript {
  id: string;
  title: string | null;
  date: number | string | null;
  duration: number | null;
  organizer_email: string | null;
  host_email: string | null;
  participants: (string | null)[] | null;
  transcript_url: string | null;
  meeting_attendees:
    { displayName: string | null; email: string | null; name: string | null }[] | null;
}

type FirefliesSentences = Record<
  string,
  { id: string; sentences: { speaker_name: string | null; text: string | null }[] | null } | null
>;

/**
 * Fireflies over its GraphQL API with plain fetch (it has no SDK): each request goes
 * through the connection's gate and the shared retry loop; every failure leaves as a
 * CrmError.
 */
export function createFirefliesConnector(
  options: FirefliesConnectorOptions,
): ConversationSourceConnector {
  const base = (options.baseUrl ?? FIREFLIES_API_BASE).replace(/\/+$/, '');
  const endpoint = base.endsWith('/graphql') ? base : `${base}/graphql`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageSize = Math.min(
    FIREFLIES_PAGE_SIZE,
    Math.max(1, options.pageSize ?? FIREFLIES_PAGE_SIZE),
  );

  /**
   * One GraphQL request. Any error fails it, except, when `missingOk`, errors that only
   * say some of the objects asked for do not exist (their fields come back null).
   */
  async function post<T>(
    query: string,
    variables: Record<string, unknown>,
    missingOk = false,
  ): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new FirefliesTimeoutError(timeoutMs)),
      timeoutMs,
    );
    let answer: FirefliesAnswer;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${options.credentials.apiKey}`,
        },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // A gateway's HTML page: mapped by its status.
      }
      answer = {
        status: response.status,
        body,
        retryAfterHeader: response.headers.get('retry-after'),
      };
    } catch (error) {
      throw firefliesNetworkError(controller.signal.aborted ? controller.signal.reason : error);
    } finally {
      clearTimeout(timer);
    }
    const result = answer.body as { data?: T | null; errors?: unknown[] } | string;
    if (answer.status >= 400 || typeof result !== 'object' || result === null || !result.data) {
      throw firefliesError(answer);
    }
    const errors = Array.isArray(result.errors) ? result.errors : [];
    if (errors.length > 0 && !(missingOk && errors.every(isNotFound))) {
      throw firefliesError(answer);
    }
    return result.data;
  }

  // Reads only: every one may be retried after a fault.
  const call = <T>(query: string, variables: Record<string, unknown> = {}, missingOk = false) =>
    callWithRetry(() => post<T>(query, variables, missingOk), {
      gate: options.gate,
      mode: 'idempotent',
      ...options.retry,
    });

  async function readUsers(): Promise<SourceUser[]> {
    const data = await call<{ users: FirefliesUser[] | null }>(USERS);
    return (data.users ?? [])
      .filter((user) => user.email)
      .map((user) => ({
        id: user.user_id,
        email: user.email!,
        name: user.name ?? user.email!,
        title: null,
        // Fireflies' API lists only the team's current members.
        active: true,
      }));
  }
  const emailsOf = (users: SourceUser[]) => new Set(users.map((u) => u.email.toLowerCase()));

  // Fireflies says nothing of who is internal; its team's members are. The directory is
  // read once per connector (one request a sync), and again after a failed read.
  let team: Promise<Set<string>> | undefined;
  const teamEmails = () => {
    team ??= readUsers().then(emailsOf, (error: unknown) => {
      team = undefined;
      throw error;
    });
    return team;
  };
  async function listUsers(): Promise<SourceUser[]> {
    const users = await readUsers();
    team = Promise.resolve(emailsOf(users));
    return users;
  }

  return {
    sourceType: 'fireflies',

    listUsers,

    async listCalls(query: CallQuery): Promise<CallPage> {
      const skip = skipOf(query.cursor);
      const data = await call<{ transcripts: FirefliesTranscript[] | null }>(LIST, {
        organizers: [query.user.email],
        fromDate: query.from.toISOString(),
        // Fireflies includes toDate; the port's window ends just before `to`.
        toDate: new Date(query.to.getTime() - 1).toISOString(),
        limit: pageSize,
        skip,
      });
      const page = data.transcripts ?? [];
      const members = page.length > 0 ? await teamEmails() : new Set<string>();
      const from = query.from.getTime();
      const to = query.to.getTime();
      const calls = page
        .map((transcript) => toRecordedCall(transcript, query.user, members))
        .filter((recorded) => {
          const at = Date.parse(recorded.startedAt);
          return at >= from && at < to;
        });
      // A full page may have more behind it; a short one is the last.
      return { calls, cursor: page.length < pageSize ? null : String(skip + page.length) };
    },

    async transcripts(callIds: string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      const ids = [...new Set(callIds)];
      for (let at = 0; at < ids.length; at += TRANSCRIPTS_PER_REQUEST) {
        const batch = ids.slice(at, at + TRANSCRIPTS_PER_REQUEST);
        // Deleted since listed, or not shared with the key's user: those have none.
        const data = await call<FirefliesSentences>(
          sentencesQuery(batch.length),
          Object.fromEntries(batch.map((id, i) => [`id${i}`, id])),
          true,
        );
        batch.forEach((id, i) => {
          const lines = (data[`t${i}`]?.sentences ?? [])
            .filter((sentence) => sentence.text && sentence.text.trim() !== '')
            .map(
              (sentence) =>
                `${sentence.speaker_name?.trim() || 'Unknown speaker'}: ${sentence.text!.trim()}`,
            );
          if (lines.length > 0) found.set(id, lines.join('\n'));
        });
      }
      return found;
    },
  };
}

function isNotFound(error: unknown): boolean {
  const entry = error as { code?: unknown; extensions?: { code?: unknown } } | null;
  return (entry?.code ?? entry?.extensions?.code) === 'object_not_found';
}

/** The port's cursor is the `skip` of the next page. */
function skipOf(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,9}$/.test(cursor)) {
    throw new CrmError('validation', `Not a Fireflies page cursor: ${JSON.stringify(cursor)}`, {
      field: 'cursor',
    });
  }
  return Number(cursor);
}

function startedAtOf(date: number | string | null): string {
  const ms =
    typeof date === 'number'
      ? date
      : /^\d+$/.test(date ?? '')
        ? Number(date)
        : Date.parse(date ?? '');
  if (!Number.isFinite(ms)) {
    throw new CrmError(
      'validation',
      `Fireflies gave a transcript without a date (${String(date)})`,
      {
        field: 'date',
      },
    );
  }
  return new Date(ms).toISOString();
}

/**
 * A Fireflies transcript as a recorded call. Participants come from the calendar's
 * attendees, then the `participants` emails (which Fireflies sometimes gives as one
 * comma-separated string), one per email. The organizer is the host. Members of the
 * Fireflies team (`team`, by email) and the organizer are internal; of anyone else
 * Fireflies says nothing.
 */
export function toRecordedCall(
  transcript: FirefliesTranscript,
  user: SourceUser,
  team: ReadonlySet<string> = new Set(),
): RecordedCall {
  const host = transcript.organizer_email ?? transcript.host_email ?? user.email;
  const participants: SourceParticipant[] = [];
  const seen = new Map<string, SourceParticipant>();
  const add = (email: string | null, name: string | null) => {
    const key = email?.trim().toLowerCase() || null;
    if (key && seen.has(key)) {
      const known = seen.get(key)!;
      if (!known.name && name) known.name = name;
      return;
    }
    const participant: SourceParticipant = {
      email: email?.trim() || null,
      name: name?.trim() || null,
      affiliation:
        key !== null && (key === host.toLowerCase() || team.has(key)) ? 'internal' : 'unknown',
    };
    if (!participant.email && !participant.name) return;
    if (key) seen.set(key, participant);
    participants.push(participant);
  };
  add(host, host.toLowerCase() === user.email.toLowerCase() ? user.name : null);
  for (const attendee of transcript.meeting_attendees ?? []) {
    add(attendee.email, attendee.name ?? attendee.displayName);
  }
  for (const entry of transcript.participants ?? []) {
    for (const email of (entry ?? '').split(',')) if (email.includes('@')) add(email, null);
  }
  return {
    sourceId: transcript.id,
    title: transcript.title?.trim() || 'Untitled meeting',
    startedAt: startedAtOf(transcript.date),
    durationSeconds: Math.max(0, Math.round((transcript.duration ?? 0) * 60)),
    hostEmail: host,
    participants,
    url: transcript.transcript_url,
    crmContext: null,
    sourceData: {
      organizerEmail: transcript.organizer_email,
      hostEmail: transcript.host_email,
      durationMinutes: transcript.duration,
    },
  };
}
