import { openConnector } from '../../src/crm/connect.js';
import { createCrmEmulator } from '../../src/crm/emulator/index.js';
import type { HubspotConnector } from '../../src/crm/hubspot/connector.js';
import type { CrmType } from '../../src/crm/port.js';
import { generateDemoData } from '../../src/demo/generate.js';
import { createConnection } from '../../src/tenancy/connections.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { createMapping } from '../../src/writeback/mappings.js';
import { runWriteback, startRun } from '../../src/writeback/runs.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import type { Suite } from './types.js';

const SECRET_KEY = parseSecretKey('44'.repeat(32));
/**
 * HubSpot Professional's limit, applied to both CRMs for a like-for-like figure, with
 * no safety margin: the limiter grants exactly 190 calls in any 10 s.
 */
const LIMIT = { perWindow: 190, windowMs: 10_000, daily: null, safetyMargin: 0 };
const PER_SECOND = LIMIT.perWindow / (LIMIT.windowMs / 1000);
/** Records the one-call-per-record baseline writes at the limit: 30 s of calls. */
const BASELINE_SAMPLE = 570;
const PROPERTY: Record<CrmType, string> = {
  hubspot: 'pandora_score',
  salesforce: 'Pandora_Score__c',
};

/**
 * One mapping (deal_score, overwrite) over 100,000 deals (20,000 with --quick) per
 * CRM, 10% of the scores changed since the last run:
 * - `crm_calls` of the run, against the batch minimum (the changed records over the
 *   CRM's batch size: 100 HubSpot, 200 Salesforce);
 * - `unchanged_calls`: calls a run spends when nothing changed (goal 0);
 * - `planning_records_per_s`: records decided per second in that run (no CRM call:
 *   the engine's own speed);
 * - `rate_bound_ratio` (full run only): the run's wall time at 190 calls per 10 s
 *   over the time the limit itself imposes (calls / 19 per s), starting from a window
 *   already used at that rate, so no burst helps; the baseline is the same ratio for
 *   writing one record per call, measured on 570 records.
 * BENCH_CRM=hubspot|salesforce runs one CRM only.
 */
