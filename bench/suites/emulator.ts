import { buildEmulator } from '../../src/crm/emulator/server.js';
import { DEFAULT_PRIVATE_APP_TOKEN } from '../../src/crm/emulator/hubspot/context.js';
import { createHubspotEmulator } from '../../src/crm/emulator/hubspot/emulator.js';
import { fillDeals } from '../../src/crm/emulator/hubspot/testing.test-helper.js';
import type { Suite } from './types.js';

/**
 * The CRM emulator at size: a HubSpot with 100,000 deals (20,000 with --quick). Each
 * figure is the median of several calls over HTTP against a baseline call in the same
 * run: a search's first and 50th page against a plain list page (a search page must
 * cost one scan, not one per page before it), and a batch update of the table's last
 * 100 deals against its first 100 (position must not matter).
 */
export const emulatorSuite: Suite = async ({ quick, report }) => {
  const deals = quick ? 20_000 : 100_000;
  const hubspot = createHubspotEmulator(undefined);
  fillDeals(hubspot.store, deals);

  const emulator = await buildEmulator({
    crms: () => [hubspot],
    settings: { limits: { hubspot: { window: null, daily: null } } },
  });
  const url = await emulator.listen(0);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${DEFAULT_PRIVATE_APP_TOKEN}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  };
  const median = async (work: () => Promise<void>, times = quick ? 5 : 11) => {
    const samples: number[] = [];
    for (let i = 0; i < times; i += 1) {
      const started = performance.now();
      await work();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return Math.round(samples[Math.floor(samples.length / 2)]! * 100) / 100;
  };

  try {
    const search = {
      filterGroups: [
        { filters: [{ propertyName: 'dealstage', operator: 'EQ', value: 'closedwon' }] },
      ],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }],
      properties: ['amount'],
      limit: 200,
    };
    const listPage = await median(() =>
      call('GET', '/crm/v3/objects/deals?limit=100&properties=amount'),
    );
    report({
      metric: 'search_first_page_ms',
      value: await median(() => call('POST', '/crm/v3/objects/deals/search', search)),
      unit: 'ms',
      baseline: listPage,
    });
    report({
      metric: 'search_page_50_ms',
      value: await median(() =>
        call('POST', '/crm/v3/objects/deals/search', { ...search, after: '9800' }),
      ),
      unit: 'ms',
      baseline: listPage,
    });
    const order = hubspot.store.tables.deals.order;
    const update = (ids: string[]) => () =>
      call('POST', '/crm/v3/objects/deals/batch/update', {
        inputs: ids.map((id) => ({ id, properties: { amount: '5' } })),
      });
    report({
      metric: 'batch_update_last_100_ms',
      value: await median(update(order.slice(-100))),
      unit: 'ms',
      baseline: await median(update(order.slice(0, 100))),
    });
  } finally {
    emulator.app.server.closeAllConnections();
    await emulator.close();
  }
};
