import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../demo/generate.js';
import {
  createGongEmulator,
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
  type GongEmulator,
} from './emulator.js';

const dataset = generateDemoData({ seed: 3, accounts: 10, now: new Date('2025-06-01T12:00:00Z') });
const basic = `Basic ${Buffer.from(`${GONG_EMULATOR_ACCESS_KEY}:${GONG_EMULATOR_ACCESS_KEY_SECRET}`).toString('base64')}`;
let clock = Date.parse('2025-06-01T12:00:00Z');
let gong: GongEmulator;
let url: string;

beforeAll(async () => {
  gong = await createGongEmulator({
    dataset,
    settings: { pageSize: 3, perSecond: null, cursorTtlMs: 60_000 },
    bearerTokens: ['oauth-token'],
    now: () => new Date(clock),
  });
  url = await gong.listen(0);
});

afterAll(async () => {
  gong.app.server.closeAllConnections();
  await gong.close();
});

beforeEach(() => {
  gong.faults.clear();
  gong.settings.daily = null;
});

/** Gong's answers as the tests read them. */
interface Answer {
  errors: string[];
  records: { cursor?: string; currentPageNumber: number };
  users: { id: string }[];
  calls: { parties?: unknown; context?: unknown }[];
  callTranscripts: {
    callId: string;
    transcript: { sentences: { start: number; end: number; text: string }[] }[];
  }[];
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown, auth = basic) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer,
  };
}

const extensive = {
  filter: { fromDateTime: '2020-01-01T00:00:00Z', toDateTime: '2026-01-01T00:00:00Z' },
  contentSelector: { context: 'Extended', exposedFields: { parties: true } },
};

describe('the Gong emulator', () => {
  it("refuses a request without Gong's credentials, in Gong's error shape", async () => {
    const refused = await call('GET', '/v2/users', undefined, 'Basic d3Jvbmc6d3Jvbmc=');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ requestId: expect.any(String), errors: [expect.any(String)] });
    expect((await call('GET', '/v2/users', undefined, 'Bearer oauth-token')).status).toBe(200);
  });

  it('pages users with records.cursor, every page the same size but the last', async () => {
    const first = await call('GET', '/v2/users');
    expect(first.body.records).toMatchObject({
      totalRecords: dataset.owners.length,
      currentPageSize: 3,
      currentPageNumber: 0,
      cursor: expect.any(String),
    });
    const second = await call('GET', `/v2/users?cursor=${first.body.records.cursor!}`);
    expect(second.body.records.currentPageNumber).toBe(1);
    expect(second.body.users[0]!.id).not.toBe(first.body.users[0]!.id);
  });

  it('continues a POST list only with the same body; a cursor past its lifetime is expired', async () => {
    const first = await call('POST', '/v2/calls/extensive', extensive);
    expect(first.body.calls).toHaveLength(3);
    expect(first.body.calls[0]).toMatchObject({
      metaData: { id: expect.stringMatching(/^\d{19}$/), primaryUserId: expect.any(String) },
      parties: expect.any(Array),
      context: expect.any(Array),
    });
    const cursor = first.body.records.cursor!;
    const next = await call('POST', '/v2/calls/extensive', { ...extensive, cursor });
    expect(next.status).toBe(200);
    const other = await call('POST', '/v2/calls/extensive', {
      filter: { ...extensive.filter, toDateTime: '2025-12-31T00:00:00Z' },
      cursor,
    });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]!).toMatch(/cursor/);
    clock += 61_000;
    const expired = await call('POST', '/v2/calls/extensive', { ...extensive, cursor });
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0]!).toMatch(/expired/);
  });

  it('shows parties and CRM context only when the content selector asks for them', async () => {
    const bare = await call('POST', '/v2/calls/extensive', { filter: extensive.filter });
    expect(bare.body.calls[0]!.parties).toBeUndefined();
    expect(bare.body.calls[0]!.context).toBeUndefined();
  });

  it('answers a filter that selects nothing with 404, and a bad date with 400 naming it', async () => {
    const none = await call('POST', '/v2/calls/extensive', {
      filter: { fromDateTime: '2030-01-01T00:00:00Z', toDateTime: '2030-01-02T00:00:00Z' },
    });
    expect(none.status).toBe(404);
    expect(none.body.errors[0]!).toMatch(/No calls found/);
    const bad = await call('POST', '/v2/calls/extensive', {
      filter: { fromDateTime: 'yesterday' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!).toContain('filter.fromDateTime');
  });

  it('returns transcripts for many call ids as monologues of timed sentences', async () => {
    const ids = gong.store
      .allCalls()
      .slice(0, 2)
      .map((c) => c.metaData.id);
    const answer = await call('POST', '/v2/calls/transcript', { filter: { callIds: ids } });
    expect(answer.body.callTranscripts.map((t) => t.callId).sort()).toEqual([...ids].sort());
    const sentence = answer.body.callTranscripts[0]!.transcript[0]!.sentences[0]!;
    expect(sentence).toMatchObject({ start: 0, end: expect.any(Number), text: expect.any(String) });
    expect(sentence.end).toBeGreaterThan(sentence.start);
  });

  it('refuses calls past the daily quota with 429 and a Retry-After until midnight UTC', async () => {
    gong.settings.daily = 0;
    const refused = await call('GET', '/v2/users');
    expect(refused.status).toBe(429);
    const midnight = Date.parse('2025-06-02T00:00:00Z');
    expect(Number(refused.headers.get('retry-after'))).toBe(Math.ceil((midnight - clock) / 1000));
  });

  it('takes faults and lists its requests over HTTP, for other processes', async () => {
    const fault = await fetch(`${url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'server_error', path: '/v2/users', times: 1 }),
    });
    expect(fault.status).toBe(201);
    expect((await call('GET', '/v2/users')).status).toBe(503);
    expect((await call('GET', '/v2/users')).status).toBe(200);
    const log = (await (await fetch(`${url}/_emulator/requests`)).json()) as {
      requests: { status: number; fault: string | null }[];
    };
    expect(log.requests.slice(-2)).toMatchObject([
      { status: 503, fault: 'server_error' },
      { status: 200, fault: null },
    ]);
  });
});
