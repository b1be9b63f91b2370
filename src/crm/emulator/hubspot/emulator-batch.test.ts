import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
beforeEach(() => running.emulator.ctx.faults.clear());

const dealIds = (count: number, from = 0) =>
  dataset.deals.slice(from, from + count).map((deal) => running.hubspot.idFor(deal.sourceId)!);

describe('batch endpoints', () => {
  it('reads up to 100 and reports missing ids in one OBJECT_NOT_FOUND error (207)', async () => {
    const ids = dealIds(3);
    const answer = await call('POST', '/crm/v3/objects/deals/batch/read', {
      body: { inputs: [...ids, '999', '998'].map((id) => ({ id })), properties: ['amount'] },
    });
    expect(answer.status).toBe(207);
    expect(answer.body.results.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(answer.body.numErrors).toBe(1);
    expect(answer.body.errors[0]).toMatchObject({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['999', '998'] },
    });

    const all = await call('POST', '/crm/v3/objects/deals/batch/read', {
      body: { inputs: ids.map((id) => ({ id })), properties: [] },
    });
    expect(all.status).toBe(200);
    expect(all.body.status).toBe('COMPLETE');
  });

  it('refuses more than 100 inputs with 400 VALIDATION_ERROR', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1), properties: {} }));
    for (const action of ['read', 'create', 'update', 'archive']) {
      const answer = await call('POST', `/crm/v3/objects/deals/batch/${action}`, {
        body: { inputs },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.category).toBe('VALIDATION_ERROR');
    }
  });

  it('updates per record: 200 when all go through, 207 with per-record errors otherwise', async () => {
    const ids = dealIds(4);
    const ok = await call('POST', '/crm/v3/objects/deals/batch/update', {
      body: { inputs: ids.map((id, i) => ({ id, properties: { amount: String(100 + i) } })) },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.results).toHaveLength(4);

    const mixed = await call('POST', '/crm/v3/objects/deals/batch/update', {
      body: {
        inputs: [
          { id: ids[0], properties: { amount: '7' } },
          { id: ids[1], properties: { dealstage: 'nope' } },
          { id: '424242', properties: { amount: '1' } },
        ],
      },
    });
    expect(mixed.status).toBe(207);
    expect(mixed.body.results.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const byCategory = Object.fromEntries(
      mixed.body.errors.map((e: { category: string }) => [e.category, e]),
    );
    expect(byCategory.VALIDATION_ERROR).toMatchObject({
      context: { ids: [ids[1]], propertyName: ['dealstage'] },
      errors: [{ code: 'INVALID_OPTION', context: { propertyName: ['dealstage'] } }],
    });
    expect(byCategory.OBJECT_NOT_FOUND.context.ids).toEqual(['424242']);

    const duplicate = await call('POST', '/crm/v3/objects/deals/batch/update', {
      body: { inputs: [ids[0], ids[0]].map((id) => ({ id, properties: { amount: '1' } })) },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.message).toContain('Duplicate IDs');
  });

  it('fails the records a partial_batch fault names, applies the rest, and logs the batch size', async () => {
    const ids = dealIds(5, 5);
    running.emulator.ctx.faults.add({ kind: 'partial_batch', ids: [ids[2]!], times: 1 });
    const since = running.emulator.ctx.log.lastSeq;
    const answer = await call('POST', '/crm/v3/objects/deals/batch/update', {
      body: { inputs: ids.map((id) => ({ id, properties: { hs_next_step: 'fault test' } })) },
    });
    expect(answer.status).toBe(207);
    expect(answer.body.results).toHaveLength(4);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ category: 'VALIDATION_ERROR', context: { ids: [ids[2]] } }),
    ]);
    const failed = await call('GET', `/crm/v3/objects/deals/${ids[2]}?properties=hs_next_step`);
    expect(failed.body.properties.hs_next_step).not.toBe('fault test');
    expect(running.requests(since).map((r) => r.batchSize)).toEqual([5, null]);
  });

  it('creates per record, echoing objectWriteTraceId on results and errors', async () => {
    const email = dataset.contacts[0]!.email;
    const answer = await call('POST', '/crm/v3/objects/contacts/batch/create', {
      body: {
        inputs: [
          {
            properties: { email: 'new.person@example.com', firstname: 'New' },
            objectWriteTraceId: 'a',
          },
          { properties: { email }, objectWriteTraceId: 'b' },
          { properties: { jobtitle: 'x', nonsense: '1' }, objectWriteTraceId: 'c' },
        ],
      },
    });
    expect(answer.status).toBe(207);
    expect(answer.body.results).toEqual([
      expect.objectContaining({
        objectWriteTraceId: 'a',
        properties: expect.objectContaining({ firstname: 'New' }),
      }),
    ]);
    const byTrace = Object.fromEntries(
      answer.body.errors.map((e: { context: { objectWriteTraceId: string[] } }) => [
        e.context.objectWriteTraceId[0],
        e,
      ]),
    );
    expect(byTrace.b).toMatchObject({ category: 'CONFLICT' });
    expect(byTrace.c).toMatchObject({
      category: 'VALIDATION_ERROR',
      errors: [{ code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['nonsense'] } }],
    });

    const clean = await call('POST', '/crm/v3/objects/companies/batch/create', {
      body: { inputs: [{ properties: { name: 'Batch Co' } }] },
    });
    expect(clean.status).toBe(201);
  });

  it('archives with 204; archived records drop out of reads and lists', async () => {
    const created = await call('POST', '/crm/v3/objects/companies/batch/create', {
      body: { inputs: [{ properties: { name: 'Gone 1' } }, { properties: { name: 'Gone 2' } }] },
    });
    const ids = created.body.results.map((r: { id: string }) => r.id);
    const archive = await call('POST', '/crm/v3/objects/companies/batch/archive', {
      body: { inputs: [...ids, '424242'].map((id) => ({ id })) },
    });
    expect(archive.status).toBe(204);
    const read = await call('POST', '/crm/v3/objects/companies/batch/read', {
      body: { inputs: ids.map((id: string) => ({ id })), properties: [] },
    });
    expect(read.body.results).toEqual([]);
    const archived = await call('POST', '/crm/v3/objects/companies/batch/read?archived=true', {
      body: { inputs: ids.map((id: string) => ({ id })), properties: [] },
    });
    expect(archived.body.results).toHaveLength(2);
  });
});

