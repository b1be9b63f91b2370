import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
} from '../../test/app.js';
import { openConnector } from '../crm/connect.js';
import type { FaultRule } from '../crm/emulator/controls.js';
import type { HubspotEmulator } from '../crm/emulator/hubspot/emulator.js';
import type { SalesforceEmulator } from '../crm/emulator/salesforce/emulator.js';
import type { CrmConnector, CrmType } from '../crm/port.js';
import { MARKER_FIELD } from '../crm/salesforce/connector.js';
import { syncConnection } from '../ingest/sync/run.js';
import { createBatch, runBatch } from '../actions/batch.js';
import { createPolicy, updatePolicy } from '../actions/policies.js';
import { policyGate } from '../actions/policy-gate.js';
import { codeOf, graphql } from '../../test/graphql.js';

/**
 * Creating the deal of a meeting that has none, over REST against the sandbox's
 * emulated HubSpot and Salesforce: what the CRM holds afterwards (counted in the
 * emulator's own tables), what Pandora's tables hold, lost answers, undo, tenancy.
 */
let t: SandboxApp;
let admin: Tenant;
let other: Tenant;
const crms: Record<CrmType, { connectionId: string; connector: CrmConnector }> = {} as never;

beforeAll(async () => {
  t = await createSandboxApp(6);
  admin = await createTenant(t, 'admin');
  other = await createTenant(t, 'admin');
  for (const crmType of ['hubspot', 'salesforce'] as const) {
    crms[crmType] = await connectSandbox(t, admin, { crmType });
  }
  // The External ID field a Salesforce admin adds for Pandora's create markers.
  const portal = await t.emulator.portal(admin.workspaceId);
  const salesforce = portal.crms.get('salesforce') as SalesforceEmulator;
  for (const object of ['Opportunity', 'Contact']) {
    salesforce.controls.addCustomField({ object, name: MARKER_FIELD, type: 'string' });
  }
  for (const crmType of ['hubspot', 'salesforce'] as const) {
    const opened = await openConnector(
      { pool: t.db.pool, secretKey: TEST_SECRET_KEY },
      admin.workspaceId,
      crms[crmType].connectionId,
    );
    const run = await syncConnection({ pool: t.db.pool, ...opened }, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
  }
});
beforeEach(() => t.emulator.ctx.faults.clear());

const portalCrm = async <T>(crm: CrmType) =>
  (await t.emulator.portal(admin.workspaceId)).crms.get(crm) as T;

/** A meeting on an account of this CRM that has contacts, with no deal. */
async function meeting(crm: CrmType, workspaceId = admin.workspaceId) {
  const { rows } = await t.db.pool.query<{
    accountId: string;
    accountName: string;
    accountSourceId: string;
    email: string;
  }>(
    `select a.id as "accountId", a.name as "accountName", a.source_id as "accountSourceId",
            c.email
     from accounts a join contacts c on c.account_id = a.id and c.email is not null
     where a.workspace_id = $1::uuid and a.source = $2::text
     order by random() limit 1`,
    [admin.workspaceId, crm],
  );
  const account = rows[0]!;
  const { rows: made } = await t.db.pool.query<{ id: string }>(
    `insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, participants, account_id)
     values ($1::uuid, 'gong', $2::text, 'Discovery call', now() - interval '2 days', 1800,
             $3::jsonb, $4::uuid)
     returning id`,
    [
      workspaceId,
      randomUUID(),
      JSON.stringify([{ name: 'Buyer', email: account.email }]),
      workspaceId === admin.workspaceId ? account.accountId : null,
    ],
  );
  return { ...account, conversationId: made[0]!.id };
}

async function createDeal(
  conversationId: string,
  payload: object,
  extra: { tenant?: Tenant; headers?: Record<string, string> } = {},
) {
  const tenant = extra.tenant ?? admin;
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/workspaces/${tenant.workspaceId}/conversations/without-deals/${conversationId}/create-deal`,
    headers: { ...tenant.auth, ...extra.headers },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

/** Deals the CRM holds with this name, counted in the emulator's tables (live ones). */
async function dealsNamed(crm: CrmType, name: string): Promise<string[]> {
  if (crm === 'hubspot') {
    const hubspot = await portalCrm<HubspotEmulator>('hubspot');
    return [...hubspot.store.tables.deals.byId.values()]
      .filter((deal) => deal.properties.dealname === name && !deal.archived)
      .map((deal) => deal.id);
  }
  const salesforce = await portalCrm<SalesforceEmulator>('salesforce');
  return [...salesforce.store.table('Opportunity').values()]
    .filter((deal) => deal.Name === name && !deal.IsDeleted)
    .map((deal) => String(deal.Id));
}

async function contactsWithEmail(crm: CrmType, email: string): Promise<string[]> {
  if (crm === 'hubspot') {
    const hubspot = await portalCrm<HubspotEmulator>('hubspot');
    return [...hubspot.store.tables.contacts.byId.values()]
      .filter((contact) => contact.properties.email === email && !contact.archived)
      .map((contact) => contact.id);
  }
  const salesforce = await portalCrm<SalesforceEmulator>('salesforce');
  return [...salesforce.store.table('Contact').values()]
    .filter((contact) => contact.Email === email && !contact.IsDeleted)
    .map((contact) => String(contact.Id));
}

/** The audit note (HubSpot) or task (Salesforce) on a deal. */
async function auditsOn(crm: CrmType, dealId: string): Promise<number> {
  if (crm === 'hubspot') {
    const hubspot = await portalCrm<HubspotEmulator>('hubspot');
    const onDeal = new Set(
      hubspot.store.associations.list('deals', dealId, 'notes').map(([id]) => id),
    );
    return [...hubspot.store.tables.notes.byId.values()].filter(
      (note) =>
        (note.properties.hs_note_body ?? '').includes('Deal created by Pandora') &&
        onDeal.has(note.id),
    ).length;
  }
  const salesforce = await portalCrm<SalesforceEmulator>('salesforce');
  return [...salesforce.store.table('Task').values()].filter(
    (task) => task.WhatId === dealId && String(task.Subject).startsWith('Deal created by Pandora'),
  ).length;
}

const DEAL_CREATE: Record<CrmType, Pick<FaultRule, 'api' | 'method' | 'path'>> = {
  hubspot: { api: 'hubspot', method: 'POST', path: '/deals/batch/create' },
  salesforce: { api: 'salesforce', method: 'POST', path: '/composite/sobjects$' },
};
const CONTACT_CREATE: Record<CrmType, Pick<FaultRule, 'api' | 'method' | 'path'>> = {
  hubspot: { api: 'hubspot', method: 'POST', path: '/contacts/batch/create' },
  salesforce: { api: 'salesforce', method: 'POST', path: '/composite/sobjects$' },
};
/** The read a marker lookup makes: HubSpot's batch read by the marker, a SOQL query. */
const MARKER_LOOKUP: Record<CrmType, Pick<FaultRule, 'api' | 'method' | 'path' | 'query'>> = {
  hubspot: { api: 'hubspot', method: 'POST', path: '/deals/batch/read' },
  salesforce: { api: 'salesforce', method: 'GET', path: '/query', query: 'Pandora_Key__c' },
};

describe.each(['hubspot', 'salesforce'] as const)('create deal on %s', (crm) => {
  const stageOf = async () => {
    const [pipeline] = await crms[crm].connector.listPipelines();
    const stage = pipeline!.stages.find((s) => !s.isClosed && s.displayOrder > 0)!;
    return crm === 'hubspot' ? stage.id : stage.label;
  };
  const ownerEmail = async () => {
    const owners = await crms[crm].connector.listOwners();
    return owners.find((owner) => owner.email)!;
  };

  it('makes the deal with its account, owner, stage, a new and an existing contact, and an audit trail', async () => {
    const m = await meeting(crm);
    const owner = await ownerEmail();
    const stage = await stageOf();
    const fresh = `new-${randomUUID().slice(0, 8)}@buyer.test`;
    const { status, body } = await createDeal(m.conversationId, {
      amount: 42_000,
      stage,
      ownerEmail: owner.email,
      contacts: [
        { email: fresh, firstName: 'Nia', lastName: 'New', mode: 'create' },
        { email: m.email, mode: 'associate' },
      ],
    });
    expect(status, JSON.stringify(body)).toBe(201);
    const deal = body.deal;
    expect(deal).toMatchObject({ crmType: crm, conversationId: m.conversationId, replayed: false });
    expect(deal.contacts).toEqual([
      { email: fresh, contactId: expect.any(String), created: true },
      { email: m.email.toLowerCase(), contactId: expect.any(String), created: false },
    ]);
    // The default name, in the CRM.
    const name = `${m.accountName} – Discovery call`;
    expect(await dealsNamed(crm, name)).toEqual([deal.dealId]);
    const [record] = await crms[crm].connector.readRecords(
      'deal',
      [deal.dealId],
      [
        crms[crm].connector.crmField('deal', 'amount'),
        crms[crm].connector.crmField('deal', 'stage'),
        crms[crm].connector.crmField('deal', 'owner'),
      ],
    );
    expect(record!.ok).toBe(true);
    const props = record!.ok ? record!.value.properties : {};
    expect(Number(props[crms[crm].connector.crmField('deal', 'amount')])).toBe(42_000);
    expect(props[crms[crm].connector.crmField('deal', 'stage')]).toBe(stage);
    expect(props[crms[crm].connector.crmField('deal', 'owner')]).toBe(owner.id);
    // Account and contacts linked in the CRM.
    const { connector } = crms[crm];
    const accounts = await connector.listAssociations('deal', [deal.dealId], 'account');
    expect(accounts.get(deal.dealId)).toEqual([m.accountSourceId]);
    const contacts = await connector.listAssociations('deal', [deal.dealId], 'contact');
    expect(new Set(contacts.get(deal.dealId))).toEqual(
      new Set(deal.contacts.map((c: { contactId: string }) => c.contactId)),
    );
    const newId = deal.contacts[0].contactId as string;
    expect(await contactsWithEmail(crm, fresh)).toEqual([newId]);
    const onAccount = await connector.listAssociations('contact', [newId], 'account');
    expect(onAccount.get(newId)).toEqual([m.accountSourceId]);
    if (crm === 'salesforce') {
      const salesforce = await portalCrm<SalesforceEmulator>('salesforce');
      const roles = [...salesforce.store.table('OpportunityContactRole').values()].filter(
        (role) => role.OpportunityId === deal.dealId,
      );
      expect(roles.map((role) => [role.ContactId, role.IsPrimary])).toEqual(
        expect.arrayContaining([
          [newId, true],
          [deal.contacts[1].contactId, false],
        ]),
      );
    }
    expect(await auditsOn(crm, deal.dealId)).toBe(1);
    // The record page opens.
    const page = await fetch(deal.dealUrl);
    expect(page.status).toBe(200);

    // Pandora's tables at once, and the meeting linked.
    const { rows } = await t.db.pool.query(
      `select d.id, d.name, d.amount, d.account_id as "accountId", d.stage,
              (select count(*)::int from deal_contacts dc where dc.deal_id = d.id) as contacts,
              c.deal_id as "linked", c.gap_deal_created_at is not null as "closed"
       from deals d join conversations c on c.id = $3::uuid
       where d.workspace_id = $1::uuid and d.source_id = $2::text`,
      [admin.workspaceId, deal.dealId, m.conversationId],
    );
    expect(rows).toEqual([
      {
        id: deal.pandoraDealId,
        name,
        amount: 42_000,
        accountId: m.accountId,
        stage,
        contacts: 2,
        linked: deal.pandoraDealId,
        closed: true,
      },
    ]);
  });

  it('asked twice: the same deal, one deal and one set of contacts', async () => {
    const m = await meeting(crm);
    const fresh = `twice-${randomUUID().slice(0, 8)}@buyer.test`;
    const payload = {
      name: `Twice ${randomUUID().slice(0, 8)}`,
      stage: await stageOf(),
      contacts: [{ email: fresh, lastName: 'Twice', mode: 'create' }],
    };
    const first = await createDeal(m.conversationId, payload, {
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await createDeal(m.conversationId, payload, {
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(again.status).toBe(200);
    expect(again.body.deal).toMatchObject({ dealId: first.body.deal.dealId, replayed: true });
    expect(await dealsNamed(crm, payload.name)).toEqual([first.body.deal.dealId]);
    expect(await contactsWithEmail(crm, fresh)).toHaveLength(1);
  });

  it('the deal and contact creates answered with a dropped connection: found by marker, one of each', async () => {
    const m = await meeting(crm);
    const fresh = `lost-${randomUUID().slice(0, 8)}@buyer.test`;
    const name = `Lost ${randomUUID().slice(0, 8)}`;
    t.emulator.ctx.faults.add({ kind: 'drop_after_apply', ...DEAL_CREATE[crm], times: 1 });
    const { status, body } = await createDeal(m.conversationId, {
      name,
      stage: await stageOf(),
      contacts: [{ email: fresh, lastName: 'Lost', mode: 'create' }],
    });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(await dealsNamed(crm, name)).toEqual([body.deal.dealId]);
    expect(await contactsWithEmail(crm, fresh)).toEqual([body.deal.contacts[0].contactId]);

    // A contact create answered the same way.
    const m2 = await meeting(crm);
    const fresh2 = `lost2-${randomUUID().slice(0, 8)}@buyer.test`;
    const name2 = `Lost ${randomUUID().slice(0, 8)}`;
    const stage = await stageOf();
    t.emulator.ctx.faults.clear();
    if (crm === 'hubspot') {
      t.emulator.ctx.faults.add({ kind: 'drop_after_apply', ...CONTACT_CREATE[crm], times: 1 });
    }
    const second = await createDeal(m2.conversationId, {
      name: name2,
      stage,
      contacts: [{ email: fresh2, lastName: 'Lost', mode: 'create' }],
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(await dealsNamed(crm, name2)).toHaveLength(1);
    expect(await contactsWithEmail(crm, fresh2)).toHaveLength(1);
  });

  it('an answer lost and its lookup refused: a 502, and asking again finds the deal, never a second', async () => {
    const m = await meeting(crm);
    const fresh = `retry-${randomUUID().slice(0, 8)}@buyer.test`;
    const payload = {
      name: `Retried ${randomUUID().slice(0, 8)}`,
      stage: await stageOf(),
      contacts: [{ email: fresh, lastName: 'Retry', mode: 'create' }],
    };
    t.emulator.ctx.faults.add({ kind: 'drop_after_apply', ...DEAL_CREATE[crm], times: 1 });
    // A refusal the retry loop does not wait out: the lookup fails at once.
    t.emulator.ctx.faults.add({
      kind: 'rate_limit',
      policy: 'DAILY',
      ...MARKER_LOOKUP[crm],
      times: 1,
    });
    const first = await createDeal(m.conversationId, payload);
    expect(first.status, JSON.stringify(first.body)).toBe(502);
    expect(first.body.error.code).toBe('crm_write_failed');
    expect(await dealsNamed(crm, payload.name)).toHaveLength(1);

    const again = await createDeal(m.conversationId, payload);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(await dealsNamed(crm, payload.name)).toEqual([again.body.deal.dealId]);
    expect(await contactsWithEmail(crm, fresh)).toHaveLength(1);
    const { rows } = await t.db.pool.query(
      `select count(*)::int as n from actions where workspace_id = $1::uuid and dedupe_key = $2::text`,
      [admin.workspaceId, `create-deal:conversation:${m.conversationId}`],
    );
    expect(rows[0].n).toBe(1);
  });

  it('undo archives the deal, takes it out of Pandora and opens the gap again', async () => {
    const m = await meeting(crm);
    const name = `Undo ${randomUUID().slice(0, 8)}`;
    const created = await createDeal(m.conversationId, { name, stage: await stageOf() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { actionId, dealId } = created.body.deal;
    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/action-items/${actionId}/undo`,
      headers: admin.auth,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().undo.status).toBe('undone');
    expect(await dealsNamed(crm, name)).toEqual([]);
    if (crm === 'hubspot') {
      const hubspot = await portalCrm<HubspotEmulator>('hubspot');
      expect(hubspot.store.tables.deals.byId.get(dealId)?.archived).toBe(true);
    } else {
      const salesforce = await portalCrm<SalesforceEmulator>('salesforce');
      expect(salesforce.store.get('Opportunity', dealId)?.IsDeleted).toBe(true);
    }
    const { rows } = await t.db.pool.query(
      `select deal_id as "dealId", gap_deal_created_at as "closedAt",
              (select count(*)::int from deals where workspace_id = $1::uuid and source_id = $3::text) as deals
       from conversations where id = $2::uuid`,
      [admin.workspaceId, m.conversationId, dealId],
    );
    expect(rows).toEqual([{ dealId: null, closedAt: null, deals: 0 }]);
    const { rows: ledger } = await t.db.pool.query(
      `select operation, status from crm_write_log
       where workspace_id = $1::uuid and record_id = $2::text order by id`,
      [admin.workspaceId, dealId],
    );
    expect(ledger).toEqual([
      { operation: 'create', status: 'written' },
      { operation: 'archive', status: 'written' },
    ]);
  });
});

