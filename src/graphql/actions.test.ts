import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { openConnector } from '../crm/connect.js';
import { createCrmEmulator, type Emulator } from '../crm/emulator/index.js';
import type { HubspotConnector } from '../crm/hubspot/connector.js';

/**
 * GraphQL over HTTP for actions, policies, skills and write-back, against the
 * emulator: the same behaviour and error codes as REST, and no way into another
 * workspace's objects.
 */
let emulator: Emulator;
let t: TestApp;
let admin: Tenant;
let other: Tenant;
let connectionId: string;
let deals: string[];

beforeAll(async () => {
  emulator = await createCrmEmulator({ accounts: 8 });
  const baseUrl = await emulator.listen(0);
  t = await createTestApp({}, { sandboxUrl: baseUrl });
  admin = await createTenant(t, 'admin');
  other = await createTenant(t, 'admin');
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/workspaces/${admin.workspaceId}/connections/sandbox`,
    headers: admin.auth,
    payload: { crmType: 'hubspot' },
  });
  connectionId = created.json().connection.id;
  const { connector } = await openConnector(
    { pool: t.db.pool, secretKey: TEST_SECRET_KEY },
    admin.workspaceId,
    connectionId,
  );
  const page = await connector.listChanged('deal', { properties: [], limit: 10 });
  deals = page.records.map((r) => r.id);
  await (connector as HubspotConnector).createProperty('deal', {
    name: 'pandora_gql_score',
    label: 'GraphQL score',
    type: 'number',
    fieldType: 'number',
  });
});

afterAll(async () => {
  emulator.app.server.closeAllConnections();
  await emulator.close();
});

interface Answer {
  // The shapes vary by query; tests read them loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  errors?: { message: string; extensions: { code: string } }[];
}

async function gql(query: string, variables: object = {}, tenant: Tenant = admin): Promise<Answer> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { ...tenant.auth, 'content-type': 'application/json' },
    payload: { query, variables },
  });
  return response.json() as Answer;
}

const ws = () => admin.workspaceId;
const writes = () => {
  const after = emulator.ctx.log.lastSeq;
  return () =>
    emulator.ctx.log
      .list({ afterSeq: after })
      .filter((r) => r.path.endsWith('/batch/update') || r.path.endsWith('/notes/batch/create'));
};

const CREATE = /* GraphQL */ `
  mutation ($ws: ID!, $input: NewActionInput!) {
    createAction(workspaceId: $ws, input: $input) {
      id
      status
      sourceType
      sourceName
      title
    }
  }
`;
let dealIndex = 0;
async function createAction(amount: number, extra: object = {}) {
  const answer = await gql(CREATE, {
    ws: ws(),
    input: {
      actionType: 'update_field',
      severity: 'warning',
      title: `Set amount ${amount}`,
      connectionId,
      targetType: 'deal',
      targetSourceId: deals[dealIndex++],
      impactAmount: amount,
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: amount }] },
      ...extra,
    },
  });
  expect(answer.errors).toBeUndefined();
  return answer.data.createAction as { id: string; status: string };
}

describe('actions over GraphQL', () => {
  it('creates, lists by impact with a cursor, previews without writing, executes once per key, undoes', async () => {
    const first = await createAction(10_000);
    const second = await createAction(20_000);
    const list = await gql(
      `query ($ws: ID!, $after: String) {
         workspace(id: $ws) { actions(order: impact, first: 1, after: $after) { actions { id } nextCursor } }
       }`,
      { ws: ws() },
    );
    expect(list.data.workspace.actions.actions.map((a: { id: string }) => a.id)).toEqual([
      second.id,
    ]);
    const next = await gql(
      `query ($ws: ID!, $after: String) {
         workspace(id: $ws) { actions(order: impact, first: 1, after: $after) { actions { id } } }
       }`,
      { ws: ws(), after: list.data.workspace.actions.nextCursor },
    );
    expect(next.data.workspace.actions.actions.map((a: { id: string }) => a.id)).toEqual([
      first.id,
    ]);

    const since = writes();
    const preview = await gql(
      `mutation ($ws: ID!, $id: ID!) { previewAction(workspaceId: $ws, id: $id) }`,
      {
        ws: ws(),
        id: first.id,
      },
    );
    expect(preview.data.previewAction).toMatchObject({
      executable: true,
      changes: [{ crmField: 'amount', after: 10_000 }],
    });
    expect(since()).toEqual([]);

    const EXECUTE = `mutation ($ws: ID!, $id: ID!, $key: String) { executeAction(workspaceId: $ws, id: $id, idempotencyKey: $key) }`;
    const key = randomUUID();
    const executed = await gql(EXECUTE, { ws: ws(), id: first.id, key });
    expect(executed.data.executeAction).toMatchObject({ outcome: 'executed', status: 'executed' });
    const count = since().length;
    const replay = await gql(EXECUTE, { ws: ws(), id: first.id, key });
    expect(replay.data.executeAction).toMatchObject({ replayed: true });
    expect(since()).toHaveLength(count);
    const again = await gql(EXECUTE, { ws: ws(), id: first.id });
    expect(again.errors?.[0]?.extensions.code).toBe('invalid_status');

    const undo = await gql(
      `mutation ($ws: ID!, $id: ID!) { undoAction(workspaceId: $ws, id: $id) }`,
      {
        ws: ws(),
        id: first.id,
      },
    );
    expect(undo.data.undoAction).toMatchObject({ status: 'undone' });
    const audit = await gql(
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { action(id: $id) { status audit { event } } } }`,
      {
        ws: ws(),
        id: first.id,
      },
    );
    expect(audit.data.workspace.action.status).toBe('undone');
    expect(audit.data.workspace.action.audit.map((e: { event: string }) => e.event)).toContain(
      'executed',
    );
  });

  it('refuses bad input with the REST codes, naming the field', async () => {
    const unknownConnection = await gql(CREATE, {
      ws: ws(),
      input: {
        actionType: 'update_field',
        severity: 'info',
        title: 'x',
        connectionId: randomUUID(),
        targetType: 'deal',
        targetSourceId: '1',
      },
    });
    expect(unknownConnection.errors?.[0]).toMatchObject({
      extensions: { code: 'unknown_connection' },
    });
    expect(unknownConnection.errors?.[0]?.message).toContain('connectionId');
    const badWorkspace = await gql(`query { workspace(id: "nope") { actions { nextCursor } } }`);
    expect(badWorkspace.errors?.[0]?.extensions.code).toBe('validation_failed');
    const invalid = await createAction(5, {
      executionPayload: { crm_updates: [{ field: 'hs_object_id', proposed_value: '1' }] },
    });
    const refused = await gql(
      `mutation ($ws: ID!, $id: ID!) { executeAction(workspaceId: $ws, id: $id) }`,
      { ws: ws(), id: invalid.id },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('invalid_operations');
  });

  it('dismisses, batch-executes with progress, and runs a skill', async () => {
    const doomed = await createAction(1_000);
    const dismissed = await gql(
      `mutation ($ws: ID!, $id: ID!) { dismissAction(workspaceId: $ws, id: $id, reason: "dup") { status } }`,
      {
        ws: ws(),
        id: doomed.id,
      },
    );
    expect(dismissed.data.dismissAction.status).toBe('dismissed');

    const a = await createAction(2_000);
    const b = await createAction(3_000);
    const batch = await gql(
      `mutation ($ws: ID!, $ids: [ID!]!) { batchExecuteActions(workspaceId: $ws, ids: $ids) { id status total } }`,
      {
        ws: ws(),
        ids: [a.id, b.id],
      },
    );
    expect(batch.data.batchExecuteActions).toMatchObject({ status: 'queued', total: 2 });
    const progress = await gql(
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { actionBatch(id: $id) { total done } } }`,
      {
        ws: ws(),
        id: batch.data.batchExecuteActions.id,
      },
    );
    expect(progress.data.workspace.actionBatch).toEqual({ total: 2, done: 0 });

    const skill = await gql(
      `mutation ($ws: ID!) { runSkill(workspaceId: $ws, skill: "data-quality-audit") }`,
      { ws: ws() },
    );
    expect(skill.data.runSkill).toMatchObject({ runId: expect.any(String) });
    const unknown = await gql(
      `mutation ($ws: ID!) { runSkill(workspaceId: $ws, skill: "astrology") }`,
      { ws: ws() },
    );
    expect(unknown.errors?.[0]?.extensions.code).toBe('not_found');
    const skills = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { skills { name lastRun } } }`,
      { ws: ws() },
    );
    expect(skills.data.workspace.skills.map((s: { name: string }) => s.name)).toContain(
      'stale-deals',
    );
  });

  it('manages policies and dry-runs one over past actions', async () => {
    const created = await gql(
      `mutation ($ws: ID!, $input: PolicyInput!) { createActionPolicy(workspaceId: $ws, input: $input) { id name effect } }`,
      {
        ws: ws(),
        input: { name: 'Hold big ones', effect: 'require_approval', match: { impactMin: 15_000 } },
      },
    );
    const id = created.data.createActionPolicy.id as string;
    const dryRun = await gql(
      `mutation ($ws: ID!, $id: ID) { dryRunActionPolicy(workspaceId: $ws, id: $id, last: 50) }`,
      {
        ws: ws(),
        id,
      },
    );
    expect(dryRun.errors).toBeUndefined();
    expect(JSON.stringify(dryRun.data.dryRunActionPolicy)).toContain('require_approval');
    const held = await createAction(50_000);
    expect(held.status).toBe('awaiting_approval');
    const approved = await gql(
      `mutation ($ws: ID!, $id: ID!) { approveAction(workspaceId: $ws, id: $id) { status approvedBy } }`,
      {
        ws: ws(),
        id: held.id,
      },
    );
    expect(approved.data.approveAction.status).toBe('open');
    const invalid = await gql(
      `mutation ($ws: ID!, $id: ID!) { updateActionPolicy(workspaceId: $ws, id: $id, patch: { effect: "explode" }) { id } }`,
      { ws: ws(), id },
    );
    expect(invalid.errors?.[0]?.extensions.code).toBeDefined();
    const deleted = await gql(
      `mutation ($ws: ID!, $id: ID!) { deleteActionPolicy(workspaceId: $ws, id: $id) }`,
      { ws: ws(), id },
    );
    expect(deleted.data.deleteActionPolicy).toBe(true);
  });
});

