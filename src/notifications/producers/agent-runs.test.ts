import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
} from '../../../test/app.js';
import type { AgentFieldConfig } from '../../agents/config-schema.js';
import { openConnector } from '../../crm/connect.js';
import { syncConnection } from '../../ingest/sync/run.js';
import { handlers } from '../../jobs/handlers.js';
import type { JobContext } from '../../jobs/queue.js';
import { member, noticesOf, sorted, type TestMember } from './fixtures.test-helper.js';

/**
 * Agent runs through the real path (linker job, `agents.run`, the emulated HubSpot over
 * HTTP): the finished run tells the agent's creator what it applied and what waits,
 * and the item it leaves tells the deal's owner.
 */
let t: SandboxApp;
let admin: Tenant;
let creator: TestMember;
let owner: TestMember;
let connectionId: string;
const job: JobContext = {
  db: undefined as never,
  secretKey: TEST_SECRET_KEY,
  log: pino({ level: 'silent' }),
  jobId: '1',
  attempt: 1,
};

beforeAll(async () => {
  t = await createSandboxApp(30);
  job.db = t.db.pool;
  admin = await createTenant(t, 'admin');
  ({ connectionId } = await connectSandbox(t, admin, { crmType: 'hubspot' }));
  const opened = await openConnector(
    { pool: t.db.pool, secretKey: TEST_SECRET_KEY },
    admin.workspaceId,
    connectionId,
  );
  expect((await syncConnection({ pool: t.db.pool, ...opened }, { trigger: 'manual' })).status).toBe(
    'succeeded',
  );
  await t.db.pool.query(
    `update workspaces set internal_domains = '{seller.io}' where id = $1::uuid`,
    [admin.workspaceId],
  );
  creator = await member(t.db.pool, admin.workspaceId, 'member');
});
beforeEach(() => t.emulator.ctx.faults.clear());

const used = new Set<string>();
/** An open deal, its account's only one, with a contact who has an email. */
async function freshDeal() {
  const { rows } = await t.db.pool.query<{
    id: string;
    name: string;
    ownerEmail: string | null;
    email: string;
  }>(
    `select d.id, d.name, o.email as "ownerEmail", c.email
     from deals d
     join deal_contacts dc on dc.deal_id = d.id
     join contacts c on c.id = dc.contact_id and c.email is not null
     join owners o on o.id = d.owner_id and o.email is not null
     where d.workspace_id = $1::uuid and not (d.id = any($2::uuid[]))
       and coalesce(d.stage_normalized, '') not in ('closed_won', 'closed_lost')
       and d.account_id is not null
       and (select count(*) from deals x where x.account_id = d.account_id
            and coalesce(x.stage_normalized, '') not in ('closed_won', 'closed_lost')) = 1
       and not exists (select 1 from deal_contacts y join deals z on z.id = y.deal_id
                       where y.contact_id = c.id and z.id <> d.id)
     order by d.id limit 1`,
    [admin.workspaceId, [...used]],
  );
  const deal = rows[0]!;
  used.add(deal.id);
  return deal;
}

const TRANSCRIPT = [
  'Ana Rep: Where did we land on the paperwork?',
  'Bo Buyer: We will sign the contract by March 31, 2027.',
  'Ana Rep: And on pricing, we agreed on $150,000 a year for the platform.',
  'Bo Buyer: Yes, that works for us.',
].join('\n');

async function meeting(email: string) {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, participants, transcript, host_email)
     values ($1::uuid, 'gong', $2::text, 'Pricing call', '2026-12-01T15:00:00Z', 1800,
             $3::jsonb, $4::text, 'ana@seller.io')
     returning id`,
    [
      admin.workspaceId,
      randomUUID(),
      JSON.stringify([
        { name: 'Ana Rep', email: 'ana@seller.io' },
        { name: 'Bo Buyer', email },
      ]),
      TRANSCRIPT,
    ],
  );
  return rows[0]!.id;
}

const CLOSE_DATE: AgentFieldConfig = {
  field: 'close_date',
  crmProperty: null,
  rule: 'auto',
  threshold: 0.5,
  autoApplyEnabled: true,
};
const AMOUNT: AgentFieldConfig = {
  field: 'amount',
  crmProperty: null,
  rule: 'ask',
  threshold: 0.9,
  autoApplyEnabled: false,
};

async function agent(mode: 'live' | 'shadow', fields: AgentFieldConfig[], createdBy: string) {
  await t.db.pool.query(
    `update agent_configs set status = 'paused' where workspace_id = $1::uuid`,
    [admin.workspaceId],
  );
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, status, mode, fields, scope,
                                created_by)
     values ($1::uuid, $2::uuid, $3::text, 'active', $4::text, $5::jsonb,
             '{"recordTypes":["deal"]}', $6::text)
     returning id`,
    [admin.workspaceId, connectionId, `Updater ${mode}`, mode, JSON.stringify(fields), createdBy],
  );
  return rows[0]!.id;
}

