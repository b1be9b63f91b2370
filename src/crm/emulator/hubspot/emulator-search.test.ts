import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from './http-client.test-helper.js';
import { smallDataset, startHubspotEmulator, type RunningHubspot } from './testing.test-helper.js';

const dataset = smallDataset(30);
let running: RunningHubspot;
let call: ReturnType<typeof httpClient>;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset });
  call = httpClient(running.baseUrl);
});
afterAll(() => running.close());

async function searchAll(body: Record<string, unknown>, type = 'deals') {
  const records: { id: string; properties: Record<string, string | null> }[] = [];
  let after: string | undefined;
  let total = 0;
  do {
    const answer = await call('POST', `/crm/v3/objects/${type}/search`, {
      body: { ...body, limit: 200, ...(after ? { after } : {}) },
    });
    expect(answer.status).toBe(200);
    total = answer.body.total;
    records.push(...answer.body.results);
    after = answer.body.paging?.next.after;
  } while (after);
  expect(records).toHaveLength(total);
  return records;
}

const sourceIdsOf = (records: { id: string }[]) => {
  const bySource = new Map([...running.hubspot.store.sourceIds].map(([s, id]) => [id, s]));
  return records.map((r) => bySource.get(r.id)).sort();
};
const filter = (propertyName: string, operator: string, extra: Record<string, unknown> = {}) => ({
  filterGroups: [{ filters: [{ propertyName, operator, ...extra }] }],
});

