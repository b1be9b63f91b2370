import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_TOKEN } from '../emulator/salesforce/index.js';
import {
  recordingGate,
  smallDataset,
  startSalesforceEmulator,
  type RecordingGate,
  type RunningSalesforce,
} from '../emulator/salesforce/testing.test-helper.js';
import type { RecordResult, UpdateInput } from '../port.js';
import { createSalesforceConnector, type SalesforceConnector } from './connector.js';
import { invalidateSalesforceProperties } from './metadata.js';

const dataset = smallDataset(70);
let running: RunningSalesforce;
let gate: RecordingGate;
let connector: SalesforceConnector;
let cacheKey: string;
const sf = (sourceId: string) => running.salesforce.idFor(sourceId)!;

function connect(): SalesforceConnector {
  return createSalesforceConnector({
    credentials: {
      kind: 'access_token',
      instanceUrl: running.baseUrl,
      accessToken: DEFAULT_ACCESS_TOKEN,
    },
    gate,
    cacheKey,
    retry: { baseDelayMs: 1 },
  });
}

beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset });
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  gate = recordingGate();
  cacheKey = `test-${randomUUID()}`;
  connector = connect();
});

function values<T>(results: RecordResult<T>[]): T[] {
  return results.map((result) => {
    if (!result.ok) throw result.error;
    return result.value;
  });
}

