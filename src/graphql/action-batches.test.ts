import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  connectSandbox,
  createTenant,
  createSandboxApp,
  type Tenant,
  type SandboxApp,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import type { CrmConnector } from '../crm/port.js';
import { handlers } from '../jobs/handlers.js';

/**
 * Batch execution and notifications over GraphQL against the CRM emulator; the batch
 * job is run by its own handler, as a worker would.
 */
let t: SandboxApp;
let admin: Tenant;
let connector: CrmConnector;
let connectionId: string;
let deals: string[];

beforeAll(async () => {
  t = await createSandboxApp(4);
  admin = await createTenant(t, 'admin');
  ({ connectionId, connector } = await connectSandbox(t, admin));
  const page = await connector.listChanged('deal', { properties: [], limit: 4 });
  deals = page.records.map((r) => r.id);
});

const gql = (query: string, variables: object = {}) => graphql(t, admin.auth, query, variables);

const ws = () => admin.workspaceId;

async function createAction(input: object) {
  const answer = await gql(
    `mutation ($ws: ID!, $input: NewActionInput!) { createAction(workspaceId: $ws, input: $input) { id } }`,
    {
      ws: ws(),
      input: {
        actionType: 'update_field',
        severity: 'info',
        title: 'A test action',
        connectionId,
        targetType: 'deal',
        targetSourceId: deals[0],
        ...input,
      },
    },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.createAction.id as string;
}

async function amountInCrm(dealId: string) {
  const [record] = await connector.readRecords('deal', [dealId], ['amount']);
  if (!record?.ok) throw new Error(`no deal ${dealId}`);
  return Number(record.value.properties.amount);
}

const BATCH = `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { actionBatch(id: $id) {
  id status actor total done crmCalls finishedAt results { actionId outcome status error }
} } }`;

describe('batch execution over GraphQL', () => {
  it('queues a batch, and its progress shows each action’s outcome once the job ran', async () => {
    const ids = [
      await createAction({
        targetSourceId: deals[0],
        executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 7_001 }] },
      }),
      await createAction({
        targetSourceId: deals[1],
        executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 7_002 }] },
      }),
    ];
    const started = await gql(
      `mutation ($ws: ID!, $ids: [ID!]!) { batchExecuteActions(workspaceId: $ws, actionIds: $ids) {
         id status actor total done results { actionId } } }`,
      { ws: ws(), ids },
    );
    const batch = started.data.batchExecuteActions;
    expect(batch).toMatchObject({
      status: 'queued',
      actor: 'api key test key',
      total: 2,
      done: 0,
      results: [],
    });
    const { rows } = await t.db.pool.query(
      `select payload from graphile_worker._private_jobs where key = $1::text`,
      [`action-batch:${batch.id}`],
    );
    expect(rows.map((row) => row.payload)).toEqual([{ workspaceId: ws(), batchId: batch.id }]);
    const queued = await gql(BATCH, { ws: ws(), id: batch.id });
    expect(queued.data.workspace.actionBatch).toMatchObject({ status: 'queued', done: 0 });

    await handlers['actions.batch-execute'](
      { workspaceId: ws(), batchId: batch.id },
      { db: t.db.pool, secretKey: TEST_SECRET_KEY, log: t.ctx.log, jobId: 'test', attempt: 1 },
    );
    const finished = await gql(BATCH, { ws: ws(), id: batch.id });
    const progress = finished.data.workspace.actionBatch;
    expect(progress).toMatchObject({ status: 'succeeded', total: 2, done: 2 });
    expect(progress.crmCalls).toBeGreaterThan(0);
    expect(progress.finishedAt).toEqual(expect.any(String));
    expect(
      [...progress.results].sort((a, b) => ids.indexOf(a.actionId) - ids.indexOf(b.actionId)),
    ).toEqual(
      ids.map((actionId) => ({ actionId, outcome: 'executed', status: 'executed', error: null })),
    );
    expect([await amountInCrm(deals[0]!), await amountInCrm(deals[1]!)]).toEqual([7_001, 7_002]);
  });

  it('refuses repeated, malformed and unknown ids as REST does', async () => {
    const id = await createAction({});
    const START = `mutation ($ws: ID!, $ids: [ID!]!) { batchExecuteActions(workspaceId: $ws, actionIds: $ids) { id } }`;
    const repeated = await gql(START, { ws: ws(), ids: [id, id] });
    expect([repeated.status, codeOf(repeated)]).toEqual([400, 'validation_failed']);
    expect(repeated.errors?.[0]?.extensions.details).toEqual([
      {
        field: 'actionIds',
        message: 'must NOT have duplicate items (items ## 1 and 0 are identical)',
      },
    ]);
    const empty = await gql(START, { ws: ws(), ids: [] });
    expect(codeOf(empty)).toBe('validation_failed');
    const malformed = await gql(START, { ws: ws(), ids: [id, 'nope'] });
    expect(malformed.errors?.[0]?.extensions.details).toEqual([
      { field: 'actionIds.1', message: 'must match format "uuid"' },
    ]);
    const stranger = randomUUID();
    const unknown = await gql(START, { ws: ws(), ids: [id, stranger] });
    expect([unknown.status, codeOf(unknown)]).toEqual([400, 'unknown_actions']);
    expect(unknown.errors?.[0]?.extensions.details).toEqual({
      field: 'actionIds',
      ids: [stranger],
    });
    const missing = await gql(BATCH, { ws: ws(), id: randomUUID() });
    expect([missing.status, codeOf(missing)]).toEqual([404, 'not_found']);
  });
});

describe('notifications over GraphQL', () => {
  it('lists what a notify_rep action sent, and marks it read', async () => {
    const id = await createAction({ actionType: 'notify_rep', ownerEmail: 'rita@seller.test' });
    const executed = await gql(
      `mutation ($ws: ID!, $id: ID!) { executeAction(workspaceId: $ws, id: $id) { outcome operations { kind status } } }`,
      { ws: ws(), id },
    );
    expect(executed.data.executeAction).toEqual({
      outcome: 'executed',
      operations: [{ kind: 'notification', status: 'sent' }],
    });
    const LIST = `query ($ws: ID!, $unread: Boolean) { workspace(id: $ws) {
      notifications(unread: $unread) { id recipientEmail kind title actionId readAt } } }`;
    const unread = await gql(LIST, { ws: ws(), unread: true });
    expect(unread.data.workspace.notifications).toEqual([
      {
        // Rita owns the deal but is not in Pandora: the admin is told, to pass it on.
        id: expect.any(String),
        recipientEmail: expect.stringContaining('@'),
        kind: 'notify_rep',
        title: 'For rita@seller.test: A test action',
        actionId: id,
        readAt: null,
      },
    ]);
    const notificationId = unread.data.workspace.notifications[0].id;
    const READ = `mutation ($ws: ID!, $ids: [ID!]) { markNotificationsRead(workspaceId: $ws, ids: $ids) }`;
    expect((await gql(READ, { ws: ws(), ids: [notificationId] })).data).toEqual({
      markNotificationsRead: 1,
    });
    expect((await gql(READ, { ws: ws() })).data).toEqual({ markNotificationsRead: 0 });
    expect((await gql(LIST, { ws: ws(), unread: true })).data.workspace.notifications).toEqual([]);
    const all = await gql(LIST, { ws: ws() });
    expect(all.data.workspace.notifications[0].readAt).toEqual(expect.any(String));
    const badIds = await gql(READ, { ws: ws(), ids: ['x'] });
    expect(codeOf(badIds)).toBe('validation_failed');
  });
});