export const writebackSuite: Suite = async ({ quick, report }) => {
  const deals = quick ? 20_000 : 100_000;
  const dataset = generateDemoData({
    seed: 11,
    accounts: Math.ceil(deals / 2.4),
    now: new Date('2026-11-01T00:00:00Z'),
  });
  const emulator = await createCrmEmulator({
    dataset,
    settings: {
      limits: { hubspot: { window: null, daily: null }, salesforce: { window: null, daily: null } },
    },
  });
  const baseUrl = await emulator.listen(0);
  const db = await benchDatabase();
  try {
    const only = process.env.BENCH_CRM;
    for (const crm of (['hubspot', 'salesforce'] as const).filter((c) => !only || c === only)) {
      const workspace = await createWorkspace(db.pool, { name: `Write-back bench ${crm}` });
      const connection = await createConnection(db.pool, SECRET_KEY, {
        workspaceId: workspace.id,
        crmType: crm,
        name: crm,
        // The emulator on loopback: a server-made sandbox connection.
        kind: 'sandbox',
        credentials:
          crm === 'hubspot'
            ? { kind: 'private_app', accessToken: 'pat-emulator-hubspot' }
            : {
                kind: 'access_token',
                instanceUrl: baseUrl,
                accessToken: '00D-emulator-salesforce-token',
              },
        metadata: { baseUrl, rateLimit: { perWindow: null, daily: null } },
        status: 'connected',
      });
      const setLimit = (rateLimit: object) =>
        db.pool.query(
          `update connections set metadata = metadata || $2::jsonb where id = $1::uuid`,
          [connection.id, JSON.stringify({ rateLimit })],
        );
      // As if the connection had been calling at the limit for the last window: each
      // next call waits for its slot (1/19 s apart), so a run's wall time is bounded by
      // the limit from its first call, not helped by a fresh window's burst of 190.
      const steadyWindow = () =>
        db.pool.query(
          `insert into crm_rate_limits as t
             (connection_id, workspace_id, recent_grants, next_slot, last_grant_at)
           select $1::uuid, $2::uuid,
                  array(select v.now - $4::float8 * interval '1 ms' * (1 - g::float8 / $3::int)
                        from generate_series(1, $3::int) g),
                  0, v.now
           from (select clock_timestamp() as now) v
           on conflict (connection_id) do update
             set recent_grants = excluded.recent_grants, next_slot = 0,
                 last_grant_at = excluded.last_grant_at, paused_until = null`,
          [connection.id, workspace.id, LIMIT.perWindow, LIMIT.windowMs],
        );
      const open = () =>
        openConnector({ pool: db.pool, secretKey: SECRET_KEY }, workspace.id, connection.id);
      const { connector } = await open();
      if (crm === 'hubspot') {
        await (connector as HubspotConnector).createProperty('deal', {
          name: PROPERTY.hubspot,
          label: 'Pandora score',
          type: 'number',
          fieldType: 'number',
        });
      } else {
        const response = await fetch(`${baseUrl}/_emulator/salesforce/fields`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            object: 'Opportunity',
            name: PROPERTY.salesforce,
            type: 'double',
            precision: 18,
            scale: 0,
          }),
        });
        if (response.status !== 201) throw new Error(`custom field: ${response.status}`);
      }
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await connector.listChanged('deal', { properties: [], cursor });
        ids.push(...page.records.map((record) => record.id));
        cursor = page.cursor;
      } while (cursor && ids.length < deals);
      const recordIds = ids.slice(0, deals);

      // Pandora's copy of the deals, and a score for each.
      const { rows } = await db.pool.query<{ id: string }>(
        `insert into deals (workspace_id, source, source_id, name)
         select $1::uuid, $2::text, id, 'Deal ' || id from unnest($3::text[]) as id returning id`,
        [workspace.id, crm, recordIds],
      );
      const entityIds = rows.map((row) => row.id);
      await db.pool.query(
        `insert into computed_values (workspace_id, object_type, entity_id, field, value, computed_at, changed_at)
         select $1::uuid, 'deal', id, 'deal_score', to_jsonb((n * 37) % 100), now(), now()
         from unnest($2::uuid[]) with ordinality as e(id, n)`,
        [workspace.id, entityIds],
      );
      const { mapping } = await createMapping(
        { pool: db.pool, secretKey: SECRET_KEY },
        workspace.id,
        {
          connectionId: connection.id,
          pandoraField: 'deal_score',
          objectType: 'deal',
          crmProperty: PROPERTY[crm],
        },
        'bench',
      );
      const run = async () => {
        const started = await startRun(db.pool, workspace.id, {
          trigger: 'manual',
          mappingIds: [mapping.id],
        });
        const t0 = performance.now();
        const finished = await runWriteback(
          { pool: db.pool, secretKey: SECRET_KEY },
          workspace.id,
          started!.id,
        );
        const ms = performance.now() - t0;
        if (finished.status !== 'succeeded')
          throw new Error(`run ${finished.status}: ${JSON.stringify(finished.failures[0])}`);
        return { ms, report: finished.report };
      };

      await run(); // every record written once: the state every later run starts from
      const changed = Math.floor(deals / 10);
      await db.pool.query(
        `update computed_values set value = to_jsonb(((value #>> '{}')::int + 1) % 100), computed_at = now(), changed_at = now()
         where workspace_id = $1::uuid and entity_id = any($2::uuid[])`,
        [workspace.id, entityIds.filter((_, i) => i % 10 === 0)],
      );
      // The measured run comes a day after the last: autovacuum has analyzed the
      // tables since, so the planner knows their sizes.
      await db.pool.query('analyze deals, computed_values, writeback_state');
      if (!quick) {
        await setLimit(LIMIT);
        await steadyWindow();
      }
      const measured = await run();
      const batchSize = connector.batchSize;
      report({
        metric: `${crm}_crm_calls`,
        value: measured.report.crm_calls ?? 0,
        unit: 'calls',
        baseline: Math.ceil(changed / batchSize),
      });
      if (!quick) {
        const imposedMs = ((measured.report.crm_calls ?? 0) / PER_SECOND) * 1000;
        // One record per call, under the same limiter, on a sample: the ratio does not
        // depend on how many records there are.
        const { connector: limited } = await open();
        await steadyWindow();
        const t0 = performance.now();
        for (const [i, id] of recordIds.slice(0, BASELINE_SAMPLE).entries()) {
          await limited.updateRecords('deal', [{ id, properties: { [PROPERTY[crm]]: i % 100 } }]);
        }
        const baselineMs = performance.now() - t0;
        report({
          metric: `${crm}_rate_bound_ratio`,
          value: round(measured.ms / imposedMs),
          unit: 'ratio',
          baseline: round(baselineMs / ((BASELINE_SAMPLE / PER_SECOND) * 1000)),
        });
        report({
          metric: `${crm}_wall_s`,
          value: round(measured.ms / 1000),
          unit: 's',
          baseline: round(changed / PER_SECOND),
        });
        await setLimit({ perWindow: null, daily: null });
      }
      const idle = await run();
      report({
        metric: `${crm}_unchanged_calls`,
        value: idle.report.crm_calls ?? 0,
        unit: 'calls',
        baseline: 0,
      });
      report({
        metric: `${crm}_planning_records_per_s`,
        value: Math.round((idle.report.considered ?? 0) / (idle.ms / 1000)),
        unit: 'records/s',
      });
      // One record per call: a call for each changed record.
      report({ metric: `${crm}_baseline_calls`, value: changed, unit: 'calls' });
    }
  } finally {
    emulator.app.server.closeAllConnections();
    await emulator.close();
    await db.close();
  }
};
