import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  smallDataset,
  startHubspotEmulator,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import type { BatchValidationMode } from '../emulator/hubspot/context.js';
import type { UpdateInput } from '../port.js';
import { connectorFor, requestsFrom } from './test-support.test-helper.js';

const dataset = smallDataset(150);
let running: RunningHubspot;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset });
});
afterAll(() => running.close());
afterEach(() => running.hubspot.controls.setBatchValidation('multi_status'));

let used = 0;
/** Deals no other test wrote. */
function freshDeals(count: number): string[] {
  const ids = dataset.deals
    .slice(used, used + count)
    .map((deal) => running.hubspot.idFor(deal.sourceId)!);
  used += count;
  return ids;
}

const amountOf = (id: string) => running.hubspot.store.tables.deals.get(id)?.properties.amount;

/**
 * Calls to `path`, and the inputs carried by those HubSpot answered 2xx: in
 * `whole_batch` mode such a call wrote every input it carried (a 207 would not).
 */
function sent(requests: ReturnType<ReturnType<typeof requestsFrom>>, path: string) {
  const calls = requests.filter((r) => r.path.endsWith(path));
  return {
    calls: calls.length,
    accepted: calls.filter((r) => r.status < 300).reduce((sum, r) => sum + (r.batchSize ?? 0), 0),
  };
}

describe.each(['multi_status', 'whole_batch'] as BatchValidationMode[])(
  'HubSpot refusing one bad input (%s)',
  (mode) => {
    it('update: the other 99 records are written once each; the bad one is named with its field', async () => {
      running.hubspot.controls.setBatchValidation(mode);
      const { connector } = connectorFor(running);
      const ids = freshDeals(100);
      const requests = requestsFrom(running);
      const results = await connector.updateRecords(
        'deal',
        ids.map((id, i) => ({ id, properties: { amount: i === 37 ? 'lots' : 1_000 + i } })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(99);
      const bad = results[37]!;
      expect(bad).toMatchObject({
        ok: false,
        id: ids[37],
        error: { kind: 'validation', field: 'amount', crmCode: 'INVALID_DECIMAL' },
      });
      if (!bad.ok && mode === 'whole_batch') expect(bad.error.message).toContain(ids[37]!);
      ids.forEach((id, i) => {
        if (i !== 37) expect(amountOf(id)).toBe(String(1_000 + i));
      });

      const update = sent(requests(), '/deals/batch/update');
      if (mode === 'multi_status') expect(update).toEqual({ calls: 1, accepted: 100 });
      else {
        // Never a record twice; one 400, then halves down to the bad record.
        expect(update.accepted).toBe(99);
        expect(update.calls).toBeLessThanOrEqual(15);
      }
    });

    it('update: an unknown property refuses every input carrying it, in one more call', async () => {
      running.hubspot.controls.setBatchValidation(mode);
      const { connector } = connectorFor(running);
      const ids = freshDeals(20);
      const requests = requestsFrom(running);
      const results = await connector.updateRecords(
        'deal',
        ids.map((id, i): UpdateInput => ({
          id,
          properties: i % 5 === 0 ? { amount: 7, no_such_thing: 'x' } : { amount: 8 },
        })),
      );
      expect(results.map((r) => r.ok)).toEqual(ids.map((_, i) => i % 5 !== 0));
      expect(results[5]).toMatchObject({
        ok: false,
        error: { crmCode: 'PROPERTY_DOESNT_EXIST', field: 'no_such_thing' },
      });
      expect(sent(requests(), '/deals/batch/update')).toEqual(
        mode === 'multi_status' ? { calls: 1, accepted: 20 } : { calls: 2, accepted: 16 },
      );
    });

    it('create: the good records are made once each; the bad one is named with its field', async () => {
      running.hubspot.controls.setBatchValidation(mode);
      const { connector } = connectorFor(running);
      const before = running.hubspot.store.tables.deals.byId.size;
      const requests = requestsFrom(running);
      const results = await connector.createRecords(
        'deal',
        Array.from({ length: 10 }, (_, i) => ({
          properties: { dealname: `Split ${mode} ${i}`, amount: i === 6 ? 'many' : 500 + i },
        })),
      );
      expect(results.map((r) => r.ok)).toEqual([...Array(10).keys()].map((i) => i !== 6));
      expect(results[6]).toMatchObject({
        ok: false,
        id: null,
        error: { kind: 'validation', field: 'amount' },
      });
      expect(running.hubspot.store.tables.deals.byId.size).toBe(before + 9);
      expect(sent(requests(), '/deals/batch/create').accepted).toBe(
        mode === 'multi_status' ? 10 : 9,
      );
    });
  },
);

describe('the emulator switch', () => {
  it('answers a whole-batch 400 with HubSpot’s body and writes nothing', async () => {
    const [id] = freshDeals(1);
    const before = amountOf(id!);
    const put = await fetch(`${running.baseUrl}/_emulator/hubspot/batch-validation`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'whole_batch' }),
    });
    expect(put.status).toBe(204);
    const answer = await fetch(`${running.baseUrl}/crm/v3/objects/deals/batch/update`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${running.hubspot.options.accessToken}`,
      },
      body: JSON.stringify({
        inputs: [
          { id, properties: { amount: '12' } },
          { id: freshDeals(1)[0], properties: { amount: 'x' } },
        ],
      }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      errors: [{ code: 'INVALID_DECIMAL', context: { propertyName: ['amount'] } }],
    });
    expect(amountOf(id!)).toBe(before);
  });
});
