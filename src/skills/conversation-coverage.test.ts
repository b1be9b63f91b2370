import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
} from '../../test/app.js';
import type { HubspotEmulator } from '../crm/emulator/hubspot/emulator.js';
import type { CrmConnector } from '../crm/port.js';
import { runSkill } from './registry.js';

/**
 * The data-quality audit's conversation-coverage check against the sandbox's emulated
 * HubSpot: gaps counted by severity, a `create_deal` action for each high-severity one
 * only, and executing that action over REST makes the deal in the CRM.
 */
let t: SandboxApp;
let admin: Tenant;
let connector: CrmConnector;
let accountId: string;
let accountCrmId: string;
const meetings: Record<'high' | 'medium' | 'low' | 'internal', string> = {} as never;

async function meeting(input: {
  title: string;
  daysAgo: number;
  minutes: number;
  internal?: boolean;
}): Promise<string> {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, participants, account_id, is_internal)
     values ($1::uuid, 'gong', $2::text, $3::text, now() - make_interval(days => $4::int),
             $5::int, $6::jsonb, $7::uuid, $8::boolean)
     returning id`,
    [
      admin.workspaceId,
      randomUUID(),
      input.title,
      input.daysAgo,
      input.minutes * 60,
      JSON.stringify([
        { name: 'Ana Buyer', email: 'ana@coverage.test' },
        { name: 'Rep', email: 'rep@seller.test' },
      ]),
      accountId,
      input.internal ?? false,
    ],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  t = await createSandboxApp(2);
  admin = await createTenant(t, 'admin');
  ({ connector } = await connectSandbox(t, admin, { crmType: 'hubspot' }));
  // An account with no deals: in the CRM, and in Pandora as a sync would store it.
  const [company] = await connector.createRecords('account', [
    { properties: { name: 'Coverage Co', domain: 'coverage.test' } },
  ]);
  accountCrmId = company!.id!;
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into accounts (workspace_id, source, source_id, name, domain)
     values ($1::uuid, 'hubspot', $2::text, 'Coverage Co', 'coverage.test') returning id`,
    [admin.workspaceId, accountCrmId],
  );
  accountId = rows[0]!.id;
  // A recent substantive call: high. A recent short one: medium. An old short one: low.
  meetings.high = await meeting({ title: 'Pricing call', daysAgo: 3, minutes: 40 });
  meetings.medium = await meeting({ title: 'Intro', daysAgo: 5, minutes: 10 });
  meetings.low = await meeting({ title: 'First touch', daysAgo: 90, minutes: 5 });
  meetings.internal = await meeting({
    title: 'Pipeline review',
    daysAgo: 1,
    minutes: 50,
    internal: true,
  });
});

const createDealActions = async () => {
  const { rows } = await t.db.pool.query<{
    id: string;
    status: string;
    dedupeKey: string;
    targetSourceId: string;
    payload: { create_deal: { conversationId: string; contacts: unknown[]; name: string } };
  }>(
    `select id, status, dedupe_key as "dedupeKey", target_source_id as "targetSourceId",
            execution_payload as payload
     from actions where workspace_id = $1::uuid and action_type = 'create_deal' order by created_at`,
    [admin.workspaceId],
  );
  return rows;
};

describe('data-quality-audit: conversation coverage', () => {
  it('counts gaps by severity and proposes a create_deal action for the high-severity one only', async () => {
    const result = await runSkill(t.db.pool, admin.workspaceId, 'data-quality-audit');
    expect(result.checks).toEqual({ conversationCoverage: { high: 1, medium: 1, low: 1 } });
    const actions = await createDealActions();
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      status: 'open',
      dedupeKey: `create-deal:conversation:${meetings.high}`,
      targetSourceId: accountCrmId,
      payload: {
        create_deal: {
          conversationId: meetings.high,
          name: 'Coverage Co – Pricing call',
          // The participant from the account's domain, unknown to the CRM: created.
          contacts: [
            { email: 'ana@coverage.test', firstName: 'Ana', lastName: 'Buyer', mode: 'create' },
          ],
        },
      },
    });
    // Running again refreshes the same action: one per meeting.
    await runSkill(t.db.pool, admin.workspaceId, 'data-quality-audit');
    expect(await createDealActions()).toHaveLength(1);
    // The run records the check, and the API shows it.
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${admin.workspaceId}/skills`,
      headers: admin.auth,
    });
    expect(listed.statusCode).toBe(200);
    const audit = listed
      .json()
      .skills.find((skill: { name: string }) => skill.name === 'data-quality-audit');
    expect(audit.lastRun.counts.checks).toEqual({
      conversationCoverage: { high: 1, medium: 1, low: 1 },
    });
  });

  it('executing the proposed action creates the deal in the CRM and closes the gap', async () => {
    const [action] = await createDealActions();
    // The action card's preview: what execute would make, nothing written.
    const before = t.emulator.ctx.log.lastSeq;
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/action-items/${action!.id}/preview`,
      headers: admin.auth,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().preview).toMatchObject({
      executable: true,
      changes: expect.arrayContaining([
        expect.objectContaining({ crmField: 'dealname', after: 'Coverage Co – Pricing call' }),
        expect.objectContaining({ crmField: 'pipeline' }),
        expect.objectContaining({ crmField: 'dealstage' }),
      ]),
      note: 'Creates the deal on Coverage Co with ana@coverage.test (new).',
    });
    expect(
      t.emulator.ctx.log
        .listFor({ afterSeq: before })
        .filter((r) => r.method !== 'GET' && !r.path.includes('/batch/read')),
    ).toEqual([]);
    const executed = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/action-items/${action!.id}/execute`,
      headers: admin.auth,
    });
    expect(executed.statusCode, executed.body).toBe(200);
    expect(executed.json().execution.outcome).toBe('executed');
    const portal = await t.emulator.portal(admin.workspaceId);
    const hubspot = portal.crms.get('hubspot') as HubspotEmulator;
    const deals = [...hubspot.store.tables.deals.byId.values()].filter(
      (deal) => deal.properties.dealname === 'Coverage Co – Pricing call',
    );
    expect(deals).toHaveLength(1);
    const companies = await connector.listAssociations('deal', [deals[0]!.id], 'account');
    expect(companies.get(deals[0]!.id)).toEqual([accountCrmId]);
    const contacts = [...hubspot.store.tables.contacts.byId.values()].filter(
      (contact) => contact.properties.email === 'ana@coverage.test',
    );
    expect(contacts).toHaveLength(1);
    const { rows } = await t.db.pool.query(
      `select d.source_id as "dealId" from conversations c join deals d on d.id = c.deal_id
       where c.id = $1::uuid`,
      [meetings.high],
    );
    expect(rows).toEqual([{ dealId: deals[0]!.id }]);

    // The gap is closed: the next run proposes nothing more for it. The account has an
    // open deal now, so its other meetings count as deals not created (the linker's rule).
    const again = await runSkill(t.db.pool, admin.workspaceId, 'data-quality-audit');
    expect(again.checks).toEqual({ conversationCoverage: { high: 1, medium: 1, low: 0 } });
    const after = await createDealActions();
    expect(
      after
        .filter((a) => a.payload.create_deal.conversationId === meetings.high)
        .map((a) => a.status),
    ).toEqual(['executed']);
  });
});
