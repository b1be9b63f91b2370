import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { signDelivery } from '../../conversations/webhook.js';

/** Conversation sources over REST: members read, admins change, bad input names its field. */
let t: TestApp;
let admin: Tenant;
let member: { authorization: string };

const base = () => `/api/workspaces/${admin.workspaceId}/conversation-sources`;

async function addWebhook(name: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `${base()}/webhook`,
    headers: admin.auth,
    payload: { name },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { source: { id: string }; signingSecret: string };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  member = await apiKeyAuth(t, admin, 'member');
});

describe('conversation sources', () => {
  it('lists only conversation sources, never the CRM connections, for members too', async () => {
    await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${admin.workspaceId}/connections`,
      headers: admin.auth,
      payload: { crmType: 'hubspot', name: 'CRM' },
    });
    const one = await addWebhook('One');
    const two = await addWebhook('Two');
    const listed = await t.app.inject({ url: base(), headers: member });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().sources.map((s: { id: string }) => s.id)).toEqual([
      one.source.id,
      two.source.id,
    ]);
    const crmList = await t.app.inject({
      url: `/api/workspaces/${admin.workspaceId}/connections`,
      headers: admin.auth,
    });
    expect(crmList.json().connections.map((c: { name: string }) => c.name)).toEqual(['CRM']);
  });

  it('renames and reschedules for admins only, naming a bad field', async () => {
    const { source } = await addWebhook('Rename me');
    const url = `${base()}/${source.id}`;
    const byMember = await t.app.inject({
      method: 'PATCH',
      url,
      headers: member,
      payload: { name: 'x' },
    });
    expect(byMember.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.auth,
      payload: { syncIntervalHours: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.syncIntervalHours');
    const empty = await t.app.inject({ method: 'PATCH', url, headers: admin.auth, payload: {} });
    expect(empty.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.auth,
      payload: { name: ' Renamed ', syncIntervalHours: 6 },
    });
    expect(ok.json().source).toMatchObject({ name: 'Renamed', syncIntervalHours: 6 });
  });

  it('refuses to rotate what is not a webhook secret', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into connections (workspace_id, source_type, name) values ($1::uuid, 'gong', 'Gong')
       returning id`,
      [admin.workspaceId],
    );
    const response = await t.app.inject({
      method: 'POST',
      url: `${base()}/${rows[0]!.id}/rotate-secret`,
      headers: admin.auth,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('not_a_webhook_source');
  });

  it('deletes a source but keeps the meetings it brought', async () => {
    const { source, signingSecret } = await addWebhook('Short-lived');
    const raw = JSON.stringify({
      id: 'kept',
      title: 'Kept call',
      startedAt: '2026-11-01T10:00:00Z',
      duration: 60,
      participants: [],
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const delivered = await t.app.inject({
      method: 'POST',
      url: `/api/hooks/conversations/${source.id}`,
      headers: {
        'content-type': 'application/json',
        'x-pandora-timestamp': String(timestamp),
        'x-pandora-signature': signDelivery(signingSecret, timestamp, raw),
      },
      payload: raw,
    });
    expect(delivered.statusCode).toBe(201);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${base()}/${source.id}`,
      headers: admin.auth,
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({ url: `${base()}/${source.id}`, headers: admin.auth });
    expect(gone.statusCode).toBe(404);
    const { rows } = await t.db.pool.query(
      `select title, connection_id as "connectionId" from conversations
       where workspace_id = $1::uuid and source = 'webhook'`,
      [admin.workspaceId],
    );
    expect(rows).toEqual([{ title: 'Kept call', connectionId: null }]);
  });
});

describe('the sales roster', () => {
  it('merges tracked users of every source by email, with their CRM owners', async () => {
    const tenant = await createTenant(t);
    const directory = (users: [string, string, string, boolean][]) =>
      users.map(([id, email, name, active]) => ({ id, email, name, title: null, active }));
    const insert = (type: string, name: string, metadata: object) =>
      t.db.pool.query(
        `insert into connections (workspace_id, source_type, name, metadata, status)
         values ($1::uuid, $2::text, $3::text, $4::jsonb, 'connected') returning id`,
        [tenant.workspaceId, type, name, JSON.stringify(metadata)],
      );
    const gong = await insert('gong', 'Gong', {
      directory: directory([
        ['g1', 'Ann@Seller.example', 'Ann Lee', true],
        ['g2', 'bob@seller.example', 'Bob Roe', false],
        ['g3', 'cat@seller.example', 'Cat Untracked', true],
      ]),
      trackedUserIds: ['g1', 'g2'],
    });
    const fireflies = await insert('fireflies', 'Fireflies', {
      directory: directory([['f9', 'ann@seller.example', 'Ann L.', false]]),
      trackedUserIds: ['f9'],
    });
    await t.db.pool.query(
      `insert into owners (workspace_id, source, source_id, email, name) values
         ($1::uuid, 'hubspot', '101', 'ANN@seller.example', 'Ann (HubSpot)'),
         ($1::uuid, 'salesforce', '005A', 'ann@seller.example', 'Ann (Salesforce)'),
         ($1::uuid, 'hubspot', '102', 'cat@seller.example', 'Cat')`,
      [tenant.workspaceId],
    );
    // Another workspace's owner with the same email is not this workspace's rep.
    await t.db.pool.query(
      `insert into owners (workspace_id, source, source_id, email, name)
       values ($1::uuid, 'hubspot', '1', 'bob@seller.example', 'Other Bob')`,
      [admin.workspaceId],
    );
    const member = await apiKeyAuth(t, tenant, 'member');
    const response = await t.app.inject({
      url: `/api/workspaces/${tenant.workspaceId}/sales-roster`,
      headers: member,
    });
    expect(response.statusCode).toBe(200);
    const gongId = gong.rows[0].id;
    const firefliesId = fireflies.rows[0].id;
    expect(response.json().reps).toEqual([
      {
        email: 'ann@seller.example',
        name: 'Ann Lee',
        title: null,
        active: true,
        crmOwners: [
          { id: expect.any(String), source: 'hubspot', sourceId: '101', name: 'Ann (HubSpot)' },
          {
            id: expect.any(String),
            source: 'salesforce',
            sourceId: '005A',
            name: 'Ann (Salesforce)',
          },
        ],
        sources: [
          { connectionId: gongId, sourceType: 'gong', sourceName: 'Gong', userId: 'g1' },
          {
            connectionId: firefliesId,
            sourceType: 'fireflies',
            sourceName: 'Fireflies',
            userId: 'f9',
          },
        ],
      },
      {
        email: 'bob@seller.example',
        name: 'Bob Roe',
        title: null,
        active: false,
        crmOwners: [],
        sources: [{ connectionId: gongId, sourceType: 'gong', sourceName: 'Gong', userId: 'g2' }],
      },
    ]);
  });
});
