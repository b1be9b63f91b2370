import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { generateDemoData } from './generate.js';
import { clearWorkspaceRecords, seedDemoData, type SeedCounts } from './seed.js';

let db: TestDatabase;
const dataset = generateDemoData({ seed: 5, now: new Date('2026-11-22T12:00:00Z'), accounts: 30 });
const expected: SeedCounts = {
  owners: dataset.owners.length,
  accounts: dataset.accounts.length,
  contacts: dataset.contacts.length,
  deals: dataset.deals.length,
  dealContacts: dataset.dealContacts.length,
  stageHistory: dataset.stageHistory.length,
  conversations: dataset.conversations.length,
};

async function createWorkspace(name: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    'insert into workspaces (name, slug) values ($1::text, $2::text) returning id',
    [name, name.toLowerCase()],
  );
  return rows[0]!.id;
}

async function counts(workspaceId: string): Promise<SeedCounts> {
  const { rows } = await db.pool.query<SeedCounts>(
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
  return rows[0]!;
}

beforeAll(async () => {
  db = await createTestDatabase();
});

describe('seeding the demo data', () => {
  it('writes every record with its references resolved, and a second run changes nothing', async () => {
    const workspaceId = await createWorkspace('Seeded');
    const progress: [number, number][] = [];
    const result = await seedDemoData(db.pool, workspaceId, dataset, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toEqual(expected);
    expect(await counts(workspaceId)).toEqual(expected);
    const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
    expect(progress.at(-1)).toEqual([total, total]);

    const { rows } = await db.pool.query(
      `select
         (select count(*) from deals where workspace_id = $1::uuid
            and (account_id is null or owner_id is null))::int as "unresolvedDeals",
         (select count(*) from accounts where workspace_id = $1::uuid and owner_id is null)::int
            as "unresolvedAccounts",
         (select count(*) from contacts where workspace_id = $1::uuid and account_id is null)::int
            as "unresolvedContacts",
         (select count(*) from conversations where workspace_id = $1::uuid
            and account_id is null and not is_internal)::int as "unresolvedMeetings",
         (select count(*) from conversations where workspace_id = $1::uuid
            and deal_id is not null)::int as "linkedMeetings",
         (select count(*) from deals where workspace_id = $1::uuid and source = 'demo'
            and source_data->>'pipelineLabel' is not null
            and source_data->>'stageLabel' is not null)::int as "labelledDeals"`,
      [workspaceId],
    );
    expect(rows[0]).toEqual({
      unresolvedDeals: 0,
      unresolvedAccounts: 0,
      unresolvedContacts: 0,
      unresolvedMeetings: 0,
      linkedMeetings: dataset.conversations.filter((m) => m.dealSourceId).length,
      labelledDeals: dataset.deals.length,
    });

    // The last stage change of each deal is its current stage.
    const mismatched = await db.pool.query(
      `select d.source_id from deals d
       join lateral (select to_stage from deal_stage_history h
                     where h.deal_id = d.id order by changed_at desc, id desc limit 1) last on true
       where d.workspace_id = $1::uuid and last.to_stage <> d.stage`,
      [workspaceId],
    );
    expect(mismatched.rows).toEqual([]);

    const first = dataset.deals[0]!;
    const deal = await db.pool.query(
      `select amount, close_date as "closeDate", stage_normalized as "stageNormalized"
       from deals where workspace_id = $1::uuid and source = 'demo' and source_id = $2::text`,
      [workspaceId, first.sourceId],
    );
    expect(deal.rows[0]).toEqual({
      amount: first.amount,
      closeDate: first.closeDate,
      stageNormalized: first.stageNormalized,
    });

    expect(await seedDemoData(db.pool, workspaceId, dataset)).toEqual(expected);
    expect(await counts(workspaceId)).toEqual(expected);
  });

  it('clears one workspace without touching another', async () => {
    const first = await createWorkspace('First');
    const second = await createWorkspace('Second');
    await seedDemoData(db.pool, first, dataset);
    await seedDemoData(db.pool, second, dataset);
    await clearWorkspaceRecords(db.pool, first);
    expect(Object.values(await counts(first)).every((n) => n === 0)).toBe(true);
    expect(await counts(second)).toEqual(expected);

    // A cleared workspace can be seeded again from scratch.
    await seedDemoData(db.pool, first, dataset);
    expect(await counts(first)).toEqual(expected);
  });
});
