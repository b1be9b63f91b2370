import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import type { Caller } from '../actions/service.js';
import { getAction } from '../actions/store.js';
import { HttpError } from '../errors.js';
import { EventListener, type WorkspaceEvent } from '../events/bus.js';
import { approveInboxItemAs, batchApproveInboxItemsAs, rejectInboxItemAs } from './decisions.js';
import { createAgentApproval, createAgentConfig, createCaller } from './fixtures.test-helper.js';
import { getInboxItem } from './items.js';

let world: CrmWorld;
let admin: Caller;
let rep: Caller;
let otherRep: Caller;
let agentConfigId: string;
let dealIds: string[];
let nextDeal = 0;

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 30 });
  const pool = world.db.pool;
  admin = await createCaller(pool, world.workspaceId, 'admin');
  rep = await createCaller(pool, world.workspaceId, 'member');
  otherRep = await createCaller(pool, world.workspaceId, 'member');
  agentConfigId = await createAgentConfig(pool, world.workspaceId, world.connectionIds.hubspot);
  dealIds = await world.recordIds('hubspot', 40);
});
beforeEach(() => world.emulator.ctx.faults.clear());

const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

/** An approval for the rep on a deal no other test touches. */
function approval(fields: Record<string, string | number>) {
  const recordId = dealIds[nextDeal++]!;
  return createAgentApproval(world.db.pool, {
    workspaceId: world.workspaceId,
    connectionId: world.connectionIds.hubspot,
    agentConfigId,
    recordId,
    fields,
    ownerEmail: rep.actor,
  }).then((made) => ({ ...made, recordId }));
}

async function readDeal(id: string, fields: string[]) {
  const { connector } = await world.open('hubspot');
  const [record] = await connector.readRecords('deal', [id], fields);
  if (!record?.ok) throw new Error(`no deal ${id}`);
  return record.value.properties;
}

const fieldWrites = (calls: { method: string; path: string; status: number }[]) =>
  calls.filter((c) => c.method === 'POST' && c.path.endsWith('/deals/batch/update'));

const noteCreates = (calls: { method: string; path: string; status: number }[]) =>
  calls.filter((c) => c.method === 'POST' && c.path.endsWith('/notes/batch/create'));

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

async function outcomes(activityLogId: string) {
  const { rows } = await world.db.pool.query<{ field: string; outcome: string; actual: unknown }>(
    `select field, outcome, actual from agent_field_outcomes where activity_log_id = $1::uuid
     order by field`,
    [activityLogId],
  );
  return rows;
}

async function activityStatus(id: string) {
  const { rows } = await world.db.pool.query<{
    status: string;
    errorMessage: string | null;
    fields: Record<string, { status: string; after: unknown }>;
  }>(
    `select status, error_message as "errorMessage", fields_updated as fields
     from activity_logs where id = $1::uuid`,
    [id],
  );
  return rows[0]!;
}

