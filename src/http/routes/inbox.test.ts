import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectSandbox,
  createSandboxApp,
  createTenant,
  login,
  type SandboxApp,
  type Tenant,
} from '../../../test/app.js';
import type { CrmConnector } from '../../crm/port.js';
import type { Caller } from '../../actions/service.js';
import { createInboxItem } from '../../inbox/items.js';
import {
  createAgentApproval,
  createAgentConfig,
  createCaller,
} from '../../inbox/fixtures.test-helper.js';

let t: SandboxApp;
let tenant: Tenant;
let connectionId: string;
let connector: CrmConnector;
let agentConfigId: string;
let rep: Caller;
let repAuth: { cookie: string };
let otherAuth: { cookie: string };
let dealIds: string[];
let nextDeal = 0;

beforeAll(async () => {
  t = await createSandboxApp(5);
  tenant = await createTenant(t);
  ({ connectionId, connector } = await connectSandbox(t, tenant));
  agentConfigId = await createAgentConfig(t.db.pool, tenant.workspaceId, connectionId);
  rep = await createCaller(t.db.pool, tenant.workspaceId, 'member');
  const other = await createCaller(t.db.pool, tenant.workspaceId, 'member');
  repAuth = await login(t, rep.actor, 'correct horse battery');
  otherAuth = await login(t, other.actor, 'correct horse battery');
  const page = await connector.listChanged('deal', { properties: [] });
  dealIds = page.records.map((record) => record.id);
});

const url = (path = '') => `/api/workspaces/${tenant.workspaceId}/inbox${path}`;

function approvalForRep(fields: Record<string, string | number>) {
  const recordId = dealIds[nextDeal++]!;
  return createAgentApproval(t.db.pool, {
    workspaceId: tenant.workspaceId,
    connectionId,
    agentConfigId,
    recordId,
    fields,
    assigneeUserId: rep.sourceId,
  }).then((made) => ({ ...made, recordId }));
}

const inject = (method: 'GET' | 'POST', path: string, headers: object, payload?: object) =>
  t.app.inject({ method, url: url(path), headers: headers as Record<string, string>, payload });

describe('inbox over REST', () => {
  it('lists and counts a member’s own items; an admin sees every one', async () => {
    const mine = await approvalForRep({ amount: 10_000 });
    await createInboxItem(t.db.pool, {
      workspaceId: tenant.workspaceId,
      itemType: 'alert',
      source: 'anomaly',
      title: 'Failure rate above 20%',
    });
    const listed = await inject('GET', '', repAuth);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(mine.itemId);
    expect(
      listed
        .json()
        .items.every((i: { assigneeUserId: string }) => i.assigneeUserId === rep.sourceId),
    ).toBe(true);
    const item = listed.json().items.find((i: { id: string }) => i.id === mine.itemId);
    expect(item.context.fields[0]).toMatchObject({
      field: 'amount',
      after: 10_000,
      quote: 'we said 10000',
    });

    const count = await inject('GET', '/count', repAuth);
    const adminCount = await inject('GET', '/count', tenant.auth);
    const adminMine = await inject('GET', '/count?assignee=me', tenant.auth);
    expect(adminCount.json().count).toBe(count.json().count + adminMine.json().count);
    expect(adminMine.json().count).toBeGreaterThanOrEqual(1);

    const alerts = await inject('GET', '?type=alert&assignee=all', repAuth);
    expect(alerts.json().items).toEqual([]);
  });

  it('approves with an edit, writing the CRM once; the second approval is a conflict', async () => {
    const made = await approvalForRep({ amount: 20_000, close_date: '2027-06-30' });
    const approved = await inject('POST', `/${made.itemId}/approve`, repAuth, {
      edits: { close_date: '2027-07-15' },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      item: { status: 'approved', resolution: { edits: { close_date: '2027-07-15' } } },
      execution: { outcome: 'executed' },
    });
    const [record] = await connector.readRecords('deal', [made.recordId], ['amount', 'closedate']);
    expect(record?.ok && String(record.value.properties.closedate).slice(0, 10)).toBe('2027-07-15');
    expect(record?.ok && Number(record.value.properties.amount)).toBe(20_000);

    const again = await inject('POST', `/${made.itemId}/approve`, repAuth, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_decided');
  });

  it('answers 403 not_assignee to another member and 400 to a wrong edit', async () => {
    const made = await approvalForRep({ amount: 30_000 });
    for (const [method, path] of [
      ['GET', `/${made.itemId}`],
      ['POST', `/${made.itemId}/approve`],
      ['POST', `/${made.itemId}/reject`],
    ] as const) {
      const refused = await inject(method, path, otherAuth, method === 'POST' ? {} : undefined);
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'not_assignee']);
    }
    const wrong = await inject('POST', `/${made.itemId}/approve`, repAuth, {
      edits: { amount: 'a lot' },
    });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'invalid_edit']);
    expect(wrong.json().error.details[0].field).toBe('edits.amount');
    const got = await inject('GET', `/${made.itemId}`, repAuth);
    expect(got.json().item.status).toBe('pending');
  });

  it('rejects with a reason, and batch approves per item', async () => {
    const rejected = await approvalForRep({ amount: 40_000 });
    const answer = await inject('POST', `/${rejected.itemId}/reject`, repAuth, {
      reason: 'Not this deal',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().item).toMatchObject({
      status: 'rejected',
      resolution: { reason: 'Not this deal' },
      actionStatus: 'dismissed',
    });

    const good = await approvalForRep({ amount: 41_000 });
    const batch = await inject('POST', '/batch-approve', repAuth, {
      ids: [good.itemId, rejected.itemId],
    });
    expect(batch.statusCode).toBe(200);
    expect(
      batch
        .json()
        .results.map((r: { item: { status: string } | null; error: { code: string } | null }) => [
          r.item?.status ?? null,
          r.error?.code ?? null,
        ]),
    ).toEqual([
      ['approved', null],
      [null, 'already_decided'],
    ]);
  });

  it('asks which deal a question is about before deciding it', async () => {
    const id = await createInboxItem(t.db.pool, {
      workspaceId: tenant.workspaceId,
      itemType: 'question',
      source: 'agent',
      title: 'Which deal was this call about?',
      context: { question: 'Which deal?', candidates: [] },
    });
    const missing = await inject('POST', `/${id}/approve`, tenant.auth, {});
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'deal_required']);
    const unknown = await inject('POST', `/${id}/approve`, tenant.auth, {
      dealId: '00000000-0000-4000-8000-000000000042',
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'unknown_deal']);
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into deals (workspace_id, source, source_id, name) values ($1::uuid, 'hubspot', 'q1', 'Q deal')
       returning id`,
      [tenant.workspaceId],
    );
    const answered = await inject('POST', `/${id}/approve`, tenant.auth, { dealId: rows[0]!.id });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().item).toMatchObject({
      status: 'approved',
      resolution: { dealId: rows[0]!.id },
    });
  });
});
