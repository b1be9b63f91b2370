import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../crm/errors.js';
import { usageFor } from '../../crm/rate-limiter.js';
import { generateDemoData } from '../../demo/generate.js';
import {
  createGongWorld,
  GONG_TEST_CREDENTIALS,
  type GongWorld,
} from '../emulator/gong/testing.test-helper.js';
import { CURSOR_EXPIRED, type SourceUser } from '../port.js';

const dataset = generateDemoData({ seed: 7, accounts: 12, now: new Date('2025-06-01T12:00:00Z') });
const from = new Date('2020-01-01T00:00:00Z');
const to = new Date('2025-06-02T00:00:00Z');
let world: GongWorld;
let busiest: SourceUser;
let busiestCalls: number;

beforeAll(async () => {
  // The CRM ids Gong's CRM integration would show: a fake CRM numbering the seed.
  const crmIds = new Map(
    [...dataset.accounts, ...dataset.deals, ...dataset.contacts].map((r, i) => [
      r.sourceId,
      String(500 + i),
    ]),
  );
  // The emulator's day starts at noon UTC and runs in real time, so its daily quota is
  // hours from its reset whenever the suite runs (a quota spent in its last minute asks
  // for a wait the retry loop sits out, as the per-second limit's).
  const startedMs = Date.now();
  const noonMs = new Date(startedMs).setUTCHours(12, 0, 0, 0);
  world = await createGongWorld({
    dataset,
    now: () => new Date(noonMs + (Date.now() - startedMs)),
    crmIdFor: (sourceId) => crmIds.get(sourceId),
    // Gong's own 3/s is tested on its own below; the other tests are not paced by it.
    settings: { pageSize: 4, perSecond: null },
    bearerTokens: ['gong-oauth-token'],
  });
  const perUser = new Map<string, number>();
  for (const call of world.gong.store.allCalls()) {
    perUser.set(call.metaData.primaryUserId, (perUser.get(call.metaData.primaryUserId) ?? 0) + 1);
  }
  const [id, count] = [...perUser].sort((a, b) => b[1] - a[1])[0]!;
  busiest = world.users.find((user) => user.id === id)!;
  busiestCalls = count;
});

beforeEach(() => {
  world.gong.faults.clear();
});

async function allCalls(user: SourceUser) {
  const { connector } = await world.open();
  const calls = [];
  let cursor: string | null = null;
  do {
    const page = await connector.listCalls({ user, from, to, cursor });
    calls.push(...page.calls);
    cursor = page.cursor;
  } while (cursor);
  return calls;
}

