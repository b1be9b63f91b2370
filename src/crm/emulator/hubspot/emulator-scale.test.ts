import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmulator, type Emulator } from '../server.js';
import { createHubspotEmulator, type HubspotEmulator } from './emulator.js';
import { httpClient } from './http-client.test-helper.js';
import { fillDeals } from './testing.test-helper.js';

const DEALS = 100_000;
let emulator: Emulator;
let hubspot: HubspotEmulator;
let call: ReturnType<typeof httpClient>;

beforeAll(async () => {
  hubspot = createHubspotEmulator(undefined);
  fillDeals(hubspot.store, DEALS);

  emulator = await buildEmulator({
    crms: () => [hubspot],
    settings: { limits: { hubspot: { window: null, daily: null } } },
  });
  call = httpClient(await emulator.listen(0));
});
afterAll(async () => {
  emulator.app.server.closeAllConnections();
  await emulator.close();
});

describe('100,000 deals', () => {
  // Speed is the benchmarks' business (`npm run bench -- emulator`); these check that
  // paging, search and batch writes answer correctly at this size.
  it('load and page by position at any depth', async () => {
    const deep = await call('GET', '/crm/v3/objects/deals?limit=100&after=99950');
    expect(deep.body.results).toHaveLength(50);
    expect(deep.body.results[49].properties.dealname).toBe(`Deal ${DEALS - 1}`);
    expect(deep.body.paging).toBeUndefined();
  });

  it('search pages up to the 10,000-result cap, newest first', async () => {
    const body = {
      filterGroups: [
        { filters: [{ propertyName: 'dealstage', operator: 'EQ', value: 'closedwon' }] },
      ],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }],
      properties: ['amount'],
      limit: 200,
    };
    const first = await call('POST', '/crm/v3/objects/deals/search', { body });
    expect(first.body.total).toBe(DEALS / 2);
    expect(first.body.results[0].properties.hs_lastmodifieddate).toBe(
      new Date(Date.parse('2025-01-01T00:00:00Z') + (DEALS - 1) * 1000).toISOString(),
    );
    const later = await call('POST', '/crm/v3/objects/deals/search', {
      body: { ...body, after: '9800' },
    });
    expect(later.body.results).toHaveLength(200);
    expect(later.body.paging.next.after).toBe('10000');
    const past = await call('POST', '/crm/v3/objects/deals/search', {
      body: { ...body, after: '10000' },
    });
    expect(past.status).toBe(400);
  });

  it('batch-updates the last records of the table', async () => {
    const ids = hubspot.store.tables.deals.order.slice(-100);
    const answer = await call('POST', '/crm/v3/objects/deals/batch/update', {
      body: { inputs: ids.map((id) => ({ id, properties: { amount: '5' } })) },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toHaveLength(100);
    expect(hubspot.store.tables.deals.get(ids[99]!)!.properties.amount).toBe('5');
  });
});
