import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  smallDataset,
  startHubspotEmulator,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import type { NoteInput } from '../port.js';
import { connectorFor, requestsFrom } from './test-support.test-helper.js';

const dataset = smallDataset(120);
let running: RunningHubspot;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset });
});
afterAll(() => running.close());
beforeEach(() => running.emulator.ctx.faults.clear());

const idOf = (sourceId: string) => running.hubspot.store.sourceIds.get(sourceId)!;
const dealIds = (count: number, from = 0) =>
  dataset.deals.slice(from, from + count).map((deal) => idOf(deal.sourceId));
const noteCount = () => running.hubspot.store.tables.notes.byId.size;
const links = (noteId: string, to: 'deals' | 'contacts' | 'companies') =>
  running.hubspot.store.associations.list('notes', noteId, to);

describe('HubSpot addNotes', () => {
  it('sends 250 notes in 3 batch creates, each associated with its deal, results in order', async () => {
    const { connector } = connectorFor(running);
    const deals = dealIds(250);
    const notes = deals.map((id, i): NoteInput => ({
      title: `Audit ${i}`,
      body: `Close date was in the past (${i}).`,
      timestamp: new Date(Date.UTC(2025, 4, 1, 0, 0, i)).toISOString(),
      attachTo: [{ objectType: 'deal', id }],
    }));
    const before = noteCount();
    const requests = requestsFrom(running);
    const results = await connector.addNotes(notes);

    expect(requests().map((r) => [r.method, r.path, r.batchSize, r.status])).toEqual([
      ['POST', '/crm/v3/objects/notes/batch/create', 100, 201],
      ['POST', '/crm/v3/objects/notes/batch/create', 100, 201],
      ['POST', '/crm/v3/objects/notes/batch/create', 50, 201],
    ]);
    expect(noteCount() - before).toBe(250);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.id)).size).toBe(250);
    results.forEach((result, i) => {
      const note = running.hubspot.store.tables.notes.get(result.id!)!;
      expect(note.properties).toMatchObject({
        hs_note_body: `<p><strong>Audit ${i}</strong></p>Close date was in the past (${i}).`,
        hs_timestamp: notes[i]!.timestamp,
      });
      expect(links(result.id!, 'deals')).toEqual([[deals[i], [214]]]);
      expect(running.hubspot.store.associations.list('deals', deals[i]!, 'notes')).toContainEqual([
        result.id,
        [213],
      ]);
    });
  });

  it('associates contacts (202) and companies (190) inline; a note without a timestamp is dated now', async () => {
    const { connector } = connectorFor(running);
    const contactId = idOf(dataset.contacts[3]!.sourceId);
    const accountId = idOf(dataset.accounts[3]!.sourceId);
    const [result] = await connector.addNotes([
      {
        body: 'Met at the conference.',
        attachTo: [
          { objectType: 'contact', id: contactId },
          { objectType: 'account', id: accountId },
        ],
      },
    ]);
    expect(result?.ok).toBe(true);
    expect(links(result!.id!, 'contacts')).toEqual([[contactId, [202]]]);
    expect(links(result!.id!, 'companies')).toEqual([[accountId, [190]]]);
    const stamp = running.hubspot.store.tables.notes.get(result!.id!)!.properties.hs_timestamp!;
    expect(Math.abs(Date.parse(stamp) - Date.now())).toBeLessThan(60_000);
  });

  it('fails only the notes HubSpot refuses, each with its reason; the others are created', async () => {
    const { connector } = connectorFor(running);
    const [a, b, c] = dealIds(3, 260);
    const note = (id: string, body: string): NoteInput => ({
      body,
      attachTo: [{ objectType: 'deal', id }],
    });
    const before = noteCount();
    const requests = requestsFrom(running);
    const results = await connector.addNotes([
      note(a!, 'first'),
      note('999999999999', 'on a deal HubSpot does not have'),
      note(b!, 'third'),
      note('not-an-id', 'on an id HubSpot cannot have'),
      { body: 'x'.repeat(65_537), attachTo: [{ objectType: 'deal', id: c! }] },
      note(c!, 'sixth'),
    ]);

    expect(results.map((r) => r.ok)).toEqual([true, false, true, false, false, true]);
    expect(results[1]).toMatchObject({
      id: null,
      error: { kind: 'validation', message: expect.stringMatching(/associations are invalid/) },
    });
    expect(results[3]).toMatchObject({ error: { kind: 'not_found', crmCode: 'OBJECT_NOT_FOUND' } });
    expect(results[4]).toMatchObject({ error: { kind: 'validation', field: 'hs_note_body' } });
    // The two refused before any call are not sent; the rest go in one call.
    expect(requests().map((r) => [r.batchSize, r.status])).toEqual([[4, 207]]);
    expect(noteCount() - before).toBe(3);
    for (const [index, deal, body] of [
      [0, a, 'first'],
      [2, b, 'third'],
      [5, c, 'sixth'],
    ] as const) {
      const id = results[index]!.id!;
      expect(running.hubspot.store.tables.notes.get(id)?.properties.hs_note_body).toBe(body);
      expect(links(id, 'deals')).toEqual([[deal, [214]]]);
    }
  });

  it('fails the notes of a later call that fails for good; earlier notes stand', async () => {
    const { connector } = connectorFor(running);
    const deals = dealIds(150);
    running.emulator.ctx.faults.add({ kind: 'slow', delayMs: 0, path: '/notes/batch', times: 1 });
    running.emulator.ctx.faults.add({ kind: 'server_error', path: '/notes/batch' });
    const requests = requestsFrom(running);
    const results = await connector.addNotes(
      deals.map((id) => ({ body: 'Stale deal', attachTo: [{ objectType: 'deal', id }] })),
    );
    // A create is not retried after a 5xx: it might have been made.
    expect(requests().map((r) => r.status)).toEqual([201, 503]);
    expect(results.slice(0, 100).every((r) => r.ok)).toBe(true);
    expect(results.slice(100).every((r) => !r.ok && r.error.kind === 'transient')).toBe(true);
  });

  it('throws when the first call fails as a whole: nothing was created', async () => {
    const { connector } = connectorFor(running);
    running.emulator.ctx.faults.add({ kind: 'server_error', path: '/notes/batch', times: 1 });
    const before = noteCount();
    await expect(
      connector.addNotes([{ body: 'x', attachTo: [{ objectType: 'deal', id: dealIds(1)[0]! }] }]),
    ).rejects.toMatchObject({ kind: 'transient' });
    expect(noteCount()).toBe(before);
  });

  it('addNote still makes one note through the single create', async () => {
    const { connector } = connectorFor(running);
    const deal = dealIds(1, 5)[0]!;
    const requests = requestsFrom(running);
    const { id } = await connector.addNote({
      body: 'One',
      attachTo: [{ objectType: 'deal', id: deal }],
    });
    expect(requests().map((r) => r.path)).toEqual(['/crm/v3/objects/notes']);
    expect(links(id, 'deals')).toEqual([[deal, [214]]]);
  });
});

