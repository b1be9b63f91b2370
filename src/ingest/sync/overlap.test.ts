import { beforeAll, describe, expect, it } from 'vitest';
import { createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import { generateDemoData } from '../../demo/generate.js';
import { syncConnection } from './run.js';

// The emulator's clock runs ahead of the real one by `offset`: moving it forward lets
// the search index catch up without waiting.
let offset = 0;
let world: CrmWorld;
const dataset = generateDemoData({ seed: 5, accounts: 12 });

beforeAll(async () => {
  world = await createCrmWorld({ dataset, now: () => new Date(Date.now() + offset) });
});

async function sync(mode: 'full' | 'incremental') {
  const opened = await world.open('hubspot');
  return syncConnection({ pool: world.db.pool, ...opened }, { mode, trigger: 'manual' });
}

async function deal(sourceId: string) {
  const { rows } = await world.db.pool.query<{ amount: string; updatedAt: Date; history: number }>(
    `select d.amount, d.updated_at as "updatedAt",
            (select count(*) from deal_stage_history h where h.deal_id = d.id)::int as history
     from deals d where d.workspace_id = $1::uuid and d.source = 'hubspot' and d.source_id = $2::text`,
    [world.workspaceId, sourceId],
  );
  return rows[0]!;
}

async function watermark(): Promise<{ at: string; ids: string[] }> {
  const { rows } = await world.db.pool.query<{ w: { at: string; ids: string[] } }>(
    `select sync_state->'watermarks'->'deal' as w from connections where id = $1::uuid`,
    [world.connectionIds.hubspot],
  );
  return rows[0]!.w;
}

describe('incremental HubSpot sync while the search index lags', () => {
  it('re-reads an overlap behind its watermark: a record indexed after the last run is not missed', async () => {
    expect((await sync('full')).status).toBe('succeeded');
    const { connector } = await world.open('hubspot');
    const [early, late, lagging] = await world.recordIds('hubspot', 3);
    const setAmount = async (id: string, amount: number) => {
      const [result] = await connector.updateRecords('deal', [{ id, properties: { amount } }]);
      expect(result!.ok).toBe(true);
    };

    // `early` and `late` are searchable at once; `lagging`, written between them, a
    // minute after its write.
    await setAmount(early!, 1_111);
    offset += 1_000;
    world.emulator.ctx.settings.searchLagMs = 60_000;
    await setAmount(lagging!, 2_222);
    world.emulator.ctx.settings.searchLagMs = 0;
    offset += 1_000;
    await setAmount(late!, 3_333);

    const first = await sync('incremental');
    expect(first.counts.deals).toMatchObject({ fetched: 2, updated: 2 });
    expect(Number((await deal(lagging!)).amount)).not.toBe(2_222);
    const after = await watermark();
    const earlyBefore = await deal(early!);

    offset += 61_000;
    const second = await sync('incremental');
    // `lagging` is read now; `early`, in the overlap too, is read again and left alone.
    expect(second.counts.deals).toMatchObject({ fetched: 2, updated: 1, unchanged: 1 });
    expect(Number((await deal(lagging!)).amount)).toBe(2_222);
    expect(await deal(early!)).toEqual(earlyBefore);
    // Reading older records again never moves the watermark back.
    expect((await watermark()).at).toBe(after.at);

    const third = await sync('incremental');
    expect(third.counts.deals).toMatchObject({ updated: 0, created: 0 });
  });
});
