import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  apiKeyAuth,
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import { createPolicy, deletePolicy } from '../actions/policies.js';
import { openConnector } from '../crm/connect.js';
import type { HubspotEmulator } from '../crm/emulator/hubspot/emulator.js';
import { syncConnection } from '../ingest/sync/run.js';
import { handlers } from '../jobs/handlers.js';
import type { JobContext } from '../jobs/queue.js';
import type { AgentFieldConfig } from './config-schema.js';

/**
 * Agent runs end to end: a meeting linked by the linker job queues `agents.run`, which
 * matches the deal from Postgres, writes what it may through the actions engine to the
 * emulated HubSpot over real HTTP, puts the rest in the inbox and records one activity
 * row; shadow mode, a failed CRM write and its retry, and tenancy.
 */
let t: SandboxApp;
let admin: Tenant;
let other: Tenant;
let connectionId: string;
const job: JobContext = {
  db: undefined as never,
  secretKey: TEST_SECRET_KEY,
  log: pino({ level: 'silent' }),
  jobId: '1',
  attempt: 1,
};

beforeAll(async () => {
  t = await createSandboxApp(40);
  job.db = t.db.pool;
  admin = await createTenant(t, 'admin');
  other = await createTenant(t, 'admin');
  ({ connectionId } = await connectSandbox(t, admin, { crmType: 'hubspot' }));
  const opened = await openConnector(
    { pool: t.db.pool, secretKey: TEST_SECRET_KEY },
    admin.workspaceId,
    connectionId,
  );
  const run = await syncConnection({ pool: t.db.pool, ...opened }, { trigger: 'manual' });
  expect(run.status).toBe('succeeded');
  await t.db.pool.query(
    `update workspaces set internal_domains = '{seller.io}' where id = $1::uuid`,
    [admin.workspaceId],
  );
});
beforeEach(() => t.emulator.ctx.faults.clear());

const hubspot = async () =>
  (await t.emulator.portal(admin.workspaceId)).crms.get('hubspot') as HubspotEmulator;