describe('Salesforce connector', () => {
  it('names Pandora fields the Salesforce way and batches by 200', () => {
    expect(connector.crm).toBe('salesforce');
    expect(connector.batchSize).toBe(200);
    expect(connector.crmField('deal', 'close_date')).toBe('CloseDate');
    expect(connector.crmField('deal', 'stage')).toBe('StageName');
    expect(connector.crmField('contact', 'email')).toBe('Email');
    expect(connector.crmField('account', 'domain')).toBe('Website');
    expect(connector.crmField('account', 'employee_count')).toBe('NumberOfEmployees');
    expect(connector.crmField('deal', 'Pandora_Score__c')).toBe('Pandora_Score__c');
  });

  it('tests the connection: org, user, API usage and the org time zone', async () => {
    const info = await connector.testConnection();
    expect(info).toEqual({
      accountId: running.salesforce.store.orgId,
      user: dataset.owners[0]!.email,
      usage: { used: expect.any(Number), max: 100_000 },
      timeZone: 'America/Los_Angeles',
    });
  });

  it('reads records in input order, with not_found for missing, deleted, wrong-type and malformed ids', async () => {
    const deal = dataset.deals[3]!;
    const id = sf(deal.sourceId);
    const results = await connector.readRecords(
      'deal',
      [id, 'junk', sf(dataset.contacts[0]!.sourceId), '0065g00000009ZZAAA', id.slice(0, 15)],
      ['Name', 'amount', 'CloseDate', 'Account.Name'],
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, true]);
    const [first] = values([results[0]!]);
    expect(first).toEqual({
      id,
      objectType: 'deal',
      properties: {
        Name: deal.name,
        amount: deal.amount,
        CloseDate: deal.closeDate,
        'Account.Name': dataset.accounts.find((a) => a.sourceId === deal.accountSourceId)!.name,
      },
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      createdAt: new Date(deal.createdAt).toISOString(),
    });
    expect(results[4]).toMatchObject({ ok: true, id: id.slice(0, 15), value: { id } });
    const missing = results[1]!;
    expect(!missing.ok && missing.error.kind).toBe('not_found');
  });

  it('lists changed records page by page, each once, oldest change first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await connector.listChanged('contact', {
        properties: ['Email'],
        limit: 200,
        cursor,
      });
      seen.push(...page.records.map((r) => r.id));
      expect(page.records.length).toBeLessThanOrEqual(200);
      const stamps = page.records.map((r) => r.updatedAt);
      expect([...stamps].sort()).toEqual(stamps);
      cursor = page.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(dataset.contacts.length / 200));
    expect(new Set(seen).size).toBe(dataset.contacts.length);
  });

  it('lists only what changed since an instant, deletions included as archived', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const [contactId, otherId] = [
      sf(dataset.contacts[1]!.sourceId),
      sf(dataset.contacts[2]!.sourceId),
    ];
    values(
      await connector.updateRecords('contact', [{ id: contactId, properties: { Title: 'COO' } }]),
    );
    values(await connector.archiveRecords('contact', [otherId]));
    const page = await connector.listChanged('contact', { properties: ['Title'], since });
    expect(page.cursor).toBeUndefined();
    const byId = new Map(page.records.map((r) => [r.id, r]));
    expect(byId.get(contactId)).toMatchObject({ properties: { Title: 'COO' } });
    expect(byId.get(contactId)!.archived).toBeUndefined();
    expect(byId.get(otherId)).toMatchObject({ archived: true });
    expect(page.records.every((r) => r.updatedAt >= since.slice(0, 19))).toBe(true);
  });

  it('updates 250 records in exactly 2 collection calls, with per-record results in input order', async () => {
    const contacts = dataset.contacts.slice(10, 260).map((c) => sf(c.sourceId));
    const faultyId = contacts[230]!;
    running.emulator.ctx.faults.add({
      kind: 'partial_batch',
      api: 'salesforce',
      path: '/composite/sobjects',
      ids: [faultyId],
    });
    const inputs: UpdateInput[] = contacts.map((id, i) => ({
      id,
      properties: { Title: `Title ${i}` },
    }));
    inputs[7] = { id: contacts[7]!, properties: { Email: 'not an email' } };
    inputs.push({ id: 'junk', properties: { Title: 'x' } });
    const since = running.emulator.ctx.log.lastSeq;

    const results = await connector.updateRecords('contact', inputs);

    const calls = running.requests(since).filter((r) => r.path.endsWith('/composite/sobjects'));
    expect(calls.map((c) => [c.method, c.batchSize])).toEqual([
      ['PATCH', 200],
      ['PATCH', 50],
    ]);
    expect(results).toHaveLength(251);
    expect(results.map((r) => r.id)).toEqual(inputs.map((i) => i.id));
    const failures = results.flatMap((r, i) => (r.ok ? [] : [[i, r.error.kind, r.error.crmCode]]));
    expect(failures).toEqual([
      [7, 'validation', 'INVALID_EMAIL_ADDRESS'],
      [230, 'validation', 'FIELD_CUSTOM_VALIDATION_EXCEPTION'],
      [250, 'not_found', 'NOT_FOUND'],
    ]);
    expect(results[0]).toMatchObject({
      ok: true,
      value: { id: contacts[0], properties: { Title: 'Title 0' } },
    });
    const read = await connector.readRecords('contact', [contacts[0]!, contacts[230]!], ['Title']);
    expect(values(read).map((r) => r.properties.Title)).toEqual([
      'Title 0',
      dataset.contacts[240]!.title,
    ]);
  });

  it('creates records with inline account lookups and contact roles', async () => {
    const account = sf(dataset.accounts[5]!.sourceId);
    const contact = sf(dataset.contacts[20]!.sourceId);
    const results = await connector.createRecords('deal', [
      {
        properties: {
          Name: 'Expansion',
          StageName: 'Qualification',
          CloseDate: '2025-12-31',
          Amount: 42_000,
        },
        associations: [
          { objectType: 'account', id: account },
          { objectType: 'contact', id: contact },
        ],
      },
      { properties: { Name: 'Incomplete' } },
    ]);
    expect(results[0]).toMatchObject({ ok: true, id: expect.stringMatching(/^006/) });
    expect(results[1]).toMatchObject({
      ok: false,
      id: null,
      error: { kind: 'validation', crmCode: 'REQUIRED_FIELD_MISSING' },
    });
    const id = results[0]!.id!;
    expect((await connector.listAssociations('deal', [id], 'account')).get(id)).toEqual([account]);
    expect((await connector.listAssociations('deal', [id], 'contact')).get(id)).toEqual([contact]);
    const [read] = values(await connector.readRecords('deal', [id], ['Amount', 'Probability']));
    expect(read!.properties).toEqual({ Amount: 42_000, Probability: 10 });
  });

  it('reports a failed follow-up association with the id of the record it made', async () => {
    const results = await connector.createRecords('contact', [
      {
        properties: { LastName: 'Solo' },
        associations: [{ objectType: 'deal', id: '0065g00000009ZZAAA' }],
      },
    ]);
    expect(results[0]).toMatchObject({
      ok: false,
      id: expect.stringMatching(/^003/),
      error: { kind: 'validation', crmCode: 'INVALID_CROSS_REFERENCE_KEY' },
    });
    const [contact] = values(
      await connector.readRecords('contact', [results[0]!.id!], ['LastName']),
    );
    expect(contact!.properties.LastName).toBe('Solo');
  });

  it('archives records, and archiving again still succeeds', async () => {
    const created = values(
      await connector.createRecords('account', [{ properties: { Name: 'Short-lived' } }]),
    );
    const id = created[0]!.id;
    expect(await connector.archiveRecords('account', [id, id, 'junk'])).toEqual([
      { ok: true, id, value: null },
      { ok: true, id, value: null },
      { ok: false, id: 'junk', error: expect.objectContaining({ kind: 'not_found' }) },
    ]);
    const read = await connector.readRecords('account', [id], ['Name']);
    expect(read[0]!.ok).toBe(false);
  });

  it('lists properties from describe, typed, and caches them per cache key for 5 minutes', async () => {
    const since = running.emulator.ctx.log.lastSeq;
    const properties = await connector.listProperties('deal');
    const byName = new Map(properties.map((p) => [p.name, p]));
    expect(byName.get('Amount')).toMatchObject({
      type: 'currency',
      crmType: 'currency',
      readOnly: false,
      custom: false,
    });
    expect(byName.get('CloseDate')).toMatchObject({ type: 'date' });
    expect(byName.get('Probability')).toMatchObject({ type: 'percent' });
    expect(byName.get('NextStep')).toMatchObject({ type: 'string', maxLength: 255 });
    expect(byName.get('Description')).toMatchObject({ type: 'text', maxLength: 32_000 });
    expect(byName.get('IsWon')).toMatchObject({ type: 'boolean', readOnly: true });
    expect(byName.get('LastModifiedDate')).toMatchObject({ type: 'datetime', readOnly: true });
    expect(byName.get('AccountId')).toMatchObject({ type: 'reference' });
    expect(byName.get('Id')).toMatchObject({ type: 'id', readOnly: true });
    expect(byName.get('StageName')!.options.map((o) => o.value)).toContain('Negotiation/Review');
    expect(byName.get('StageName')!.type).toBe('enumeration');

    running.salesforce.controls.addCustomField({
      object: 'Opportunity',
      name: 'Pandora_Risk__c',
      type: 'textarea',
    });
    const again = await connect().listProperties('deal');
    expect(again.some((p) => p.name === 'Pandora_Risk__c')).toBe(false);
    const describes = running.requests(since).filter((r) => r.path.endsWith('/describe'));
    expect(describes).toHaveLength(1);

    invalidateSalesforceProperties(cacheKey, 'deal');
    const fresh = await connector.listProperties('deal');
    expect(fresh.find((p) => p.name === 'Pandora_Risk__c')).toMatchObject({
      custom: true,
      type: 'text',
      readOnly: false,
    });
  });

  it('forgets the cached describe when a write names a field Salesforce does not have', async () => {
    await connector.listProperties('contact');
    const deal = sf(dataset.contacts[0]!.sourceId);
    const [result] = await connector.updateRecords('contact', [
      { id: deal, properties: { Nope__c: 1 } },
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'validation', crmCode: 'INVALID_FIELD', field: 'Nope__c' },
    });
    const since = running.emulator.ctx.log.lastSeq;
    await connector.listProperties('contact');
    expect(running.requests(since).filter((r) => r.path.endsWith('/describe'))).toHaveLength(1);
  });

  it('lists the opportunity stages as one pipeline', async () => {
    const [pipeline, ...rest] = await connector.listPipelines();
    expect(rest).toEqual([]);
    expect(pipeline!.id).toBe('default');
    expect(pipeline!.stages.map((s) => s.id)).toEqual([
      'Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers',
      'Perception Analysis', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost',
    ]); // prettier-ignore
    expect(pipeline!.stages[2]).toEqual({
      id: 'Needs Analysis',
      label: 'Needs Analysis',
      displayOrder: 3,
      probability: 0.2,
      isClosed: false,
      isWon: false,
    });
    expect(
      pipeline!.stages.filter((s) => s.isClosed).map((s) => [s.id, s.isWon, s.probability]),
    ).toEqual([
      ['Closed Won', true, 1],
      ['Closed Lost', false, 0],
    ]);
  });

  it('lists owners and finds one by e-mail, case-insensitively', async () => {
    const owners = await connector.listOwners();
    expect(owners.map((o) => o.email).sort()).toEqual(dataset.owners.map((o) => o.email).sort());
    const wanted = dataset.owners[4]!;
    expect(await connector.findOwnerByEmail(wanted.email.toUpperCase())).toEqual({
      id: sf(wanted.sourceId),
      email: wanted.email,
      firstName: wanted.name.split(' ')[0],
      lastName: wanted.name.split(' ').slice(1).join(' '),
      active: true,
    });
    expect(await connector.findOwnerByEmail("nobody'@example.com")).toBeNull();
  });
});
