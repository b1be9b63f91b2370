import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo/generate.js';
import { callFromSeed } from './emulator/gong/store.js';
import { createGongWorld, type GongWorld } from './emulator/gong/testing.test-helper.js';
import { engineCalls, pagingMinimum } from './sync-calls.js';
import { syncSource } from './sync.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const dataset = generateDemoData({ seed: 11, accounts: 12, now: NOW });
let world: GongWorld;

beforeAll(async () => {
  world = await createGongWorld({
    dataset,
    settings: { pageSize: 5, perSecond: null },
    // The whole data set in the first window; the next run reads again from the last one's end.
    metadata: { syncLookbackDays: 3650, syncOverlapSeconds: 0 },
  });
});

beforeEach(() => world.gong.faults.clear());

async function sync(now: Date, mode?: 'full' | 'incremental') {
  const opened = await world.open({ retry: { baseDelayMs: 10 } });
  return syncSource({ pool: world.db.pool, ...opened }, { trigger: 'manual', now, mode });
}

async function stored() {
  const { rows } = await world.db.pool.query<{
    sourceId: string;
    n: number;
    transcript: string | null;
    participants: { name: string; email: string; isInternal: boolean; affiliation: string }[];
    connectionId: string;
    hostEmail: string | null;
    isInternal: boolean;
  }>(
    `select source_id as "sourceId", transcript, participants, connection_id as "connectionId",
            host_email as "hostEmail", is_internal as "isInternal"
     from conversations where workspace_id = $1::uuid and source = 'gong'`,
    [world.workspaceId],
  );
  return rows;
}

function perUser(): number[] {
  const counts = new Map<string, number>();
  for (const call of world.gong.store.allCalls()) {
    counts.set(call.metaData.primaryUserId, (counts.get(call.metaData.primaryUserId) ?? 0) + 1);
  }
  return world.users.map((user) => counts.get(user.id) ?? 0);
}