describe('approving an agent approval', () => {
  it('writes the edited value and the rest as proposed, once; the run succeeds', async () => {
    const made = await approval({ amount: 120_000, close_date: '2027-02-26' });
    expect((await getInboxItem(world.db.pool, rep, made.itemId)).assigneeUserId).toBe(rep.sourceId);
    const calls = world.mark();
    const { item, execution } = await approveInboxItemAs(deps(), rep, made.itemId, {
      edits: { amount: 135_000 },
    });
    expect(execution?.outcome).toBe('executed');
    expect(item).toMatchObject({
      status: 'approved',
      resolvedBy: rep.actor,
      resolution: { edits: { amount: 135_000 } },
      error: null,
    });
    const deal = await readDeal(made.recordId, ['amount', 'closedate']);
    expect(Number(deal.amount)).toBe(135_000);
    expect(String(deal.closedate).slice(0, 10)).toBe('2027-02-26');
    expect(fieldWrites(calls())).toHaveLength(1);
    expect(await activityStatus(made.activityLogId)).toMatchObject({
      status: 'success',
      fields: {
        amount: { status: 'approved', after: 135_000 },
        close_date: { status: 'approved', after: '2027-02-26' },
      },
    });
    // The edit says the agent's amount was wrong; its date was right.
    expect(await outcomes(made.activityLogId)).toEqual([
      { field: 'amount', outcome: 'incorrect', actual: 135_000 },
      { field: 'close_date', outcome: 'correct', actual: '2027-02-26' },
    ]);

    const again = await rejection(approveInboxItemAs(deps(), rep, made.itemId));
    expect([again.status, again.code]).toEqual([409, 'already_decided']);
    const rejectAfter = await rejection(rejectInboxItemAs(world.db.pool, admin, made.itemId, 'no'));
    expect([rejectAfter.status, rejectAfter.code]).toEqual([409, 'already_decided']);
    expect(fieldWrites(calls())).toHaveLength(1);
  });

  it('refuses an edit that is not a value of its field, writing nothing', async () => {
    const made = await approval({ amount: 50_000, close_date: '2027-03-31' });
    const calls = world.mark();
    for (const edits of [
      { close_date: '2027-02-30' },
      { amount: 'lots' },
      { amount: -5 },
      { stage: 'closed_won' },
    ]) {
      const error = await rejection(approveInboxItemAs(deps(), rep, made.itemId, { edits }));
      expect([error.status, error.code]).toEqual([400, 'invalid_edit']);
      expect(JSON.stringify(error.details)).toContain(`edits.${Object.keys(edits)[0]}`);
    }
    expect(calls()).toHaveLength(0);
    const action = await getAction(world.db.pool, world.workspaceId, made.actionId);
    expect(action.executionPayload.crm_updates?.map((u) => u.proposed_value)).toEqual([
      50_000,
      '2027-03-31',
    ]);
    expect((await getInboxItem(world.db.pool, rep, made.itemId)).status).toBe('pending');
  });

  it('leaves a field out with a null edit', async () => {
    const made = await approval({ amount: 61_000, close_date: '2027-04-30' });
    const before = await readDeal(made.recordId, ['closedate']);
    await approveInboxItemAs(deps(), rep, made.itemId, { edits: { close_date: null } });
    const after = await readDeal(made.recordId, ['amount', 'closedate']);
    expect(Number(after.amount)).toBe(61_000);
    expect(after.closedate).toEqual(before.closedate);
  });

  it('lets only the assignee or an admin decide', async () => {
    const made = await approval({ amount: 70_000 });
    for (const call of [
      approveInboxItemAs(deps(), otherRep, made.itemId),
      rejectInboxItemAs(world.db.pool, otherRep, made.itemId, 'not mine'),
      getInboxItem(world.db.pool, otherRep, made.itemId),
    ]) {
      const error = await rejection(call);
      expect([error.status, error.code]).toEqual([403, 'not_assignee']);
    }
    const { item } = await approveInboxItemAs(deps(), admin, made.itemId);
    expect(item.status).toBe('approved');
  });

  it('answers another workspace’s item as not found', async () => {
    const made = await approval({ amount: 71_000 });
    const stranger: Caller = { ...admin, workspaceId: '00000000-0000-4000-8000-00000000abcd' };
    const error = await rejection(approveInboxItemAs(deps(), stranger, made.itemId));
    expect([error.status, error.code]).toEqual([404, 'not_found']);
  });
});

describe('a CRM failure during an approved write', () => {
  it('leaves the item pending with the error, and a retry writes it once', async () => {
    const made = await approval({ amount: 222_000 });
    world.emulator.ctx.faults.add({
      kind: 'server_error',
      api: 'hubspot',
      method: 'POST',
      path: '/deals/batch/update',
    });
    const failed = await approveInboxItemAs(deps(), rep, made.itemId);
    expect(failed.execution).toMatchObject({ outcome: 'partial', retryable: true });
    expect(failed.item.status).toBe('pending');
    expect(failed.item.error).toMatchObject({ retryable: true });
    expect(failed.item.error!.message.length).toBeGreaterThan(0);
    expect(Number((await readDeal(made.recordId, ['amount'])).amount)).not.toBe(222_000);
    expect(await activityStatus(made.activityLogId)).toMatchObject({ status: 'pending' });

    world.emulator.ctx.faults.clear();
    const calls = world.mark();
    const retried = await approveInboxItemAs(deps(), rep, made.itemId);
    expect(retried.execution?.outcome).toBe('executed');
    expect(retried.item).toMatchObject({ status: 'approved', error: null });
    expect(Number((await readDeal(made.recordId, ['amount'])).amount)).toBe(222_000);
    expect(fieldWrites(calls()).filter((c) => c.status === 200)).toHaveLength(1);
    const third = await rejection(approveInboxItemAs(deps(), rep, made.itemId));
    expect(third.code).toBe('already_decided');
  });

  it('never writes twice when the CRM applied the write but its answers were lost', async () => {
    const made = await approval({ amount: 333_000 });
    world.emulator.ctx.faults.add({
      kind: 'drop_after_apply',
      api: 'hubspot',
      method: 'POST',
      path: '/deals/batch/update',
    });
    const calls = world.mark();
    // The CRM took the value but Pandora never heard so; the engine finds it written.
    const first = await approveInboxItemAs(deps(), rep, made.itemId);
    expect(first.item.status).toBe('approved');
    expect(Number((await readDeal(made.recordId, ['amount'])).amount)).toBe(333_000);
    world.emulator.ctx.faults.clear();
    const retry = world.mark();
    const again = await rejection(approveInboxItemAs(deps(), rep, made.itemId));
    expect(again.code).toBe('already_decided');
    expect(retry()).toHaveLength(0);
    // One audit note for one approval, however many tries the write took.
    expect(noteCreates(calls())).toHaveLength(1);
    const { rows } = await world.db.pool.query<{ count: number }>(
      `select count(*)::int as count from action_executions
       where action_id = $1::uuid and status = 'succeeded'`,
      [made.actionId],
    );
    expect(rows[0]!.count).toBe(1);
  });
});

