import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectSandbox,
  createTenant,
  createSandboxApp,
  login,
  type Tenant,
  type SandboxApp,
} from '../../test/app.js';
import { graphql } from '../../test/graphql.js';

/**
 * Another workspace's principal, an API key or a person, gets `not_found` for every
 * action, batch, notification, policy, skill and board query and mutation on this workspace,
 * and for this workspace's ids under its own; nothing changes and the CRM is not called.
 */
let t: SandboxApp;
let owner: Tenant;
let other: Tenant;
const ids = {
  action: '',
  executed: '',
  batch: '',
  policy: '',
  notification: '',
  connection: '',
  board: '',
  deal: '',
};

const gql = (query: string, variables: object, auth: object) => graphql(t, auth, query, variables);

const asOwner = async (query: string, variables: object) => {
  const answer = await gql(query, { ws: owner.workspaceId, ...variables }, owner.auth);
  expect(answer.errors).toBeUndefined();
  return answer.data;
};

const CREATE = `mutation ($ws: ID!, $input: NewActionInput!) { createAction(workspaceId: $ws, input: $input) { id } }`;

beforeAll(async () => {
  t = await createSandboxApp(2);
  owner = await createTenant(t, 'admin');
  other = await createTenant(t, 'admin');
  const sandbox = await connectSandbox(t, owner);
  ids.connection = sandbox.connectionId;
  const { connector } = sandbox;
  const [deal] = (await connector.listChanged('deal', { properties: [], limit: 1 })).records;
  const input = {
    actionType: 'update_field',
    severity: 'warning',
    title: 'Owner’s action',
    connectionId: ids.connection,
    targetType: 'deal',
    targetSourceId: deal!.id,
    ownerEmail: 'rita@seller.test',
    executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 31_337 }] },
  };
  ids.action = (await asOwner(CREATE, { input })).createAction.id;
  // An executed notify_rep action: something to undo, and a notification.
  ids.executed = (
    await asOwner(CREATE, { input: { ...input, actionType: 'notify_rep' } })
  ).createAction.id;
  await asOwner(
    `mutation ($ws: ID!, $id: ID!) { executeAction(workspaceId: $ws, id: $id) { outcome } }`,
    { id: ids.executed },
  );
  ids.notification = (
    await asOwner(`query ($ws: ID!) { workspace(id: $ws) { notifications { id } } }`, {})
  ).workspace.notifications[0].id;
  ids.batch = (
    await asOwner(
      `mutation ($ws: ID!, $ids: [ID!]!) { batchExecuteActions(workspaceId: $ws, actionIds: $ids) { id } }`,
      { ids: [ids.action] },
    )
  ).batchExecuteActions.id;
  ids.board = (
    await asOwner(
      `mutation ($ws: ID!) { createBoard(workspaceId: $ws, input: { name: "Owner's", recordType: deal, columns: [{ key: "new", name: "New" }] }) { id } }`,
      {},
    )
  ).createBoard.id;
  const { rows: deals } = await t.db.pool.query<{ id: string }>(
    `insert into deals (workspace_id, source, source_id, name)
     values ($1::uuid, 'test', 'owner-board-deal', 'Owner deal') returning id`,
    [owner.workspaceId],
  );
  ids.deal = deals[0]!.id;
  ids.policy = (
    await asOwner(
      `mutation ($ws: ID!) { createActionPolicy(workspaceId: $ws, input: { name: "Owner's", effect: block, match: { actionTypes: ["never_used"] } }) { id } }`,
      {},
    )
  ).createActionPolicy.id;
});

/**
 * Every query and mutation that names a workspace, with the owner's ids, and what the
 * other workspace gets for those ids under its own (undefined: no id of the owner's).
 */
