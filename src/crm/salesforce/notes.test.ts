import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_TOKEN } from '../emulator/salesforce/index.js';
import {
  recordingGate,
  smallDataset,
  startSalesforceEmulator,
  type RunningSalesforce,
} from '../emulator/salesforce/testing.test-helper.js';
import type { NoteInput } from '../port.js';
import { createSalesforceConnector, type SalesforceConnector } from './connector.js';

const dataset = smallDataset(120);
/** Shaped like an Opportunity id, but no such record. */
const MISSING_DEAL = '006ZZ0000000001';
let running: RunningSalesforce;
let connector: SalesforceConnector;

beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset });
});
afterAll(() => running.close());
beforeEach(() => {
  running.emulator.ctx.faults.clear();
  connector = createSalesforceConnector({
    credentials: {
      kind: 'access_token',
      instanceUrl: running.baseUrl,
      accessToken: DEFAULT_ACCESS_TOKEN,
    },
    gate: recordingGate(),
    cacheKey: `test-${randomUUID()}`,
    retry: { baseDelayMs: 1 },
  });
});

const sf = (sourceId: string) => running.salesforce.idFor(sourceId)!;
const dealIds = (count: number, from = 0) =>
  dataset.deals.slice(from, from + count).map((deal) => sf(deal.sourceId));
const count = (sobject: string) => running.salesforce.store.table(sobject).size;
const linksOf = (noteId: string) =>
  [...(running.salesforce.store.lookup('ContentDocumentLink', 'ContentDocumentId', noteId) ?? [])]
    .map((id) => running.salesforce.store.get('ContentDocumentLink', id)!)
    .map((link) => [link.LinkedEntityId, link.ShareType]);
const onDeal = (id: string, body = 'Stale deal'): NoteInput => ({
  body,
  attachTo: [{ objectType: 'deal', id }],
});
const since = () => {
  const mark = running.emulator.ctx.log.lastSeq;
  return () => running.requests(mark).map((r) => [r.method, r.path, r.batchSize, r.status]);
};
const COLLECTION = '/services/data/v62.0/composite/sobjects';