describe('search', () => {
  it.each([
    [
      'EQ',
      filter('dealstage', 'EQ', { value: 'closedwon' }),
      (d: (typeof dataset.deals)[0]) => d.stage === 'closedwon',
    ],
    [
      'NEQ',
      filter('pipeline', 'NEQ', { value: 'default' }),
      (d: (typeof dataset.deals)[0]) => d.pipeline !== 'default',
    ],
    [
      'GT',
      filter('amount', 'GT', { value: '50000' }),
      (d: (typeof dataset.deals)[0]) => (d.amount ?? -1) > 50000,
    ],
    [
      'LTE',
      filter('amount', 'LTE', { value: '20000' }),
      (d: (typeof dataset.deals)[0]) => d.amount !== null && d.amount <= 20000,
    ],
    [
      'IN',
      filter('dealstage', 'IN', { values: ['closedwon', 'closedlost'] }),
      (d: (typeof dataset.deals)[0]) => ['closedwon', 'closedlost'].includes(d.stage),
    ],
    [
      'HAS_PROPERTY',
      filter('closedate', 'HAS_PROPERTY'),
      (d: (typeof dataset.deals)[0]) => d.closeDate !== null,
    ],
    [
      'NOT_HAS_PROPERTY',
      filter('amount', 'NOT_HAS_PROPERTY'),
      (d: (typeof dataset.deals)[0]) => d.amount === null,
    ],
    [
      'GTE on a date (epoch ms)',
      filter('closedate', 'GTE', { value: String(Date.parse('2025-07-01T00:00:00Z')) }),
      (d: (typeof dataset.deals)[0]) => d.closeDate !== null && d.closeDate >= '2025-07-01',
    ],
    [
      'LT on a date (ISO)',
      filter('closedate', 'LT', { value: '2025-03-01' }),
      (d: (typeof dataset.deals)[0]) => d.closeDate !== null && d.closeDate < '2025-03-01',
    ],
  ])('filters with %s as the data set says', async (_name, body, expected) => {
    const records = await searchAll(body);
    const want = dataset.deals
      .filter(expected)
      .map((d) => d.sourceId)
      .sort();
    expect(want.length).toBeGreaterThan(0);
    expect(sourceIdsOf(records)).toEqual(want);
  });

  it('includes the bound with GTE and LTE, excludes it with GT and LT', async () => {
    const amount = dataset.deals.find((d) => d.amount !== null)!.amount!;
    const count = async (operator: string) =>
      (await searchAll(filter('amount', operator, { value: String(amount) }))).length;
    const equal = dataset.deals.filter((d) => d.amount === amount).length;
    expect(equal).toBeGreaterThan(0);
    expect((await count('GTE')) - (await count('GT'))).toBe(equal);
    expect((await count('LTE')) - (await count('LT'))).toBe(equal);
    expect(await count('EQ')).toBe(equal);
  });

  it('ORs filter groups and ANDs filters within one', async () => {
    const records = await searchAll({
      filterGroups: [
        { filters: [{ propertyName: 'dealstage', operator: 'EQ', value: 'closedwon' }] },
        {
          filters: [
            { propertyName: 'pipeline', operator: 'EQ', value: 'renewals' },
            { propertyName: 'amount', operator: 'GT', value: '30000' },
          ],
        },
      ],
    });
    const want = dataset.deals
      .filter(
        (d) => d.stage === 'closedwon' || (d.pipeline === 'renewals' && (d.amount ?? 0) > 30000),
      )
      .map((d) => d.sourceId)
      .sort();
    expect(sourceIdsOf(records)).toEqual(want);
  });

  it('sorts ascending and descending, empty values last', async () => {
    const up = await searchAll({
      sorts: [{ propertyName: 'amount', direction: 'ASCENDING' }],
      properties: ['amount'],
    });
    const amounts = up
      .map((r) => r.properties.amount)
      .filter((a) => a !== null)
      .map(Number);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    expect(up[up.length - 1]!.properties.amount).toBeNull();
    const down = await searchAll({ sorts: ['-amount'], properties: ['amount'] });
    expect(down[0]!.properties.amount).toBe(String(Math.max(...amounts)));
  });

  it('pages with after and reports the total', async () => {
    const first = await call('POST', '/crm/v3/objects/deals/search', { body: { limit: 10 } });
    expect(first.body.total).toBe(dataset.deals.length);
    expect(first.body.results).toHaveLength(10);
    expect(first.body.paging.next.after).toBe('10');
  });

  it('matches text queries on the usual properties', async () => {
    const account = dataset.accounts[3]!;
    const records = await searchAll({ query: account.domain }, 'companies');
    expect(sourceIdsOf(records)).toContain(account.sourceId);
  });

  it('refuses what HubSpot refuses', async () => {
    const tooBig = await call('POST', '/crm/v3/objects/deals/search', { body: { limit: 201 } });
    expect(tooBig.status).toBe(400);
    const pastCap = await call('POST', '/crm/v3/objects/deals/search', {
      body: { after: '10000' },
    });
    expect(pastCap.status).toBe(400);
    expect(pastCap.body).toMatchObject({ category: 'VALIDATION_ERROR' });
    const unknown = await call('POST', '/crm/v3/objects/deals/search', {
      body: filter('nonsense', 'EQ', { value: '1' }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ code: 'PROPERTY_DOESNT_EXIST' });
    const operator = await call('POST', '/crm/v3/objects/deals/search', {
      body: filter('amount', 'ROUGHLY', { value: '1' }),
    });
    expect(operator.status).toBe(400);
    // Contacts keep their modification time in `lastmodifieddate`.
    const contacts = await call('POST', '/crm/v3/objects/contacts/search', {
      body: filter('lastmodifieddate', 'GTE', { value: '0' }),
    });
    expect(contacts.body.total).toBe(dataset.contacts.length);
  });

  it('excludes archived records and sees writes at once', async () => {
    const id = running.hubspot.idFor(dataset.deals[0]!.sourceId)!;
    const before = await searchAll(filter('hs_next_step', 'EQ', { value: 'search-marker' }));
    expect(before).toHaveLength(0);
    await call('PATCH', `/crm/v3/objects/deals/${id}`, {
      body: { properties: { hs_next_step: 'search-marker' } },
    });
    expect(
      (await searchAll(filter('hs_next_step', 'EQ', { value: 'search-marker' }))).map((r) => r.id),
    ).toEqual([id]);
    await call('DELETE', `/crm/v3/objects/deals/${id}`);
    expect(await searchAll(filter('hs_next_step', 'EQ', { value: 'search-marker' }))).toHaveLength(
      0,
    );
  });
});
