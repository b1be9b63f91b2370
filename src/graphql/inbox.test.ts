import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  TEST_SECRET_KEY,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import type { Caller } from '../actions/service.js';
import {
  createAgentApproval,
  createAgentConfig,
  createCaller,
} from '../inbox/fixtures.test-helper.js';
import { createInboxItem } from '../inbox/items.js';
import { createConnection } from '../tenancy/connections.js';

let t: TestApp;
let tenant: Tenant;
let rep: Caller;
let repAuth: { cookie: string };
let connectionId: string;
let agentConfigId: string;

beforeAll(async () => {
  t = await createTestApp({}, { events: true });
  tenant = await createTenant(t);
  rep = await createCaller(t.db.pool, tenant.workspaceId, 'member');
  repAuth = await login(t, rep.actor, 'correct horse battery');
  connectionId = (
    await createConnection(t.db.pool, TEST_SECRET_KEY, {
      workspaceId: tenant.workspaceId,
      crmType: 'hubspot',
      name: 'CRM',
      credentials: { accessToken: 'unused' },
    })
  ).id;
  agentConfigId = await createAgentConfig(t.db.pool, tenant.workspaceId, connectionId);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});

const alert = (assigneeUserId: string | null, title = 'Inbox backlog aging') =>
  createInboxItem(t.db.pool, {
    workspaceId: tenant.workspaceId,
    itemType: 'alert',
    source: 'anomaly',
    title,
    assigneeUserId,
  }).then((id) => id!);

const LIST = `query ($ws: ID!, $filter: InboxFilter) {
  workspace(id: $ws) {
    inboxItems(filter: $filter, first: 50) { items { id title status assigneeUserId } nextCursor }
    inboxCount
  }
}`;

describe('inbox over GraphQL', () => {
  it('lists and counts a member’s own items, and every one for an admin', async () => {
    const own = await alert(rep.sourceId!);
    const admins = await alert(null);
    const asRep = await graphql(t, repAuth, LIST, { ws: tenant.workspaceId });
    expect(asRep.data.workspace.inboxItems.items.map((i: { id: string }) => i.id)).toEqual([own]);
    expect(asRep.data.workspace.inboxCount).toBe(1);
    const asAdmin = await graphql(t, tenant.auth, LIST, {
      ws: tenant.workspaceId,
      filter: { assignee: 'all' },
    });
    const ids = asAdmin.data.workspace.inboxItems.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([own, admins]));
    expect(asAdmin.data.workspace.inboxCount).toBe(ids.length);
  });

  it('approves, rejects and batch approves with the REST codes', async () => {
    const item = await alert(rep.sourceId!);
    const approve = `mutation ($ws: ID!, $id: ID!, $edits: JSON) {
      approveInboxItem(workspaceId: $ws, id: $id, edits: $edits) { item { id status } execution { outcome } }
    }`;
    const done = await graphql(t, repAuth, approve, { ws: tenant.workspaceId, id: item });
    expect(done.data.approveInboxItem).toEqual({
      item: { id: item, status: 'approved' },
      execution: null,
    });
    const twice = await graphql(t, repAuth, approve, { ws: tenant.workspaceId, id: item });
    expect(codeOf(twice)).toBe('already_decided');

    const adminsOnly = await alert(null);
    const refused = await graphql(t, repAuth, approve, { ws: tenant.workspaceId, id: adminsOnly });
    expect(codeOf(refused)).toBe('not_assignee');

    const made = await createAgentApproval(t.db.pool, {
      workspaceId: tenant.workspaceId,
      connectionId,
      agentConfigId,
      recordId: 'deal-1',
      fields: { close_date: '2027-01-31' },
      assigneeUserId: rep.sourceId,
    });
    const badEdit = await graphql(t, repAuth, approve, {
      ws: tenant.workspaceId,
      id: made.itemId,
      edits: { close_date: 'next week' },
    });
    expect(codeOf(badEdit)).toBe('invalid_edit');

    const rejected = await graphql(
      t,
      repAuth,
      `
        mutation ($ws: ID!, $id: ID!) {
          rejectInboxItem(workspaceId: $ws, id: $id, reason: "Wrong date") {
            status
            resolution
            actionStatus
          }
        }
      `,
      { ws: tenant.workspaceId, id: made.itemId },
    );
    expect(rejected.data.rejectInboxItem).toEqual({
      status: 'rejected',
      resolution: { reason: 'Wrong date' },
      actionStatus: 'dismissed',
    });

    const another = await alert(rep.sourceId!);
    const batch = await graphql(
      t,
      repAuth,
      `
        mutation ($ws: ID!, $ids: [ID!]!) {
          batchApproveInboxItems(workspaceId: $ws, ids: $ids) {
            id
            item {
              status
            }
            error {
              code
            }
          }
        }
      `,
      { ws: tenant.workspaceId, ids: [another, made.itemId] },
    );
    expect(batch.data.batchApproveInboxItems).toEqual([
      { id: another, item: { status: 'approved' }, error: null },
      { id: made.itemId, item: null, error: { code: 'already_decided' } },
    ]);
  });
});

describe('inboxItemCreated', () => {
  const streams: AbortController[] = [];
  afterAll(() => streams.forEach((controller) => controller.abort()));

  /** Subscribes over SSE and returns the titles of the items received, as they come. */
  async function subscribe(headers: object) {
    const address = t.app.server.address() as { port: number };
    const controller = new AbortController();
    streams.push(controller);
    const response = await fetch(`http://127.0.0.1:${address.port}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription ($ws: ID!) { inboxItemCreated(workspaceId: $ws) { title assigneeUserId } }`,
        variables: { ws: tenant.workspaceId },
      }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const titles: string[] = [];
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('');
          buffer = buffer.slice(end + 2);
          if (data) titles.push(JSON.parse(data).data.inboxItemCreated.title);
        }
      }
    })();
    return titles;
  }

  it('streams new items across processes: a member only their own, an admin all', async () => {
    const repSeen = await subscribe(repAuth);
    const adminSeen = await subscribe(tenant.auth);
    // Published by NOTIFY from another connection, as a worker process would.
    await alert(null, 'For the admins');
    await alert(rep.sourceId!, 'For the rep');
    const deadline = Date.now() + 10_000;
    while ((adminSeen.length < 2 || repSeen.length < 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(adminSeen).toEqual(['For the admins', 'For the rep']);
    expect(repSeen).toEqual(['For the rep']);
  });
});
