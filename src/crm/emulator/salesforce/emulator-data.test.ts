import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from './http-client.test-helper.js';
import { DEFAULT_STAGES } from './seed.js';
import {
  smallDataset,
  startSalesforceEmulator,
  type RunningSalesforce,
} from './testing.test-helper.js';

const V = '/services/data/v62.0';
let clock = new Date('2025-06-15T12:00:00.000Z');
let running: RunningSalesforce;
let call: ReturnType<typeof httpClient>;

const q = (soql: string) => `${V}/query?q=${encodeURIComponent(soql)}`;
const dataset = smallDataset();

beforeAll(async () => {
  running = await startSalesforceEmulator({
    dataset,
    now: () => clock,
    salesforce: { queryBatchSize: 5 },
  });
  call = httpClient(running.baseUrl);
});
afterAll(() => running.close());

function firstDealId(): string {
  return running.salesforce.idFor(dataset.deals[0]!.sourceId)!;
}

describe('seed', () => {
  it('loads the demo data set with Salesforce ids, stages and roles', async () => {
    const count = async (object: string) =>
      (await call('GET', q(`SELECT COUNT() FROM ${object}`))).body.totalSize;
    expect(await count('Account')).toBe(dataset.accounts.length);
    expect(await count('Contact')).toBe(dataset.contacts.length);
    expect(await count('Opportunity')).toBe(dataset.deals.length);
    expect(await count('OpportunityContactRole')).toBe(dataset.dealContacts.length);
    expect(await count('User')).toBe(dataset.owners.length);
    expect(await count('OpportunityStage')).toBe(DEFAULT_STAGES.length);
    expect(await count('OpportunityFieldHistory')).toBeGreaterThan(dataset.deals.length);
    expect(firstDealId()).toMatch(/^006[a-zA-Z0-9]{15}$/);
    expect(running.salesforce.idFor(dataset.accounts[0]!.sourceId)).toMatch(/^001/);
  });

  it('gives the same ids for the same data set', async () => {
    const again = await startSalesforceEmulator({ dataset });
    try {
      for (const deal of dataset.deals.slice(0, 5)) {
        expect(again.salesforce.idFor(deal.sourceId)).toBe(running.salesforce.idFor(deal.sourceId));
      }
    } finally {
      await again.close();
    }
  });

  it('maps demo stages to Salesforce default stages', async () => {
    const deal = dataset.deals.find((d) => d.stageNormalized === 'closed_won')!;
    const id = running.salesforce.idFor(deal.sourceId)!;
    const answer = await call(
      'GET',
      `${V}/sobjects/Opportunity/${id}?fields=StageName,IsWon,Amount,CloseDate,OwnerId`,
    );
    expect(answer.body).toMatchObject({
      StageName: 'Closed Won',
      IsWon: true,
      Amount: deal.amount,
      CloseDate: deal.closeDate,
      OwnerId: running.salesforce.idFor(deal.ownerSourceId),
    });
  });
});