describe('write-back over GraphQL', () => {
  it('lists fields and properties, maps, tests, and starts a run', async () => {
    const fields = await gql(
      `query ($ws: ID!, $c: ID!) { workspace(id: $ws) {
         writebackFields { name objectTypes }
         crmProperties(connectionId: $c, objectType: deal) { name type fits }
       } }`,
      { ws: ws(), c: connectionId },
    );
    expect(fields.data.workspace.writebackFields).toHaveLength(8);
    const prop = fields.data.workspace.crmProperties.find(
      (p: { name: string }) => p.name === 'pandora_gql_score',
    );
    expect(prop.fits).toContain('deal_score');

    const refused = await gql(
      `mutation ($ws: ID!, $input: MappingInput!) { createMapping(workspaceId: $ws, input: $input) { warnings } }`,
      {
        ws: ws(),
        input: {
          connectionId,
          pandoraField: 'deal_score',
          objectType: 'deal',
          crmProperty: 'hs_lastmodifieddate',
        },
      },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('read_only_property');
    const saved = await gql(
      `mutation ($ws: ID!, $input: MappingInput!) { createMapping(workspaceId: $ws, input: $input) { mapping { id crmProperty } warnings } }`,
      {
        ws: ws(),
        input: {
          connectionId,
          pandoraField: 'deal_score',
          objectType: 'deal',
          crmProperty: 'pandora_gql_score',
        },
      },
    );
    const mappingId = saved.data.createMapping.mapping.id as string;
    const run = await gql(
      `mutation ($ws: ID!) { startWritebackRun(workspaceId: $ws) { id status } }`,
      { ws: ws() },
    );
    expect(run.data.startWritebackRun.status).toBe('queued');
    const runs = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { writebackRuns { id } mappings { id } } }`,
      { ws: ws() },
    );
    expect(runs.data.workspace.writebackRuns[0].id).toBe(run.data.startWritebackRun.id);
    expect(runs.data.workspace.mappings.map((m: { id: string }) => m.id)).toEqual([mappingId]);
    const computed = await gql(
      `mutation ($ws: ID!) { computeFields(workspaceId: $ws, skill: "deal-score") }`,
      { ws: ws() },
    );
    expect(computed.data.computeFields).toMatchObject({ considered: 0 });
    const badSkill = await gql(
      `mutation ($ws: ID!) { computeFields(workspaceId: $ws, skill: "tarot") }`,
      { ws: ws() },
    );
    expect(badSkill.errors?.[0]?.extensions.code).toBe('validation_failed');
    // No computed values yet (no deals in Pandora's tables): nothing to test against.
    const test = await gql(
      `mutation ($ws: ID!, $id: ID!) { testMapping(workspaceId: $ws, id: $id) }`,
      { ws: ws(), id: mappingId },
    );
    expect(test.errors?.[0]?.extensions.code).toBe('not_found');
  });
});

describe('another workspace over GraphQL', () => {
  it('cannot read or change this workspace’s objects', async () => {
    const action = await createAction(7_000);
    const { data } = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { mappings { id } writebackRuns { id } actionPolicies { id } } }`,
      { ws: ws() },
    );
    const mappingId = data.workspace.mappings[0].id as string;
    const runId = data.workspace.writebackRuns[0].id as string;
    const queries: [string, object][] = [
      [`query ($ws: ID!) { workspace(id: $ws) { actions { nextCursor } } }`, { ws: ws() }],
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { action(id: $id) { id } } }`,
        { ws: ws(), id: action.id },
      ],
      [
        `mutation ($ws: ID!, $id: ID!) { executeAction(workspaceId: $ws, id: $id) }`,
        { ws: ws(), id: action.id },
      ],
      [
        `mutation ($ws: ID!, $id: ID!) { dismissAction(workspaceId: $ws, id: $id) { id } }`,
        { ws: ws(), id: action.id },
      ],
      [
        `mutation ($ws: ID!, $id: ID!) { previewAction(workspaceId: $ws, id: $id) }`,
        { ws: ws(), id: action.id },
      ],
      [
        `mutation ($ws: ID!, $id: ID!) { deleteMapping(workspaceId: $ws, id: $id) }`,
        { ws: ws(), id: mappingId },
      ],
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { writebackRun(id: $id) { id } } }`,
        { ws: ws(), id: runId },
      ],
      [`mutation ($ws: ID!) { startWritebackRun(workspaceId: $ws) { id } }`, { ws: ws() }],
    ];
    for (const [query, variables] of queries) {
      const answer = await gql(query, variables, other);
      expect(answer.errors?.[0]?.extensions.code, query).toBe('not_found');
    }
    // The other workspace's own path with this workspace's ids: not found either.
    const own = other.workspaceId;
    const crossed: [string, object][] = [
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { action(id: $id) { id } } }`,
        { ws: own, id: action.id },
      ],
      [
        `mutation ($ws: ID!, $id: ID!) { executeAction(workspaceId: $ws, id: $id) }`,
        { ws: own, id: action.id },
      ],
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { mapping(id: $id) { id } } }`,
        { ws: own, id: mappingId },
      ],
      [
        `mutation ($ws: ID!, $id: ID!) { testMapping(workspaceId: $ws, id: $id) }`,
        { ws: own, id: mappingId },
      ],
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { writebackRun(id: $id) { id } } }`,
        { ws: own, id: runId },
      ],
      [
        `mutation ($ws: ID!, $ids: [ID!]!) { batchExecuteActions(workspaceId: $ws, ids: $ids) { id } }`,
        { ws: own, ids: [action.id] },
      ],
    ];
    for (const [query, variables] of crossed) {
      const answer = await gql(query, variables, other);
      expect(['not_found', 'unknown_actions'], query).toContain(
        answer.errors?.[0]?.extensions.code,
      );
    }
    const still = await gql(
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { action(id: $id) { status } } }`,
      { ws: ws(), id: action.id },
    );
    expect(still.data.workspace.action.status).toBe('open');
  });
});