type Own = [number, string] | { data: object };
function operations(): [string, object, Own?][] {
  const notFound: Own = [404, 'not_found'];
  const action = { id: ids.action };
  return [
    [`query ($ws: ID!) { workspace(id: $ws) { id } }`, {}],
    [`query ($ws: ID!) { workspace(id: $ws) { actions { nextCursor } } }`, {}],
    [
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { action(id: $id) { id } } }`,
      action,
      notFound,
    ],
    [
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { actionBatch(id: $id) { id } } }`,
      { id: ids.batch },
      notFound,
    ],
    [`query ($ws: ID!) { workspace(id: $ws) { notifications { id } } }`, {}],
    [`query ($ws: ID!) { workspace(id: $ws) { actionPolicies { id } } }`, {}],
    [
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { actionPolicy(id: $id) { id } } }`,
      { id: ids.policy },
      notFound,
    ],
    [`query ($ws: ID!) { workspace(id: $ws) { skills { name } } }`, {}],
    [
      CREATE,
      {
        input: {
          actionType: 'update_field',
          severity: 'info',
          title: 'Intruder',
          connectionId: ids.connection,
          targetType: 'deal',
          targetSourceId: '1',
        },
      },
      // Not this caller's connection: "no such connection".
      [400, 'unknown_connection'],
    ],
    [
      `mutation ($ws: ID!, $id: ID!) { dismissAction(workspaceId: $ws, id: $id) { id } }`,
      action,
      notFound,
    ],
    [
      `mutation ($ws: ID!, $id: ID!) { approveAction(workspaceId: $ws, id: $id) { id } }`,
      action,
      notFound,
    ],
    [
      `mutation ($ws: ID!, $id: ID!) { previewAction(workspaceId: $ws, id: $id) { actionId } }`,
      action,
      notFound,
    ],
    [
      `mutation ($ws: ID!, $id: ID!) { executeAction(workspaceId: $ws, id: $id) { outcome } }`,
      action,
      notFound,
    ],
    [
      `mutation ($ws: ID!, $id: ID!) { undoAction(workspaceId: $ws, id: $id, force: true) { status } }`,
      { id: ids.executed },
      notFound,
    ],
    [
      `mutation ($ws: ID!, $ids: [ID!]!) { batchExecuteActions(workspaceId: $ws, actionIds: $ids) { id } }`,
      { ids: [ids.action] },
      [400, 'unknown_actions'],
    ],
    [
      `mutation ($ws: ID!, $ids: [ID!]) { markNotificationsRead(workspaceId: $ws, ids: $ids) }`,
      { ids: [ids.notification] },
      // None of the caller's own notifications matched: nothing marked, no error.
      { data: { markNotificationsRead: 0 } },
    ],
    [
      `mutation ($ws: ID!) { createActionPolicy(workspaceId: $ws, input: { name: "x", effect: block }) { id } }`,
      {},
    ],
    [
      `mutation ($ws: ID!, $id: ID!) { updateActionPolicy(workspaceId: $ws, id: $id, patch: { enabled: false }) { id } }`,
      { id: ids.policy },
      notFound,
    ],
    [
      `mutation ($ws: ID!, $id: ID!) { deleteActionPolicy(workspaceId: $ws, id: $id) }`,
      { id: ids.policy },
      notFound,
    ],
    [
      `mutation ($ws: ID!, $id: ID) { dryRunActionPolicy(workspaceId: $ws, id: $id) { considered } }`,
      { id: ids.policy },
      notFound,
    ],
    [
      `mutation ($ws: ID!) { dryRunActionPolicy(workspaceId: $ws, input: { name: "x", effect: block }) { considered } }`,
      {},
    ],
    [`mutation ($ws: ID!) { runSkill(workspaceId: $ws, skill: "stale-deals") { runId } }`, {}],
    [`query ($ws: ID!) { workspace(id: $ws) { boards { id } } }`, {}],
    [
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { board(id: $id) { id items { nextCursor } history { nextCursor } } } }`,
      { id: ids.board },
      notFound,
    ],
    [
      `mutation ($ws: ID!) { createBoard(workspaceId: $ws, input: { name: "Intruder", recordType: deal, columns: [{ key: "new", name: "New" }] }) { id } }`,
      {},
    ],
    [
      `mutation ($ws: ID!, $id: ID!, $deal: String!) { moveBoardItem(workspaceId: $ws, boardId: $id, recordId: $deal, column: "new") { moved } }`,
      { id: ids.board, deal: ids.deal },
      notFound,
    ],
  ];
}

/** Rows of the owner's workspace that any of the operations could change. */
async function ownerState() {
  const { rows } = await t.db.pool.query(
    `select (select json_agg(a order by a.id) from (select id, status, updated_at from actions
              where workspace_id = $1::uuid) a) as actions,
            (select json_agg(p order by p.id) from (select id, enabled, updated_at
              from action_policies where workspace_id = $1::uuid) p) as policies,
            (select json_agg(b) from (select id, status, done from action_batches
              where workspace_id = $1::uuid) b) as batches,
            (select json_agg(n) from (select id, read_at from notifications
              where workspace_id = $1::uuid) n) as notifications,
            (select count(*) from skill_runs where workspace_id = $1::uuid) as runs,
            (select json_agg(b) from (select id, name from boards
              where workspace_id = $1::uuid) b) as boards,
            (select count(*) from board_items where workspace_id = $1::uuid) as "boardItems"`,
    [owner.workspaceId],
  );
  return JSON.stringify(rows[0]);
}

describe('another workspace over GraphQL', () => {
  it('gets not_found for every action, policy and skill operation, as an API key or a person', async () => {
    const before = await ownerState();
    const crmCalls = t.emulator.ctx.log.lastSeq;
    const person = await login(t, other.email, other.password);
    for (const auth of [other.auth, person]) {
      for (const [query, variables] of operations()) {
        const answer = await gql(query, { ws: owner.workspaceId, ...variables }, auth);
        expect([answer.status, answer.errors?.[0]?.extensions.code], query).toEqual([
          404,
          'not_found',
        ]);
        expect(answer.data ?? null, query).toBeNull();
      }
    }
    expect(await ownerState()).toBe(before);
    expect(t.emulator.ctx.log.lastSeq).toBe(crmCalls);
  });

  it('finds none of this workspace’s ids under its own workspace', async () => {
    const before = await ownerState();
    const crmCalls = t.emulator.ctx.log.lastSeq;
    let tried = 0;
    for (const [query, variables, own] of operations()) {
      if (!own) continue;
      tried += 1;
      const answer = await gql(query, { ws: other.workspaceId, ...variables }, other.auth);
      if ('data' in own) expect(answer.data, query).toEqual(own.data);
      else expect([answer.status, answer.errors?.[0]?.extensions.code], query).toEqual(own);
    }
    expect(tried).toBe(16);
    expect(await ownerState()).toBe(before);
    expect(t.emulator.ctx.log.lastSeq).toBe(crmCalls);
  });
});