const run = (conversationId: string) =>
  handlers['agents.run'](
    { workspaceId: admin.workspaceId, conversationId, trigger: 'linked' },
    job,
  );

async function linked(conversationId: string) {
  await handlers['conversations.link']({ workspaceId: admin.workspaceId }, job);
  await t.db.pool.query(
    `delete from graphile_worker._private_jobs j using graphile_worker._private_tasks k
     where k.id = j.task_id and k.identifier = 'agents.run'`,
  );
  return conversationId;
}

const runOf = async (conversationId: string) =>
  (
    await t.db.pool.query<{ id: string }>(
      `select id from activity_logs where conversation_id = $1::uuid`,
      [conversationId],
    )
  ).rows[0]!.id;

const runNotices = async (activityLogId: string) =>
  (await noticesOf(t.db.pool, admin.workspaceId, 'agent_run')).filter(
    (n) => n.activityLogId === activityLogId,
  );

describe('a finished agent run', () => {
  it('tells the agent’s creator what it applied and what waits, once; the deal’s owner gets the approval', async () => {
    const deal = await freshDeal();
    owner = await member(t.db.pool, admin.workspaceId, 'member', deal.ownerEmail!);
    const agentId = await agent('live', [CLOSE_DATE, AMOUNT], creator.email);
    const conversationId = await linked(await meeting(deal.email));
    await run(conversationId);
    const logId = await runOf(conversationId);

    const notices = await runNotices(logId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientUserId: creator.userId,
      title: `Updater live finished on ${deal.name}: applied 1, waiting 1`,
      link: `/agents/${agentId}`,
      severity: 'info',
      critical: false,
    });
    expect(notices[0]!.data).toMatchObject({ applied: 1, waiting: 1, failed: 0 });

    const approvals = (await noticesOf(t.db.pool, admin.workspaceId, 'approval')).filter(
      (n) => n.activityLogId === logId,
    );
    expect(approvals).toEqual([
      expect.objectContaining({ recipientUserId: owner.userId, kind: 'approval' }),
    ]);
    expect(approvals[0]!.data.fields).toEqual([
      expect.objectContaining({ field: 'amount', label: 'Amount', after: 150_000, editable: true }),
    ]);

    // The job again: the run is not repeated, nor its notices.
    await run(conversationId);
    expect(await runNotices(logId)).toHaveLength(1);
  });

  it('of an agent made by an API key tells the admins; a failed write is told, and its retry once more', async () => {
    const deal = await freshDeal();
    await agent('live', [CLOSE_DATE], 'api key ci');
    const conversationId = await linked(await meeting(deal.email));
    t.emulator.ctx.faults.add({
      kind: 'server_error',
      api: 'hubspot',
      method: 'POST',
      path: '/deals/batch/update',
      times: 5,
    });
    await expect(run(conversationId)).rejects.toThrow(/retry/);
    const logId = await runOf(conversationId);
    const failed = await runNotices(logId);
    expect(sorted(failed.map((n) => n.recipientUserId))).toEqual([admin.userId]);
    expect(failed[0]).toMatchObject({ severity: 'error' });
    expect(failed[0]!.title).toContain('failed');
    expect(failed[0]!.title).toContain('applied 0, waiting 0, failed 1');

    t.emulator.ctx.faults.clear();
    await run(conversationId);
    await run(conversationId);
    const all = await runNotices(logId);
    expect(all).toHaveLength(2);
    expect(all[1]!.title).toContain('applied 1, waiting 0');
  });

  it('in shadow mode tells no one', async () => {
    const deal = await freshDeal();
    await agent('shadow', [CLOSE_DATE, AMOUNT], creator.email);
    const conversationId = await linked(await meeting(deal.email));
    await run(conversationId);
    expect(await runNotices(await runOf(conversationId))).toEqual([]);
  });
});
