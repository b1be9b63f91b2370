import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import {
  connectSandbox,
  createSandboxApp,
  createTenant,
  TEST_SECRET_KEY,
} from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { generateDemoData } from '../../demo/generate.js';
import { createConnection } from '../../tenancy/connections.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { openConnector } from '../connect.js';
import type { CrmConnector } from '../port.js';
import { createCrmEmulator } from './index.js';
import { startSandbox } from './sandbox.js';

const log = pino({ level: 'silent' });

/** The first deal the CRM lists, and its amount. */
async function firstDeal(connector: CrmConnector) {
  const amount = connector.crmField('deal', 'amount');
  const page = await connector.listChanged('deal', { properties: [amount], limit: 1 });
  const deal = page.records[0]!;
  return { id: deal.id, amount, value: deal.properties[amount] };
}

async function amountOf(connector: CrmConnector, id: string, amount: string) {
  const [result] = await connector.readRecords('deal', [id], [amount]);
  if (!result?.ok) throw new Error(`deal ${id} not readable`);
  return result.value.properties[amount];
}

describe("each workspace's sandbox connection", () => {
  it.each(['hubspot', 'salesforce'] as const)(
    'is its own %s portal: a write through one workspace is not seen by another',
    async (crmType) => {
      const t = await createSandboxApp(3);
      const [a, b] = [await createTenant(t), await createTenant(t)];
      const inA = await connectSandbox(t, a, { crmType });
      const inB = await connectSandbox(t, b, { crmType });

      // Both portals start from the same data set: the same deal is in both.
      const deal = await firstDeal(inA.connector);
      expect(await firstDeal(inB.connector)).toEqual(deal);
      const [updated] = await inA.connector.updateRecords('deal', [
        { id: deal.id, properties: { [deal.amount]: '987654' } },
      ]);
      expect(updated?.ok).toBe(true);
      const [created] = await inA.connector.createRecords('deal', [
        {
          properties: {
            [deal.amount]: '1',
            ...(crmType === 'salesforce'
              ? { Name: 'Only in A', StageName: 'Prospecting', CloseDate: '2027-01-31' }
              : { dealname: 'Only in A' }),
          },
        },
      ]);
      expect(created?.ok, JSON.stringify(created)).toBe(true);

      expect(Number(await amountOf(inA.connector, deal.id, deal.amount))).toBe(987654);
      expect(await amountOf(inB.connector, deal.id, deal.amount)).toBe(deal.value);
      const [seenByB] = await inB.connector.readRecords('deal', [created!.id!], [deal.amount]);
      expect(seenByB?.ok).toBe(false);

      // Separate accounts, as real portals and orgs are.
      if (crmType === 'hubspot') {
        expect((await inA.connector.testConnection()).accountId).not.toBe(
          (await inB.connector.testConnection()).accountId,
        );
      }
      // The root of the emulator, which no workspace uses, is untouched too.
      expect(t.emulator.portals.size).toBe(2);
    },
  );
});

describe('the sandbox of `pandora start`', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function world() {
    const db = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-sandbox-'));
    dirs.push(dataDir);
    const workspace = async (name: string) => {
      const { id } = await createWorkspace(db.pool, { name });
      const connection = await createConnection(db.pool, TEST_SECRET_KEY, {
        workspaceId: id,
        crmType: 'hubspot',
        kind: 'sandbox',
        name: 'HubSpot (sandbox)',
        credentials: { kind: 'private_app', accessToken: 'pat-emulator-hubspot' },
        metadata: { sandbox: true },
        status: 'connected',
      });
      const open = async () =>
        (await openConnector({ pool: db.pool, secretKey: TEST_SECRET_KEY }, id, connection.id))
          .connector;
      return { id, open };
    };
    const start = () =>
      startSandbox({
        pool: db.pool,
        dataDir,
        host: '127.0.0.1',
        port: 0,
        initialData: () => generateDemoData({ seed: 7 }),
        log,
      });
    return { db, dataDir, workspace, start };
  }

  it('points each sandbox connection at its workspace portal, and saves and restores every portal', async () => {
    const w = await world();
    const [a, b] = [await w.workspace('A'), await w.workspace('B')];
    const first = await w.start();
    const { rows } = await w.db.pool.query<{ baseUrl: string }>(
      `select metadata->>'baseUrl' as "baseUrl" from connections where workspace_id = $1::uuid`,
      [a.id],
    );
    expect(rows[0]!.baseUrl).toBe(`${first.url}/portals/${a.id}`);

    const deal = await firstDeal(await a.open());
    await (await a.open()).updateRecords('deal', [{ id: deal.id, properties: { amount: '4242' } }]);
    await first.stop();
    const saved = JSON.parse(await readFile(path.join(w.dataDir, 'sandbox', 'state.json'), 'utf8'));
    expect(saved.version).toBe(2);
    expect(Object.keys(saved.portals)).toEqual([a.id]);

    const second = await w.start();
    try {
      expect(Number(await amountOf(await a.open(), deal.id, 'amount'))).toBe(4242);
      expect(await amountOf(await b.open(), deal.id, 'amount')).toBe(deal.value);
    } finally {
      await second.stop();
    }
    // B's portal was used in the second run, A's was not: both are kept.
    const again = JSON.parse(await readFile(path.join(w.dataDir, 'sandbox', 'state.json'), 'utf8'));
    expect(Object.keys(again.portals).sort()).toEqual([a.id, b.id].sort());
  });

  it('gives every workspace a copy of a state saved before portals existed', async () => {
    const w = await world();
    const old = await createCrmEmulator({ dataset: generateDemoData({ seed: 7 }) });
    const hubspot = old.crms.get('hubspot')!;
    const url = await old.listen(0);
    const response = await fetch(`${url}/crm/v3/objects/deals?limit=1&properties=amount`, {
      headers: { authorization: 'Bearer pat-emulator-hubspot' },
    });
    const dealId = ((await response.json()) as { results: { id: string }[] }).results[0]!.id;
    await fetch(`${url}/crm/v3/objects/deals/${dealId}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer pat-emulator-hubspot', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { amount: '31337' } }),
    });
    old.app.server.closeAllConnections();
    await old.close();
    await writeFile(
      path.join(w.dataDir, 'state.json.tmp'),
      JSON.stringify({ hubspot: hubspot.snapshot() }),
    );
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(path.join(w.dataDir, 'sandbox'), { recursive: true });
      await fs.rename(
        path.join(w.dataDir, 'state.json.tmp'),
        path.join(w.dataDir, 'sandbox', 'state.json'),
      );
    });

    const [a, b] = [await w.workspace('A'), await w.workspace('B')];
    const sandbox = await w.start();
    try {
      expect(Number(await amountOf(await a.open(), dealId, 'amount'))).toBe(31337);
      await (await a.open()).updateRecords('deal', [{ id: dealId, properties: { amount: '1' } }]);
      expect(Number(await amountOf(await b.open(), dealId, 'amount'))).toBe(31337);
    } finally {
      await sandbox.stop();
    }
  });
});