describe('Salesforce addNotes', () => {
  it('creates 250 notes in 2 ContentNote collections, then links them in 2 more', async () => {
    const deals = dealIds(250);
    const notes = deals.map((id, i) => ({
      ...onDeal(id, `Close date passed & stage ${i}`),
      title: `Audit ${i}`,
    }));
    const before = { notes: count('ContentNote'), links: count('ContentDocumentLink') };
    const requests = since();
    const results = await connector.addNotes(notes);

    // Notes first (the links need their ids), then the links; 200 per collection.
    expect(requests()).toEqual([
      ['POST', COLLECTION, 200, 200],
      ['POST', COLLECTION, 50, 200],
      ['POST', COLLECTION, 200, 200],
      ['POST', COLLECTION, 50, 200],
    ]);
    expect(count('ContentNote') - before.notes).toBe(250);
    expect(count('ContentDocumentLink') - before.links).toBe(250);
    expect(results.every((r) => r.ok)).toBe(true);
    results.forEach((result, i) => {
      expect(result.id).toMatch(/^069/);
      const note = running.salesforce.store.get('ContentNote', result.id!)!;
      expect(note.Title).toBe(`Audit ${i}`);
      expect(Buffer.from(String(note.Content), 'base64').toString()).toBe(
        `<p>Close date passed &amp; stage ${i}</p>`,
      );
      expect(linksOf(result.id!)).toEqual([[deals[i], 'V']]);
    });
  });

  it('fails only the notes whose record is missing; the note made exists unlinked and says so', async () => {
    const [a, b] = dealIds(2, 260);
    const account = sf(dataset.accounts[7]!.sourceId);
    const before = count('ContentNote');
    const requests = since();
    const results = await connector.addNotes([
      onDeal(a!, 'first'),
      onDeal(MISSING_DEAL, 'on a deal Salesforce does not have'),
      onDeal('junk', 'on an id Salesforce cannot have'),
      {
        body: 'on an account and a missing deal',
        attachTo: [
          { objectType: 'account', id: account },
          { objectType: 'deal', id: MISSING_DEAL },
        ],
      },
      onDeal(b!, 'fifth'),
    ]);

    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, true]);
    // The malformed id is refused before any call; the other four notes are made.
    expect(requests().map((r) => r[2])).toEqual([4, 5]);
    expect(count('ContentNote') - before).toBe(4);
    expect(results[2]).toMatchObject({ id: null, error: { kind: 'not_found' } });
    for (const index of [1, 3]) {
      const result = results[index]!;
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.id).toMatch(/^069/);
      expect(running.salesforce.store.get('ContentNote', result.id!)).toBeDefined();
      expect(result.error).toMatchObject({ crmCode: 'INVALID_CROSS_REFERENCE_KEY' });
      expect(result.error.message).toContain(`Note ${result.id} was created`);
      expect(result.error.message).toContain(`Opportunity ${MISSING_DEAL}`);
      expect(result.error.message).toContain('exists unlinked');
    }
    expect(linksOf(results[3]!.id!)).toEqual([[account, 'V']]);
    expect(linksOf(results[0]!.id!)).toEqual([[a, 'V']]);
    expect(linksOf(results[4]!.id!)).toEqual([[b, 'V']]);
  });

  it('fails every note unlinked when the link call fails for good, without throwing', async () => {
    const deals = dealIds(3, 270);
    // The ContentNote collection goes through; every link collection gets a 503.
    running.emulator.ctx.faults.add({ kind: 'slow', delayMs: 0, times: 1 });
    running.emulator.ctx.faults.add({ kind: 'server_error', api: 'salesforce' });
    const requests = since();
    const results = await connector.addNotes(deals.map((id) => onDeal(id)));

    // Links are retried: a retried link that was already made answers DUPLICATE_VALUE.
    expect(requests().map((r) => r[3])).toEqual([200, 503, 503, 503, 503, 503]);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'transient' } });
      expect(running.salesforce.store.get('ContentNote', result.id!)).toBeDefined();
      expect(linksOf(result.id!)).toEqual([]);
      expect(!result.ok && result.error.message).toContain('exists unlinked');
    }
  });

  it('counts a link made by a call whose answer was lost as made when retried', async () => {
    const [deal] = dealIds(1, 275);
    running.emulator.ctx.faults.add({ kind: 'slow', delayMs: 0, times: 1 });
    running.emulator.ctx.faults.add({ kind: 'drop_after_apply', api: 'salesforce', times: 1 });
    const results = await connector.addNotes([onDeal(deal!)]);
    expect(results[0]).toMatchObject({ ok: true });
    expect(linksOf(results[0]!.id!)).toEqual([[deal, 'V']]);
  });

  it('throws when the first ContentNote call fails as a whole: nothing was created', async () => {
    running.emulator.ctx.faults.add({ kind: 'server_error', api: 'salesforce', times: 1 });
    const before = count('ContentNote');
    const requests = since();
    await expect(connector.addNotes([onDeal(dealIds(1)[0]!)])).rejects.toMatchObject({
      kind: 'transient',
    });
    // A create is not retried after a 5xx: it might have been made.
    expect(requests()).toHaveLength(1);
    expect(count('ContentNote')).toBe(before);
  });
});

describe('Salesforce findNotes', () => {
  it('finds each record’s notes whose title holds the text, in one query of each kind', async () => {
    const [deal, other] = dealIds(2, 30);
    const made = await connector.addNotes([
      {
        title: 'Pandora: fix [ab12cd34]',
        body: 'a & b',
        attachTo: [{ objectType: 'deal', id: deal! }],
      },
      onDeal(deal!, 'Unrelated'),
      {
        title: 'Pandora: fix [ab12cd34]',
        body: 'elsewhere',
        attachTo: [{ objectType: 'deal', id: other! }],
      },
    ]);
    const requests = since();
    const found = await connector.findNotes([
      { attachedTo: { objectType: 'deal', id: deal! }, text: '[ab12cd34]' },
      { attachedTo: { objectType: 'deal', id: other! }, text: '[ab12cd34]' },
      { attachedTo: { objectType: 'deal', id: deal! }, text: '[ffffffff]' },
    ]);
    expect(found).toEqual([[{ id: made[0]!.id }], [{ id: made[2]!.id }], []]);
    expect(requests().map((r) => r[0])).toEqual(['GET', 'GET']);
  });
});