describe('query', () => {
  it('pages with nextRecordsUrl and reports the total', async () => {
    const first = await call('GET', q('SELECT Id, Name FROM Account ORDER BY Name'));
    expect(first.status).toBe(200);
    expect(first.body.totalSize).toBe(dataset.accounts.length);
    expect(first.body.done).toBe(false);
    expect(first.body.records).toHaveLength(5);
    expect(first.body.records[0].attributes).toEqual({
      type: 'Account',
      url: `${V}/sobjects/Account/${first.body.records[0].Id}`,
    });
    expect(first.body.nextRecordsUrl).toMatch(
      /^\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]{15}-5$/,
    );
    const seen = [...first.body.records];
    let next = first.body.nextRecordsUrl as string | undefined;
    while (next) {
      const page = await call('GET', next);
      seen.push(...page.body.records);
      next = page.body.nextRecordsUrl;
    }
    expect(seen.map((r) => r.Id)).toHaveLength(dataset.accounts.length);
    expect(new Set(seen.map((r) => r.Id)).size).toBe(dataset.accounts.length);
    const sorted = [...seen.map((r) => r.Name.toLowerCase())].sort();
    expect(seen.map((r) => r.Name.toLowerCase())).toEqual(sorted);
  });

  it('honours Sforce-Query-Options batchSize within 200..2000', async () => {
    const answer = await call('GET', q('SELECT Id FROM OpportunityFieldHistory'), {
      headers: { 'Sforce-Query-Options': 'batchSize=10' },
    });
    expect(answer.body.records.length).toBe(Math.min(200, answer.body.totalSize));
  });

  it('refuses an unknown or expired locator with INVALID_QUERY_LOCATOR', async () => {
    const answer = await call('GET', `${V}/query/01g5g0000000999AAA-5`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([
      { message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' },
    ]);
    const first = await call('GET', q('SELECT Id FROM Account'));
    clock = new Date(clock.getTime() + 16 * 60_000);
    const late = await call('GET', first.body.nextRecordsUrl);
    expect(late.body[0].errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('answers bad SOQL as Salesforce does', async () => {
    const malformed = await call('GET', q('SELECT Id FROM'));
    expect(malformed.status).toBe(400);
    expect(malformed.body[0].errorCode).toBe('MALFORMED_QUERY');
    const field = await call('GET', q('SELECT Nope FROM Account'));
    expect(field.body[0].errorCode).toBe('INVALID_FIELD');
    const type = await call('GET', q('SELECT Id FROM Nope'));
    expect(type.body[0].errorCode).toBe('INVALID_TYPE');
    const empty = await call('GET', `${V}/query`);
    expect(empty.body[0].errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('single records', () => {
  it('creates, reads, updates and deletes, keeping system fields and stage history', async () => {
    clock = new Date('2025-07-01T09:00:00.000Z');
    const accountId = running.salesforce.idFor(dataset.accounts[0]!.sourceId)!;
    const created = await call('POST', `${V}/sobjects/Opportunity`, {
      body: {
        Name: 'New one',
        StageName: 'prospecting',
        CloseDate: '2025-08-01',
        AccountId: accountId,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^006/), success: true, errors: [] });
    const id = created.body.id as string;

    const read = await call('GET', `${V}/sobjects/Opportunity/${id}`);
    expect(read.body).toMatchObject({
      Name: 'New one',
      StageName: 'Prospecting',
      Probability: 10,
      ForecastCategoryName: 'Pipeline',
      IsClosed: false,
      CreatedDate: '2025-07-01T09:00:00.000+0000',
      LastModifiedDate: '2025-07-01T09:00:00.000+0000',
    });

    clock = new Date('2025-07-02T10:30:00.000Z');
    const patched = await call('PATCH', `${V}/sobjects/Opportunity/${id.slice(0, 15)}`, {
      body: { StageName: 'Closed Lost', NextStep: 'none' },
    });
    expect(patched.status).toBe(204);
    const after = await call(
      'GET',
      `${V}/sobjects/Opportunity/${id}?fields=StageName,IsClosed,IsWon,Probability,SystemModstamp`,
    );
    expect(after.body).toMatchObject({
      StageName: 'Closed Lost',
      IsClosed: true,
      IsWon: false,
      Probability: 0,
      SystemModstamp: '2025-07-02T10:30:00.000+0000',
    });
    const history = await call(
      'GET',
      q(
        `SELECT Field, OldValue, NewValue, CreatedDate FROM OpportunityFieldHistory WHERE OpportunityId = '${id}' ORDER BY CreatedDate`,
      ),
    );
    expect(
      history.body.records.map((r: Record<string, unknown>) => [r.Field, r.OldValue, r.NewValue]),
    ).toEqual([
      ['created', null, null],
      ['StageName', 'Prospecting', 'Closed Lost'],
    ]);

    expect((await call('DELETE', `${V}/sobjects/Opportunity/${id}`)).status).toBe(204);
    const gone = await call('GET', `${V}/sobjects/Opportunity/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body[0].errorCode).toBe('ENTITY_IS_DELETED');
    const all = await call(
      'GET',
      `${V}/queryAll?q=${encodeURIComponent(`SELECT Id, IsDeleted FROM Opportunity WHERE Id = '${id}'`)}`,
    );
    expect(all.body.records).toEqual([expect.objectContaining({ Id: id, IsDeleted: true })]);
    expect(
      (await call('GET', q(`SELECT Id FROM Opportunity WHERE Id = '${id}'`))).body.totalSize,
    ).toBe(0);
  });

  it('answers a missing record with 404 NOT_FOUND', async () => {
    const missing = await call('PATCH', `${V}/sobjects/Opportunity/0065g00000009ZZAAA`, {
      body: { Name: 'x' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body[0].errorCode).toBe('NOT_FOUND');
    const wrongType = await call('GET', `${V}/sobjects/Account/${firstDealId()}`);
    expect(wrongType.status).toBe(404);
    expect((await call('GET', `${V}/sobjects/Widget/describe`)).status).toBe(404);
  });

  it.each([
    [{ Colour: 'red' }, 'INVALID_FIELD', 'Colour'],
    [{ IsClosed: true }, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'IsClosed'],
    [{ Amount: 'lots' }, 'INVALID_TYPE_ON_FIELD_IN_RECORD', 'Amount'],
    [{ CloseDate: '2025-02-30' }, 'INVALID_TYPE_ON_FIELD_IN_RECORD', 'CloseDate'],
    [{ StageName: 'Dreaming' }, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'StageName'],
    [{ StageName: null }, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'StageName'],
    [{ NextStep: 'x'.repeat(256) }, 'STRING_TOO_LONG', 'NextStep'],
    [{ Name: null }, 'REQUIRED_FIELD_MISSING', 'Name'],
    [{ AccountId: 'not-an-id' }, 'MALFORMED_ID', 'AccountId'],
    [{ AccountId: '0015g00000009ZZAAA' }, 'INVALID_CROSS_REFERENCE_KEY', 'AccountId'],
    [{ OwnerId: '0015g0000000001AAA' }, 'FIELD_INTEGRITY_EXCEPTION', 'OwnerId'],
  ])('refuses %j with %s on %s', async (body, errorCode, field) => {
    const answer = await call('PATCH', `${V}/sobjects/Opportunity/${firstDealId()}`, { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([{ message: expect.any(String), errorCode, fields: [field] }]);
  });

  it('refuses bodies that do not parse, and objects where values belong, with JSON_PARSER_ERROR', async () => {
    for (const body of ['{"Name": ', '[1]', '{"Amount": {"value": 5}}']) {
      const answer = await call('PATCH', `${V}/sobjects/Opportunity/${firstDealId()}`, { body });
      expect(answer.status).toBe(400);
      expect(answer.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    }
  });

  it('checks required fields and e-mail addresses on create', async () => {
    const missing = await call('POST', `${V}/sobjects/Opportunity`, { body: { Name: 'x' } });
    expect(missing.body).toEqual([
      {
        message: 'Required fields are missing: [CloseDate, StageName]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['CloseDate', 'StageName'],
      },
    ]);
    const email = await call('POST', `${V}/sobjects/Contact`, {
      body: { LastName: 'x', Email: 'nope' },
    });
    expect(email.body[0]).toMatchObject({ errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] });
    const user = await call('POST', `${V}/sobjects/User`, { body: { LastName: 'x' } });
    expect(user.body[0].errorCode).toBe('INVALID_TYPE_FOR_OPERATION');
  });
});

describe('describe', () => {
  it('lists fields with types, lengths, access and stage picklist values', async () => {
    const answer = await call('GET', `${V}/sobjects/Opportunity/describe`);
    expect(answer.status).toBe(200);
    const fields = new Map<string, Record<string, unknown>>(
      answer.body.fields.map((f: { name: string }) => [f.name, f]),
    );
    expect(fields.get('Amount')).toMatchObject({
      type: 'currency',
      updateable: true,
      nillable: true,
      custom: false,
    });
    expect(fields.get('NextStep')).toMatchObject({ type: 'string', length: 255 });
    expect(fields.get('LastModifiedDate')).toMatchObject({
      type: 'datetime',
      updateable: false,
      createable: false,
    });
    expect(fields.get('AccountId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account',
    });
    const stage = fields.get('StageName')!;
    expect(stage).toMatchObject({ type: 'picklist', restrictedPicklist: true, nillable: false });
    expect(
      (stage.picklistValues as { value: string; active: boolean }[]).map((v) => v.value),
    ).toEqual(DEFAULT_STAGES.map((s) => s.name));
    const global = await call('GET', `${V}/sobjects`);
    expect(global.body.sobjects.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Account', 'Contact', 'Opportunity', 'ContentNote', 'Task']),
    );
  });

  it('adds custom fields through the control route, then accepts them in writes and queries', async () => {
    const added = await call('POST', '/_emulator/salesforce/fields', {
      body: {
        object: 'Opportunity',
        name: 'Pandora_Score__c',
        type: 'double',
        precision: 5,
        scale: 1,
      },
    });
    expect(added.status).toBe(201);
    const again = await call('POST', '/_emulator/salesforce/fields', {
      body: { object: 'Opportunity', name: 'Pandora_Score__c', type: 'double' },
    });
    expect(again.status).toBe(400);
    const describe = await call('GET', `${V}/sobjects/Opportunity/describe`);
    const field = describe.body.fields.find((f: { name: string }) => f.name === 'Pandora_Score__c');
    expect(field).toMatchObject({
      custom: true,
      type: 'double',
      updateable: true,
      precision: 5,
      scale: 1,
    });
    expect(
      (
        await call('PATCH', `${V}/sobjects/Opportunity/${firstDealId()}`, {
          body: { pandora_score__c: 87.25 },
        })
      ).status,
    ).toBe(204);
    const read = await call(
      'GET',
      q(`SELECT Pandora_Score__c FROM Opportunity WHERE Pandora_Score__c > 80`),
    );
    expect(read.body.records.map((r: { Pandora_Score__c: number }) => r.Pandora_Score__c)).toEqual([
      87.3,
    ]);
  });
});
