import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';

/**
 * Conversation sources and the sales roster over GraphQL: the REST services, the same
 * roles, errors naming the argument, another workspace's ids not found.
 */
let t: TestApp;
let admin: Tenant;
let member: { authorization: string };
let gongId: string;

const gql = (query: string, variables: object = {}, auth: object = admin.auth) =>
  graphql(t, auth, query, variables);

const SOURCE = 'id sourceType kind name status authMethod directorySize trackedUserIds';
const CREATE_WEBHOOK = `mutation ($ws: ID!, $name: String!) {
  createWebhookSource(workspaceId: $ws, name: $name) { signingSecret webhookUrl source { ${SOURCE} } }
}`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  member = await apiKeyAuth(t, admin, 'member');
  const directory = [
    { id: 'u1', email: 'Ann@seller.example', name: 'Ann Lee', title: 'AE', active: true },
    { id: 'u2', email: 'bob@seller.example', name: 'Bob Roe', title: null, active: true },
  ];
  const { rows } = await t.db.pool.query<{ id: string }>(
    `insert into connections (workspace_id, source_type, name, metadata, status)
     values ($1::uuid, 'gong', 'Gong', $2::jsonb, 'connected') returning id`,
    [admin.workspaceId, JSON.stringify({ directory, trackedUserIds: [] })],
  );
  gongId = rows[0]!.id;
});

describe('conversation sources over GraphQL', () => {
  it('makes a webhook source whose secret is shown once, rotates it and deletes it', async () => {
    const created = await gql(CREATE_WEBHOOK, { ws: admin.workspaceId, name: 'Recorder' });
    const made = created.data.createWebhookSource;
    expect(made.signingSecret).toMatch(/^whsec_/);
    expect(made.webhookUrl).toBe(`/api/hooks/conversations/${made.source.id}`);
    expect(made.source).toMatchObject({ sourceType: 'webhook', status: 'connected' });

    const listed = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { conversationSources { id name } } }`,
      { ws: admin.workspaceId },
      member,
    );
    expect(listed.data.workspace.conversationSources.map((s: { name: string }) => s.name)).toEqual([
      'Gong',
      'Recorder',
    ]);

    const rotated = await gql(
      `mutation ($ws: ID!, $id: ID!) { rotateWebhookSourceSecret(workspaceId: $ws, id: $id) { signingSecret } }`,
      { ws: admin.workspaceId, id: made.source.id },
    );
    expect(rotated.data.rotateWebhookSourceSecret.signingSecret).not.toBe(made.signingSecret);
    const deleted = await gql(
      `mutation ($ws: ID!, $id: ID!) { deleteConversationSource(workspaceId: $ws, id: $id) }`,
      { ws: admin.workspaceId, id: made.source.id },
    );
    expect(deleted.data.deleteConversationSource).toBe(true);
  });

  it('refuses members, and names the argument of bad input', async () => {
    const byMember = await gql(CREATE_WEBHOOK, { ws: admin.workspaceId, name: 'x' }, member);
    expect(codeOf(byMember)).toBe('forbidden');
    const emptyName = await gql(CREATE_WEBHOOK, { ws: admin.workspaceId, name: '' });
    expect(codeOf(emptyName)).toBe('validation_failed');
    const noSecret = await gql(
      `mutation ($ws: ID!, $input: GongSourceInput!) { connectGong(workspaceId: $ws, input: $input) { id } }`,
      { ws: admin.workspaceId, input: { name: 'Gong', accessKey: 'key' } },
    );
    expect(noSecret.errors?.[0]?.extensions.details).toEqual([
      { field: 'input.accessKeySecret', message: 'is required with accessKey' },
    ]);
    const badPatch = await gql(
      `mutation ($ws: ID!, $id: ID!) { updateConversationSource(workspaceId: $ws, id: $id, patch: { syncIntervalHours: 0 }) { id } }`,
      { ws: admin.workspaceId, id: gongId },
    );
    expect(codeOf(badPatch)).toBe('validation_failed');
  });

  it('sets tracked users from the directory, queues a sync, and shows the roster', async () => {
    const SET = `mutation ($ws: ID!, $id: ID!, $ids: [String!]!) {
      setConversationSourceTrackedUsers(workspaceId: $ws, id: $id, userIds: $ids) {
        syncQueued source { trackedUserIds users { id tracked } }
      }
    }`;
    const unknown = await gql(SET, { ws: admin.workspaceId, id: gongId, ids: ['nobody'] });
    expect(codeOf(unknown)).toBe('validation_failed');
    const set = await gql(SET, { ws: admin.workspaceId, id: gongId, ids: ['u1'] });
    expect(set.data.setConversationSourceTrackedUsers).toEqual({
      syncQueued: true,
      source: {
        trackedUserIds: ['u1'],
        users: [
          { id: 'u1', tracked: true },
          { id: 'u2', tracked: false },
        ],
      },
    });
    const roster = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { salesRoster { email name sources { userId sourceType } } } }`,
      { ws: admin.workspaceId },
      member,
    );
    expect(roster.data.workspace.salesRoster).toEqual([
      {
        email: 'ann@seller.example',
        name: 'Ann Lee',
        sources: [{ userId: 'u1', sourceType: 'gong' }],
      },
    ]);
  });

  it("answers not_found for another workspace's source", async () => {
    const other = await createTenant(t);
    const answer = await gql(
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { conversationSource(id: $id) { id } } }`,
      { ws: other.workspaceId, id: gongId },
      other.auth,
    );
    expect(codeOf(answer)).toBe('not_found');
    const sync = await gql(
      `mutation ($ws: ID!, $id: ID!) { syncConversationSource(workspaceId: $ws, id: $id) }`,
      { ws: other.workspaceId, id: gongId },
      other.auth,
    );
    expect(codeOf(sync)).toBe('not_found');
  });
});
