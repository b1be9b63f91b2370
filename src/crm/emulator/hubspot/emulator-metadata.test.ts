import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from './http-client.test-helper.js';
import { smallDataset, startHubspotEmulator, type RunningHubspot } from './testing.test-helper.js';

const dataset = smallDataset();
let running: RunningHubspot;
let call: ReturnType<typeof httpClient>;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset });
  call = httpClient(running.baseUrl);
});
afterAll(() => running.close());

describe('properties', () => {
  it('describes the standard properties as HubSpot does', async () => {
    const answer = await call('GET', '/crm/v3/properties/deals');
    expect(answer.status).toBe(200);
    const byName = Object.fromEntries(
      answer.body.results.map((p: { name: string }) => [p.name, p]),
    );
    for (const name of [
      'dealname',
      'amount',
      'closedate',
      'dealstage',
      'pipeline',
      'hubspot_owner_id',
      'hs_forecast_category',
      'hs_next_step',
      'hs_deal_stage_probability',
      'notes_last_updated',
      'description',
    ]) {
      expect(byName[name], name).toBeDefined();
    }
    expect(byName.amount).toMatchObject({
      type: 'number',
      fieldType: 'number',
      showCurrencySymbol: true,
      hubspotDefined: true,
      modificationMetadata: { readOnlyValue: false, readOnlyDefinition: true, archivable: false },
    });
    expect(byName.hs_deal_stage_probability).toMatchObject({
      calculated: true,
      modificationMetadata: { readOnlyValue: true },
    });
    expect(byName.closedate).toMatchObject({ type: 'datetime', fieldType: 'date' });
    expect(byName.dealstage.options.map((o: { value: string }) => o.value)).toEqual(
      dataset.pipelines.flatMap((p) => p.stages.map((s) => s.id)),
    );
    expect(byName.hubspot_owner_id).toMatchObject({ referencedObjectType: 'OWNER' });
    expect(byName.hubspot_owner_id.options).toHaveLength(dataset.owners.length);

    const contacts = await call('GET', '/crm/v3/properties/contacts');
    const names = contacts.body.results.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['firstname', 'lastname', 'email', 'jobtitle', 'lastmodifieddate']),
    );
    expect(names).not.toContain('hs_lastmodifieddate');
    const companies = await call('GET', '/crm/v3/properties/companies/numberofemployees');
    expect(companies.body).toMatchObject({ name: 'numberofemployees', type: 'number' });
  });

  it('creates custom properties that records can then hold', async () => {
    const created = await call('POST', '/crm/v3/properties/deals', {
      body: {
        name: 'pandora_risk',
        label: 'Pandora risk',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'dealinformation',
        options: [
          { label: 'Low', value: 'low' },
          { label: 'High', value: 'high' },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'pandora_risk',
      hubspotDefined: false,
      modificationMetadata: { readOnlyValue: false, archivable: true },
    });
    const again = await call('POST', '/crm/v3/properties/deals', { body: created.body });
    expect(again.status).toBe(409);
    const badType = await call('POST', '/crm/v3/properties/deals', {
      body: { name: 'x_y', label: 'X', type: 'number', fieldType: 'select', groupName: 'g' },
    });
    expect(badType.status).toBe(400);

    const id = running.hubspot.idFor(dataset.deals[0]!.sourceId)!;
    const bad = await call('PATCH', `/crm/v3/objects/deals/${id}`, {
      body: { properties: { pandora_risk: 'medium' } },
    });
    expect(bad.body.errors[0]).toMatchObject({ code: 'INVALID_OPTION' });
    const good = await call('PATCH', `/crm/v3/objects/deals/${id}`, {
      body: { properties: { pandora_risk: 'high' } },
    });
    expect(good.body.properties.pandora_risk).toBe('high');
  });
});

describe('pipelines, owners, account', () => {
  it('lists deal pipelines with stage metadata as strings', async () => {
    const answer = await call('GET', '/crm/v3/pipelines/deals');
    expect(answer.body.results.map((p: { id: string }) => p.id)).toEqual(
      dataset.pipelines.map((p) => p.id),
    );
    const won = answer.body.results[0].stages.find((s: { id: string }) => s.id === 'closedwon');
    expect(won.metadata).toEqual({ isClosed: 'true', probability: '1.0' });
    const one = await call('GET', '/crm/v3/pipelines/deals/renewals');
    expect(one.body.label).toBe('Renewals');
    expect((await call('GET', '/crm/v3/pipelines/deals/nope')).status).toBe(404);
  });

  it('lists owners with paging and an email filter', async () => {
    const first = await call('GET', '/crm/v3/owners/?limit=3');
    expect(first.body.results).toHaveLength(3);
    const rest = await call(
      'GET',
      `/crm/v3/owners/?limit=100&after=${first.body.paging.next.after}`,
    );
    expect(first.body.results.length + rest.body.results.length).toBe(dataset.owners.length);
    expect(rest.body.paging).toBeUndefined();

    const owner = dataset.owners[4]!;
    const found = await call(
      'GET',
      `/crm/v3/owners?email=${encodeURIComponent(owner.email.toUpperCase())}`,
    );
    expect(found.body.results).toEqual([
      expect.objectContaining({
        id: running.hubspot.idFor(owner.sourceId),
        email: owner.email,
        firstName: owner.name.split(' ')[0],
        type: 'PERSON',
        archived: false,
      }),
    ]);
    expect((await call('GET', '/crm/v3/owners?limit=501')).status).toBe(400);
  });

  it('describes the account', async () => {
    const answer = await call('GET', '/account-info/v3/details');
    expect(answer.body).toMatchObject({
      portalId: running.hubspot.store.portalId,
      companyCurrency: 'USD',
    });
  });
});

describe('snapshot and restore', () => {
  it('round-trips records, associations, custom properties and tokens through plain JSON', async () => {
    const { createHubspotEmulator } = await import('./emulator.js');
    const tokens = running.hubspot.controls.mintTokens(['crm.objects.deals.read']);
    const created = await call('POST', '/crm/v3/objects/contacts', {
      body: { properties: { email: 'snap@example.com', firstname: 'Snap' } },
    });
    const json = JSON.parse(JSON.stringify(running.hubspot.snapshot()));

    const copy = createHubspotEmulator(undefined);
    copy.restore(json);
    expect(copy.store.tables.deals.order).toEqual(running.hubspot.store.tables.deals.order);
    expect(copy.store.tables.contacts.get(created.body.id)?.properties.email).toBe(
      'snap@example.com',
    );
    expect(copy.store.emails.get('snap@example.com')).toBe(created.body.id);
    expect(copy.store.property('deals', 'pandora_risk')).toBeDefined();
    const link = dataset.dealContacts[0]!;
    expect(
      copy.store.associations
        .list('deals', copy.idFor(link.dealSourceId)!, 'contacts')
        .map(([id]) => id),
    ).toContain(copy.idFor(link.contactSourceId));
    // New ids continue after the restored ones.
    expect(Number(copy.store.newId())).toBeGreaterThan(Number(created.body.id));
    const auth = (json as { auth: { accessTokens: { token: string }[] } }).auth;
    expect(auth.accessTokens.map((t) => t.token)).toContain(tokens.access_token);
  });
});
