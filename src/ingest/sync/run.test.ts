import { beforeAll, describe, expect, it } from 'vitest';
import { createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import type { CrmType } from '../../crm/port.js';
import { generateDemoData } from '../../demo/generate.js';
import { syncConnection } from './run.js';

let world: CrmWorld;
const dataset = generateDemoData({ seed: 42, accounts: 12 });

beforeAll(async () => {
  world = await createCrmWorld({ dataset });
});

async function sync(crm: CrmType, mode: 'full' | 'incremental') {
  const opened = await world.open(crm);
  return syncConnection({ pool: world.db.pool, ...opened }, { mode, trigger: 'manual' });
}

async function watermarks(crm: CrmType): Promise<Record<string, { at: string; ids: string[] }>> {
  const { rows } = await world.db.pool.query<{ w: Record<string, { at: string; ids: string[] }> }>(
    `select sync_state->'watermarks' as w from connections where id = $1::uuid`,
    [world.connectionIds[crm]],
  );
  return rows[0]!.w;
}

async function count(table: string, crm: CrmType): Promise<number> {
  const { rows } = await world.db.pool.query<{ n: number }>(
    `select count(*)::int as n from ${table} where workspace_id = $1::uuid and source = $2::text`,
    [world.workspaceId, crm],
  );
  return rows[0]!.n;
}

describe.each(['hubspot', 'salesforce'] as const)('syncing %s', (crm) => {
  it('fills the normalized tables from the CRM, with stages normalized and associations', async () => {
    const run = await sync(crm, 'full');
    expect(run).toMatchObject({ status: 'succeeded', mode: 'full', errors: [] });
    expect(await count('deals', crm)).toBe(dataset.deals.length);
    expect(await count('accounts', crm)).toBe(dataset.accounts.length);
    expect(await count('contacts', crm)).toBe(dataset.contacts.length);
    expect(await count('owners', crm)).toBeGreaterThanOrEqual(dataset.owners.length);
    expect(run.counts.deals).toMatchObject({
      fetched: dataset.deals.length,
      created: dataset.deals.length,
    });

    const { rows } = await world.db.pool.query<{
      unnormalized: number;
      withoutAccount: number;
      withoutOwner: number;
      links: number;
      history: number;
    }>(
      `select count(*) filter (where d.stage_normalized is null)::int as unnormalized,
              count(*) filter (where d.account_id is null)::int as "withoutAccount",
              count(*) filter (where d.owner_id is null)::int as "withoutOwner",
              (select count(*) from deal_contacts dc join deals x on x.id = dc.deal_id
                where x.workspace_id = $1::uuid and x.source = $2::text)::int as links,
              (select count(*) from deal_stage_history h join deals x on x.id = h.deal_id
                where x.workspace_id = $1::uuid and x.source = $2::text)::int as history
       from deals d where d.workspace_id = $1::uuid and d.source = $2::text`,
      [world.workspaceId, crm],
    );
    expect(rows[0]).toMatchObject({ unnormalized: 0, withoutAccount: 0, withoutOwner: 0 });
    expect(rows[0]!.links).toBe(dataset.dealContacts.length);
    expect(rows[0]!.history).toBe(dataset.deals.length);

    // Closed won in the data set is closed won in Pandora.
    const won = dataset.deals.filter((deal) => deal.stageNormalized === 'closed_won').length;
    const { rows: wonRows } = await world.db.pool.query<{ n: number }>(
      `select count(*)::int as n from deals
       where workspace_id = $1::uuid and source = $2::text and stage_normalized = 'closed_won'`,
      [world.workspaceId, crm],
    );
    expect(wonRows[0]!.n).toBe(won);

    // The account's time zone, as the CRM reports it, sets the rate limiter's quota day.
    const { rows: zone } = await world.db.pool.query<{ timeZone: string }>(
      `select metadata->>'timeZone' as "timeZone" from connections where id = $1::uuid`,
      [world.connectionIds[crm]],
    );
    expect(zone[0]!.timeZone).toBe(crm === 'hubspot' ? 'US/Eastern' : 'America/Los_Angeles');
  });

  it('a second run with nothing changed writes nothing and only asks what changed', async () => {
    const { rows: before } = await world.db.pool.query<{ at: string }>(
      `select max(updated_at) as at from deals where workspace_id = $1::uuid`,
      [world.workspaceId],
    );
    const calls = world.mark();
    const run = await sync(crm, 'incremental');
    expect(run.mode).toBe('incremental');
    expect(run.counts.deals).toMatchObject({ fetched: 0, created: 0, updated: 0 });
    expect(run.counts.accounts).toMatchObject({ fetched: 0, created: 0, updated: 0 });
    expect(run.counts.owners).toMatchObject({ created: 0, updated: 0 });
    // Owners, pipelines, and one "changed since" query per object type.
    expect(calls().length).toBeLessThanOrEqual(5);
    expect(run.crmCalls).toBe(calls().length);
    const { rows: after } = await world.db.pool.query<{ at: string }>(
      `select max(updated_at) as at from deals where workspace_id = $1::uuid`,
      [world.workspaceId],
    );
    expect(after[0]!.at).toBe(before[0]!.at);

    // The accounts were all stamped at one instant long ago: the next run starts one
    // step of the CRM's clock after it and needs no list of ids it already has.
    const { connector } = await world.open(crm);
    const { records } = await connector.listChanged('account', { properties: [], limit: 100 });
    const newestAccount = Math.max(...records.map((record) => Date.parse(record.updatedAt)));
    expect(newestAccount).toBeLessThan(Date.now() - 3_600_000);
    const step = crm === 'salesforce' ? 1_000 : 1;
    expect(await watermarks(crm)).toMatchObject({
      account: { at: new Date(newestAccount + step).toISOString(), ids: [] },
    });
  });

  it('picks up a stage change incrementally and records it in the stage history', async () => {
    const opened = await world.open(crm);
    const { connector } = opened;
    const stageField = connector.crmField('deal', 'stage');
    const pipelines = await connector.listPipelines();
    const { rows } = await world.db.pool.query<{ id: string; sourceId: string; stage: string }>(
      `select id, source_id as "sourceId", stage from deals
       where workspace_id = $1::uuid and source = $2::text and stage_normalized not like 'closed%'
       order by source_id limit 1`,
      [world.workspaceId, crm],
    );
    const deal = rows[0]!;
    const pipeline =
      pipelines.find((p) => p.stages.some((s) => s.id === deal.stage || s.label === deal.stage)) ??
      pipelines[0]!;
    const won = pipeline.stages.find((stage) => stage.isWon)!;
    const wonValue = crm === 'salesforce' ? won.label : won.id;
    const [result] = await connector.updateRecords('deal', [
      { id: deal.sourceId, properties: { [stageField]: wonValue } },
    ]);
    expect(result!.ok).toBe(true);

    const run = await sync(crm, 'incremental');
    expect(run.counts.deals).toMatchObject({ fetched: 1, updated: 1 });
    expect(run.counts.stageChanges).toBe(1);
    const { rows: history } = await world.db.pool.query<{ fromStage: string; toStage: string }>(
      `select from_stage as "fromStage", to_stage as "toStage" from deal_stage_history
       where deal_id = $1::uuid order by id desc limit 1`,
      [deal.id],
    );
    expect(history[0]).toEqual({ fromStage: deal.stage, toStage: wonValue });
    // A change made just now: the next run reads from its instant again, skipping it.
    expect((await watermarks(crm)).deal!.ids).toEqual([deal.sourceId]);
    const { rows: updated } = await world.db.pool.query<{ stageNormalized: string }>(
      `select stage_normalized as "stageNormalized" from deals where id = $1::uuid`,
      [deal.id],
    );
    expect(updated[0]!.stageNormalized).toBe('closed_won');
  });
});
