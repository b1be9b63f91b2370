import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { codeOf, graphql } from '../../../test/graphql.js';
import { signDelivery } from '../../conversations/webhook.js';
import { createUser } from '../../tenancy/users.js';

const STEPS = [
  { key: 'mark', type: 'set_variable', config: { name: 'x', type: 'number', value: 1 } },
];

describe('user automations', () => {
  let t: TestApp;
  let admin: Tenant;
  let rep: { id: string; email: string; auth: { cookie: string } };
  let other: { id: string; email: string; auth: { cookie: string } };
  let repDeal: string;
  let otherDeal: string;
  let base: string;

  async function member(name: string) {
    const email = `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
    const password = 'correct horse battery';
    const user = await createUser(t.db.pool, { email, name, password });
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [admin.workspaceId, user.id],
    );
    return { id: user.id, email, auth: await login(t, email, password) };
  }

  async function dealOwnedBy(email: string, sourceId: string) {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `with o as (insert into owners (workspace_id, source, source_id, email, name)
                  values ($1::uuid, 'test', $3::text, $2::text, 'Owner') returning id)
       insert into deals (workspace_id, source, source_id, name, owner_id)
       select $1::uuid, 'test', $3::text, 'Deal ' || $3::text, o.id from o returning id`,
      [admin.workspaceId, email, sourceId],
    );
    return rows[0]!.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createTenant(t, 'admin');
    rep = await member('rep');
    other = await member('other');
    repDeal = await dealOwnedBy(rep.email, 'deal-rep');
    otherDeal = await dealOwnedBy(other.email, 'deal-other');
    base = `/api/workspaces/${admin.workspaceId}/automations`;
  });

  const create = (auth: Record<string, string>, body: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: base,
      headers: auth,
      payload: { name: 'Follow up', trigger: { type: 'manual' }, steps: STEPS, ...body },
    });

  it('a member makes their own, published at once; others do not see it', async () => {
    const created = await create(rep.auth);
    expect(created.statusCode).toBe(201);
    const automation = created.json().automation;
    expect(automation).toMatchObject({
      name: 'Follow up',
      isActive: true,
      version: 1,
      user: { id: rep.id, email: rep.email },
      trigger: { type: 'manual' },
    });
    const mine = await t.app.inject({ method: 'GET', url: base, headers: rep.auth });
    expect(mine.json().automations.map((a: { id: string }) => a.id)).toContain(automation.id);
    const theirs = await t.app.inject({ method: 'GET', url: base, headers: other.auth });
    expect(theirs.json().automations).toEqual([]);
    const peek = await t.app.inject({
      method: 'GET',
      url: `${base}/${automation.id}`,
      headers: other.auth,
    });
    expect(peek.statusCode).toBe(404);
    // Nor may they change, pause or delete it.
    for (const [method, path] of [
      ['PATCH', ''],
      ['POST', '/pause'],
      ['DELETE', ''],
    ] as const) {
      const answer = await t.app.inject({
        method,
        url: `${base}/${automation.id}${path}`,
        headers: other.auth,
        ...(method === 'PATCH' ? { payload: { name: 'Mine now' } } : {}),
      });
      expect(answer.statusCode).toBe(404);
    }
    // The admin sees everyone's, and one member's on asking.
    const all = await t.app.inject({ method: 'GET', url: base, headers: admin.auth });
    expect(all.json().automations.map((a: { id: string }) => a.id)).toContain(automation.id);
    const ofOther = await t.app.inject({
      method: 'GET',
      url: `${base}?userId=${other.id}`,
      headers: admin.auth,
    });
    expect(ofOther.json().automations).toEqual([]);
  });

  it('a member cannot make one for someone else; an admin can', async () => {
    const refused = await create(rep.auth, { userId: other.id });
    expect(refused.statusCode).toBe(403);
    const forOther = await create(admin.auth, { userId: other.id });
    expect(forOther.statusCode).toBe(201);
    expect(forOther.json().automation.user.id).toBe(other.id);
    // An API key acts for nobody: it names the owner.
    const keyless = await create(admin.auth);
    expect(keyless.statusCode).toBe(400);
    expect(keyless.json().error.code).toBe('user_required');
  });

  it("refuses a run on another rep's record, by REST and GraphQL", async () => {
    const automation = (await create(rep.auth)).json().automation;
    const start = (auth: Record<string, string>, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/${automation.id}/runs`,
        headers: auth,
        payload,
      });

    const own = await start(rep.auth, { record: { type: 'deal', id: repDeal } });
    expect(own.statusCode).toBe(201);
    const { rows } = await t.db.pool.query<{ scope: string; input: { record: unknown } }>(
      `select scope_user_id as scope, input from flow_runs where id = $1::uuid`,
      [own.json().runId],
    );
    expect(rows[0]).toEqual({
      scope: rep.id,
      input: { record: { type: 'deal', id: repDeal } },
    });

    const foreign = await start(rep.auth, { record: { type: 'deal', id: otherDeal } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('record_out_of_scope');
    const viaInput = await start(rep.auth, { input: { record: { type: 'deal', id: otherDeal } } });
    expect(viaInput.statusCode).toBe(403);
    // The CRM's id names the same record.
    const byCrmId = await start(rep.auth, { record: { type: 'deal', id: 'deal-other' } });
    expect(byCrmId.statusCode).toBe(403);
    // An admin starting it acts for its owner too.
    expect((await start(admin.auth, { record: { type: 'deal', id: otherDeal } })).statusCode).toBe(
      403,
    );
    const unknown = await start(rep.auth, {
      record: { type: 'deal', id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);

    const mutation = `mutation ($ws: ID!, $id: ID!, $record: AutomationRecordInput) {
      startUserAutomationRun(workspaceId: $ws, id: $id, record: $record) { runId } }`;
    const refused = await graphql(t, rep.auth, mutation, {
      ws: admin.workspaceId,
      id: automation.id,
      record: { type: 'deal', id: otherDeal },
    });
    expect(codeOf(refused)).toBe('record_out_of_scope');
    const allowed = await graphql(t, rep.auth, mutation, {
      ws: admin.workspaceId,
      id: automation.id,
      record: { type: 'deal', id: repDeal },
    });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.startUserAutomationRun.runId).toMatch(/^[0-9a-f-]{36}$/);

    // Its runs: the two started, for its owner and an admin; another member sees none.
    const runsUrl = `${base}/${automation.id}/runs`;
    const listed = await t.app.inject({ method: 'GET', url: runsUrl, headers: rep.auth });
    expect(listed.statusCode).toBe(200);
    expect(
      listed
        .json()
        .runs.map((run: { id: string }) => run.id)
        .sort(),
    ).toEqual([own.json().runId, allowed.data.startUserAutomationRun.runId].sort());
    expect(listed.json().runs[0]).toMatchObject({ flowId: automation.id, scopeUserId: rep.id });
    const byAdmin = await t.app.inject({ method: 'GET', url: runsUrl, headers: admin.auth });
    expect(byAdmin.json().runs).toHaveLength(2);
    const byOther = await t.app.inject({ method: 'GET', url: runsUrl, headers: other.auth });
    expect(byOther.statusCode).toBe(404);
  });

  it('offers only the steps allowed in automations', async () => {
    const refused = await create(rep.auth, {
      steps: [
        {
          key: 'call',
          type: 'run_api_request',
          config: { method: 'GET', url: 'https://api.example.com/x' },
        },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_flow');
    expect(JSON.stringify(refused.json().error.details)).toContain('steps[0]');
  });

  it("a webhook automation's owner makes its secret; deliveries run it for them", async () => {
    const automation = (await create(rep.auth, { trigger: { type: 'webhook' } })).json().automation;
    const url = `${base}/${automation.id}/rotate-secret`;
    expect((await t.app.inject({ method: 'POST', url, headers: other.auth })).statusCode).toBe(404);
    const rotated = await t.app.inject({ method: 'POST', url, headers: rep.auth });
    expect(rotated.statusCode).toBe(200);
    const { secret, webhookUrl } = rotated.json();
    const body = JSON.stringify({ record: { type: 'deal', id: repDeal } });
    const timestamp = Math.floor(Date.now() / 1000);
    const delivered = await t.app.inject({
      method: 'POST',
      url: new URL(webhookUrl, 'http://localhost').pathname,
      headers: {
        'content-type': 'application/json',
        'x-pandora-timestamp': String(timestamp),
        'x-pandora-signature': signDelivery(secret, timestamp, body),
      },
      payload: body,
    });
    expect(delivered.statusCode).toBe(202);
    const { rows } = await t.db.pool.query<{ scope: string }>(
      `select scope_user_id as scope from flow_runs where id = $1::uuid`,
      [delivered.json().runId],
    );
    expect(rows[0]!.scope).toBe(rep.id);
  });

  it('saving publishes a version; a paused automation does not start', async () => {
    const automation = (await create(rep.auth)).json().automation;
    const url = `${base}/${automation.id}`;
    const updated = await t.app.inject({
      method: 'PATCH',
      url,
      headers: rep.auth,
      payload: { steps: [...STEPS, { ...STEPS[0], key: 'again' }] },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().automation.version).toBe(2);
    const paused = await t.app.inject({ method: 'POST', url: `${url}/pause`, headers: rep.auth });
    expect(paused.json().automation).toMatchObject({ isActive: false, version: 2 });
    const run = await t.app.inject({
      method: 'POST',
      url: `${url}/runs`,
      headers: rep.auth,
      payload: {},
    });
    expect(run.statusCode).toBe(409);
    const active = await t.app.inject({
      method: 'POST',
      url: `${url}/activate`,
      headers: rep.auth,
    });
    expect(active.json().automation.isActive).toBe(true);
    const deleted = await t.app.inject({ method: 'DELETE', url, headers: rep.auth });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url, headers: rep.auth })).statusCode).toBe(404);
  });

  it('GraphQL: the seed names, scoped the same way', async () => {
    const created = await graphql(
      t,
      other.auth,
      `
        mutation ($ws: ID!, $input: CreateUserAutomationInput!) {
          createUserAutomation(workspaceId: $ws, input: $input) {
            id
            isActive
            version
            user {
              id
            }
          }
        }
      `,
      { ws: admin.workspaceId, input: { name: 'Mine', trigger: { type: 'manual' }, steps: STEPS } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createUserAutomation.id as string;
    expect(created.data.createUserAutomation).toMatchObject({ isActive: true, version: 1 });
    const list = `query ($ws: ID!) { workspace(id: $ws) { userAutomations { id } } }`;
    const seen = await graphql(t, other.auth, list, { ws: admin.workspaceId });
    expect(seen.data.workspace.userAutomations.map((a: { id: string }) => a.id)).toContain(id);
    const notSeen = await graphql(t, rep.auth, list, { ws: admin.workspaceId });
    expect(notSeen.data.workspace.userAutomations.map((a: { id: string }) => a.id)).not.toContain(
      id,
    );
    const update = `mutation ($ws: ID!, $id: ID!) {
      updateUserAutomation(workspaceId: $ws, id: $id, input: { isActive: false }) { isActive } }`;
    expect(codeOf(await graphql(t, rep.auth, update, { ws: admin.workspaceId, id }))).toBe(
      'not_found',
    );
    const paused = await graphql(t, other.auth, update, { ws: admin.workspaceId, id });
    expect(paused.data.updateUserAutomation.isActive).toBe(false);
    const del = `mutation ($ws: ID!, $id: ID!) { deleteUserAutomation(workspaceId: $ws, id: $id) }`;
    expect(codeOf(await graphql(t, rep.auth, del, { ws: admin.workspaceId, id }))).toBe(
      'not_found',
    );
    const deleted = await graphql(t, admin.auth, del, { ws: admin.workspaceId, id });
    expect(deleted.data.deleteUserAutomation).toBe(true);
  });
});
