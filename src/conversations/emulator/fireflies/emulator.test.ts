import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../demo/generate.js';
import { createDemoFirefliesEmulator } from '../../../demo/fireflies.js';
import {
  createFirefliesEmulator,
  firefliesSeedFrom,
  FIREFLIES_EMULATOR_API_KEY,
  type FirefliesEmulator,
  type FirefliesSeed,
} from './index.js';

const SEED: FirefliesSeed = {
  users: [
    { userId: 'U-ADMIN', email: 'mia@seller.com', name: 'Mia Admin', isAdmin: true },
    { userId: 'U-REP', email: 'rex@seller.com', name: 'Rex Rep', apiKey: 'rex-key' },
  ],
  transcripts: Array.from({ length: 7 }, (_, i) => ({
    id: `T${i}`,
    sourceKey: `meeting-${i}`,
    title: i === 6 ? 'Weekly stand-up' : `Discovery ${i}`,
    startedAt: new Date(Date.UTC(2030, 0, 1 + i, 15)).toISOString(),
    durationSeconds: 1_800 + i * 60,
    organizerEmail: i % 2 === 0 ? 'rex@seller.com' : 'mia@seller.com',
    attendees: [
      {
        name: i % 2 === 0 ? 'Rex Rep' : 'Mia Admin',
        email: i % 2 === 0 ? 'rex@seller.com' : 'mia@seller.com',
      },
      { name: 'Bea Buyer', email: 'bea@buyer.com' },
    ],
    transcript: `Rex Rep: Hello Bea. Thanks for joining.\nBea Buyer: Happy to be here.\nRex Rep: Let us start.`,
  })),
};

let clock = Date.UTC(2030, 1, 1);
let emulator: FirefliesEmulator;
let url: string;

beforeAll(async () => {
  emulator = await createFirefliesEmulator({ seed: SEED, now: () => new Date(clock) });
  url = await emulator.listen(0);
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.limits.reset();
  Object.assign(emulator.settings.limits, { perMinute: 60, perDay: null });
});

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  key: string | null = FIREFLIES_EMULATOR_API_KEY,
) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // An HTML error page.
  }
  return { status: response.status, body };
}

