import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpClient } from './http-client.test-helper.js';
import { smallDataset, startHubspotEmulator, type RunningHubspot } from './testing.test-helper.js';

const clock = { now: new Date('2025-06-15T12:00:00.000Z') };
const dataset = smallDataset();
let running: RunningHubspot;
let call: ReturnType<typeof httpClient>;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset, now: () => clock.now });
  call = httpClient(running.baseUrl);
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  clock.now = new Date(clock.now.getTime() + 60_000);
});

const idOf = (sourceId: string) => running.hubspot.idFor(sourceId)!;
const firstDeal = () => idOf(dataset.deals[0]!.sourceId);

describe('seeding', () => {
  it('loads every owner, company, contact and deal with deterministic ids', async () => {
    const { store } = running.hubspot;
    expect(store.owners).toHaveLength(dataset.owners.length);
    expect(store.tables.companies.order).toHaveLength(dataset.accounts.length);
    expect(store.tables.contacts.order).toHaveLength(dataset.contacts.length);
    expect(store.tables.deals.order).toHaveLength(dataset.deals.length);
    // Companies first, then contacts, then deals, from one sequence.
    expect(idOf(dataset.accounts[0]!.sourceId)).toBe('1000001');
    expect(idOf(dataset.contacts[0]!.sourceId)).toBe(String(1_000_001 + dataset.accounts.length));

    const deal = dataset.deals[0]!;
    const answer = await call(
      'GET',
      `/crm/v3/objects/deals/${firstDeal()}?properties=dealname,amount,dealstage,pipeline,hubspot_owner_id,hs_forecast_category,closedate`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.properties).toMatchObject({
      dealname: deal.name,
      dealstage: deal.stage,
      pipeline: deal.pipeline,
      hubspot_owner_id: idOf(deal.ownerSourceId),
      hs_forecast_category: deal.forecastCategory.toUpperCase().replace('OMITTED', 'OMIT'),
      amount: deal.amount === null ? null : String(deal.amount),
    });
    expect(answer.body.createdAt).toBe(new Date(deal.createdAt).toISOString());
  });
});

