import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHubspotEmulator,
  type RunningHubspot,
} from '../emulator/hubspot/testing.test-helper.js';
import { createRecord } from '../emulator/hubspot/writes.js';
import { connectorFor, requestsFrom } from './test-support.test-helper.js';

// More records than one search can return (10,000), with a burst of 300 sharing one
// millisecond right where the first search runs out.
const SPREAD = 10_300;
const BURST = 300;
const BASE = Date.parse('2025-03-01T00:00:00Z');
let running: RunningHubspot;
let burstAt = 0;

beforeAll(async () => {
  running = await startHubspotEmulator({ dataset: null });
  const store = running.hubspot.store;
  for (let i = 0; i < SPREAD; i += 1) {
    // Records 9,900 to 10,199 all change at one instant.
    const ms = i < 9_900 ? BASE + i * 1000 : i < 9_900 + BURST ? BASE + 9_900_000 : BASE + i * 1000;
    if (i === 9_900) burstAt = ms;
    createRecord(store, 'companies', { name: `Company ${i}` }, [], new Date(ms).toISOString());
  }
});
afterAll(() => running.close());

describe('listChanged past the 10,000-result search cap', () => {
  it('starts the search again from the last modification time seen, without losing or repeating records', async () => {
    const { connector } = connectorFor(running);
    const requests = requestsFrom(running);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await connector.listChanged('account', {
        properties: ['name'],
        since: new Date(BASE).toISOString(),
        cursor,
      });
      seen.push(...page.records.map((record) => record.id));
      cursor = page.cursor;
    } while (cursor);

    expect(seen).toHaveLength(SPREAD);
    expect(new Set(seen).size).toBe(SPREAD);
    const searches = requests().filter((r) => r.path === '/crm/v3/objects/companies/search');
    expect(searches).toHaveLength(requests().length);
    // No request asked past the cap (the emulator answers those with 400).
    expect(requests().every((r) => r.status === 200)).toBe(true);
    expect(burstAt).toBe(BASE + 9_900_000);
  });

  it('pages from a later since', async () => {
    const { connector } = connectorFor(running);
    const since = new Date(BASE + 10_250 * 1000).toISOString();
    const page = await connector.listChanged('account', { properties: ['name'], since });
    expect(page.records.map((r) => r.properties.name)).toEqual(
      Array.from({ length: SPREAD - 10_250 }, (_, i) => `Company ${10_250 + i}`),
    );
    expect(page.cursor).toBeUndefined();
  });
});