const used = new Set<string>();
/** An open deal that is its account's only one, with a contact on it who has an email. */
async function freshDeal() {
  const { rows } = await t.db.pool.query<{
    id: string;
    sourceId: string;
    name: string;
    ownerEmail: string | null;
    email: string;
  }>(
    `select d.id, d.source_id as "sourceId", d.name, o.email as "ownerEmail", c.email
     from deals d
     join deal_contacts dc on dc.deal_id = d.id
     join contacts c on c.id = dc.contact_id and c.email is not null
     left join owners o on o.id = d.owner_id
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
  'Ana Rep: Thanks for the time today. Where did we land on the paperwork?',
  'Bo Buyer: We will sign the contract by March 31, 2027.',
  'Ana Rep: Great. And on pricing, we agreed on $150,000 a year for the platform.',
  'Bo Buyer: Yes, that works for us.',
].join('\n');

async function meeting(email: string, workspaceId = admin.workspaceId, transcript = TRANSCRIPT) {
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, participants, transcript, host_email)
     values ($1::uuid, 'gong', $2::text, 'Pricing call', '2026-12-01T15:00:00Z', 1800,
             $3::jsonb, $4::text, 'ana@seller.io')
     returning id`,
    [
      workspaceId,
      randomUUID(),
      JSON.stringify([
        { name: 'Ana Rep', email: 'ana@seller.io' },
        { name: 'Bo Buyer', email },
      ]),
      transcript,
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
const FIELDS: AgentFieldConfig[] = [
  CLOSE_DATE,
  { field: 'amount', crmProperty: null, rule: 'ask', threshold: 0.9, autoApplyEnabled: false },
];

async function agent(
  mode: 'live' | 'shadow',
  fields = FIELDS,
  scope: object = { recordTypes: ['deal'] },
) {
  const workspaceId = admin.workspaceId;
  // Earlier tests' agents step aside: each test runs one agent.
  await t.db.pool.query(
    `update agent_configs set status = 'paused' where workspace_id = $1::uuid`,
    [workspaceId],
  );
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, status, mode, fields, scope)
     values ($1::uuid, $2::uuid, $3::text, 'active', $4::text, $5::jsonb, $6::jsonb)
     returning id`,
    [
      workspaceId,
      connectionId,
      `Updater ${mode}`,
      mode,
      JSON.stringify(fields),
      JSON.stringify(scope),
    ],
  );
  return rows[0]!.id;
}

async function linkAndRun(conversationId: string) {
  await handlers['conversations.link']({ workspaceId: admin.workspaceId }, job);
  const { rows } = await t.db.pool.query<{ id: string; payload: { conversationId: string } }>(
    `select j.id, j.payload from graphile_worker._private_jobs j
     join graphile_worker._private_tasks k on k.id = j.task_id
     where k.identifier = 'agents.run' and j.payload->>'conversationId' = $1::text
       and j.payload->>'trigger' = 'linked'`,
    [conversationId],
  );
  expect(rows).toHaveLength(1);
  // Run here rather than by a worker: the test awaits it.
  await t.db.pool.query(`delete from graphile_worker._private_jobs where id = $1::bigint`, [
    rows[0]!.id,
  ]);
  return handlers['agents.run'](rows[0]!.payload as never, job);
}

const activityOf = async (conversationId: string) =>
  (
    await t.db.pool.query(
      `select id, status, shadow, trigger, action_type as "actionType", fields_updated as fields,
              action_id as "actionId", error_message as "errorMessage", deal_id as "dealId"
       from activity_logs where conversation_id = $1::uuid order by created_at`,
      [conversationId],
    )
  ).rows;

const inboxOf = async (conversationId: string) =>
  (
    await t.db.pool.query(
      `select i.id, i.item_type as "itemType", i.assignee_user_id as "assigneeUserId", i.context,
              i.status, i.action_id as "actionId", i.expires_at as "expiresAt"
       from inbox_items i join activity_logs l on l.id = i.activity_log_id
       where l.conversation_id = $1::uuid`,
      [conversationId],
    )
  ).rows;

const dealUpdates = (calls: ReturnType<ReturnType<typeof mark>>) =>
  calls.filter((c) => c.method === 'POST' && c.path.endsWith('/deals/batch/update'));
const mark = () => {
  const after = t.emulator.ctx.log.lastSeq;
  return () => t.emulator.ctx.log.listFor({ afterSeq: after });
};

describe('a linked meeting', () => {
  it('runs the active agent once: applies what it may through the ledger, asks the rest, one activity row', async () => {
    const deal = await freshDeal();
    const ownerUser = deal.ownerEmail
      ? (
          await t.db.pool.query<{ id: string }>(
            `with u as (insert into users (email, name) values (lower($1::text), 'Owner') returning id)
             insert into memberships (workspace_id, user_id, role)
             select $2::uuid, id, 'member' from u returning user_id as id`,
            [deal.ownerEmail, admin.workspaceId],
          )
        ).rows[0]!.id
      : null;
    const agentId = await agent('live');
    const conversationId = await meeting(deal.email);
    const calls = mark();
    await linkAndRun(conversationId);

    const [run] = await activityOf(conversationId);
    expect(run).toMatchObject({
      status: 'pending',
      shadow: false,
      trigger: 'linked',
      dealId: deal.id,
    });
    expect(run.fields.close_date).toMatchObject({
      after: '2027-03-31',
      decision: 'auto_apply',
      status: 'applied',
      quote: 'We will sign the contract by March 31, 2027.',
    });
    expect(run.fields.amount).toMatchObject({
      after: 150_000,
      decision: 'inbox',
      status: 'pending',
    });
    // The CRM holds the close date, written once through the ledger with its audit note.
    const crmDeal = (await hubspot()).store.tables.deals.byId.get(deal.sourceId)!;
    expect(String(crmDeal.properties.closedate).slice(0, 10)).toBe('2027-03-31');
    expect(Number(crmDeal.properties.amount)).not.toBe(150_000);
    expect(dealUpdates(calls())).toHaveLength(1);
    const { rows: ledger } = await t.db.pool.query(
      `select status, origin_id as "originId" from crm_write_log
       where workspace_id = $1::uuid and record_id = $2::text`,
      [admin.workspaceId, deal.sourceId],
    );
    expect(ledger).toEqual([{ status: 'written', originId: run.actionId }]);
    const { rows: notes } = await t.db.pool.query<{ body: string }>(
      `select body from action_notes where action_id = $1::uuid and status = 'created'`,
      [run.actionId],
    );
    expect(notes[0]!.body).toContain('Updater live');
    expect(notes[0]!.body).toContain('Pricing call');
    expect(notes[0]!.body).toContain('"We will sign the contract by March 31, 2027."');
    const { rows: actions } = await t.db.pool.query(
      `select source_type as "sourceType", source_id as "sourceId", status from actions
       where target_source_id = $1::text order by status`,
      [deal.sourceId],
    );
    expect(actions).toEqual([
      { sourceType: 'agent', sourceId: agentId, status: 'executed' },
      { sourceType: 'agent', sourceId: agentId, status: 'open' },
    ]);
    // The amount waits for the deal's owner in the inbox, on the open action.
    const [item] = await inboxOf(conversationId);
    expect(item).toMatchObject({
      itemType: 'approval',
      status: 'pending',
      assigneeUserId: ownerUser,
    });
    expect(item.context.fields).toEqual([
      expect.objectContaining({ field: 'amount', after: 150_000, crmProperty: 'amount' }),
    ]);
    expect(item.context.record).toMatchObject({ id: deal.id, crmId: deal.sourceId });
    expect(new Date(item.expiresAt).getTime()).toBeGreaterThan(Date.now() + 167 * 3_600_000);

    // Linking again, or the job again: nothing more.
    const again = mark();
    await handlers['conversations.link']({ workspaceId: admin.workspaceId }, job);
    await handlers['agents.run'](
      { workspaceId: admin.workspaceId, conversationId, trigger: 'linked' },
      job,
    );
    expect(await activityOf(conversationId)).toHaveLength(1);
    expect(await inboxOf(conversationId)).toHaveLength(1);
    expect(dealUpdates(again())).toHaveLength(0);
  });

  it('in shadow mode records what it would do and writes nothing, asks nothing', async () => {
    const deal = await freshDeal();
    await agent('shadow');
    const conversationId = await meeting(deal.email);
    const calls = mark();
    await linkAndRun(conversationId);
    const [run] = await activityOf(conversationId);
    expect(run).toMatchObject({
      status: 'success',
      shadow: true,
      actionType: 'skip',
      actionId: null,
    });
    expect(run.fields.close_date).toMatchObject({ after: '2027-03-31', status: 'shadow' });
    expect(run.fields.amount).toMatchObject({ status: 'shadow', decision: 'inbox' });
    expect(await inboxOf(conversationId)).toEqual([]);
    expect(dealUpdates(calls())).toHaveLength(0);
    const { rows } = await t.db.pool.query(
      `select 1 from actions where target_source_id = $1::text`,
      [deal.sourceId],
    );
    expect(rows).toEqual([]);
  });

  it('a CRM failure during the automatic write leaves a failed, retryable run; the retry writes once', async () => {
    const deal = await freshDeal();
    await agent('live', [CLOSE_DATE]);
    const conversationId = await meeting(deal.email);
    // The CRM fails the write (5xx) more often than the connector retries: nothing applied.
    t.emulator.ctx.faults.add({
      kind: 'server_error',
      api: 'hubspot',
      method: 'POST',
      path: '/deals/batch/update',
      times: 5,
    });
    const calls = mark();
    await expect(linkAndRun(conversationId)).rejects.toThrow(/agent run\(s\) to retry/);
    const [failed] = await activityOf(conversationId);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.errorMessage).toMatch(/CRM write failed/);
    expect(failed.fields.close_date).toMatchObject({ status: 'failed' });
    const crmDeal = () =>
      (async () => (await hubspot()).store.tables.deals.byId.get(deal.sourceId)!)();
    expect(String((await crmDeal()).properties.closedate ?? '').slice(0, 10)).not.toBe(
      '2027-03-31',
    );

    // The queue's retry of the same job resumes the run: one write lands.
    await handlers['agents.run'](
      { workspaceId: admin.workspaceId, conversationId, trigger: 'linked' },
      job,
    );
    const [settled] = await activityOf(conversationId);
    expect(settled).toMatchObject({ id: failed.id, status: 'success', errorMessage: null });
    expect(settled.fields.close_date).toMatchObject({ status: 'applied' });
    expect(String((await crmDeal()).properties.closedate).slice(0, 10)).toBe('2027-03-31');
    t.emulator.ctx.faults.clear();
    const statuses = dealUpdates(calls()).map((c) => c.status);
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.filter((status) => status < 300)).toHaveLength(1);
    expect(statuses.slice(0, -1).every((status) => status >= 500)).toBe(true);
    // And once more: nothing is sent again.
    const later = mark();
    await handlers['agents.run'](
      { workspaceId: admin.workspaceId, conversationId, trigger: 'linked' },
      job,
    );
    expect(dealUpdates(later())).toHaveLength(0);
    expect(await activityOf(conversationId)).toHaveLength(1);
  });
});

describe('under a require_approval policy', () => {
  it('holds the automatic write for approval: the run waits, nothing is written', async () => {
    const deal = await freshDeal();
    await agent('live', [CLOSE_DATE]);
    const policy = await createPolicy(t.db.pool, admin.workspaceId, {
      name: 'Every change waits',
      effect: 'require_approval',
    });
    try {
      const conversationId = await meeting(deal.email);
      const calls = mark();
      await linkAndRun(conversationId);
      const [run] = await activityOf(conversationId);
      expect(run).toMatchObject({ status: 'pending', errorMessage: null });
      expect(run.fields.close_date).toMatchObject({
        decision: 'auto_apply',
        status: 'awaiting_approval',
      });
      const { rows } = await t.db.pool.query(`select status from actions where id = $1::uuid`, [
        run.actionId,
      ]);
      expect(rows).toEqual([{ status: 'awaiting_approval' }]);
      expect(dealUpdates(calls())).toHaveLength(0);
    } finally {
      await deletePolicy(t.db.pool, admin.workspaceId, policy.id);
    }
  });
});

describe('an ambiguous match', () => {
  it('asks which deal in the inbox with the candidates, writes nothing, and reads the call again for the deal a person names', async () => {
    const agentId = await agent('live');
    const one = async (sql: string, params: unknown[]) =>
      (await t.db.pool.query<{ id: string }>(sql, params)).rows[0]!.id;
    const account = await one(
      `insert into accounts (workspace_id, source, source_id, name, domain)
       values ($1::uuid, 'hubspot', 'amb-account', 'Umbrella', 'umbrella.example') returning id`,
      [admin.workspaceId],
    );
    await one(
      `insert into contacts (workspace_id, source, source_id, account_id, email, first_name)
       values ($1::uuid, 'hubspot', 'amb-contact', $2::uuid, 'bo@umbrella.example', 'Bo')
       returning id`,
      [admin.workspaceId, account],
    );
    const deals: string[] = [];
    for (const name of ['Umbrella north', 'Umbrella south']) {
      deals.push(
        await one(
          `insert into deals (workspace_id, source, source_id, account_id, name, stage,
                              stage_normalized)
           values ($1::uuid, 'hubspot', $2::text, $3::uuid, $2::text, 'proposal', 'proposal')
           returning id`,
          [admin.workspaceId, name, account],
        ),
      );
    }
    const conversationId = await meeting('bo@umbrella.example');
    const calls = mark();
    await linkAndRun(conversationId);
    const [run] = await activityOf(conversationId);
    expect(run).toMatchObject({
      status: 'pending',
      actionType: 'skip',
      dealId: null,
      actionId: null,
    });
    const [question] = await inboxOf(conversationId);
    expect(question).toMatchObject({ itemType: 'question', actionId: null, status: 'pending' });
    expect(question.context.candidates.map((c: { dealId: string }) => c.dealId).sort()).toEqual(
      [...deals].sort(),
    );
    expect(question.context.question).toMatch(/which deal/i);
    expect(dealUpdates(calls())).toHaveLength(0);

    // A person answers in the inbox: the meeting is linked by hand to that deal and the
    // agents read the call again for it.
    await t.db.pool.query(`update agent_configs set mode = 'shadow' where id = $1::uuid`, [
      agentId,
    ]);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/inbox/${question.id}/approve`,
      headers: admin.auth,
      payload: { dealId: deals[1] },
    });
    expect(answer.statusCode).toBe(200);
    const { rows: links } = await t.db.pool.query(
      `select deal_id as "dealId", link_method as "linkMethod" from conversations where id = $1::uuid`,
      [conversationId],
    );
    expect(links[0]).toEqual({ dealId: deals[1], linkMethod: 'manual' });
    const { rows: jobs } = await t.db.pool.query<{ id: string; payload: never }>(
      `select j.id, j.payload from graphile_worker._private_jobs j
       where j.payload->>'conversationId' = $1::text and j.payload->>'trigger' = 'replay'`,
      [conversationId],
    );
    expect(jobs).toHaveLength(1);
    await t.db.pool.query(`delete from graphile_worker._private_jobs where id = $1::bigint`, [
      jobs[0]!.id,
    ]);
    await handlers['agents.run'](jobs[0]!.payload, job);
    const replay = (await activityOf(conversationId)).find((row) => row.trigger === 'replay');
    expect(replay).toMatchObject({ dealId: deals[1], shadow: true });
    expect(replay.fields.close_date).toMatchObject({ after: '2027-03-31', status: 'shadow' });
  });
});

