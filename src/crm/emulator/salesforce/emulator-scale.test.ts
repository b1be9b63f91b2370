import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from './http-client.test-helper.js';
import { startSalesforceEmulator, type RunningSalesforce } from './testing.test-helper.js';

const V = '/services/data/v62.0';
const OPPORTUNITIES = 100_000;
const ACCOUNTS = 20_000;
let running: RunningSalesforce;
let call: ReturnType<typeof httpClient>;
let accountIds: string[];

/**
 * An org of 100,000 opportunities: the emulator must answer the queries Pandora runs
 * on it (sync pages, lookups by account) in well under a second each. The bounds are
 * loose on purpose: they catch a quadratic scan (minutes), not a slow machine.
 */
beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset: null });
  const { store } = running.salesforce;
  const userId = store.table('User').keys().next().value!;
  accountIds = [];
  const base = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < ACCOUNTS; i += 1) {
    const id = store.newId('Account');
    store.insert('Account', { Id: id, IsDeleted: false, Name: `Account ${i}`, OwnerId: userId });
    accountIds.push(id);
  }
  for (let i = 0; i < OPPORTUNITIES; i += 1) {
    const at = new Date(base + (i % 5_000) * 1_000).toISOString();
    store.insert('Opportunity', {
      Id: store.newId('Opportunity'),
      IsDeleted: false,
      Name: `Deal ${i}`,
      StageName: 'Prospecting',
      Amount: (i % 97) * 1_000,
      CloseDate: '2025-09-30',
      AccountId: accountIds[i % ACCOUNTS]!,
      OwnerId: userId,
      CreatedDate: at,
      LastModifiedDate: at,
      SystemModstamp: at,
    });
  }
  call = httpClient(running.baseUrl);
});
afterAll(() => running.close());

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

describe('an org of 100,000 opportunities', () => {
  it('pages a changed-since query 2,000 records at a time', async () => {
    const soql = `SELECT Id, Name, SystemModstamp, IsDeleted FROM Opportunity WHERE SystemModstamp >= 2025-01-01T00:30:00Z ORDER BY SystemModstamp ASC, Id ASC`;
    const [first, firstMs] = await timed(() =>
      call('GET', `${V}/queryAll?q=${encodeURIComponent(soql)}`),
    );
    expect(first.body.totalSize).toBe(OPPORTUNITIES - 1_800 * 20);
    expect(first.body.records).toHaveLength(2000);
    expect(firstMs).toBeLessThan(3_000);
    const [second, secondMs] = await timed(() => call('GET', first.body.nextRecordsUrl));
    expect(second.body.records).toHaveLength(2000);
    expect(second.body.records[0].SystemModstamp >= first.body.records[1999].SystemModstamp).toBe(
      true,
    );
    expect(secondMs).toBeLessThan(1_000);
  });

  it('finds the opportunities of 300 accounts through the lookup index', async () => {
    const ids = accountIds
      .slice(0, 300)
      .map((id) => `'${id}'`)
      .join(',');
    const soql = `SELECT Id, AccountId FROM Opportunity WHERE AccountId IN (${ids})`;
    const [answer, ms] = await timed(() => call('GET', `${V}/query?q=${encodeURIComponent(soql)}`));
    expect(answer.body.totalSize).toBe(300 * (OPPORTUNITIES / ACCOUNTS));
    expect(ms).toBeLessThan(500);
  });

  it('updates 200 records in one collection call quickly', async () => {
    const page = await call(
      'GET',
      `${V}/query?q=${encodeURIComponent('SELECT Id FROM Opportunity LIMIT 200')}`,
    );
    const records = page.body.records.map((r: { Id: string }) => ({
      attributes: { type: 'Opportunity' },
      id: r.Id,
      NextStep: 'Call',
    }));
    const [answer, ms] = await timed(() =>
      call('PATCH', `${V}/composite/sobjects`, { body: { records } }),
    );
    expect(answer.body.every((r: { success: boolean }) => r.success)).toBe(true);
    expect(ms).toBeLessThan(1_000);
  });
});
