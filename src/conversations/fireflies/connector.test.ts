import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { CrmError } from '../../crm/errors.js';
import { createRateLimiter } from '../../crm/rate-limiter.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import {
  createFirefliesEmulator,
  FIREFLIES_EMULATOR_API_KEY,
  type FirefliesEmulator,
  type FirefliesSeed,
} from '../emulator/fireflies/index.js';
import type { ConversationSourceConnector, SourceUser } from '../port.js';
import { createFirefliesConnector } from './connector.js';
import { firefliesRateLimits } from './limits.js';

const REP = 'rex@seller.com';
const DAY = 86_400_000;
const WINDOW_START = Date.UTC(2030, 0, 1);

// 120 meetings of one rep inside the window (three pages of 50), a few outside it,
// and a colleague's.
const SEED: FirefliesSeed = {
  users: [
    { email: 'mia@seller.com', name: 'Mia Admin', isAdmin: true },
    { email: REP, name: 'Rex Rep' },
  ],
  transcripts: [
    ...Array.from({ length: 124 }, (_, i) => ({
      sourceKey: `rex-${i}`,
      // Four before the window starts.
      title: `Call ${i}`,
      startedAt: new Date(WINDOW_START + (i - 4) * 3_600_000).toISOString(),
      durationSeconds: 1_500 + i,
      organizerEmail: REP,
      attendees: [
        { name: 'Rex Rep', email: REP },
        { name: 'Bea Buyer', email: `bea${i}@buyer.com` },
        // Their manager joins one call.
        ...(i === 4 ? [{ name: 'Mia Admin', email: 'MIA@seller.com' }] : []),
      ],
      transcript: `Rex Rep: Hello number ${i}.\nBea Buyer: Hi. Good to meet.`,
    })),
    {
      sourceKey: 'mia-1',
      title: 'Mia call',
      startedAt: new Date(WINDOW_START + DAY).toISOString(),
      durationSeconds: 600,
      organizerEmail: 'mia@seller.com',
      attendees: [{ name: 'Mia Admin', email: 'mia@seller.com' }],
      transcript: 'Mia Admin: Alone.',
    },
  ],
};