describe('create deal input and tenancy', () => {
  it('a stage the pipeline lacks, an unknown owner or contact: 400 naming the field, nothing made', async () => {
    const m = await meeting('hubspot');
    const calls = t.emulator.ctx.log.lastSeq;
    const cases: [object, string][] = [
      [{ stage: 'No Such Stage' }, 'stage'],
      [{ ownerEmail: 'nobody@nowhere.test' }, 'ownerEmail'],
      [{ contacts: [{ email: 'ghost@nowhere.test', mode: 'associate' }] }, 'contacts[0].email'],
      [{ closeDate: '2026-02-30' }, 'closeDate'],
    ];
    for (const [payload, field] of cases) {
      const { status, body } = await createDeal(m.conversationId, payload);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(body)).toContain(field);
    }
    const writes = t.emulator.ctx.log
      .listFor({ afterSeq: calls })
      .filter((r) => r.path.endsWith('/batch/create') || r.path.endsWith('/composite/sobjects'));
    expect(writes).toEqual([]);
  });

  it("another workspace's conversation is not found", async () => {
    const m = await meeting('hubspot');
    const { status, body } = await createDeal(m.conversationId, {}, { tenant: other });
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
    const theirs = await meeting('hubspot', other.workspaceId);
    expect((await createDeal(theirs.conversationId, {})).status).toBe(404);
  });

  it('a meeting with a deal already is a 409', async () => {
    const m = await meeting('hubspot');
    await t.db.pool.query(
      `update conversations set deal_id = (select id from deals where workspace_id = $1::uuid limit 1)
       where id = $2::uuid`,
      [admin.workspaceId, m.conversationId],
    );
    const { status, body } = await createDeal(m.conversationId, {});
    expect(status).toBe(409);
    expect(body.error.code).toBe('conversation_has_deal');
  });

  it('GraphQL createDealFromConversation makes the deal; bad input names the field; another workspace gets not found', async () => {
    const m = await meeting('salesforce');
    const mutation = `mutation ($ws: ID!, $id: ID!, $input: CreateDealInput) {
      createDealFromConversation(workspaceId: $ws, conversationId: $id, input: $input) {
        actionId dealId dealUrl crmType replayed contacts { email created }
        execution { outcome operations { kind objectType recordId status } }
      }
    }`;
    const bad = await graphql(t, admin.auth, mutation, {
      ws: admin.workspaceId,
      id: m.conversationId,
      input: { closeDate: 'soon', contacts: [{ email: 'x@y.test', mode: 'create' }] },
    });
    expect(JSON.stringify(bad.errors)).toContain('closeDate');
    const name = `GraphQL ${randomUUID().slice(0, 8)}`;
    const made = await graphql(t, admin.auth, mutation, {
      ws: admin.workspaceId,
      id: m.conversationId,
      input: { name, amount: null, contacts: [{ email: m.email, mode: 'associate' }] },
    });
    expect(made.errors, JSON.stringify(made.errors)).toBeUndefined();
    const deal = made.data.createDealFromConversation;
    expect(deal).toMatchObject({ crmType: 'salesforce', replayed: false });
    expect(deal.execution.outcome).toBe('executed');
    expect(deal.execution.operations[0]).toMatchObject({
      kind: 'create',
      objectType: 'deal',
      recordId: deal.dealId,
    });
    expect(await dealsNamed('salesforce', name)).toEqual([deal.dealId]);
    const elsewhere = await graphql(t, other.auth, mutation, {
      ws: other.workspaceId,
      id: m.conversationId,
    });
    expect(codeOf(elsewhere)).toBe('not_found');
  });

  it('a policy holding create_deal for approval: a 409, nothing made; approved and batch-executed, the deal is made', async () => {
    const policy = await createPolicy(t.db.pool, admin.workspaceId, {
      name: 'Deals need a manager',
      priority: 1,
      match: { actionTypes: ['create_deal'] },
      effect: 'require_approval',
    });
    try {
      const m = await meeting('hubspot');
      const name = `Held ${randomUUID().slice(0, 8)}`;
      const held = await createDeal(m.conversationId, { name });
      expect(held.status, JSON.stringify(held.body)).toBe(409);
      expect(held.body.error.code).toBe('approval_required');
      expect(await dealsNamed('hubspot', name)).toEqual([]);
      const { rows } = await t.db.pool.query<{ id: string; status: string }>(
        `select id, status from actions where workspace_id = $1::uuid and dedupe_key = $2::text`,
        [admin.workspaceId, `create-deal:conversation:${m.conversationId}`],
      );
      expect(rows.map((row) => row.status)).toEqual(['awaiting_approval']);
      const approved = await t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${admin.workspaceId}/action-items/${rows[0]!.id}/approve`,
        headers: admin.auth,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      const deps = { pool: t.db.pool, secretKey: TEST_SECRET_KEY };
      const batch = await createBatch(t.db.pool, admin.workspaceId, admin.email, [rows[0]!.id], {
        enqueue: false,
      });
      // As the batch job runs it: under the workspace's policies.
      const ran = await runBatch(deps, admin.workspaceId, batch.id, {
        gate: policyGate(t.db.pool, admin.workspaceId),
      });
      expect(ran.status).toBe('succeeded');
      const made = await dealsNamed('hubspot', name);
      expect(made).toHaveLength(1);
      const { rows: linked } = await t.db.pool.query(
        `select d.source_id as "dealId" from conversations c join deals d on d.id = c.deal_id
         where c.id = $1::uuid`,
        [m.conversationId],
      );
      expect(linked).toEqual([{ dealId: made[0] }]);
    } finally {
      await updatePolicy(t.db.pool, admin.workspaceId, policy.id, { enabled: false });
    }
  });

  it('the deal made, its new contact refused with a 5xx: a 502, and asking again finishes the same action', async () => {
    const m = await meeting('hubspot');
    const fresh = `later-${randomUUID().slice(0, 8)}@buyer.test`;
    const payload = {
      name: `Half ${randomUUID().slice(0, 8)}`,
      contacts: [{ email: fresh, lastName: 'Later', mode: 'create' }],
    };
    // Refused before anything was applied, every time it is sent (a retry may fix it).
    t.emulator.ctx.faults.add({ kind: 'server_error', ...CONTACT_CREATE.hubspot });
    const first = await createDeal(m.conversationId, payload);
    t.emulator.ctx.faults.clear();
    expect(first.status, JSON.stringify(first.body)).toBe(502);
    const [dealId] = await dealsNamed('hubspot', payload.name);
    expect(dealId).toBeDefined();
    expect(await contactsWithEmail('hubspot', fresh)).toEqual([]);

    const again = await createDeal(m.conversationId, payload);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.deal.dealId).toBe(dealId);
    expect(await dealsNamed('hubspot', payload.name)).toEqual([dealId]);
    expect(await contactsWithEmail('hubspot', fresh)).toEqual([
      again.body.deal.contacts[0].contactId,
    ]);
    const contacts = await crms.hubspot.connector.listAssociations('deal', [dealId!], 'contact');
    expect(contacts.get(dealId!)).toEqual([again.body.deal.contacts[0].contactId]);
  });
});
