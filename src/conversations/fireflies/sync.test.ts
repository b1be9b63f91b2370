import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createDemoFirefliesEmulator } from '../../demo/fireflies.js';
import { generateDemoData } from '../../demo/generate.js';
import { writeCredentials } from '../../tenancy/connections.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { openSourceConnector } from '../connect.js';
import { FIREFLIES_EMULATOR_API_KEY, type FirefliesEmulator } from '../emulator/fireflies/index.js';
import type { SourceUser } from '../port.js';
import { syncSource } from '../sync.js';
import { FIREFLIES_PAGE_SIZE, TRANSCRIPTS_PER_REQUEST } from './connector.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const dataset = generateDemoData({ seed: 7, accounts: 14, now: NOW });
let db: TestDatabase;
let fireflies: FirefliesEmulator;
let workspaceId: string;
let connectionId: string;
let users: SourceUser[];

beforeAll(async () => {
  db = await createTestDatabase();
  fireflies = await createDemoFirefliesEmulator({ dataset });
  const baseUrl = await fireflies.listen(0);
  afterAll(() => fireflies.close());
  workspaceId = (await createWorkspace(db.pool, { name: 'Fireflies sync' })).id;
  users = fireflies.store.users.map((user) => ({
    id: user.userId,
    email: user.email,
    name: user.name,
    title: null,
    active: true,
  }));
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into connections (workspace_id, source_type, kind, name, metadata, status)
     values ($1::uuid, 'fireflies', 'sandbox', 'Fireflies (sandbox)', $2::jsonb, 'connected')
     returning id`,
    [
      workspaceId,
      JSON.stringify({
        baseUrl,
        plan: 'business',
        // The directory as the connect step stores it, every user picked.
        directory: users,
        trackedUserIds: users.map((user) => user.id),
        // The whole data set in the first window; the next run reads from the last one's end.
        syncLookbackDays: 3650,
        syncOverlapSeconds: 0,
      }),
    ],
  );
  connectionId = rows[0]!.id;
  await writeCredentials(db.pool, TEST_SECRET_KEY, workspaceId, connectionId, {
    apiKey: FIREFLIES_EMULATOR_API_KEY,
  });
});

async function sync(now: Date, mode?: 'full' | 'incremental') {
  const opened = await openSourceConnector(
    { pool: db.pool, secretKey: TEST_SECRET_KEY },
    workspaceId,
    connectionId,
    { retry: { baseDelayMs: 10 } },
  );
  return syncSource({ pool: db.pool, ...opened }, { trigger: 'manual', now, mode });
}

async function stored() {
  const { rows } = await db.pool.query<{
    title: string;
    startedMs: number;
    transcript: string | null;
    hostEmail: string | null;
    participants: { email: string | null; isInternal: boolean }[];
  }>(
    `select title, (extract(epoch from started_at) * 1000)::float8 as "startedMs", transcript, host_email as "hostEmail", participants
     from conversations
     where workspace_id = $1::uuid and source = 'fireflies' and connection_id = $2::uuid`,
    [workspaceId, connectionId],
  );
  return rows;
}

/** Meetings each user organized (the demo's first seller on the call). */
function perUser(): number[] {
  return users.map(
    (user) =>
      dataset.conversations.filter(
        (m) => m.participants.find((p) => p.isInternal)!.email === user.email,
      ).length,
  );
}

describe('syncing a Fireflies connection through the engine', () => {
  it('stores every tracked user’s meetings with their transcripts, reading sentences only per transcript', async () => {
    const total = dataset.conversations.length;
    const after = fireflies.log.lastSeq;
    const run = await sync(NOW);
    expect(run).toMatchObject({ status: 'succeeded', mode: 'full', errors: [] });
    expect(run.counts).toMatchObject({
      users: users.length,
      conversations: { fetched: total, created: total, updated: 0, unchanged: 0 },
      transcripts: total,
    });

    const rows = await stored();
    expect(rows).toHaveLength(total);
    for (const meeting of dataset.conversations) {
      const row = rows.find(
        (r) => r.title === meeting.title && r.startedMs === Date.parse(meeting.startedAt),
      )!;
      expect(row.transcript).toBe(meeting.transcript);
      expect(row.hostEmail).toBe(meeting.participants.find((p) => p.isInternal)!.email);
      // Sellers are members of the Fireflies team, buyers are not.
      expect(row.participants.map((p) => [p.email, p.isInternal])).toEqual(
        meeting.participants.map((p) => [p.email, p.isInternal]),
      );
    }

    const requests = fireflies.log.list(after);
    expect(run.crmCalls).toBe(requests.length);
    // One directory read, then per user its list pages and ten transcripts a request.
    const expected =
      1 +
      perUser().reduce(
        (sum, n) =>
          sum + Math.floor(n / FIREFLIES_PAGE_SIZE) + 1 + Math.ceil(n / TRANSCRIPTS_PER_REQUEST),
        0,
      );
    expect(requests).toHaveLength(expected);
    const lists = requests.filter((r) => r.operations.includes('transcripts'));
    expect(lists).toHaveLength(users.length);
    expect(lists.flatMap((r) => r.fields).filter((f) => f.includes('sentences'))).toEqual([]);
  });

  it('a second run stores nothing twice and asks only for new meetings', async () => {
    const before = await stored();
    const after = fireflies.log.lastSeq;
    const run = await sync(new Date(NOW.getTime() + 3_600_000));
    expect(run).toMatchObject({ status: 'succeeded', mode: 'incremental' });
    expect(run.counts.conversations).toEqual({ fetched: 0, created: 0, updated: 0, unchanged: 0 });
    expect(run.counts.transcripts).toBe(0);
    expect(await stored()).toHaveLength(before.length);
    // One empty list per user; no directory read and no transcript without a meeting.
    expect(fireflies.log.list(after).map((r) => r.operations.join())).toEqual(
      users.map(() => 'transcripts'),
    );
  });

  it('a full re-run finds every meeting unchanged and fetches no transcript again', async () => {
    const before = await stored();
    const after = fireflies.log.lastSeq;
    const run = await sync(new Date(NOW.getTime() + 7_200_000), 'full');
    const total = dataset.conversations.length;
    expect(run.counts).toMatchObject({
      conversations: { fetched: total, created: 0, updated: 0, unchanged: total },
      transcripts: 0,
    });
    expect(await stored()).toEqual(before);
    expect(fireflies.log.list(after).filter((r) => r.operations.includes('transcript'))).toEqual(
      [],
    );
  });
});
