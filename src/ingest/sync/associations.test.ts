import { beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { openConnector } from '../../crm/connect.js';
import type { CrmConnector, CrmType } from '../../crm/port.js';
import { generateDemoData } from '../../demo/generate.js';
import { createConnection } from '../../tenancy/connections.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { syncConnection } from './run.js';

let world: CrmWorld;
const dataset = generateDemoData({ seed: 11, accounts: 30 });

beforeAll(async () => {
  world = await createCrmWorld({ dataset });
});

/** The connector as one that cannot read associations with its pages: every pair is asked for. */
function withoutInlineAssociations(connector: CrmConnector): CrmConnector {
  return {
    ...connector,
    listChanged: (objectType, { associations: _ignored, ...options }) =>
      connector.listChanged(objectType, options),
  };
}

/** HubSpot's associations API, or a Salesforce query of contact roles or lookups by id. */
function readsAssociations(call: { path: string; query: string }): boolean {
  const soql = decodeURIComponent(call.query.replace(/\+/g, ' '));
  return (
    call.path.startsWith('/crm/v4/associations') ||
    /from (OpportunityContactRole|Opportunity|Contact) where \w+ in \(/i.test(soql)
  );
}

/** Requests the emulator answers from now on, with their query strings. */
function mark() {
  const after = world.emulator.ctx.log.lastSeq;
  return () => world.emulator.ctx.log.listFor({ afterSeq: after });
}

/** Every synced row of a workspace, by CRM ids, associations included. */
async function snapshot(workspaceId: string, crm: CrmType) {
  const { rows } = await world.db.pool.query<{ rows: unknown }>(
    `select jsonb_build_object(
       'accounts', (select jsonb_agg(jsonb_build_array(a.source_id, a.name, a.domain, a.source_data)
                                     order by a.source_id)
                    from accounts a where a.workspace_id = $1::uuid and a.source = $2::text),
       'contacts', (select jsonb_agg(jsonb_build_array(c.source_id, a.source_id, c.email, c.source_data)
                                     order by c.source_id)
                    from contacts c left join accounts a on a.id = c.account_id
                    where c.workspace_id = $1::uuid and c.source = $2::text),
       'deals', (select jsonb_agg(jsonb_build_array(d.source_id, a.source_id, d.amount, d.stage,
                                                    d.source_data) order by d.source_id)
                 from deals d left join accounts a on a.id = d.account_id
                 where d.workspace_id = $1::uuid and d.source = $2::text),
       'links', (select jsonb_agg(jsonb_build_array(d.source_id, c.source_id)
                                  order by d.source_id, c.source_id)
                 from deal_contacts dc join deals d on d.id = dc.deal_id
                 join contacts c on c.id = dc.contact_id
                 where d.workspace_id = $1::uuid and d.source = $2::text)
     ) as rows`,
    [workspaceId, crm],
  );
  return rows[0]!.rows;
}

describe.each(['hubspot', 'salesforce'] as const)(
  'a %s sync with associations read inline',
  (crm) => {
    it('stores what reading every association separately stores, in far fewer calls', async () => {
      const other = await createWorkspace(world.db.pool, { name: `Association API ${crm}` });
      const connection = await createConnection(world.db.pool, TEST_SECRET_KEY, {
        workspaceId: other.id,
        crmType: crm,
        name: crm,
        credentials: SANDBOX_CREDENTIALS[crm](world.baseUrl),
        metadata: {
          sandbox: true,
          baseUrl: world.baseUrl,
          rateLimit: { perWindow: null, daily: null },
        },
        status: 'connected',
        kind: 'sandbox',
      });
      const separate = await openConnector(
        { pool: world.db.pool, secretKey: TEST_SECRET_KEY },
        other.id,
        connection.id,
      );
      const slowCalls = mark();
      const slow = await syncConnection(
        {
          pool: world.db.pool,
          ...separate,
          connector: withoutInlineAssociations(separate.connector),
        },
        { mode: 'full', trigger: 'manual' },
      );
      const separateReads = slowCalls().filter(readsAssociations).length;
      const inlineCalls = mark();
      const inline = await syncConnection(
        { pool: world.db.pool, ...(await world.open(crm)) },
        { mode: 'full', trigger: 'manual' },
      );
      expect(slow.status).toBe('succeeded');
      expect(inline.status).toBe('succeeded');
      expect(inline.counts).toEqual(slow.counts);
      expect(inline.counts.dealContacts!.added).toBe(dataset.dealContacts.length);
      expect(await snapshot(world.workspaceId, crm)).toEqual(await snapshot(other.id, crm));
      // Only list pages, owners, pipelines and properties: no association reads.
      expect(separateReads).toBeGreaterThan(0);
      expect(inlineCalls().filter(readsAssociations)).toEqual([]);
      expect(inline.crmCalls).toBeLessThanOrEqual(slow.crmCalls - separateReads);
    });
  },
);