let db: TestDatabase;
let emulator: FirefliesEmulator;
let baseUrl: string;
let workspaceId: string;
let connectionId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  emulator = await createFirefliesEmulator({ seed: SEED });
  baseUrl = await emulator.listen(0);
  workspaceId = (await createWorkspace(db.pool, { name: 'Fireflies test' })).id;
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into connections (workspace_id, source_type, name, metadata, status)
     values ($1::uuid, 'fireflies', 'Fireflies', '{"plan": "business"}'::jsonb, 'connected')
     returning id`,
    [workspaceId],
  );
  connectionId = rows[0]!.id;
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.limits.reset();
});

function connector(
  apiKey = FIREFLIES_EMULATOR_API_KEY,
  timeoutMs?: number,
): ConversationSourceConnector {
  const limiter = createRateLimiter({
    pool: db.pool,
    workspaceId,
    connectionId,
    // Business's 60 a minute would pace this file's calls; the emulator's count is reset per test.
    limits: firefliesRateLimits({ plan: 'business', rateLimit: { perWindow: 600 } }),
  });
  return createFirefliesConnector({
    credentials: { apiKey },
    baseUrl,
    gate: limiter,
    timeoutMs,
    retry: { baseDelayMs: 20 },
  });
}

async function rex(ff: ConversationSourceConnector): Promise<SourceUser> {
  return (await ff.listUsers()).find((user) => user.email === REP)!;
}

const window = { from: new Date(WINDOW_START), to: new Date(WINDOW_START + 30 * DAY) };

describe('the Fireflies connector', () => {
  it('lists the user directory', async () => {
    const users = await connector().listUsers();
    expect(users.map(({ email, name, active }) => ({ email, name, active }))).toEqual([
      { email: 'mia@seller.com', name: 'Mia Admin', active: true },
      { email: REP, name: 'Rex Rep', active: true },
    ]);
    expect(users[0]!.id).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('pages a rep’s calls by skip and limit, never asking the list for sentences', async () => {
    const ff = connector();
    const user = await rex(ff);
    const after = emulator.log.lastSeq;
    const ids: string[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const page = await ff.listCalls({ user, ...window, cursor });
      ids.push(...page.calls.map((call) => call.sourceId));
      cursor = page.cursor;
      cursors.push(cursor);
    } while (cursor);
    expect(cursors).toEqual(['50', '100', null]);
    expect(new Set(ids).size).toBe(120);

    const requests = emulator.log
      .list(after)
      .filter((entry) => entry.operations.includes('transcripts'));
    expect(requests.map((entry) => entry.variables.skip)).toEqual([0, 50, 100]);
    expect(requests.every((entry) => entry.variables.limit === 50)).toBe(true);
    expect(requests[0]!.variables.organizers).toEqual([REP]);
    for (const entry of requests) {
      expect(entry.fields).toContain('transcripts.meeting_attendees.email');
      expect(entry.fields.filter((field) => field.includes('sentences'))).toEqual([]);
    }
  });

  it('keeps to the window, [from, to)', async () => {
    const ff = connector();
    const user = await rex(ff);
    // Calls start hourly from the window start: [start + 10 h, start + 12 h) holds two.
    const page = await ff.listCalls({
      user,
      from: new Date(WINDOW_START + 10 * 3_600_000),
      to: new Date(WINDOW_START + 12 * 3_600_000),
    });
    expect(page.calls.map((call) => call.title)).toEqual(['Call 15', 'Call 14']);
    expect(page.cursor).toBeNull();
  });

  it('maps a transcript to a call: seconds, the organizer as host, team members internal, attendees once each', async () => {
    const ff = connector();
    // As the sync engine has it: the tracked user from the connection, no directory read yet.
    const user: SourceUser = { id: 'U', email: REP, name: 'Rex Rep', title: null, active: true };
    const after = emulator.log.lastSeq;
    const page = await ff.listCalls({
      user,
      from: new Date(WINDOW_START),
      to: new Date(WINDOW_START + 1),
    });
    expect(page.calls).toHaveLength(1);
    expect(page.calls[0]).toMatchObject({
      title: 'Call 4',
      startedAt: new Date(WINDOW_START).toISOString(),
      durationSeconds: 1_504,
      hostEmail: REP,
      participants: [
        { email: REP, name: 'Rex Rep', affiliation: 'internal' },
        { email: 'bea4@buyer.com', name: 'Bea Buyer', affiliation: 'unknown' },
        { email: 'MIA@seller.com', name: 'Mia Admin', affiliation: 'internal' },
      ],
      crmContext: null,
    });
    expect(page.calls[0]!.url).toContain(page.calls[0]!.sourceId);
    // The team directory is read once for the connector, not once per page.
    await ff.listCalls({ user, ...window });
    expect(emulator.log.list(after).map((entry) => entry.operations.join())).toEqual([
      'transcripts',
      'users',
      'transcripts',
    ]);
  });

  it('fetches sentences as "Speaker Name: text" lines, ten transcripts a request; an unknown id has none', async () => {
    const ff = connector();
    const user = await rex(ff);
    const page = await ff.listCalls({ user, ...window });
    const ids = page.calls.slice(0, 11).map((call) => call.sourceId);
    const oldest = await ff.listCalls({ user, from: window.from, to: new Date(WINDOW_START + 1) });
    const first = oldest.calls[0]!.sourceId;
    const after = emulator.log.lastSeq;
    const transcripts = await ff.transcripts([first, ...ids, '01UNKNOWN0000000000000000']);
    expect(transcripts.size).toBe(12);
    expect(transcripts.get(first)).toBe('Rex Rep: Hello number 4.\nBea Buyer: Hi. Good to meet.');
    expect(transcripts.has('01UNKNOWN0000000000000000')).toBe(false);
    const asked = emulator.log.list(after);
    expect(asked.map((entry) => Object.keys(entry.variables).length)).toEqual([10, 3]);
    expect(asked[0]!.fields).toEqual([
      'transcript',
      'transcript.id',
      'transcript.sentences',
      'transcript.sentences.speaker_name',
      'transcript.sentences.text',
    ]);
  });

  it('turns a refused key into CrmError auth_expired, without retrying', async () => {
    const after = emulator.log.lastSeq;
    const error = await connector('revoked-key')
      .listUsers()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'auth_expired', crmCode: 'auth_failed', status: 401 });
    expect(emulator.log.list(after)).toHaveLength(1);
  });

  it('rides out a rate-limit storm: waits as told, holding the shared limiter, then goes on', async () => {
    const ff = connector();
    const user = await rex(ff);
    emulator.faults.add({
      kind: 'rate_limit',
      operation: 'transcripts',
      times: 2,
      retryAfterSeconds: 1,
    });
    const after = emulator.log.lastSeq;
    const started = Date.now();
    const page = await ff.listCalls({ user, ...window });
    expect(page.calls).toHaveLength(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(emulator.log.list(after).map((entry) => entry.status)).toEqual([429, 429, 200]);
    const { rows } = await db.pool.query(
      `select last_429_at is not null as paused from crm_rate_limits where connection_id = $1::uuid`,
      [connectionId],
    );
    expect(rows[0]).toEqual({ paused: true });
  });

  it('tries again after an outage and after a timeout, as a read may be', async () => {
    const ff = connector(FIREFLIES_EMULATOR_API_KEY, 300);
    emulator.faults.add({ kind: 'server_error', status: 503, times: 1 });
    emulator.faults.add({ kind: 'timeout', delayMs: 1_000, times: 1 });
    const after = emulator.log.lastSeq;
    expect(await ff.listUsers()).toHaveLength(2);
    // The abandoned request is logged when the emulator drops it, after the retry's answer.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(emulator.log.list(after).map((entry) => [entry.fault, entry.status])).toEqual([
      ['server_error', 503],
      [null, 200],
      ['timeout', 0],
    ]);
  });

  it('gives up with a transient CrmError when Fireflies stays down', async () => {
    emulator.faults.add({ kind: 'server_error' });
    const error = await connector()
      .listUsers()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'transient',
      crmCode: 'INTERNAL_SERVER_ERROR',
      status: 500,
    });
  });

  it('refuses a cursor it did not make', async () => {
    const ff = connector();
    const error = await ff
      .listCalls({ user: await rex(ff), ...window, cursor: 'page-2' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation', field: 'cursor' });
  });
});