describe('the Fireflies emulator', () => {
  it('answers only the fields a query selects', async () => {
    const { status, body } = await gql('{ users { email } }');
    expect(status).toBe(200);
    expect(body.data.users).toEqual([{ email: 'mia@seller.com' }, { email: 'rex@seller.com' }]);
  });

  it('lists an organizer’s transcripts newest first, by skip and limit, dated in ms and timed in minutes', async () => {
    const query = `query List($organizers: [String!], $limit: Int, $skip: Int) {
      transcripts(organizers: $organizers, limit: $limit, skip: $skip) { id date duration organizer_email }
    }`;
    const first = await gql(query, { organizers: ['REX@seller.com'], limit: 3, skip: 0 });
    expect(first.body.data.transcripts.map((t: { id: string }) => t.id)).toEqual([
      'T6',
      'T4',
      'T2',
    ]);
    expect(first.body.data.transcripts[0]).toEqual({
      id: 'T6',
      date: Date.UTC(2030, 0, 7, 15),
      duration: 36,
      organizer_email: 'rex@seller.com',
    });
    const second = await gql(query, { organizers: ['rex@seller.com'], limit: 3, skip: 3 });
    expect(second.body.data.transcripts.map((t: { id: string }) => t.id)).toEqual(['T0']);
    const legacy = await gql('{ transcripts(organizer_email: "mia@seller.com") { id } }');
    expect(legacy.body.data.transcripts.map((t: { id: string }) => t.id)).toEqual([
      'T5',
      'T3',
      'T1',
    ]);
  });

  it('filters by fromDate and toDate, both ends included', async () => {
    const { body } = await gql(
      `{ transcripts(fromDate: "2030-01-02T15:00:00.000Z", toDate: "2030-01-04T15:00:00.000Z") { id } }`,
    );
    expect(body.data.transcripts.map((t: { id: string }) => t.id)).toEqual(['T3', 'T2', 'T1']);
  });

  it('gives one transcript’s sentences and attendees', async () => {
    const { body } = await gql(`{ transcript(id: "T1") {
      title sentences { speaker_name text start_time end_time } meeting_attendees { email name }
    } }`);
    const transcript = body.data.transcript;
    expect(transcript.meeting_attendees).toEqual([
      { email: 'mia@seller.com', name: 'Mia Admin' },
      { email: 'bea@buyer.com', name: 'Bea Buyer' },
    ]);
    expect(
      transcript.sentences.map(
        (s: { speaker_name: string; text: string }) => `${s.speaker_name}: ${s.text}`,
      ),
    ).toEqual([
      'Rex Rep: Hello Bea. Thanks for joining.',
      'Bea Buyer: Happy to be here.',
      'Rex Rep: Let us start.',
    ]);
    expect(transcript.sentences[0].start_time).toBe(0);
    expect(transcript.sentences[2].end_time).toBeCloseTo(1_860, 0);
  });

  it('refuses a missing or unknown key with auth_failed', async () => {
    for (const key of [null, 'nope']) {
      const { status, body } = await gql('{ users { email } }', {}, key);
      expect(status).toBe(401);
      expect(body.data).toBeNull();
      expect(body.errors[0]).toMatchObject({
        code: 'auth_failed',
        friendly: true,
        extensions: { code: 'auth_failed', status: 401 },
      });
    }
  });

  it('shows a member’s key only the meetings they organized or attended', async () => {
    const { body } = await gql('{ transcripts { id } }', {}, 'rex-key');
    expect(body.data.transcripts.map((t: { id: string }) => t.id)).toEqual([
      'T6',
      'T4',
      'T2',
      'T0',
    ]);
    const other = await gql('{ transcript(id: "T1") { id } }', {}, 'rex-key');
    expect(other.status).toBe(200);
    expect(other.body.data.transcript).toBeNull();
    expect(other.body.errors[0]).toMatchObject({
      code: 'object_not_found',
      path: ['transcript'],
      extensions: { status: 404, metadata: { objectType: 'Transcript' } },
    });
  });

  it('refuses a limit over 50 and a date that is not one with invalid_arguments', async () => {
    const { status, body } = await gql('{ transcripts(limit: 51, fromDate: "last week") { id } }');
    expect(status).toBe(200);
    expect(body.data.transcripts).toBeNull();
    expect(body.errors[0].code).toBe('invalid_arguments');
    expect(body.errors[0].extensions.metadata.fields).toEqual([
      expect.objectContaining({ name: 'limit', message: 'limit must not be greater than 50' }),
      expect.objectContaining({ name: 'fromDate', message: 'fromDate must be a Date instance' }),
    ]);
  });

  it('refuses a field the schema does not have before running anything', async () => {
    const { status, body } = await gql('{ transcripts { id summary_of_everything } }');
    expect(status).toBe(400);
    expect(body.errors[0].code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.data).toBeUndefined();
  });

  it('counts requests per key in a rolling minute and answers too_many_requests with retryAfter', async () => {
    emulator.settings.limits.perMinute = 2;
    expect((await gql('{ users { email } }')).status).toBe(200);
    clock += 10_000;
    expect((await gql('{ users { email } }')).status).toBe(200);
    // Another key has its own budget.
    expect((await gql('{ users { email } }', {}, 'rex-key')).status).toBe(200);
    const refused = await gql('{ users { email } }');
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0]).toMatchObject({
      code: 'too_many_requests',
      extensions: { status: 429, metadata: { retryAfter: clock + 50_000 } },
    });
    clock += 50_000;
    expect((await gql('{ users { email } }')).status).toBe(200);
  });

  it('injects rate-limit storms, outages and slow answers by operation, and logs what each request asked for', async () => {
    emulator.faults.add({
      kind: 'rate_limit',
      operation: 'transcripts',
      times: 2,
      retryAfterSeconds: 3,
    });
    emulator.faults.add({ kind: 'server_error', operation: 'transcript', status: 503, times: 1 });
    const after = emulator.log.lastSeq;
    expect((await gql('{ users { email } }')).status).toBe(200);
    expect((await gql('{ transcripts { id } }')).status).toBe(429);
    expect((await gql('{ transcripts { id } }')).status).toBe(429);
    expect((await gql('{ transcripts { id title } }')).status).toBe(200);
    const outage = await gql('{ transcript(id: "T0") { sentences { text } } }');
    expect(outage.status).toBe(503);
    expect(String(outage.body)).toContain('<html>');

    emulator.faults.add({ kind: 'slow', delayMs: 300, times: 1 });
    const started = Date.now();
    expect((await gql('{ users { email } }')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    const log = emulator.log.list(after);
    expect(
      log.map((entry) => [entry.operations.join(), entry.status, entry.fault, entry.errorCode]),
    ).toEqual([
      ['users', 200, null, null],
      ['transcripts', 429, 'rate_limit', 'too_many_requests'],
      ['transcripts', 429, 'rate_limit', 'too_many_requests'],
      ['transcripts', 200, null, null],
      ['transcript', 503, 'server_error', null],
      ['users', 200, 'slow', null],
    ]);
    expect(log[3]!.fields).toEqual(['transcripts', 'transcripts.id', 'transcripts.title']);
    expect(log[4]!.fields).toEqual([
      'transcript',
      'transcript.sentences',
      'transcript.sentences.text',
    ]);
  });

  it('is steered over HTTP as well', async () => {
    const put = await fetch(`${url}/_emulator/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plan: 'free' }),
    });
    expect(await put.json()).toMatchObject({
      plan: 'free',
      limits: { perMinute: null, perDay: 50 },
    });
    await fetch(`${url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'rate_limit', times: 1 }),
    });
    expect((await gql('{ users { email } }')).status).toBe(429);
    const log = (await (await fetch(`${url}/_emulator/requests?afterSeq=0`)).json()) as {
      requests: { fault: string | null }[];
    };
    expect(log.requests.at(-1)!.fault).toBe('rate_limit');
  });
});

