import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { generateDemoData } from './generate.js';
import { clearWorkspaceRecords, seedDemoData } from './seed.js';

let db: TestDatabase;
const dataset = generateDemoData({ seed: 5, now: new Date('2026-11-22T12:00:00Z'), accounts: 30 });

async function counts(workspaceId: string) {
  const { rows } = await db.pool.query(
    `select
       (select count(*) from owners where workspace_id = $1::uuid)::int as owners,
       (select count(*) from accounts where workspace_id = $1::uuid)::int as accounts,
       (select count(*) from contacts where workspace_id = $1::uuid)::int as contacts,
       (select count(*) from deals where workspace_id = $1::uuid)::int as deals,
       (select count(*) from deal_contacts where workspace_id = $1::uuid)::int as "dealContacts",
       (select count(*) from deal_stage_history where workspace_id = $1::uuid)::int as "stageHistory",
       (select count(*) from conversations where workspace_id = $1::uuid)::int as conversations`,
    [workspaceId],
  );
  return rows[0];
}

beforeAll(async () => {
  db = await createTestDatabase();
});

describe('seeding the demo data', () => {
  it('writes every record with its references resolved, and a second run changes nothing', async () => {
    const workspace = await createWorkspace(db.pool, { name: 'Seeded' });
    const progress: number[] = [];
    const result = await seedDemoData(db.pool, workspace.id, dataset, {
      onProgress: (done) => progress.push(done),
    });
    expect(await counts(workspace.id)).toEqual(result);
    expect(result.deals).toBe(dataset.deals.length);
    expect(progress.at(-1)).toBe(Object.values(result).reduce((sum, n) => sum + n, 0));

    const { rows } = await db.pool.query<{ unresolved: number; stageLabels: number }>(
      `select count(*) filter (where account_id is null or owner_id is null)::int as unresolved,
              count(*) filter (where source_data->>'stageLabel' is not null)::int as "stageLabels"
       from deals where workspace_id = $1::uuid`,
      [workspace.id],
    );
    expect(rows[0]).toEqual({ unresolved: 0, stageLabels: dataset.deals.length });
    const linked = await db.pool.query(
      `select 1 from conversations where workspace_id = $1::uuid and deal_id is not null`,
      [workspace.id],
    );
    expect(linked.rowCount).toBe(dataset.conversations.filter((m) => m.dealSourceId).length);

    await seedDemoData(db.pool, workspace.id, dataset);
    expect(await counts(workspace.id)).toEqual(result);
  });

  it('clears one workspace without touching another', async () => {
    const first = await createWorkspace(db.pool, { name: 'First' });
    const second = await createWorkspace(db.pool, { name: 'Second' });
    await seedDemoData(db.pool, first.id, dataset);
    const secondCounts = await seedDemoData(db.pool, second.id, dataset);
    await clearWorkspaceRecords(db.pool, first.id);
    expect(Object.values((await counts(first.id))!).every((n) => n === 0)).toBe(true);
    expect(await counts(second.id)).toEqual(secondCounts);
  });
});