describe('associations v4', () => {
  it('reads typed associations, reporting records without any as errors', async () => {
    const link = dataset.dealContacts[0]!;
    const dealId = running.hubspot.idFor(link.dealSourceId)!;
    const answer = await call('POST', '/crm/v4/associations/deals/contacts/batch/read', {
      body: { inputs: [{ id: dealId }, { id: '424242' }] },
    });
    expect(answer.status).toBe(207);
    const expected = dataset.dealContacts
      .filter((l) => l.dealSourceId === link.dealSourceId)
      .map((l) => Number(running.hubspot.idFor(l.contactSourceId)));
    expect(
      answer.body.results[0].to.map((t: { toObjectId: number }) => t.toObjectId).sort(),
    ).toEqual(expected.sort());
    expect(answer.body.results[0].to[0].associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
    ]);
    expect(answer.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
      context: { fromObjectId: ['424242'] },
    });
  });

  it('creates associations per input; both directions see them', async () => {
    const [dealId] = dealIds(1, 20);
    const contactId = running.hubspot.idFor(dataset.contacts[40]!.sourceId)!;
    const answer = await call('POST', '/crm/v4/associations/deals/contacts/batch/create', {
      body: {
        inputs: [
          {
            from: { id: dealId },
            to: { id: contactId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }],
          },
          {
            from: { id: dealId },
            to: { id: '424242' },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }],
          },
          {
            from: { id: dealId },
            to: { id: contactId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }],
          },
        ],
      },
    });
    expect(answer.status).toBe(207);
    expect(answer.body.results).toEqual([
      expect.objectContaining({
        fromObjectId: Number(dealId),
        toObjectId: Number(contactId),
        toObjectTypeId: '0-1',
      }),
    ]);
    expect(answer.body.errors.map((e: { category: string }) => e.category).sort()).toEqual([
      'OBJECT_NOT_FOUND',
      'VALIDATION_ERROR',
    ]);
    const back = await call('POST', '/crm/v4/associations/contacts/deals/batch/read', {
      body: { inputs: [{ id: contactId }] },
    });
    expect(back.body.results[0].to).toContainEqual({
      toObjectId: Number(dealId),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 4, label: null }],
    });
  });

  it('a new primary company replaces the old primary', async () => {
    const [dealId] = dealIds(1, 21);
    const companies = dataset.accounts.slice(0, 2).map((a) => running.hubspot.idFor(a.sourceId)!);
    for (const companyId of companies) {
      const answer = await call('POST', '/crm/v4/associations/deals/companies/batch/create', {
        body: {
          inputs: [
            {
              from: { id: dealId },
              to: { id: companyId },
              types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }],
            },
          ],
        },
      });
      expect(answer.status).toBe(201);
    }
    const read = await call('POST', '/crm/v4/associations/deals/companies/batch/read', {
      body: { inputs: [{ id: dealId }] },
    });
    const primary = read.body.results[0].to.filter(
      (t: { associationTypes: { typeId: number }[] }) =>
        t.associationTypes.some((type) => type.typeId === 5),
    );
    expect(primary.map((t: { toObjectId: number }) => String(t.toObjectId))).toEqual([
      companies[1],
    ]);
  });
});