describe('syncing a Gong connection', () => {
  it("stores every tracked user's calls with participants and transcripts, at the paging minimum", async () => {
    const total = world.gong.store.callCount;
    expect(total).toBe(dataset.conversations.length);
    const done = world.mark();
    const run = await sync(NOW);
    expect(run).toMatchObject({ status: 'succeeded', mode: 'full', errors: [] });
    expect(run.counts).toMatchObject({
      users: world.users.length,
      conversations: { fetched: total, created: total, updated: 0, unchanged: 0 },
      transcripts: total,
    });
    const rows = await stored();
    expect(rows).toHaveLength(total);
    expect(rows.every((row) => row.transcript && row.connectionId === world.connectionId)).toBe(
      true,
    );
    // The demo's participant shape, with the recorder's affiliation beside it.
    const demo = dataset.conversations[0]!;
    const row = rows.find((r) =>
      r.participants.some((p) => p.email === demo.participants[1]!.email.toLowerCase()),
    )!;
    expect(row.participants[0]).toMatchObject({
      name: expect.any(String),
      email: expect.any(String),
      isInternal: true,
      affiliation: 'internal',
    });
    // Internal meetings are stored like any other: the internal filter marks them later.
    const reviews = dataset.conversations.filter((m) => m.isInternal).length;
    expect(reviews).toBeGreaterThan(0);
    expect(rows.filter((r) => r.participants.every((p) => p.isInternal))).toHaveLength(reviews);

    // One list request per page and one transcript request per page of calls.
    const requests = done();
    expect(run.crmCalls).toBe(requests.length);
    expect(requests.length).toBe(engineCalls(perUser(), 5));
    expect(requests.length).toBeLessThanOrEqual(pagingMinimum(perUser(), 5) + world.users.length);
  });

  it('a second run duplicates nothing and fetches only calls that are new', async () => {
    const before = (await stored()).length;
    const between = new Date(NOW.getTime() + 3_600_000);
    const host = dataset.owners[0]!;
    const meeting = {
      ...dataset.conversations.find((m) => !m.isInternal)!,
      sourceId: 'demo-meeting-new-1',
      startedAt: new Date(NOW.getTime() + 600_000).toISOString(),
    };
    meeting.participants = [
      { name: host.name, email: host.email, isInternal: true },
      ...meeting.participants.filter((p) => !p.isInternal),
    ];
    world.gong.store.addCall(callFromSeed(world.gong.store, meeting)!);
    const done = world.mark();
    const run = await sync(between);
    expect(run).toMatchObject({ status: 'succeeded', mode: 'incremental' });
    expect(run.counts.conversations).toEqual({ fetched: 1, created: 1, updated: 0, unchanged: 0 });
    expect(run.counts.transcripts).toBe(1);
    expect(await stored()).toHaveLength(before + 1);
    // Users with nothing new cost one request each (Gong's empty 404).
    const requests = done();
    expect(requests.filter((r) => r.path === '/v2/calls/extensive')).toHaveLength(
      world.users.length,
    );
    expect(requests.filter((r) => r.path === '/v2/calls/transcript')).toHaveLength(1);

    const again = await sync(between, 'full');
    expect(again.counts.conversations).toMatchObject({ created: 0, updated: 0 });
    expect(again.counts.transcripts).toBe(0);
    expect(await stored()).toHaveLength(before + 1);
  });

  it('an expired cursor restarts the list from the last stored call, counting nothing twice', async () => {
    await world.db.pool.query(`delete from conversations where workspace_id = $1::uuid`, [
      world.workspaceId,
    ]);
    world.gong.faults.add({ kind: 'cursor_expired', path: '/v2/calls/extensive', times: 2 });
    const total = world.gong.store.callCount;
    expect(Math.max(...perUser())).toBeGreaterThan(2);
    world.gong.settings.pageSize = 2;
    const run = await sync(new Date(NOW.getTime() + 7_200_000), 'full').finally(() => {
      world.gong.settings.pageSize = 5;
    });
    expect(run).toMatchObject({ status: 'succeeded', errors: [] });
    expect(run.counts.cursorRestarts).toBe(2);
    expect(run.counts.conversations.fetched).toBe(total);
    expect(run.counts.conversations.created).toBe(total);
    expect(await stored()).toHaveLength(total);
  });

  it('a user whose calls keep failing does not stop the others, and keeps their watermark', async () => {
    const watermarks = async () =>
      (
        await world.db.pool.query<{ users: Record<string, { at: string }> }>(
          `select sync_state->'users' as users from connections where id = $1::uuid`,
          [world.connectionId],
        )
      ).rows[0]!.users;
    const before = await watermarks();
    // Five 503s in a row: the first user's list exhausts its retries, the next users' are fine.
    world.gong.faults.add({ kind: 'server_error', path: '/v2/calls/extensive', times: 5 });
    const later = new Date(NOW.getTime() + 9_000_000);
    const run = await sync(later);
    expect(run.status).toBe('partial');
    expect(run.errors).toEqual([
      expect.objectContaining({ objectType: `user:${world.users[0]!.email}`, kind: 'transient' }),
    ]);
    expect(run.counts.users).toBe(world.users.length - 1);
    const after = await watermarks();
    expect(after[world.users[0]!.id]).toEqual(before[world.users[0]!.id]);
    expect(after[world.users[1]!.id]).toEqual({ at: later.toISOString() });
  });

  it('a 429 storm is waited out; refused credentials fail the run without trying every user', async () => {
    world.gong.faults.add({ kind: 'rate_limit', retryAfterSeconds: 1, times: 2 });
    const ok = await sync(new Date(NOW.getTime() + 7_200_000));
    expect(ok.status).toBe('succeeded');

    await world.setCredentials({ accessKey: 'x', accessKeySecret: 'y' });
    const done = world.mark();
    const failed = await sync(new Date(NOW.getTime() + 7_200_000));
    expect(failed.status).toBe('failed');
    expect(failed.errors).toEqual([expect.objectContaining({ kind: 'auth_expired' })]);
    expect(done()).toHaveLength(1);
  });
});