describe('objects', () => {
  it('lists by position with limit and after, requested or default properties', async () => {
    const first = await call('GET', '/crm/v3/objects/deals?limit=5');
    expect(first.status).toBe(200);
    expect(first.body.results).toHaveLength(5);
    expect(Object.keys(first.body.results[0].properties).sort()).toEqual(
      [
        'amount',
        'closedate',
        'createdate',
        'dealname',
        'dealstage',
        'hs_lastmodifieddate',
        'hs_object_id',
        'pipeline',
      ].sort(),
    );
    const after = first.body.paging.next.after;
    const second = await call(
      'GET',
      `/crm/v3/objects/deals?limit=5&after=${after}&properties=dealname`,
    );
    expect(second.body.results[0].id).not.toBe(first.body.results[4].id);
    expect(Object.keys(second.body.results[0].properties).sort()).toEqual(
      ['createdate', 'dealname', 'hs_lastmodifieddate', 'hs_object_id'].sort(),
    );

    let seen = 0;
    let cursor: string | undefined;
    do {
      const page = await call(
        'GET',
        `/crm/v3/objects/deals?limit=100${cursor ? `&after=${cursor}` : ''}`,
      );
      seen += page.body.results.length;
      cursor = page.body.paging?.next.after;
    } while (cursor);
    expect(seen).toBe(dataset.deals.length);

    const tooMany = await call('GET', '/crm/v3/objects/deals?limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(tooMany.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 for a record that does not exist and 400 for an unknown object type', async () => {
    const missing = await call('GET', '/crm/v3/objects/deals/424242');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect((await call('GET', '/crm/v3/objects/widgets')).status).toBe(400);
    expect(
      (await call('PATCH', '/crm/v3/objects/deals/424242', { body: { properties: {} } })).status,
    ).toBe(404);
  });

  it('creates a deal in the default pipeline with timestamps from the clock and inline associations', async () => {
    const companyId = idOf(dataset.accounts[1]!.sourceId);
    const answer = await call('POST', '/crm/v3/objects/deals', {
      body: {
        properties: { dealname: 'New one', amount: '1200.50', closedate: '2025-09-30' },
        associations: [
          {
            to: { id: companyId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }],
          },
        ],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.createdAt).toBe(clock.now.toISOString());
    expect(answer.body.properties).toMatchObject({
      dealname: 'New one',
      amount: '1200.5',
      closedate: '2025-09-30T00:00:00.000Z',
      createdate: clock.now.toISOString(),
      hs_lastmodifieddate: clock.now.toISOString(),
    });
    const read = await call(
      'GET',
      `/crm/v3/objects/deals/${answer.body.id}?properties=pipeline,dealstage,hs_deal_stage_probability`,
    );
    expect(read.body.properties).toMatchObject({
      pipeline: 'default',
      dealstage: 'appointmentscheduled',
      hs_deal_stage_probability: '0.2',
    });
    const links = await call('POST', '/crm/v4/associations/deals/companies/batch/read', {
      body: { inputs: [{ id: answer.body.id }] },
    });
    expect(links.body.results[0].to[0].toObjectId).toBe(Number(companyId));
    expect(links.body.results[0].to[0].associationTypes).toEqual(
      expect.arrayContaining([
        { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
        { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
      ]),
    );
  });

  it.each([
    ['unknown property', { nonsense: 'x' }, 'PROPERTY_DOESNT_EXIST', 'nonsense'],
    ['bad option', { dealstage: 'nowhere' }, 'INVALID_OPTION', 'dealstage'],
    [
      'stage of another pipeline',
      { pipeline: 'renewals', dealstage: 'closedwon' },
      'INVALID_OPTION',
      'dealstage',
    ],
    ['bad decimal', { amount: 'lots' }, 'INVALID_DECIMAL', 'amount'],
    ['bad date', { closedate: 'next tuesday' }, 'INVALID_DATE', 'closedate'],
    ['read-only', { hs_object_id: '5' }, 'READ_ONLY_VALUE', 'hs_object_id'],
    [
      'calculated',
      { hs_deal_stage_probability: '0.5' },
      'READ_ONLY_VALUE',
      'hs_deal_stage_probability',
    ],
    [
      'modification date',
      { hs_lastmodifieddate: '2025-01-01' },
      'READ_ONLY_VALUE',
      'hs_lastmodifieddate',
    ],
  ])(
    'refuses a %s with 400 and the code and property',
    async (_name, properties, code, property) => {
      const answer = await call('PATCH', `/crm/v3/objects/deals/${firstDeal()}`, {
        body: { properties },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
      expect(answer.body.message).toContain('Property values were not valid');
      expect(answer.body.errors[0]).toMatchObject({ code, context: { propertyName: [property] } });
    },
  );

  it('refuses a non-integer employee count with INVALID_INTEGER', async () => {
    const answer = await call(
      'PATCH',
      `/crm/v3/objects/companies/${idOf(dataset.accounts[0]!.sourceId)}`,
      {
        body: { properties: { numberofemployees: '12.5' } },
      },
    );
    expect(answer.body.errors[0]).toMatchObject({ code: 'INVALID_INTEGER' });
  });

  it('updates a record and moves its modification time; clearing a value with an empty string', async () => {
    const id = firstDeal();
    const answer = await call('PATCH', `/crm/v3/objects/deals/${id}`, {
      body: { properties: { hs_next_step: 'Call back', description: '' } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.updatedAt).toBe(clock.now.toISOString());
    expect(answer.body.properties).toMatchObject({
      hs_next_step: 'Call back',
      description: null,
      hs_lastmodifieddate: clock.now.toISOString(),
    });
  });

  it('keeps contact emails unique: 409 CONFLICT naming the existing contact', async () => {
    const contact = dataset.contacts[0]!;
    const answer = await call('POST', '/crm/v3/objects/contacts', {
      body: { properties: { email: contact.email.toUpperCase(), firstname: 'Dup' } },
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      category: 'CONFLICT',
      message: `Contact already exists. Existing ID: ${idOf(contact.sourceId)}`,
    });
  });

  it('archives with DELETE; the record is then only found with archived=true', async () => {
    const created = await call('POST', '/crm/v3/objects/companies', {
      body: { properties: { name: 'Short lived', domain: 'short.example' } },
    });
    expect((await call('DELETE', `/crm/v3/objects/companies/${created.body.id}`)).status).toBe(204);
    expect((await call('GET', `/crm/v3/objects/companies/${created.body.id}`)).status).toBe(404);
    const archived = await call(
      'GET',
      `/crm/v3/objects/companies/${created.body.id}?archived=true`,
    );
    expect(archived.body).toMatchObject({ archived: true, archivedAt: clock.now.toISOString() });
  });

  it('needs hs_timestamp on a note, and a note moves the deal’s last activity date', async () => {
    const missing = await call('POST', '/crm/v3/objects/notes', {
      body: { properties: { hs_note_body: 'x' } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ code: 'REQUIRED_PROPERTY' });

    const id = firstDeal();
    const note = await call('POST', '/crm/v3/objects/notes', {
      body: {
        properties: { hs_note_body: 'Spoke to the buyer', hs_timestamp: clock.now.toISOString() },
        associations: [
          {
            to: { id },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }],
          },
        ],
      },
    });
    expect(note.status).toBe(201);
    const deal = await call('GET', `/crm/v3/objects/deals/${id}?properties=notes_last_updated`);
    expect(deal.body.properties.notes_last_updated).toBe(clock.now.toISOString());

    const wrongType = await call('POST', '/crm/v3/objects/notes', {
      body: {
        properties: { hs_timestamp: clock.now.toISOString() },
        associations: [
          { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }] },
        ],
      },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.category).toBe('VALIDATION_ERROR');
  });
});