describe('the Gong connector against the emulator', () => {
  it('lists every user across pages of the user directory', async () => {
    const { connector } = await world.open();
    const done = world.mark();
    const users = await connector.listUsers();
    expect(users.map((u) => u.email).sort()).toEqual(dataset.owners.map((o) => o.email).sort());
    const requests = done();
    expect(requests).toHaveLength(Math.ceil(dataset.owners.length / 4));
    expect(requests.slice(1).every((r) => r.cursor && r.path === '/v2/users')).toBe(true);
  });

  it("pages a user's calls by re-sending the same body with the cursor, in start order", async () => {
    expect(busiestCalls).toBeGreaterThan(4);
    const done = world.mark();
    const calls = await allCalls(busiest);
    expect(calls).toHaveLength(busiestCalls);
    expect(new Set(calls.map((c) => c.sourceId)).size).toBe(busiestCalls);
    const starts = calls.map((c) => Date.parse(c.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const requests = done();
    expect(requests).toHaveLength(Math.ceil(busiestCalls / 4));
    // The emulator refuses a cursor sent with another body: every page came back 200.
    expect(requests.every((r) => r.status === 200)).toBe(true);
    expect(calls.every((c) => c.hostEmail === busiest.email)).toBe(true);
  });

  it("maps parties to participants with their affiliation and Gong's CRM context", async () => {
    const calls = await allCalls(busiest);
    const external = calls.find((c) => c.participants.some((p) => p.affiliation === 'external'));
    const demo = dataset.conversations.find(
      (m) => m.title === external!.title && m.startedAt === external!.startedAt,
    )!;
    expect(external!.participants).toEqual(
      demo.participants.map((p) => ({
        email: p.email.toLowerCase(),
        name: p.name,
        affiliation: p.isInternal ? 'internal' : 'external',
      })),
    );
    const linked = calls.find((c) => c.crmContext?.dealIds.length);
    expect(linked?.crmContext).toMatchObject({ crmType: 'hubspot' });
    expect(linked!.crmContext!.accountIds).toHaveLength(1);
    expect(linked!.url).toMatch(/^https:\/\/app\.gong\.io\/call\?id=\d+$/);
  });

  it('an empty window is an empty page, not an error (Gong answers 404)', async () => {
    const { connector } = await world.open();
    const done = world.mark();
    const page = await connector.listCalls({
      user: busiest,
      from: new Date('2030-01-01T00:00:00Z'),
      to: new Date('2030-02-01T00:00:00Z'),
    });
    expect(page).toEqual({ calls: [], cursor: null });
    expect(done()[0]!.status).toBe(404);
  });

  it('fetches many transcripts in one request, as speaker lines', async () => {
    const calls = await allCalls(busiest);
    const { connector } = await world.open();
    // The names come with the calls listed by this connector.
    let cursor: string | null = null;
    do {
      const page = await connector.listCalls({ user: busiest, from, to, cursor });
      cursor = page.cursor;
    } while (cursor);
    const ids = calls.slice(0, 4).map((c) => c.sourceId);
    const done = world.mark();
    const transcripts = await connector.transcripts(ids);
    expect(done()).toHaveLength(1);
    expect([...transcripts.keys()].sort()).toEqual([...ids].sort());
    const first = calls[0]!;
    const demo = dataset.conversations.find(
      (m) => m.title === first.title && m.startedAt === first.startedAt,
    )!;
    const speakers = new Set(demo.transcript.split('\n').map((line) => line.split(': ')[0]));
    const lines = transcripts.get(first.sourceId)!.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(speakers.has(line.split(': ')[0]!)).toBe(true);
  });

  it('refused credentials are a CrmError auth_expired, not retried', async () => {
    await world.setCredentials({ accessKey: 'wrong', accessKeySecret: 'nope' });
    try {
      const { connector } = await world.open();
      const done = world.mark();
      const error = await connector.listUsers().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ kind: 'auth_expired', status: 401 });
      expect(done()).toHaveLength(1);
    } finally {
      await world.setCredentials({
        accessKey: 'emulator-gong-access-key',
        accessKeySecret: 'emulator-gong-access-key-secret',
      });
    }
  });

  it('an OAuth access token is sent as a bearer token', async () => {
    await world.setCredentials({ accessToken: 'gong-oauth-token' });
    try {
      const { connector } = await world.open();
      expect(await connector.listUsers()).toHaveLength(dataset.owners.length);
      await world.setCredentials({ accessToken: 'revoked' });
      const refused = await (await world.open()).connector.listUsers().catch((e: unknown) => e);
      expect(refused).toMatchObject({ kind: 'auth_expired' });
    } finally {
      await world.setCredentials(GONG_TEST_CREDENTIALS);
    }
  });

  it('an expired cursor is a CrmError the sync can recognise', async () => {
    const { connector } = await world.open();
    const first = await connector.listCalls({ user: busiest, from, to });
    world.gong.faults.add({ kind: 'cursor_expired', path: '/v2/calls/extensive', times: 1 });
    const error = await connector
      .listCalls({ user: busiest, from, to, cursor: first.cursor })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation', crmCode: CURSOR_EXPIRED, status: 400 });
  });

  it('a 429 storm is waited out through the shared limiter, honouring Retry-After', async () => {
    world.gong.faults.add({ kind: 'rate_limit', retryAfterSeconds: 1, times: 3 });
    const { connector } = await world.open();
    const done = world.mark();
    const startedMs = Date.now();
    const users = await connector.listUsers();
    expect(users).toHaveLength(dataset.owners.length);
    const statuses = done().map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 429, 429]);
    // Three pauses of a second each, held in Postgres for every process.
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(2_900);
    const usage = await usageFor(world.db.pool, world.workspaceId, world.connectionId);
    expect(usage?.last429At).not.toBeNull();
  });

  it('a used-up daily quota holds every later call in Postgres until the reset, sending nothing', async () => {
    world.gong.settings.daily = 0;
    try {
      const first = await (await world.open()).connector.listUsers().catch((e: unknown) => e);
      expect(first).toMatchObject({ kind: 'rate_limited', policy: 'DAILY', retryable: false });
      const done = world.mark();
      const second = await (await world.open()).connector.listUsers().catch((e: unknown) => e);
      expect(second).toMatchObject({ kind: 'rate_limited', policy: 'DAILY' });
      expect(done()).toHaveLength(0);
    } finally {
      world.gong.settings.daily = 10_000;
      await world.db.pool.query('delete from crm_rate_limits where connection_id = $1::uuid', [
        world.connectionId,
      ]);
    }
  });

  it('an answer slower than the timeout is abandoned and the read retried', async () => {
    // The slow answer is far slower than the timeout, so the margin holds on a loaded machine
    // (a 600 ms answer against a 600 ms bound failed once at 621 ms on 2 busy cores).
    const slowMs = 1500;
    world.gong.faults.add({ kind: 'slow', delayMs: slowMs, times: 1 });
    const { connector } = await world.open({ timeoutMs: 250, retry: { baseDelayMs: 10 } });
    const startedMs = Date.now();
    expect(await connector.listUsers()).toHaveLength(dataset.owners.length);
    // The slow answer was not waited for: the fault was spent and the retry answered first.
    expect(world.gong.faults.list()).toEqual([]);
    expect(Date.now() - startedMs).toBeLessThan(slowMs);
  });

  it("a 5xx is retried; the emulator's own limit (3/s) answers 429 with Retry-After", async () => {
    world.gong.faults.add({ kind: 'server_error', times: 1 });
    const { connector } = await world.open({ retry: { baseDelayMs: 10 } });
    const done = world.mark();
    await connector.listUsers();
    expect(done()[0]!.status).toBe(503);

    world.gong.settings.perSecond = 3;
    const response = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${world.baseUrl}/v2/users`, {
          headers: {
            authorization: `Basic ${Buffer.from('emulator-gong-access-key:emulator-gong-access-key-secret').toString('base64')}`,
          },
        }),
      ),
    );
    world.gong.settings.perSecond = null;
    const refused = response.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused[0]!.json()).toMatchObject({ errors: [expect.any(String)] });
  });
});
