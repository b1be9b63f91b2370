import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  connectSandbox,
  createTenant,
  createSandboxApp,
  type Tenant,
  type SandboxApp,
} from '../../test/app.js';
import { codeOf, graphql, type GqlAnswer } from '../../test/graphql.js';
import type { CrmConnector } from '../crm/port.js';

/**
 * Actions over GraphQL (POST /graphql through the app) against the CRM emulator:
 * the REST routes' behaviour and error codes, with real CRM reads and writes.
 */
let t: SandboxApp;
let admin: Tenant;
let member: { authorization: string };
let connector: CrmConnector;
let connectionId: string;
let deals: string[];

beforeAll(async () => {
  t = await createSandboxApp(8);
  admin = await createTenant(t, 'admin');
  member = await apiKeyAuth(t, admin, 'member');
  ({ connectionId, connector } = await connectSandbox(t, admin));
  const page = await connector.listChanged('deal', { properties: [], limit: 10 });
  deals = page.records.map((r) => r.id);
});

const gql = (query: string, variables: object = {}, auth: object = admin.auth) =>
  graphql(t, auth, query, variables);

const ws = () => admin.workspaceId;

/** CRM writes the emulator received from now on: batch updates and creates, notes. */
function writes() {
  const after = t.emulator.ctx.log.lastSeq;
  return () =>
    t.emulator.ctx.log
      .listFor({ afterSeq: after })
      .filter((r) => r.method === 'POST' && /\/batch\/(update|create)$/.test(r.path));
}

async function amountInCrm(dealId: string) {
  const [record] = await connector.readRecords('deal', [dealId], ['amount']);
  if (!record?.ok) throw new Error(`no deal ${dealId}`);
  return record.value.properties.amount ?? null;
}

const ACTION_FIELDS = `id status actionType severity title impactAmount targetSourceId
  sourceType sourceName ownerEmail approvedBy executionPayload executionResult`;
const CREATE = `mutation ($ws: ID!, $input: NewActionInput!) {
  createAction(workspaceId: $ws, input: $input) { ${ACTION_FIELDS} }
}`;
let dealIndex = 0;

async function createAction(input: object = {}, auth: object = admin.auth) {
  const answer = await gql(
    CREATE,
    {
      ws: ws(),
      input: {
        actionType: 'update_field',
        severity: 'warning',
        title: 'Set the amount',
        connectionId,
        targetType: 'deal',
        targetSourceId: deals[dealIndex++ % deals.length],
        executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 123_456 }] },
        ...input,
      },
    },
    auth,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.createAction;
}

const ACTION = `query ($ws: ID!, $id: ID!) {
  workspace(id: $ws) { action(id: $id) { ${ACTION_FIELDS} executedAt undoneAt audit { event fromStatus toStatus actor details } } }
}`;
const EXECUTE = `mutation ($ws: ID!, $id: ID!, $key: String) {
  executeAction(workspaceId: $ws, id: $id, idempotencyKey: $key) {
    actionId outcome status replayed retryable errors { code message }
    operations { kind crmField before after status }
  }
}`;
const UNDO = `mutation ($ws: ID!, $id: ID!, $force: Boolean) {
  undoAction(workspaceId: $ws, id: $id, force: $force) {
    status replayed fields { field before written current status }
  }
}`;