describe('rejecting', () => {
  it('dismisses the action with the reason, writes nothing and counts every field wrong', async () => {
    const made = await approval({ amount: 90_000, close_date: '2027-05-31' });
    const calls = world.mark();
    const item = await rejectInboxItemAs(world.db.pool, rep, made.itemId, 'Wrong deal');
    expect(item).toMatchObject({ status: 'rejected', resolution: { reason: 'Wrong deal' } });
    expect(calls()).toHaveLength(0);
    const action = await getAction(world.db.pool, world.workspaceId, made.actionId);
    expect(action.status).toBe('dismissed');
    const { rows } = await world.db.pool.query<{ details: { reason: string } }>(
      `select details from action_audit_log where action_id = $1::uuid and event = 'dismissed'`,
      [made.actionId],
    );
    expect(rows[0]!.details.reason).toBe('Wrong deal');
    expect(await activityStatus(made.activityLogId)).toMatchObject({ status: 'rejected' });
    expect((await outcomes(made.activityLogId)).map((o) => o.outcome)).toEqual([
      'incorrect',
      'incorrect',
    ]);
    const again = await rejection(approveInboxItemAs(deps(), rep, made.itemId));
    expect([again.status, again.code]).toEqual([409, 'already_decided']);
  });
});

describe('events', () => {
  it('publishes the item resolved and the run updated, for any process to hear', async () => {
    const listener = new EventListener(world.db.url);
    await listener.start();
    const heard: WorkspaceEvent[] = [];
    // The item's notification publishes notification.created too; this is about the inbox.
    const unsubscribe = listener.subscribe(world.workspaceId, (event) => {
      if (!event.type.startsWith('notification.')) heard.push(event);
    });
    try {
      const made = await approval({ amount: 11_000 });
      await rejectInboxItemAs(world.db.pool, rep, made.itemId, 'no');
      const deadline = Date.now() + 5_000;
      while (heard.length < 3 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(heard.map((e) => [e.type, e.payload])).toEqual([
        ['inbox_item.created', { inboxItemId: made.itemId, assigneeUserId: rep.sourceId }],
        ['activity_log.updated', { activityLogId: made.activityLogId, status: 'rejected' }],
        ['inbox_item.resolved', { inboxItemId: made.itemId, status: 'rejected' }],
      ]);
    } finally {
      unsubscribe();
      await listener.close();
    }
  });
});

describe('batch approve', () => {
  it('decides each item on its own and answers per item', async () => {
    const good = await approval({ amount: 10_100 });
    const decided = await approval({ amount: 10_200 });
    await rejectInboxItemAs(world.db.pool, rep, decided.itemId, 'no');
    const failing = await approval({ amount: 10_300 });
    world.emulator.ctx.faults.add({
      kind: 'partial_batch',
      api: 'hubspot',
      method: 'POST',
      path: '/deals/batch/update',
      ids: [failing.recordId],
    });
    const results = await batchApproveInboxItemsAs(deps(), rep, [
      good.itemId,
      decided.itemId,
      failing.itemId,
    ]);
    expect(results.map((r) => [r.id, r.item?.status ?? null, r.error?.code ?? null])).toEqual([
      [good.itemId, 'approved', null],
      [decided.itemId, null, 'already_decided'],
      [failing.itemId, 'pending', 'write_failed'],
    ]);
    expect(Number((await readDeal(good.recordId, ['amount'])).amount)).toBe(10_100);
  });
});
