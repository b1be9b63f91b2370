import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  smallDataset,
  startHubspotEmulator,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import { CrmError } from '../errors.js';
import { connectorFor, requestsFrom } from './test-support.test-helper.js';

const dataset = smallDataset(120);
let running: RunningHubspot;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset });
});
afterAll(() => running.close());
beforeEach(() => running.emulator.ctx.faults.clear());

const idOf = (sourceId: string) => running.hubspot.idFor(sourceId)!;
const dealIds = (count: number, from = 0) =>
  dataset.deals.slice(from, from + count).map((deal) => idOf(deal.sourceId));

describe('the HubSpot connector', () => {
  it('maps Pandora field names to HubSpot properties and passes unknown ones through', () => {
    const { connector } = connectorFor(running);
    expect(connector.crm).toBe('hubspot');
    expect(connector.batchSize).toBe(100);
    expect(connector.crmField('deal', 'close_date')).toBe('closedate');
    expect(connector.crmField('deal', 'stage')).toBe('dealstage');
    expect(connector.crmField('deal', 'owner')).toBe('hubspot_owner_id');
    expect(connector.crmField('deal', 'probability')).toBe('hs_deal_stage_probability');
    expect(connector.crmField('contact', 'title')).toBe('jobtitle');
    expect(connector.crmField('account', 'employee_count')).toBe('numberofemployees');
    expect(connector.crmField('account', 'annual_revenue')).toBe('annualrevenue');
    expect(connector.crmField('deal', 'pandora_score')).toBe('pandora_score');
  });

  it('tests the connection through account info and reports the daily quota to the gate', async () => {
    const { connector, gate } = connectorFor(running);
    const info = await connector.testConnection();
    expect(info.accountId).toBe(String(running.hubspot.store.portalId));
    expect(info.usage?.max).toBe(running.emulator.ctx.settings.limits.hubspot.daily);
    expect(gate.usage.at(-1)).toEqual(info.usage);
  });

  it('reads records by id in input order, missing and malformed ids as not_found, 100 per call', async () => {
    const { connector } = connectorFor(running);
    const ids = dealIds(150);
    const requests = requestsFrom(running);
    const results = await connector.readRecords(
      'deal',
      [...ids, '424242', 'abc', ids[0]!],
      ['dealname', 'amount'],
    );
    expect(requests().map((r) => r.batchSize)).toEqual([100, 51]);
    expect(results).toHaveLength(153);
    expect(results.slice(0, 150).every((r, i) => r.ok && r.id === ids[i])).toBe(true);
    const first = results[0]!;
    expect(first.ok && first.value).toMatchObject({
      objectType: 'deal',
      properties: { dealname: dataset.deals[0]!.name },
    });
    expect(results[150]).toMatchObject({ ok: false, id: '424242', error: { kind: 'not_found' } });
    expect(results[151]).toMatchObject({ ok: false, id: 'abc', error: { kind: 'not_found' } });
    expect(results[152]).toMatchObject({ ok: true, id: ids[0] });
  });

  it('lists every record 100 at a time without since', async () => {
    const { connector } = connectorFor(running);
    const requests = requestsFrom(running);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await connector.listChanged('deal', { properties: ['dealname'], cursor });
      expect(page.records.length).toBeLessThanOrEqual(100);
      seen.push(...page.records.map((record) => record.id));
      cursor = page.cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(dataset.deals.length);
    expect(requests().every((r) => r.method === 'GET' && r.path === '/crm/v3/objects/deals')).toBe(
      true,
    );
    expect(requests()).toHaveLength(Math.ceil(dataset.deals.length / 100));
  });

  it('lists records changed since an instant by search, oldest change first', async () => {
    const { connector } = connectorFor(running);
    const since = new Date(Date.now() - 1000).toISOString();
    const [id] = dealIds(1, 7);
    await connector.updateRecords('deal', [
      { id: id!, properties: { hs_next_step: 'since test' } },
    ]);
    const contact = idOf(dataset.contacts[3]!.sourceId);
    await connector.updateRecords('contact', [{ id: contact, properties: { jobtitle: 'Chief' } }]);

    const requests = requestsFrom(running);
    const deals = await connector.listChanged('deal', { properties: ['hs_next_step'], since });
    expect(deals.records.map((r) => r.id)).toEqual([id]);
    expect(deals.records[0]!.properties.hs_next_step).toBe('since test');
    expect(deals.cursor).toBeUndefined();
    expect(requests()[0]).toMatchObject({ method: 'POST', path: '/crm/v3/objects/deals/search' });
    // Contacts keep their modification time in `lastmodifieddate`.
    const contacts = await connector.listChanged('contact', { properties: ['jobtitle'], since });
    expect(contacts.records.map((r) => r.id)).toEqual([contact]);

    const all = await connector.listChanged('account', {
      properties: ['name'],
      since: '2000-01-01T00:00:00Z',
      limit: 50,
    });
    expect(all.records).toHaveLength(50);
    const times = all.records.map((r) => r.updatedAt);
    expect(times).toEqual([...times].sort());
    expect(all.cursor).toBeDefined();
  });

  it('refuses a cursor it did not make', async () => {
    const { connector } = connectorFor(running);
    await expect(
      connector.listChanged('deal', { properties: [], cursor: 'nonsense' }),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
  });

  it('updates 250 records in exactly 3 batch calls, per-record results in order, partial failure included', async () => {
    const { connector } = connectorFor(running);
    const ids = dealIds(250, 20);
    running.emulator.ctx.faults.add({
      kind: 'partial_batch',
      path: '/batch/update',
      ids: [ids[120]!],
    });
    const requests = requestsFrom(running);
    const inputs = ids.map((id, i) => ({
      id,
      properties: { amount: i === 7 ? 'not a number' : 5000 + i },
    }));
    const results = await connector.updateRecords('deal', [
      ...inputs,
      { id: '424242', properties: { amount: 1 } },
    ]);

    const writes = requests().filter((r) => r.path === '/crm/v3/objects/deals/batch/update');
    expect(writes).toHaveLength(3);
    expect(writes.map((r) => r.batchSize)).toEqual([100, 100, 51]);
    expect(results).toHaveLength(251);
    expect(results.map((r) => r.id)).toEqual([...ids, '424242']);
    expect(results[7]).toMatchObject({
      ok: false,
      error: { kind: 'validation', crmCode: 'INVALID_DECIMAL', field: 'amount' },
    });
    expect(results[120]).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(results[250]).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(results.filter((r) => r.ok)).toHaveLength(248);
    const ok = results[0]!;
    expect(ok.ok && ok.value.properties.amount).toBe('5000');
    const check = await connector.readRecords('deal', [ids[1]!, ids[120]!], ['amount']);
    expect(check[0]!.ok && check[0]!.value.properties.amount).toBe('5001');
    expect(check[1]!.ok && check[1]!.value.properties.amount).not.toBe('5120');
  });

  it('merges two updates of one record into one input', async () => {
    const { connector } = connectorFor(running);
    const [id] = dealIds(1, 10);
    const results = await connector.updateRecords('deal', [
      { id: id!, properties: { amount: 1, hs_next_step: 'a' } },
      { id: id!, properties: { amount: 2 } },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const [read] = await connector.readRecords('deal', [id!], ['amount', 'hs_next_step']);
    expect(read!.ok && read!.value.properties).toMatchObject({ amount: '2', hs_next_step: 'a' });
  });

  it('creates records with inline associations; results by position, failures per record', async () => {
    const { connector } = connectorFor(running);
    const accountId = idOf(dataset.accounts[5]!.sourceId);
    const contactId = idOf(dataset.contacts[9]!.sourceId);
    const results = await connector.createRecords('deal', [
      {
        properties: { dealname: 'Inline', amount: 100, dealstage: 'qualifiedtobuy' },
        associations: [
          { objectType: 'account', id: accountId },
          { objectType: 'contact', id: contactId },
        ],
      },
      { properties: { dealname: 'Bad stage', dealstage: 'nowhere' } },
      { properties: { dealname: 'Plain', closedate: '2025-12-31' } },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({
      id: null,
      error: { kind: 'validation', field: 'dealstage', crmCode: 'INVALID_OPTION' },
    });
    const created = results[0]!;
    const plain = results[2]!;
    expect(plain.ok && plain.value.properties.dealname).toBe('Plain');
    const id = created.ok ? created.id : '';
    expect((await connector.listAssociations('deal', [id], 'account')).get(id)).toEqual([
      accountId,
    ]);
    expect((await connector.listAssociations('deal', [id], 'contact')).get(id)).toEqual([
      contactId,
    ]);

    const contacts = await connector.createRecords('contact', [
      { properties: { email: dataset.contacts[0]!.email } },
      { properties: { email: 'fresh.contact@example.com', firstname: 'Fresh' } },
    ]);
    expect(contacts[0]).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(contacts[1]).toMatchObject({ ok: true });
  });

  it('archives records; they are then not found', async () => {
    const { connector } = connectorFor(running);
    const [created] = await connector.createRecords('account', [
      { properties: { name: 'To archive' } },
    ]);
    const id = created!.ok ? created!.id : '';
    const results = await connector.archiveRecords('account', [id, 'abc']);
    expect(results).toEqual([
      { ok: true, id, value: null },
      expect.objectContaining({ ok: false, id: 'abc', error: expect.any(CrmError) }),
    ]);
    expect((await connector.readRecords('account', [id], ['name']))[0]).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('adds a dated note attached to records, with the title as a bold first line', async () => {
    const { connector } = connectorFor(running);
    const dealId = dealIds(1, 40)[0]!;
    const contactId = idOf(dataset.contacts[40]!.sourceId);
    const accountId = idOf(dataset.accounts[40]!.sourceId);
    const { id } = await connector.addNote({
      title: 'Call <recap>',
      body: 'Budget approved.',
      timestamp: '2025-05-01T10:00:00.000Z',
      attachTo: [
        { objectType: 'deal', id: dealId },
        { objectType: 'contact', id: contactId },
        { objectType: 'account', id: accountId },
      ],
    });
    const note = running.hubspot.store.tables.notes.get(id)!;
    expect(note.properties).toMatchObject({
      hs_timestamp: '2025-05-01T10:00:00.000Z',
      hs_note_body: '<p><strong>Call &#60;recap&#62;</strong></p>Budget approved.',
    });
    const links = (to: 'deals' | 'contacts' | 'companies') =>
      running.hubspot.store.associations
        .list('notes', id, to)
        .map(([target, types]) => [target, types]);
    expect(links('deals')).toEqual([[dealId, [214]]]);
    expect(links('contacts')).toEqual([[contactId, [202]]]);
    expect(links('companies')).toEqual([[accountId, [190]]]);
  });

  it('refuses a note body over 65,536 characters before any call', async () => {
    const { connector, gate } = connectorFor(running);
    const requests = requestsFrom(running);
    await expect(
      connector.addNote({ body: 'x'.repeat(65_537), attachTo: [] }),
    ).rejects.toMatchObject({ kind: 'validation', field: 'hs_note_body' });
    expect(requests()).toHaveLength(0);
    expect(gate.acquired).toBe(0);
  });

  it('associates records with HubSpot type ids; failures per input', async () => {
    const { connector } = connectorFor(running);
    const dealId = dealIds(1, 50)[0]!;
    const contactId = idOf(dataset.contacts[60]!.sourceId);
    const accountId = idOf(dataset.accounts[60]!.sourceId);
    const requests = requestsFrom(running);
    const results = await connector.associate([
      { from: { objectType: 'deal', id: dealId }, to: { objectType: 'contact', id: contactId } },
      { from: { objectType: 'deal', id: dealId }, to: { objectType: 'account', id: accountId } },
      {
        from: { objectType: 'contact', id: contactId },
        to: { objectType: 'account', id: accountId },
      },
      { from: { objectType: 'deal', id: dealId }, to: { objectType: 'contact', id: '424242' } },
      {
        from: { objectType: 'contact', id: contactId },
        to: { objectType: 'contact', id: contactId },
      },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(results[3]).toMatchObject({ error: { kind: 'not_found' } });
    expect(results[4]).toMatchObject({ error: { kind: 'validation' } });
    expect(
      requests()
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      '/crm/v4/associations/contacts/companies/batch/create',
      '/crm/v4/associations/deals/companies/batch/create',
      '/crm/v4/associations/deals/contacts/batch/create',
    ]);
    const store = running.hubspot.store.associations;
    expect(store.firstOfType('deals', dealId, 'companies', 5)).toBe(accountId);
    expect(store.firstOfType('contacts', contactId, 'companies', 1)).toBe(accountId);
    expect(store.list('deals', dealId, 'contacts')).toContainEqual([contactId, [3]]);
  });

  it('lists associations as the data set has them, empty lists for records without', async () => {
    const { connector } = connectorFor(running);
    const deals = dataset.deals.slice(100, 160);
    const ids = deals.map((deal) => idOf(deal.sourceId));
    const map = await connector.listAssociations('deal', [...ids, '424242'], 'contact');
    for (const deal of deals) {
      const expected = dataset.dealContacts
        .filter((link) => link.dealSourceId === deal.sourceId)
        .map((link) => idOf(link.contactSourceId))
        .sort();
      expect(map.get(idOf(deal.sourceId))!.sort()).toEqual(expected);
    }
    expect(map.get('424242')).toEqual([]);
    const accounts = await connector.listAssociations('deal', ids.slice(0, 3), 'account');
    expect(accounts.get(ids[0]!)).toEqual([idOf(deals[0]!.accountSourceId)]);
  });

  it('lists properties as CrmProperty, cached per connection until invalidated', async () => {
    const { connector } = connectorFor(running);
    const requests = requestsFrom(running);
    const properties = await connector.listProperties('deal');
    const byName = Object.fromEntries(properties.map((p) => [p.name, p]));
    expect(byName.amount).toMatchObject({
      type: 'currency',
      crmType: 'number/number',
      readOnly: false,
      custom: false,
    });
    expect(byName.closedate).toMatchObject({ type: 'datetime' });
    expect(byName.dealname).toMatchObject({ type: 'string', maxLength: 65_536 });
    expect(byName.description).toMatchObject({ type: 'text' });
    expect(byName.hs_deal_stage_probability).toMatchObject({ readOnly: true });
    expect(byName.hs_is_closed).toMatchObject({ type: 'boolean', readOnly: true });
    expect(byName.hubspot_owner_id).toMatchObject({ type: 'reference' });
    expect(byName.dealstage!.options).toContainEqual({
      value: 'closedwon',
      label: 'Closed Won (Sales Pipeline)',
    });
    expect(byName.hs_object_id).toMatchObject({ type: 'id', readOnly: true });

    await connector.listProperties('deal');
    expect(requests()).toHaveLength(1);
    connector.invalidateProperties('deal');
    await connector.listProperties('deal');
    expect(requests()).toHaveLength(2);

    const created = await connector.createProperty('deal', {
      name: 'pandora_score',
      label: 'Pandora score',
      type: 'number',
      fieldType: 'number',
    });
    expect(created).toMatchObject({ name: 'pandora_score', custom: true, type: 'number' });
    expect((await connector.listProperties('deal')).map((p) => p.name)).toContain('pandora_score');
  });

  it('shares the property cache between connector instances of one connection', async () => {
    const requests = requestsFrom(running);
    await connectorFor(running, { cacheKey: 'workspace-1:connection-1' }).connector.listProperties(
      'contact',
    );
    const second = connectorFor(running, { cacheKey: 'workspace-1:connection-1' }).connector;
    await second.listProperties('contact');
    expect(requests()).toHaveLength(1);
    await connectorFor(running, { cacheKey: 'workspace-1:connection-2' }).connector.listProperties(
      'contact',
    );
    expect(requests()).toHaveLength(2);
    // Expired after five minutes by the connector's clock.
    const later = connectorFor(running, {
      cacheKey: 'workspace-1:connection-1',
      now: () => new Date(Date.now() + 5 * 60_000 + 1000),
    }).connector;
    await later.listProperties('contact');
    expect(requests()).toHaveLength(3);
  });

  it('lists pipelines with numeric probabilities and closed/won flags', async () => {
    const { connector } = connectorFor(running);
    const pipelines = await connector.listPipelines();
    expect(pipelines.map((p) => p.id)).toEqual(dataset.pipelines.map((p) => p.id));
    for (const [i, pipeline] of pipelines.entries()) {
      expect(pipeline.stages).toEqual(
        dataset.pipelines[i]!.stages.map((stage) => ({
          id: stage.id,
          label: stage.label,
          displayOrder: stage.displayOrder,
          probability: stage.probability,
          isClosed: stage.isClosed,
          isWon: stage.isWon,
        })),
      );
    }
  });

  it('lists owners and finds one by email', async () => {
    const { connector } = connectorFor(running);
    const owners = await connector.listOwners();
    expect(owners).toHaveLength(dataset.owners.length);
    const owner = dataset.owners[2]!;
    expect(await connector.findOwnerByEmail(owner.email)).toEqual({
      id: idOf(owner.sourceId),
      email: owner.email,
      firstName: owner.name.split(' ')[0],
      lastName: owner.name.split(' ').slice(1).join(' '),
      active: true,
    });
    expect(await connector.findOwnerByEmail('nobody@example.com')).toBeNull();
  });
});