describe('actions over GraphQL', () => {
  it('proposes an action as the caller, with its audit trail', async () => {
    const action = await createAction({
      severity: 'critical',
      title: 'Raise the amount',
      impactAmount: 5_000,
      targetSourceId: deals[0],
      ownerEmail: 'rita@seller.test',
      executionPayload: {
        crm_updates: [{ field: 'amount', proposed_value: 5_000, current_value: null }],
        note: 'Seen on the call',
      },
    });
    expect(action).toMatchObject({
      status: 'open',
      severity: 'critical',
      impactAmount: 5_000,
      targetSourceId: deals[0],
      sourceType: 'api',
      sourceName: 'api key test key',
      executionPayload: {
        crm_updates: [{ field: 'amount', proposed_value: 5_000, current_value: null }],
        note: 'Seen on the call',
      },
      executionResult: null,
    });
    const read = await gql(ACTION, { ws: ws(), id: action.id });
    expect(read.data.workspace.action.audit).toEqual([
      {
        event: 'created',
        fromStatus: null,
        toStatus: 'open',
        actor: 'api key test key',
        details: { source: 'api', sourceId: expect.any(String) },
      },
    ]);
  });

  it('lists with the REST filters, newest or largest first, one page at a time', async () => {
    const [small, large, middle] = [
      await createAction({ actionType: 'list_probe', impactAmount: 100, severity: 'info' }),
      await createAction({ actionType: 'list_probe', impactAmount: 300, severity: 'critical' }),
      await createAction({ actionType: 'list_probe', impactAmount: 200, severity: 'info' }),
    ];
    const LIST = `query ($ws: ID!, $filter: ActionFilter, $order: ActionOrder, $first: Int, $after: String) {
      workspace(id: $ws) { actions(filter: $filter, order: $order, first: $first, after: $after) {
        actions { id } nextCursor } }
    }`;
    const ids = (answer: GqlAnswer) =>
      answer.data.workspace.actions.actions.map((a: { id: string }) => a.id);
    const filter = { actionType: 'list_probe' };
    const first = await gql(LIST, { ws: ws(), filter, order: 'impact', first: 2 });
    expect(ids(first)).toEqual([large.id, middle.id]);
    const second = await gql(LIST, {
      ws: ws(),
      filter,
      order: 'impact',
      first: 2,
      after: first.data.workspace.actions.nextCursor,
    });
    expect(ids(second)).toEqual([small.id]);
    expect(second.data.workspace.actions.nextCursor).toBeNull();
    expect(ids(await gql(LIST, { ws: ws(), filter }))).toEqual([middle.id, large.id, small.id]);
    const critical = await gql(LIST, { ws: ws(), filter: { ...filter, severity: ['critical'] } });
    expect(ids(critical)).toEqual([large.id]);

    const badCursor = await gql(LIST, { ws: ws(), after: 'not-a-cursor' });
    expect([badCursor.status, codeOf(badCursor)]).toEqual([400, 'invalid_cursor']);
    const tooMany = await gql(LIST, { ws: ws(), first: 201 });
    expect(codeOf(tooMany)).toBe('validation_failed');
    expect(tooMany.errors?.[0]?.extensions.details).toEqual([
      { field: 'first', message: 'must be <= 200' },
    ]);
  });

  it('previews the diff with values read from the CRM, writing nothing', async () => {
    const action = await createAction({
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 123_456 }] },
    });
    const before = await amountInCrm(action.targetSourceId);
    const since = writes();
    const preview = await gql(
      `mutation ($ws: ID!, $id: ID!) { previewAction(workspaceId: $ws, id: $id) {
         actionId executable errors { code } note recordId
         changes { field crmField before after changes }
         operations { kind crmField after }
       } }`,
      { ws: ws(), id: action.id },
    );
    expect(preview.data.previewAction).toMatchObject({
      actionId: action.id,
      executable: true,
      errors: [],
      recordId: action.targetSourceId,
      changes: [{ field: 'amount', crmField: 'amount', before, after: 123_456, changes: true }],
      operations: [
        { kind: 'field_update', crmField: 'amount', after: 123_456 },
        { kind: 'note', crmField: null, after: null },
      ],
    });
    expect(preview.data.previewAction.note).toContain('amount');
    expect(since()).toEqual([]);
    expect(await amountInCrm(action.targetSourceId)).toEqual(before);
    const after = await gql(ACTION, { ws: ws(), id: action.id });
    expect(after.data.workspace.action.status).toBe('open');
    expect(after.data.workspace.action.audit.map((e: { event: string }) => e.event)).toEqual([
      'created',
    ]);
  });

  it('executes once per idempotency key, then undoes, forced past a change made since', async () => {
    const action = await createAction({
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 424_242 }] },
    });
    const before = await amountInCrm(action.targetSourceId);
    const key = randomUUID();
    const since = writes();
    const executed = await gql(EXECUTE, { ws: ws(), id: action.id, key });
    expect(executed.data.executeAction).toMatchObject({
      actionId: action.id,
      outcome: 'executed',
      status: 'executed',
      replayed: false,
      retryable: false,
      errors: [],
    });
    expect(executed.data.executeAction.operations[0]).toMatchObject({
      kind: 'field_update',
      crmField: 'amount',
      after: 424_242,
      status: 'written',
    });
    expect(Number(await amountInCrm(action.targetSourceId))).toBe(424_242);
    const written = since().length;
    expect(written).toBeGreaterThan(0);

    const replay = await gql(EXECUTE, { ws: ws(), id: action.id, key });
    expect(replay.data.executeAction).toMatchObject({ outcome: 'executed', replayed: true });
    expect(since()).toHaveLength(written);
    const again = await gql(EXECUTE, { ws: ws(), id: action.id });
    expect([again.status, codeOf(again)]).toEqual([409, 'invalid_status']);
    const read = await gql(ACTION, { ws: ws(), id: action.id });
    expect(read.data.workspace.action).toMatchObject({
      status: 'executed',
      executedAt: expect.any(String),
    });
    expect(read.data.workspace.action.executionResult).not.toBeNull();

    // Someone changes the amount in the CRM: undo leaves it, unless forced.
    await connector.updateRecords('deal', [
      { id: action.targetSourceId, properties: { amount: 99 } },
    ]);
    const refused = await gql(UNDO, { ws: ws(), id: action.id });
    expect(refused.data.undoAction).toMatchObject({
      status: 'executed',
      // HubSpot answers every property as text.
      fields: [{ field: 'amount', status: 'conflict', current: '99' }],
    });
    expect(Number(await amountInCrm(action.targetSourceId))).toBe(99);
    // Overwriting someone's later change is an admin's call.
    const byMember = await gql(UNDO, { ws: ws(), id: action.id, force: true }, member);
    expect([byMember.status, codeOf(byMember)]).toEqual([403, 'forbidden']);
    expect(Number(await amountInCrm(action.targetSourceId))).toBe(99);
    const forced = await gql(UNDO, { ws: ws(), id: action.id, force: true });
    expect(forced.data.undoAction).toMatchObject({
      status: 'undone',
      replayed: false,
      fields: [{ field: 'amount', status: 'restored' }],
    });
    expect(await amountInCrm(action.targetSourceId)).toEqual(before);
    const undone = await gql(ACTION, { ws: ws(), id: action.id });
    expect(undone.data.workspace.action.status).toBe('undone');
    expect(undone.data.workspace.action.undoneAt).toEqual(expect.any(String));
  });

  it('dismisses an open action once, keeping the reason in the audit trail', async () => {
    const action = await createAction();
    const DISMISS = `mutation ($ws: ID!, $id: ID!) {
      dismissAction(workspaceId: $ws, id: $id, reason: "Duplicate") { status }
    }`;
    const dismissed = await gql(DISMISS, { ws: ws(), id: action.id });
    expect(dismissed.data.dismissAction.status).toBe('dismissed');
    const read = await gql(ACTION, { ws: ws(), id: action.id });
    expect(read.data.workspace.action.audit.at(-1)).toMatchObject({
      event: 'dismissed',
      fromStatus: 'open',
      toStatus: 'dismissed',
      details: { reason: 'Duplicate' },
    });
    const again = await gql(DISMISS, { ws: ws(), id: action.id });
    expect([again.status, codeOf(again)]).toEqual([409, 'invalid_status']);
    const executed = await gql(EXECUTE, { ws: ws(), id: action.id });
    expect(codeOf(executed)).toBe('invalid_status');
  });

  it('holds an action a policy names; an admin approves it, a member who is not its owner cannot', async () => {
    const policy = await gql(
      `mutation ($ws: ID!, $input: PolicyInput!) { createActionPolicy(workspaceId: $ws, input: $input) { id } }`,
      {
        ws: ws(),
        input: { name: 'Gate', effect: 'require_approval', match: { actionTypes: ['gated'] } },
      },
    );
    const held = await createAction({ actionType: 'gated' });
    expect(held.status).toBe('awaiting_approval');
    const refused = await gql(EXECUTE, { ws: ws(), id: held.id });
    expect([refused.status, codeOf(refused)]).toEqual([409, 'approval_required']);
    const APPROVE = `mutation ($ws: ID!, $id: ID!) { approveAction(workspaceId: $ws, id: $id) { status approvedBy } }`;
    const byMember = await gql(APPROVE, { ws: ws(), id: held.id }, member);
    expect([byMember.status, codeOf(byMember)]).toEqual([403, 'forbidden']);
    const approved = await gql(APPROVE, { ws: ws(), id: held.id });
    expect(approved.data.approveAction).toEqual({ status: 'open', approvedBy: 'api key test key' });
    const executed = await gql(EXECUTE, { ws: ws(), id: held.id }, member);
    expect(executed.data.executeAction.outcome).toBe('executed');
    await gql(`mutation ($ws: ID!, $id: ID!) { deleteActionPolicy(workspaceId: $ws, id: $id) }`, {
      ws: ws(),
      id: policy.data.createActionPolicy.id,
    });
  });

  it('refuses bad input with the REST codes, naming the field', async () => {
    const base = {
      actionType: 'update_field',
      severity: 'info',
      title: 'x',
      connectionId,
      targetType: 'deal',
      targetSourceId: '1',
    };
    const cases: [object, string, string][] = [
      [{ ...base, connectionId: randomUUID() }, 'unknown_connection', 'connectionId'],
      [{ ...base, connectionId: 'nope' }, 'validation_failed', 'input.connectionId'],
      [{ ...base, actionType: 'Update Field' }, 'validation_failed', 'input.actionType'],
      [{ ...base, title: '' }, 'validation_failed', 'input.title'],
      [{ ...base, severity: 'urgent' }, 'validation_failed', 'input'],
      [
        { ...base, executionPayload: { crm_updates: [{ field: 'a', proposed_value: { x: 1 } }] } },
        'validation_failed',
        'input',
      ],
    ];
    for (const [input, code, field] of cases) {
      const answer = await gql(CREATE, { ws: ws(), input });
      expect([answer.status, codeOf(answer)], JSON.stringify(input)).toEqual([400, code]);
      expect(JSON.stringify(answer.errors?.[0]?.extensions.details)).toContain(`"${field}`);
    }
    const badId = await gql(ACTION, { ws: ws(), id: 'nope' });
    expect(badId.errors?.[0]).toMatchObject({
      message: 'id must be a UUID, got "nope"',
      extensions: { code: 'validation_failed', details: [{ field: 'id' }] },
    });
    const badWorkspace = await gql(ACTION, { ws: 'nope', id: randomUUID() });
    expect(badWorkspace.errors?.[0]?.extensions).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'workspaceId' }],
    });
    const missing = await gql(ACTION, { ws: ws(), id: randomUUID() });
    expect([missing.status, codeOf(missing)]).toEqual([404, 'not_found']);

    const readOnly = await createAction({
      executionPayload: { crm_updates: [{ field: 'hs_object_id', proposed_value: '1' }] },
    });
    const since = writes();
    const refused = await gql(EXECUTE, { ws: ws(), id: readOnly.id });
    expect([refused.status, codeOf(refused)]).toEqual([422, 'invalid_operations']);
    expect(since()).toEqual([]);
    const emptyKey = await gql(EXECUTE, { ws: ws(), id: readOnly.id, key: '' });
    expect(emptyKey.errors?.[0]?.extensions.details).toEqual([
      { field: 'idempotencyKey', message: 'must NOT have fewer than 1 characters' },
    ]);
    const nothingWritten = await gql(UNDO, { ws: ws(), id: readOnly.id });
    expect(codeOf(nothingWritten)).toBe('nothing_to_undo');
  });
});
