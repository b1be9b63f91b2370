import { openConnector } from '../../src/crm/connect.js';
import { createCrmEmulator } from '../../src/crm/emulator/index.js';
import type { CrmObjectType, CrmType } from '../../src/crm/port.js';
import { generateDemoData } from '../../src/demo/generate.js';
import { syncConnection } from '../../src/ingest/sync/run.js';
import { createConnection } from '../../src/tenancy/connections.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import type { Suite } from './types.js';

const SECRET_KEY = parseSecretKey('22'.repeat(32));

/**
 * A full sync of a CRM holding 100,000 deals (about 160,000 contacts and 40,000
 * accounts; `--quick`: a tenth) from the emulator over HTTP, per CRM, then an
 * incremental run with nothing changed. The baseline, in the same process, is the
 * same connector paging through the same records without storing anything: the
 * ceiling the CRM's API and the SDK set, so `records_per_s` over its baseline is
 * the share of throughput storing leaves. No rate limit: this measures Pandora.
 * `records_per_s` and `calls_per_1000_records` are over both CRMs; the per-CRM
 * figures carry the CRM's name.
 */
export const syncSuite: Suite = async ({ quick, report }) => {
  // About 2.47 deals per account in the demo generator: 40,500 accounts give just over 100,000 deals.
  const accounts = quick ? 4_050 : 40_500;
  const dataset = generateDemoData({ seed: 9, accounts, now: new Date('2026-11-01T00:00:00Z') });
  const emulator = await createCrmEmulator({
    dataset,
    settings: {
      limits: { hubspot: { window: null, daily: null }, salesforce: { window: null, daily: null } },
    },
  });
  const baseUrl = await emulator.listen(0);
  const db = await benchDatabase();
  // Both CRMs together, for the suite's headline metrics.
  const all = {
    records: 0,
    seconds: 0,
    calls: 0,
    baselineRecords: 0,
    baselineSeconds: 0,
    baselineCalls: 0,
  };
  try {
    const workspace = await createWorkspace(db.pool, { name: 'Sync bench' });
    for (const crm of ['hubspot', 'salesforce'] as const) {
      const connection = await createConnection(db.pool, SECRET_KEY, {
        workspaceId: workspace.id,
        crmType: crm,
        name: crm,
        // The emulator on loopback: a server-made sandbox connection.
        kind: 'sandbox',
        credentials: credentials(crm, baseUrl),
        metadata: { baseUrl, rateLimit: { perWindow: null, daily: null } },
        status: 'connected',
      });
      const open = () =>
        openConnector({ pool: db.pool, secretKey: SECRET_KEY }, workspace.id, connection.id);

      // Baseline: page through every record, store nothing.
      const reader = await open();
      const baselineStart = performance.now();
      let baselineRecords = 0;
      for (const objectType of ['account', 'contact', 'deal'] as CrmObjectType[]) {
        const properties = [
          reader.connector.crmField(objectType, objectType === 'deal' ? 'amount' : 'name'),
        ];
        let cursor: string | undefined;
        do {
          const page = await reader.connector.listChanged(objectType, { properties, cursor });
          baselineRecords += page.records.length;
          cursor = page.cursor;
        } while (cursor);
      }
      const baselineSeconds = (performance.now() - baselineStart) / 1000;
      const baselineCalls = reader.calls();

      const opened = await open();
      const start = performance.now();
      const run = await syncConnection(
        { pool: db.pool, ...opened },
        { mode: 'full', trigger: 'cli' },
      );
      const seconds = (performance.now() - start) / 1000;
      if (run.status !== 'succeeded')
        throw new Error(`${crm} sync ${run.status}: ${JSON.stringify(run.errors)}`);
      const records =
        (run.counts.accounts?.fetched ?? 0) +
        (run.counts.contacts?.fetched ?? 0) +
        (run.counts.deals?.fetched ?? 0);

      all.records += records;
      all.seconds += seconds;
      all.calls += run.crmCalls;
      all.baselineRecords += baselineRecords;
      all.baselineSeconds += baselineSeconds;
      all.baselineCalls += baselineCalls;
      report({ metric: `${crm}_deals`, value: run.counts.deals?.fetched ?? 0, unit: 'records' });
      report({
        metric: `${crm}_records_per_s`,
        value: Math.round(records / seconds),
        unit: 'records/s',
        baseline: Math.round(baselineRecords / baselineSeconds),
      });
      report({
        metric: `${crm}_calls_per_1000_records`,
        value: round((run.crmCalls / records) * 1000),
        unit: 'calls',
        baseline: round((baselineCalls / baselineRecords) * 1000),
      });

      const again = await open();
      const incrementalStart = performance.now();
      const incremental = await syncConnection(
        { pool: db.pool, ...again },
        { mode: 'incremental', trigger: 'cli' },
      );
      report({
        metric: `${crm}_unchanged_incremental_calls`,
        value: incremental.crmCalls,
        unit: 'calls',
      });
      report({
        metric: `${crm}_unchanged_incremental_ms`,
        value: Math.round(performance.now() - incrementalStart),
        unit: 'ms',
      });
    }
    report({
      metric: 'records_per_s',
      value: Math.round(all.records / all.seconds),
      unit: 'records/s',
      baseline: Math.round(all.baselineRecords / all.baselineSeconds),
    });
    report({
      metric: 'calls_per_1000_records',
      value: round((all.calls / all.records) * 1000),
      unit: 'calls',
      baseline: round((all.baselineCalls / all.baselineRecords) * 1000),
    });
  } finally {
    emulator.app.server.closeAllConnections();
    await emulator.close();
    await db.close();
  }
};

function credentials(crm: CrmType, baseUrl: string): Record<string, unknown> {
  return crm === 'hubspot'
    ? { kind: 'private_app', accessToken: 'pat-emulator-hubspot' }
    : { kind: 'access_token', instanceUrl: baseUrl, accessToken: '00D-emulator-salesforce-token' };
}
