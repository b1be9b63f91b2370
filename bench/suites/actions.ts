import { createBatch, runBatch } from '../../src/actions/batch.js';
import { proposeAction } from '../../src/actions/store.js';
import { openConnector } from '../../src/crm/connect.js';
import { createCrmEmulator } from '../../src/crm/emulator/index.js';
import { generateDemoData } from '../../src/demo/generate.js';
import { createConnection } from '../../src/tenancy/connections.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import type { Suite } from './types.js';

const SECRET_KEY = parseSecretKey('33'.repeat(32));
const ACTIONS = 1_000;

/**
 * 1,000 actions, each with two field updates and an audit note, batch-executed
 * against the HubSpot emulator over HTTP. Full run: at HubSpot's 190 calls per 10 s;
 * `--quick`: no rate limit. `crm_calls` against a baseline of one call per write and
 * note (3,000); `wall_s`; `engine_ms_per_action`: the batch's wall time per action
 * with the emulator at zero latency and no limit (an upper bound on the engine's own
 * time: it includes the in-process emulator's work and the local round trips).
 */
export const actionsSuite: Suite = async ({ quick, report }) => {
  const dataset = generateDemoData({
    seed: 5,
    accounts: 450,
    now: new Date('2026-11-01T00:00:00Z'),
  });
  const emulator = await createCrmEmulator({
    dataset,
    settings: { limits: { hubspot: { window: null, daily: null } } },
  });
  const baseUrl = await emulator.listen(0);
  const db = await benchDatabase();
  try {
    const run = async (label: string, rateLimit: Record<string, unknown>) => {
      const workspace = await createWorkspace(db.pool, { name: `Actions bench ${label}` });
      const connection = await createConnection(db.pool, SECRET_KEY, {
        workspaceId: workspace.id,
        crmType: 'hubspot',
        name: 'HubSpot',
        // The emulator on loopback: a server-made sandbox connection.
        kind: 'sandbox',
        credentials: { kind: 'private_app', accessToken: 'pat-emulator-hubspot' },
        metadata: { baseUrl, rateLimit },
        status: 'connected',
      });
      const opened = await openConnector(
        { pool: db.pool, secretKey: SECRET_KEY },
        workspace.id,
        connection.id,
      );
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await opened.connector.listChanged('deal', { properties: [], cursor });
        ids.push(...page.records.map((record) => record.id));
        cursor = page.cursor;
      } while (cursor && ids.length < ACTIONS);
      if (ids.length < ACTIONS) throw new Error(`only ${ids.length} deals in the emulator`);
      const actionIds: string[] = [];
      for (const [i, id] of ids.slice(0, ACTIONS).entries()) {
        const { action } = await proposeAction(db.pool, workspace.id, {
          actionType: 'update_field',
          severity: 'info',
          title: `Bench action ${i}`,
          connectionId: connection.id,
          targetType: 'deal',
          targetSourceId: id,
          executionPayload: {
            crm_updates: [
              { field: 'amount', proposed_value: 10_000 + i },
              { field: 'next_step', proposed_value: `Bench step ${i}` },
            ],
          },
          sourceType: 'api',
        });
        actionIds.push(action.id);
      }
      const batch = await createBatch(db.pool, workspace.id, 'bench', actionIds);
      const start = performance.now();
      const done = await runBatch({ pool: db.pool, secretKey: SECRET_KEY }, workspace.id, batch.id);
      const ms = performance.now() - start;
      if (done.status !== 'succeeded')
        throw new Error(
          `batch ${done.status}: ${JSON.stringify(Object.values(done.results).find((r) => r.outcome !== 'executed'))}`,
        );
      return { ms, calls: done.crmCalls };
    };

    const unlimited = await run('unlimited', { perWindow: null, daily: null });
    report({ metric: 'engine_ms_per_action', value: round(unlimited.ms / ACTIONS), unit: 'ms' });
    const measured = quick
      ? unlimited
      : await run('limited', { tier: 'professional', daily: null });
    report({ metric: 'crm_calls', value: measured.calls, unit: 'calls', baseline: ACTIONS * 3 });
    report({ metric: 'wall_s', value: round(measured.ms / 1000), unit: 's' });
  } finally {
    emulator.app.server.closeAllConnections();
    await emulator.close();
    await db.close();
  }
};
