import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHubspotEmulator,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import { createRecord } from '../emulator/hubspot/writes.js';
import type { CrmRecord } from '../port.js';
import { connectorFor, requestsFrom } from './test-support.test-helper.js';

const AT = '2025-03-01T00:00:00.000Z';
let running: RunningHubspot;
let crowdedDeal = '';
let crowd: string[] = [];

beforeAll(async () => {
  running = await startHubspotEmulator();
  const store = running.hubspot.store;
  // More contacts on one deal than a list page carries inline (100 entries per type).
  crowd = Array.from(
    { length: 130 },
    (_, i) => createRecord(store, 'contacts', { email: `crowd${i}@example.com` }, [], AT).id,
  );
  crowdedDeal = createRecord(
    store,
    'deals',
    { dealname: 'Crowded' },
    crowd.map((toId) => ({ to: 'contacts' as const, toId, typeIds: [3] })),
    AT,
  ).id;
});
afterAll(() => running.close());

async function listAll(
  objectType: 'deal' | 'contact',
  options: { since?: string; associations: ('account' | 'contact')[] },
) {
  const { connector } = connectorFor(running);
  const records: CrmRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await connector.listChanged(objectType, { properties: [], ...options, cursor });
    records.push(...page.records);
    cursor = page.cursor;
  } while (cursor);
  return records;
}

describe('listChanged with associations', () => {
  it('reads them inline with list pages, and only truncated lists through the associations API', async () => {
    const requests = requestsFrom(running);
    const deals = await listAll('deal', { associations: ['account', 'contact'] });
    const { connector } = connectorFor(running);
    const ids = deals.map((deal) => deal.id);
    const [accounts, contacts] = await Promise.all([
      connector.listAssociations('deal', ids, 'account'),
      connector.listAssociations('deal', ids, 'contact'),
    ]);
    const listed = requests().filter((r) => r.path === '/crm/v3/objects/deals');
    const associationReads = requests().filter((r) => r.path.startsWith('/crm/v4/associations'));
    // One list page per 100 deals; one v4 read for the crowded deal's contacts, then the two
    // reads of the comparison above (and their per-record paging).
    expect(listed).toHaveLength(Math.ceil(deals.length / 100));
    expect(associationReads[0]).toMatchObject({
      path: '/crm/v4/associations/deals/contacts/batch/read',
      batchSize: 1,
    });

    for (const deal of deals) {
      expect(deal.associations?.account).toEqual(accounts.get(deal.id));
      expect(deal.associations?.contact).toEqual(contacts.get(deal.id));
    }
    const crowded = deals.find((deal) => deal.id === crowdedDeal)!;
    expect(crowded.associations!.contact).toEqual(crowd);
    expect(deals.some((deal) => (deal.associations!.account ?? []).length > 0)).toBe(true);
  });

  it('reads them through the associations API for search pages, which carry none', async () => {
    const requests = requestsFrom(running);
    const contacts = await listAll('contact', { since: AT, associations: ['account'] });
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((contact) => Array.isArray(contact.associations?.account))).toBe(true);
    expect(requests().map((r) => r.path)).toContain(
      '/crm/v4/associations/contacts/companies/batch/read',
    );
  });
});
