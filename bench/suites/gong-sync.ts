import type pg from 'pg';
import { openSourceConnector } from '../../src/conversations/connect.js';
import {
  createGongEmulator,
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
} from '../../src/conversations/emulator/gong/emulator.js';
import type { ConversationDataset } from '../../src/conversations/emulator/dataset.js';
import { engineCalls, pagingMinimum } from '../../src/conversations/sync-calls.js';
import { syncSource } from '../../src/conversations/sync.js';
import { writeCredentials } from '../../src/tenancy/connections.js';
import type { SecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';

export interface GongSyncMeasure {
  meetings: number;
  reps: number;
  /** Gong API calls the first sync made. */
  calls: number;
  callsPer1000: number;
  /** The fewest calls any per-user sync could make (src/conversations/sync-calls.ts). */
  pagingMinimum: number;
  pagingMinimumPer1000: number;
  /** Calls of a second run with nothing new (one empty list per rep). */
  secondRunCalls: number;
  meetingsPerSecond: number;
}

/**
 * For `npm run bench -- conversations`: `meetings` calls spread over `reps` Gong users
 * (round robin, so counts differ by at most one), synced by the engine from the Gong
 * emulator over HTTP into a fresh workspace of `pool`'s database, limits off (this
 * measures Pandora, not Gong's 3 calls a second). Returns the calls made per 1,000
 * meetings beside the paging minimum.
 */
export async function measureGongSync(options: {
  pool: pg.Pool;
  secretKey: SecretKey;
  meetings: number;
  reps?: number;
}): Promise<GongSyncMeasure> {
  const reps = options.reps ?? 10;
  const owners = Array.from({ length: reps }, (_, i) => ({
    sourceId: `rep-${i}`,
    email: `rep${i}@seller.example`,
    name: `Rep ${i}`,
    title: 'Account Executive',
  }));
  const start = Date.parse('2026-01-01T00:00:00Z');
  const dataset: ConversationDataset = {
    owners,
    contacts: [],
    conversations: Array.from({ length: options.meetings }, (_, i) => {
      const owner = owners[i % reps]!;
      return {
        sourceId: `meeting-${i}`,
        title: `Discovery call ${i}`,
        startedAt: new Date(start + i * 60_000).toISOString(),
        durationSeconds: 1_800,
        participants: [
          { name: owner.name, email: owner.email, isInternal: true },
          { name: `Buyer ${i}`, email: `buyer${i}@customer${i % 97}.example`, isInternal: false },
        ],
        transcript: `${owner.name}: Thanks for joining.\nBuyer ${i}: Glad to be here.`,
        accountSourceId: null,
        dealSourceId: null,
      };
    }),
  };
  const gong = await createGongEmulator({ dataset, settings: { perSecond: null, daily: null } });
  const baseUrl = await gong.listen(0);
  try {
    const workspace = await createWorkspace(options.pool, { name: 'Gong sync bench' });
    const directory = gong.store.users.map((user) => ({
      id: user.id,
      email: user.emailAddress,
      name: `${user.firstName} ${user.lastName}`,
      title: user.title,
      active: true,
    }));
    const { rows } = await options.pool.query<{ id: string }>(
      `insert into connections (workspace_id, source_type, kind, name, metadata, status)
       values ($1::uuid, 'gong', 'sandbox', 'Gong bench', $2::jsonb, 'connected') returning id`,
      [
        workspace.id,
        JSON.stringify({
          baseUrl,
          directory,
          trackedUserIds: directory.map((user) => user.id),
          syncLookbackDays: 36_500,
          rateLimit: { perWindow: null, daily: null },
        }),
      ],
    );
    const connectionId = rows[0]!.id;
    await writeCredentials(options.pool, options.secretKey, workspace.id, connectionId, {
      accessKey: GONG_EMULATOR_ACCESS_KEY,
      accessKeySecret: GONG_EMULATOR_ACCESS_KEY_SECRET,
    });
    const run = async () => {
      const opened = await openSourceConnector(
        { pool: options.pool, secretKey: options.secretKey },
        workspace.id,
        connectionId,
      );
      return syncSource({ pool: options.pool, ...opened }, { trigger: 'cli' });
    };
    const startedMs = performance.now();
    const first = await run();
    const seconds = (performance.now() - startedMs) / 1000;
    const second = await run();
    const perUser = directory.map(
      (user) =>
        gong.store.allCalls().filter((call) => call.metaData.primaryUserId === user.id).length,
    );
    if (first.crmCalls !== engineCalls(perUser)) {
      throw new Error(`the sync made ${first.crmCalls} calls, ${engineCalls(perUser)} expected`);
    }
    const minimum = pagingMinimum(perUser);
    const per1000 = (n: number) => Math.round((n / options.meetings) * 1000 * 10) / 10;
    return {
      meetings: first.counts.conversations.fetched,
      reps,
      calls: first.crmCalls,
      callsPer1000: per1000(first.crmCalls),
      pagingMinimum: minimum,
      pagingMinimumPer1000: per1000(minimum),
      secondRunCalls: second.crmCalls,
      meetingsPerSecond: Math.round(first.counts.conversations.fetched / seconds),
    };
  } finally {
    gong.app.server.closeAllConnections();
    await gong.close();
  }
}
