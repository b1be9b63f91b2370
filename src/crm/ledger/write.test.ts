import { beforeAll, describe, expect, it } from 'vitest';
import { createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import type { ConnectorTuning } from '../connect.js';
import type { HubspotEmulator } from '../emulator/hubspot/emulator.js';
import type { CrmType } from '../port.js';
import { listWrites } from './queries.js';
import { reconcilePending } from './reconcile.js';
import type { FieldChange } from './types.js';
import { writeFields, type LedgerTarget } from './write.js';

let world: CrmWorld;

beforeAll(async () => {
  // About 300 deals: enough for batches of 250.
  world = await createCrmWorld({ accounts: 120 });
});

const AMOUNT: Record<CrmType, string> = { hubspot: 'amount', salesforce: 'Amount' };

async function target(
  crm: CrmType,
  tuning?: ConnectorTuning,
): Promise<LedgerTarget & { calls: () => number }> {
  const opened = await world.open(crm, tuning);
  return { pool: world.db.pool, ...opened };
}

async function dealIds(crm: CrmType, count: number): Promise<string[]> {
  const { connector } = await world.open(crm);
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await connector.listChanged('deal', { properties: [AMOUNT[crm]], cursor });
    ids.push(...page.records.map((record) => record.id));
    cursor = page.cursor;
  } while (cursor && ids.length < count);
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

async function amounts(crm: CrmType, ids: string[]): Promise<Map<string, number>> {
  const { connector } = await world.open(crm);
  const result = new Map<string, number>();
  for (let start = 0; start < ids.length; start += 100) {
    const records = await connector.readRecords('deal', ids.slice(start, start + 100), [
      AMOUNT[crm],
    ]);
    for (const record of records) {
      if (record.ok) result.set(record.id, Number(record.value.properties[AMOUNT[crm]]));
    }
  }
  return result;
}

/** Calls that change records: HubSpot's batch update, Salesforce's PATCH collection (its POST is a read by ids). */
function isWrite(crm: CrmType, call: { method: string; path: string }): boolean {
  return crm === 'hubspot'
    ? call.method === 'POST' && /\/batch\/(update|create)$/.test(call.path)
    : call.method === 'PATCH' && call.path.endsWith('/composite/sobjects');
}

const amountChanges = (crm: CrmType, ids: string[], value: (i: number) => number): FieldChange[] =>
  ids.map((recordId, i) => ({
    objectType: 'deal',
    recordId,
    field: AMOUNT[crm],
    value: value(i),
  }));

describe.each(['hubspot', 'salesforce'] as const)('the write ledger on %s', (crm) => {
  // The batch update call, for fault rules: HubSpot POSTs `batch/update`, Salesforce PATCHes a collection.
  const batchWrite =
    crm === 'hubspot'
      ? { method: 'POST', path: '/batch/update' }
      : { method: 'PATCH', path: '/composite/sobjects' };
  const writesIn = <Call extends { method: string; path: string }>(calls: Call[]) =>
    calls.filter((call) => isWrite(crm, call));

  it('records, coalesces into batch calls, and settles each row; values already held cost nothing', async () => {
    const ids = await dealIds(crm, 250);
    const before = await amounts(crm, ids);
    // The first ten already hold the value: settled without being sent.
    const changes = amountChanges(crm, ids, (i) => (i < 10 ? before.get(ids[i]!)! : 1000 + i));
    const calls = world.mark();
    const report = await writeFields(
      await target(crm),
      { type: 'person', id: 'u1', actor: 'ana@example.com' },
      changes,
    );

    expect(report).toMatchObject({ written: 240, unchanged: 10, failed: 0, pending: 0 });
    const writes = writesIn(calls());
    expect(writes).toHaveLength(crm === 'hubspot' ? 3 : 2);
    expect(writes.reduce((sum, call) => sum + (call.batchSize ?? 0), 0)).toBe(240);
    const after = await amounts(crm, ids);
    expect(after.get(ids[20]!)).toBe(1020);
    expect(report.entries[20]).toMatchObject({
      status: 'written',
      settledBy: 'response',
      actor: 'ana@example.com',
    });
    expect(Number(report.entries[20]!.valueBefore)).toBe(before.get(ids[20]!));
    expect(report.entries[0]).toMatchObject({ status: 'unchanged', settledBy: 'no_call' });

    // The same submission again is answered from the ledger: no call at all.
    const again = world.mark();
    const repeat = await writeFields(await target(crm), { type: 'person', id: 'u1' }, changes);
    expect(repeat.written).toBe(240);
    expect(again()).toHaveLength(0);

    const page = await listWrites(world.db.pool, world.workspaceId, {
      recordId: ids[20]!,
      limit: 10,
    });
    expect(page.entries).toHaveLength(1);
  });

  it('keeps several batch calls in flight when asked, each record written and counted once', async () => {
    const ids = await dealIds(crm, 250);
    const changes = amountChanges(crm, ids, (i) => 77_000 + i);
    const calls = world.mark();
    const report = await writeFields(
      await target(crm),
      { type: 'person', id: 'u-lanes' },
      changes.map((change) => ({ ...change, valueBefore: null })),
      { concurrency: 3 },
    );
    expect(report).toMatchObject({ written: 250, failed: 0, pending: 0 });
    const writes = writesIn(calls());
    expect(writes.map((call) => call.batchSize).sort()).toEqual(
      crm === 'hubspot' ? [100, 100, 50] : [200, 50],
    );
    // Every call counted, though they ran side by side.
    expect(report.calls).toBe(writes.length);
    const after = await amounts(crm, ids);
    expect(ids.map((id) => after.get(id))).toEqual(ids.map((_, i) => 77_000 + i));
  });

  it('settles a partial batch failure per record', async () => {
    const ids = await dealIds(crm, 5);
    world.emulator.ctx.faults.add({
      kind: 'partial_batch',
      ...batchWrite,
      ids: [ids[2]!],
      times: 1,
    });
    const report = await writeFields(
      await target(crm),
      { type: 'action', id: 'a-partial' },
      amountChanges(crm, ids, (i) => 7000 + i),
    );
    expect(report.written).toBe(4);
    expect(report.entries[2]).toMatchObject({ status: 'failed', error: { kind: 'validation' } });
    expect((await amounts(crm, [ids[2]!])).get(ids[2]!)).not.toBe(7002);

    // Retrying the same changes sends only... nothing for the validation failure: it is final.
    const calls = world.mark();
    const retry = await writeFields(
      await target(crm),
      { type: 'action', id: 'a-partial' },
      amountChanges(crm, ids, (i) => 7000 + i),
    );
    expect(retry.failed).toBe(1);
    expect(calls()).toHaveLength(0);
  });

  it('retries a write whose answer was lost: same values, each row settled once', async () => {
    const ids = await dealIds(crm, 3);
    world.emulator.ctx.faults.add({ kind: 'drop_after_apply', ...batchWrite, times: 1 });
    const calls = world.mark();
    const report = await writeFields(
      await target(crm, { retry: { baseDelayMs: 10 } }),
      { type: 'writeback', id: 'run-drop-once' },
      amountChanges(crm, ids, (i) => 8000 + i),
    );
    expect(report.written).toBe(3);
    // The dropped call (status 0) and its retry, both setting the same values.
    expect(writesIn(calls()).map((call) => call.status)).toEqual([0, 200]);
    expect([...(await amounts(crm, ids)).values()]).toEqual([8000, 8001, 8002]);
  });

  it('reads the CRM back when every answer is lost after the write was applied', async () => {
    const ids = await dealIds(crm, 3);
    world.emulator.ctx.faults.add({ kind: 'drop_after_apply', ...batchWrite, times: 2 });
    const calls = world.mark();
    const report = await writeFields(
      await target(crm, { retry: { attempts: 2, baseDelayMs: 10 } }),
      { type: 'writeback', id: 'run-drop' },
      amountChanges(crm, ids, (i) => 8100 + i),
    );
    expect(report.written).toBe(3);
    expect(report.entries.every((entry) => entry.settledBy === 'read_back')).toBe(true);
    expect(writesIn(calls()).map((call) => call.status)).toEqual([0, 0]);
    expect([...(await amounts(crm, ids)).values()]).toEqual([8100, 8101, 8102]);
  });

  it('reconciles rows a killed process left pending: confirms what landed, writes what did not, once', async () => {
    const ids = await dealIds(crm, 2);
    const t = await target(crm);
    const before = await amounts(crm, ids);
    // As if a process recorded two pending rows, sent only the first, and died.
    await world.db.pool.query(
      `insert into crm_write_log (workspace_id, connection_id, crm_type, object_type, record_id, field,
                                  value_before, value_to_write, origin_type, origin_id, idempotency_key,
                                  updated_at)
       select $1::uuid, $2::uuid, $3::text, 'deal', r.id, $4::text, r.before, r.value, 'action', 'killed-' || $3::text,
              'killed-' || r.id || $3::text, now() - interval '1 hour'
       from unnest($5::text[], $6::jsonb[], $7::jsonb[]) as r(id, before, value)`,
      [
        world.workspaceId,
        world.connectionIds[crm],
        crm,
        AMOUNT[crm],
        ids,
        ids.map((id) => JSON.stringify(before.get(id))),
        ['9100', '9101'].map((v) => JSON.stringify(Number(v))),
      ],
    );
    await t.connector.updateRecords('deal', [{ id: ids[0]!, properties: { [AMOUNT[crm]]: 9100 } }]);

    const calls = world.mark();
    const report = await reconcilePending(t, { graceMs: 1_000 });
    expect(report).toMatchObject({
      found: 2,
      confirmed: 1,
      rewritten: 1,
      failed: 0,
      stillPending: 0,
    });
    const writes = writesIn(calls());
    expect(writes).toHaveLength(1);
    expect([...(await amounts(crm, ids)).values()]).toEqual([9100, 9101]);

    const { entries } = await listWrites(world.db.pool, world.workspaceId, {
      originId: `killed-${crm}`,
      limit: 10,
    });
    expect(entries.map((entry) => entry.status)).toEqual(['written', 'written']);
  });
});

describe('the write ledger on HubSpot refusing a whole batch for one bad value', () => {
  it('writes every other record once and fails the bad row, naming its record and field', async () => {
    const hubspot = world.emulator.crms.get('hubspot') as HubspotEmulator;
    hubspot.controls.setBatchValidation('whole_batch');
    try {
      const ids = await dealIds('hubspot', 100);
      const calls = world.mark();
      const report = await writeFields(
        await target('hubspot'),
        { type: 'action', id: 'a-whole-400' },
        ids.map((recordId, i) => ({
          objectType: 'deal',
          recordId,
          field: 'amount',
          value: i === 42 ? 'plenty' : 8_800_000 + i,
        })),
      );
      expect(report).toMatchObject({ written: 99, failed: 1, pending: 0 });
      expect(report.entries[42]).toMatchObject({
        status: 'failed',
        error: { kind: 'validation', field: 'amount', retryable: false },
      });
      expect(report.entries[42]!.error!.message).toContain(ids[42]!);
      // Split calls never carry a record twice: the calls HubSpot took held 99 in all.
      const taken = calls().filter((c) => c.path.endsWith('/deals/batch/update') && c.status < 300);
      expect(taken.reduce((sum, c) => sum + (c.batchSize ?? 0), 0)).toBe(99);
      const held = await amounts('hubspot', ids);
      expect(ids.filter((id, i) => i !== 42 && held.get(id) !== 8_800_000 + i)).toEqual([]);
    } finally {
      hubspot.controls.setBatchValidation('multi_status');
    }
  });
});