describe('HubSpot findNotes', () => {
  it('finds each record’s notes whose body holds the text, in one read of each kind', async () => {
    const { connector } = connectorFor(running);
    const [deal, other] = dealIds(2, 20);
    const made = await connector.addNotes([
      {
        title: 'Pandora: fix [ab12cd34]',
        body: 'a & b',
        attachTo: [{ objectType: 'deal', id: deal! }],
      },
      { body: 'Unrelated', attachTo: [{ objectType: 'deal', id: deal! }] },
      {
        title: 'Pandora: fix [ab12cd34]',
        body: 'elsewhere',
        attachTo: [{ objectType: 'deal', id: other! }],
      },
    ]);
    const requests = requestsFrom(running);
    const found = await connector.findNotes([
      { attachedTo: { objectType: 'deal', id: deal! }, text: '[ab12cd34]' },
      { attachedTo: { objectType: 'deal', id: other! }, text: '[ab12cd34]' },
      { attachedTo: { objectType: 'deal', id: deal! }, text: '[ffffffff]' },
    ]);
    expect(found).toEqual([[{ id: made[0]!.id }], [{ id: made[2]!.id }], []]);
    // One association read, one batch read of the notes' bodies.
    expect(requests().map((r) => r.path)).toEqual([
      '/crm/v4/associations/deals/notes/batch/read',
      '/crm/v3/objects/notes/batch/read',
    ]);
  });
});