describe('on demand', () => {
  it('previews writing nothing, runs a new row each time over REST, and refuses another workspace', async () => {
    const deal = await freshDeal();
    const agentId = await agent('live');
    const conversationId = await meeting(deal.email);
    const calls = mark();
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/agents/${agentId}/preview`,
      headers: admin.auth,
      payload: { conversationId },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().preview).toMatchObject({
      matchedRecord: { id: deal.id, crmId: deal.sourceId, name: deal.name },
      mode: 'live',
    });
    expect(preview.json().preview.fields).toEqual([
      expect.objectContaining({ field: 'close_date', newValue: '2027-03-31', route: 'auto' }),
      expect.objectContaining({ field: 'amount', newValue: 150_000, route: 'inbox' }),
    ]);
    expect(calls()).toEqual([]);
    expect(await activityOf(conversationId)).toEqual([]);

    for (let i = 0; i < 2; i++) {
      const run = await t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${admin.workspaceId}/agents/${agentId}/runs`,
        headers: admin.auth,
        payload: { conversationId },
      });
      expect(run.statusCode).toBe(201);
      expect(run.json().run).toMatchObject({
        trigger: 'manual',
        dealId: deal.id,
        retryable: false,
      });
    }
    // Two rows; the second run found the value written, and refreshed the one inbox item.
    expect((await activityOf(conversationId)).map((r) => r.trigger)).toEqual(['manual', 'manual']);
    expect((await inboxOf(conversationId)).map((item) => item.status)).toEqual(['pending']);
    expect(dealUpdates(calls())).toHaveLength(1);

    for (const path of ['preview', 'runs']) {
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${other.workspaceId}/agents/${agentId}/${path}`,
        headers: other.auth,
        payload: { conversationId },
      });
      expect(refused.statusCode).toBe(404);
    }
    // A paused agent does not run (its preview still works).
    await t.db.pool.query(`update agent_configs set status = 'paused' where id = $1::uuid`, [
      agentId,
    ]);
    const paused = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/agents/${agentId}/runs`,
      headers: admin.auth,
      payload: { conversationId },
    });
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error.code).toBe('agent_not_active');

    // Another workspace's meeting through this workspace's agent: not found either.
    const theirs = await meeting(deal.email, other.workspaceId);
    const crossed = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/agents/${agentId}/preview`,
      headers: admin.auth,
      payload: { conversationId: theirs },
    });
    expect(crossed.statusCode).toBe(404);
  });
});

describe("the agent's reading settings", () => {
  it("reads the call with the agent's competitors and fiscal year", async () => {
    const deal = await freshDeal();
    // The call says "by the end of Q1"; a demo deal already closing within that quarter
    // would make it a restatement, so the deal's date is cleared.
    await t.db.pool.query('update deals set close_date = null where id = $1', [deal.id]);
    const competitors: AgentFieldConfig = { ...CLOSE_DATE, field: 'competitors', rule: 'ask' };
    const agentId = await agent('live', [CLOSE_DATE, competitors], {
      recordTypes: ['deal'],
      competitors: ['Clari'],
      fiscalYearStartMonth: 2,
    });
    const conversationId = await meeting(
      deal.email,
      admin.workspaceId,
      [
        'Ana Rep: Where are you in the evaluation?',
        'Bo Buyer: We are also evaluating Clari right now.',
        'Ana Rep: Understood. When do you plan to sign?',
        'Bo Buyer: We will sign by the end of Q1.',
      ].join('\n'),
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/agents/${agentId}/preview`,
      headers: admin.auth,
      payload: { conversationId },
    });
    const fields = response.json().preview.fields as { field: string; newValue: unknown }[];
    // Fiscal Q1 with a February start: February to April.
    expect(fields.find((f) => f.field === 'close_date')?.newValue).toBe('2027-04-30');
    expect(fields.find((f) => f.field === 'competitors')?.newValue).toBe('Clari');
  });
});