describe('the demo’s Fireflies', () => {
  it('holds every demo meeting, organized by its seller, with the demo’s transcript line for line', async () => {
    const now = new Date('2030-06-01T00:00:00Z');
    const dataset = generateDemoData({ accounts: 6, now });
    const demo = await createDemoFirefliesEmulator({ dataset });
    const demoUrl = await demo.listen(0);
    try {
      const meeting = dataset.conversations[0]!;
      const rep = meeting.participants.find((p) => p.isInternal)!;
      const response = await fetch(`${demoUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${FIREFLIES_EMULATOR_API_KEY}`,
        },
        body: JSON.stringify({
          query: `{ users { email is_admin } transcripts(organizers: ["${rep.email}"], limit: 50) {
            title date sentences { speaker_name text } } }`,
        }),
      });
      const { data } = (await response.json()) as {
        data: {
          users: { email: string; is_admin: boolean }[];
          transcripts: {
            title: string;
            date: number;
            sentences: { speaker_name: string; text: string }[];
          }[];
        };
      };
      expect(data.users.map((u) => u.email).sort()).toEqual(
        dataset.owners.map((o) => o.email).sort(),
      );
      expect(data.users.filter((u) => u.is_admin).length).toBeGreaterThan(0);
      const found = data.transcripts.find(
        (t) => t.date === Date.parse(meeting.startedAt) && t.title === meeting.title,
      )!;
      expect(found.sentences.map((s) => `${s.speaker_name}: ${s.text}`).join('\n')).toBe(
        meeting.transcript,
      );
      const organized = dataset.conversations.filter(
        (c) => c.participants.find((p) => p.isInternal)!.email === rep.email,
      );
      expect(data.transcripts).toHaveLength(organized.length);
    } finally {
      await demo.close();
    }
  });
});

describe('a Fireflies team made from the conversation data set', () => {
  const owner = (email: string, title: string) => ({ sourceId: email, email, name: email, title });

  it('has sales managers and directors as admins, never account managers', () => {
    const seed = firefliesSeedFrom({
      owners: [owner('am@s.com', 'Account Manager'), owner('sm@s.com', 'Sales Manager')],
      contacts: [],
      conversations: [],
    });
    expect(seed.users.map((user) => user.isAdmin)).toEqual([false, true]);
  });

  it('makes the first owner the admin when no title says who runs the team', () => {
    const seed = firefliesSeedFrom({
      owners: [owner('a@s.com', 'Account Executive'), owner('b@s.com', 'Account Manager')],
      contacts: [],
      conversations: [],
    });
    expect(seed.users.map((user) => user.isAdmin)).toEqual([true, false]);
  });
});
