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
import { CrmError } from '../errors.js';
import { createSalesforceConnector, type SalesforceConnector } from './connector.js';

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

describe('Salesforce connector: notes, associations, tasks', () => {
  it('adds a note as a ContentNote linked to each record', async () => {
    const deal = sf(dataset.deals[0]!.sourceId);
    const account = sf(dataset.deals[0]!.accountSourceId);
    const { id } = await connector.addNote({
      title: 'Discovery call',
      body: 'Budget: $50k & <approved>\nNext: demo',
      attachTo: [
        { objectType: 'deal', id: deal },
        { objectType: 'account', id: account },
      ],
    });
    expect(id).toMatch(/^069/);
    const { store } = running.salesforce;
    const note = store.get('ContentNote', id)!;
    expect(note.Title).toBe('Discovery call');
    expect(Buffer.from(String(note.Content), 'base64').toString()).toBe(
      '<p>Budget: $50k &amp; &lt;approved&gt;</p><p>Next: demo</p>',
    );
    const links = [...(store.lookup('ContentDocumentLink', 'ContentDocumentId', id) ?? [])].map(
      (linkId) => store.get('ContentDocumentLink', linkId)!,
    );
    expect(links.map((l) => [l.LinkedEntityId, l.ShareType]).sort()).toEqual(
      [
        [deal, 'V'],
        [account, 'V'],
      ].sort(),
    );
    await expect(
      connector.addNote({ body: 'x', attachTo: [{ objectType: 'deal', id: 'junk' }] }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('associates deals, contacts and accounts, and does nothing the second time', async () => {
    const deal = sf(dataset.deals[5]!.sourceId);
    const contact = sf(dataset.contacts[40]!.sourceId);
    const account = sf(dataset.accounts[9]!.sourceId);
    const associations = [
      {
        from: { objectType: 'deal' as const, id: deal },
        to: { objectType: 'contact' as const, id: contact },
        role: 'Economic Buyer',
        primary: true,
      },
      {
        from: { objectType: 'deal' as const, id: deal },
        to: { objectType: 'account' as const, id: account },
      },
      {
        from: { objectType: 'account' as const, id: account },
        to: { objectType: 'contact' as const, id: contact },
      },
      {
        from: { objectType: 'deal' as const, id: deal },
        to: { objectType: 'deal' as const, id: deal },
      },
      {
        from: { objectType: 'contact' as const, id: 'junk' },
        to: { objectType: 'deal' as const, id: deal },
      },
    ];
    const first = await connector.associate(associations);
    expect(first.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual([
      'ok',
      'ok',
      'ok',
      'validation',
      'not_found',
    ]);
    const roleCount = () =>
      [
        ...(running.salesforce.store.lookup('OpportunityContactRole', 'OpportunityId', deal) ?? []),
      ].filter(
        (id) => running.salesforce.store.get('OpportunityContactRole', id)!.ContactId === contact,
      ).length;
    expect(roleCount()).toBe(1);
    const second = await connector.associate(associations.slice(0, 3));
    expect(second.every((r) => r.ok)).toBe(true);
    expect(roleCount()).toBe(1);
    const role = [
      ...running.salesforce.store.lookup('OpportunityContactRole', 'ContactId', contact)!,
    ]
      .map((id) => running.salesforce.store.get('OpportunityContactRole', id)!)
      .find((r) => r.OpportunityId === deal)!;
    expect(role).toMatchObject({ Role: 'Economic Buyer', IsPrimary: true });
    expect(
      (await connector.listAssociations('contact', [contact], 'account')).get(contact),
    ).toEqual([account]);
    expect((await connector.listAssociations('deal', [deal], 'account')).get(deal)).toEqual([
      account,
    ]);
  });

  it('lists associations in every direction the data set has', async () => {
    const deal = dataset.deals[10]!;
    const dealId = sf(deal.sourceId);
    const contacts = dataset.dealContacts
      .filter((dc) => dc.dealSourceId === deal.sourceId)
      .map((dc) => sf(dc.contactSourceId));
    expect(await connector.listAssociations('deal', [dealId, 'junk'], 'contact')).toEqual(
      new Map([
        [dealId, expect.arrayContaining(contacts)],
        ['junk', []],
      ]),
    );
    const contactId = contacts[0]!;
    expect(
      (await connector.listAssociations('contact', [contactId], 'deal')).get(contactId),
    ).toContain(dealId);
    const accountSourceId = deal.accountSourceId;
    const accountId = sf(accountSourceId);
    const accountDeals = dataset.deals
      .filter((d) => d.accountSourceId === accountSourceId)
      .map((d) => sf(d.sourceId));
    expect(
      (await connector.listAssociations('account', [accountId], 'deal')).get(accountId)!.sort(),
    ).toEqual(accountDeals.sort());
    const accountContacts = dataset.contacts
      .filter((c) => c.accountSourceId === accountSourceId)
      .map((c) => sf(c.sourceId));
    expect(
      (await connector.listAssociations('account', [accountId], 'contact')).get(accountId)!.sort(),
    ).toEqual(accountContacts.sort());
    expect((await connector.listAssociations('deal', [dealId], 'deal')).get(dealId)).toEqual([]);
  });

  it('creates audit tasks on records', async () => {
    const deal = sf(dataset.deals[2]!.sourceId);
    const { id } = await connector.createTask({
      whatId: deal,
      subject: 'Pandora changed Amount',
      description: 'from 1 to 2',
    });
    expect(running.salesforce.store.get('Task', id)).toMatchObject({
      WhatId: deal,
      Subject: 'Pandora changed Amount',
      Description: 'from 1 to 2',
      Status: 'Completed',
    });
    await expect(connector.createTask({ whatId: 'junk', subject: 'x' })).rejects.toBeInstanceOf(
      CrmError,
    );
  });

  it('makes no calls for empty inputs', async () => {
    const since = running.emulator.ctx.log.lastSeq;
    expect(await connector.updateRecords('deal', [])).toEqual([]);
    expect(await connector.createRecords('deal', [])).toEqual([]);
    expect(await connector.archiveRecords('deal', [])).toEqual([]);
    expect(await connector.readRecords('deal', [], ['Name'])).toEqual([]);
    expect(await connector.associate([])).toEqual([]);
    expect(await connector.listAssociations('deal', [], 'contact')).toEqual(new Map());
    expect(running.requests(since)).toEqual([]);
  });
});