describe('previewAgentRun over GraphQL', () => {
  const PREVIEW = `mutation ($w: ID!, $a: ID!, $m: ID!) {
    previewAgentRun(workspaceId: $w, agentConfigId: $a, meetingId: $m) {
      matchedRecord { id crmId name }
      matchConfidence
      match { method reason }
      fieldsToUpdate { fieldName currentValue newValue confidence quote decision route }
      mode
      warnings
    }
  }`;

  it('answers as REST does, writing nothing; a member and another workspace are refused', async () => {
    const deal = await freshDeal();
    const agentId = await agent('shadow');
    const conversationId = await meeting(deal.email);
    const calls = mark();
    const answer = await graphql(t, admin.auth, PREVIEW, {
      w: admin.workspaceId,
      a: agentId,
      m: conversationId,
    });
    expect(answer.errors).toBeUndefined();
    const preview = answer.data.previewAgentRun;
    expect(preview).toMatchObject({
      matchedRecord: { id: deal.id, crmId: deal.sourceId },
      mode: 'shadow',
    });
    expect(preview.fieldsToUpdate).toEqual([
      expect.objectContaining({
        fieldName: 'close_date',
        newValue: '2027-03-31',
        quote: 'We will sign the contract by March 31, 2027.',
        route: 'shadow',
      }),
      expect.objectContaining({ fieldName: 'amount', newValue: 150_000, route: 'shadow' }),
    ]);
    expect(calls()).toEqual([]);
    expect(await activityOf(conversationId)).toEqual([]);

    const member = await apiKeyAuth(t, admin, 'member');
    const asMember = await graphql(t, member, PREVIEW, {
      w: admin.workspaceId,
      a: agentId,
      m: conversationId,
    });
    expect(codeOf(asMember)).toBe('forbidden');
    const elsewhere = await graphql(t, other.auth, PREVIEW, {
      w: other.workspaceId,
      a: agentId,
      m: conversationId,
    });
    expect(codeOf(elsewhere)).toBe('not_found');
  });
});
