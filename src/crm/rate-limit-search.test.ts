import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { SANDBOX_CREDENTIALS, createCrmWorld, type CrmWorld } from '../../test/crm.js';
import { createConnection } from '../tenancy/connections.js';
import { openConnector } from './connect.js';

let world: CrmWorld;
const SEARCHES = 12;

beforeAll(async () => {
  world = await createCrmWorld({
    accounts: 12,
    // HubSpot's 5 a second, with a wide safety margin: a search granted on time can reach
    // the emulator a few hundred ms late on a loaded 2-core test machine.
    rateLimit: { perWindow: null, daily: null, safetyMargin: 0.5 },
    // HubSpot's search limit, enforced with its 429; the general window is off.
    settings: { limits: { hubspot: { window: null, daily: null, search: { max: 5, ms: 1000 } } } },
  });
});

/** Two workers searching at once through one connection, as a sync and a lookup might. */
async function searchTwice(connectionId: string) {
  const opened = () =>
    openConnector(
      { pool: world.db.pool, secretKey: TEST_SECRET_KEY },
      world.workspaceId,
      connectionId,
    );
  const worker = async () => {
    const { connector } = await opened();
    for (let i = 0; i < SEARCHES / 2; i++) {
      await connector.listChanged('deal', {
        properties: ['amount'],
        since: '2000-01-01T00:00:00Z',
        limit: 1,
      });
    }
  };
  const calls = world.mark();
  await Promise.all([worker(), worker()]);
  return calls().filter((call) => call.path.endsWith('/search'));
}

describe("HubSpot's separate search limit", () => {
  it('is kept by the shared limiter: no search is refused', async () => {
    const searches = await searchTwice(world.connectionIds.hubspot);
    expect(searches.filter((call) => call.status === 429)).toEqual([]);
    expect(searches).toHaveLength(SEARCHES);
    // Any 6 consecutive searches span more than a second.
    const times = searches.map((call) => Date.parse(call.at)).sort((a, b) => a - b);
    for (let i = 5; i < times.length; i++) {
      expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(950);
    }
  }, 30_000);

  it('is what the emulator answers 429 SECONDLY to when nothing holds the calls back', async () => {
    const unlimited = await createConnection(world.db.pool, TEST_SECRET_KEY, {
      workspaceId: world.workspaceId,
      crmType: 'hubspot',
      name: 'no search limit',
      credentials: SANDBOX_CREDENTIALS.hubspot(world.baseUrl),
      metadata: {
        sandbox: true,
        baseUrl: world.baseUrl,
        rateLimit: { perWindow: null, daily: null, search: null },
      },
      status: 'connected',
      kind: 'sandbox',
    });
    const searches = await searchTwice(unlimited.id);
    // Refused searches are retried after HubSpot's Retry-After; all end up answered.
    expect(searches.filter((call) => call.status === 429).length).toBeGreaterThan(0);
    expect(searches.filter((call) => call.status === 200)).toHaveLength(SEARCHES);
  }, 30_000);
});
