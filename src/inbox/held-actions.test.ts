import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import { createPolicy } from '../actions/policies.js';
import {
  approveActionAs,
  createActionAs,
  dismissActionAs,
  executeActionAs,
  type Caller,
} from '../actions/service.js';
import { getAction, proposeAction } from '../actions/store.js';
import { HttpError } from '../errors.js';
import { approveInboxItemAs } from './decisions.js';
import { createAgentApproval, createAgentConfig, createCaller } from './fixtures.test-helper.js';
import { getInboxItem } from './items.js';

let world: CrmWorld;
let admin: Caller;
let rep: Caller;
let dealIds: string[];
let nextDeal = 0;

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 20 });
  admin = await createCaller(world.db.pool, world.workspaceId, 'admin');
  rep = await createCaller(world.db.pool, world.workspaceId, 'member');
  dealIds = await world.recordIds('hubspot', 20);
  // People's and API clients' writes wait for approval; the agent's are the inbox's own.
  await createPolicy(world.db.pool, world.workspaceId, {
    name: 'Ask first',
    effect: 'require_approval',
    match: { sourceTypes: ['person', 'api'] },
  });
});

const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

function createHeld(ownerEmail: string | null, amount: number) {
  return createActionAs(world.db.pool, admin, {
    actionType: 'update_field',
    severity: 'warning',
    title: `Set the amount to ${amount}`,
    connectionId: world.connectionIds.hubspot,
    targetType: 'deal',
    targetSourceId: dealIds[nextDeal++]!,
    ownerEmail,
    executionPayload: { crm_updates: [{ field: 'amount', proposed_value: amount }] },
  });
}

async function itemOf(actionId: string) {
  const { rows } = await world.db.pool.query<{ id: string }>(
    `select id from inbox_items where action_id = $1::uuid order by created_at desc limit 1`,
    [actionId],
  );
  return rows[0] ? getInboxItem(world.db.pool, admin, rows[0].id) : null;
}

describe('actions a require_approval policy holds', () => {
  it('wait in the inbox of their owner, with the change before and after', async () => {
    const action = await createHeld(rep.actor.toUpperCase(), 41_000);
    expect(action.status).toBe('awaiting_approval');
    const item = await itemOf(action.id);
    expect(item).toMatchObject({
      itemType: 'approval',
      source: 'policy',
      status: 'pending',
      assigneeUserId: rep.sourceId,
      actionId: action.id,
      expiresAt: null,
      context: {
        record: { type: 'deal', crmId: action.targetSourceId },
        fields: [{ field: 'amount', before: null, after: 41_000 }],
      },
    });
    expect(item!.description).toContain('Ask first');
  });

  it('go to the admins when the owner is nobody of the workspace', async () => {
    const action = await createHeld('someone@elsewhere.example', 42_000);
    expect((await itemOf(action.id))!.assigneeUserId).toBeNull();
  });

  it('are settled when approved or dismissed on the actions page', async () => {
    const approved = await createHeld(rep.actor, 43_000);
    await approveActionAs(world.db.pool, admin, approved.id);
    expect(await itemOf(approved.id)).toMatchObject({
      status: 'approved',
      resolvedBy: admin.actor,
    });

    const dismissed = await createHeld(rep.actor, 44_000);
    await dismissActionAs(world.db.pool, rep, dismissed.id, 'Not now');
    expect(await itemOf(dismissed.id)).toMatchObject({
      status: 'rejected',
      resolution: { reason: 'Not now' },
    });
  });

  it('are approved and written from the inbox', async () => {
    const action = await createHeld(rep.actor, 45_000);
    const item = await itemOf(action.id);
    const { item: decided, execution } = await approveInboxItemAs(deps(), rep, item!.id);
    expect(execution?.outcome).toBe('executed');
    expect(decided.status).toBe('approved');
    const after = await getAction(world.db.pool, world.workspaceId, action.id);
    expect(after).toMatchObject({ status: 'executed', approvedBy: rep.actor });
  });

  it('get an item when the policy holds them at execution', async () => {
    const { action } = await proposeAction(world.db.pool, world.workspaceId, {
      actionType: 'update_field',
      severity: 'info',
      title: 'Proposed before the policy looked',
      connectionId: world.connectionIds.hubspot,
      targetType: 'deal',
      targetSourceId: dealIds[nextDeal++]!,
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 46_000 }] },
      sourceType: 'person',
      sourceName: admin.actor,
    });
    const error = await executeActionAs(deps(), admin, action.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe('approval_required');
    expect(await itemOf(action.id)).toMatchObject({ status: 'pending', source: 'policy' });
    // Executing again while it waits adds no second item.
    await executeActionAs(deps(), admin, action.id).catch(() => undefined);
    const { rows } = await world.db.pool.query(
      `select 1 from inbox_items where action_id = $1::uuid`,
      [action.id],
    );
    expect(rows).toHaveLength(1);
  });
});

describe("an agent's item", () => {
  it('is approved when its action is executed from the actions page', async () => {
    const agentConfigId = await createAgentConfig(
      world.db.pool,
      world.workspaceId,
      world.connectionIds.hubspot,
    );
    const made = await createAgentApproval(world.db.pool, {
      workspaceId: world.workspaceId,
      connectionId: world.connectionIds.hubspot,
      agentConfigId,
      recordId: dealIds[nextDeal++]!,
      fields: { amount: 47_000 },
      ownerEmail: rep.actor,
    });
    const execution = await executeActionAs(deps(), admin, made.actionId);
    expect(execution.outcome).toBe('executed');
    expect(await getInboxItem(world.db.pool, rep, made.itemId)).toMatchObject({
      status: 'approved',
      resolvedBy: admin.actor,
    });
    const { rows } = await world.db.pool.query<{ status: string }>(
      `select status from activity_logs where id = $1::uuid`,
      [made.activityLogId],
    );
    expect(rows[0]!.status).toBe('success');
  });
});

describe("an agent's automatic write a policy holds", () => {
  it('waits in the inbox with its run, and approving it settles the run', async () => {
    await createPolicy(world.db.pool, world.workspaceId, {
      name: 'Hold this agent',
      effect: 'require_approval',
      match: { sourceNames: ['Careful agent'] },
    });
    const agentConfigId = await createAgentConfig(
      world.db.pool,
      world.workspaceId,
      world.connectionIds.hubspot,
    );
    const { action } = await proposeAction(world.db.pool, world.workspaceId, {
      actionType: 'update_field',
      severity: 'info',
      title: 'Careful agent: amount',
      connectionId: world.connectionIds.hubspot,
      targetType: 'deal',
      targetSourceId: dealIds[nextDeal++]!,
      ownerEmail: rep.actor,
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 48_000 }] },
      sourceType: 'agent',
      sourceId: agentConfigId,
      sourceName: 'Careful agent',
    });
    const { rows } = await world.db.pool.query<{ id: string }>(
      `insert into activity_logs (workspace_id, agent_config_id, action_type, status, action_id)
       values ($1::uuid, $2::uuid, 'update', 'pending', $3::uuid) returning id`,
      [world.workspaceId, agentConfigId, action.id],
    );
    await executeActionAs(deps(), admin, action.id).catch(() => undefined);
    const item = await itemOf(action.id);
    expect(item).toMatchObject({ source: 'policy', activityLogId: rows[0]!.id, status: 'pending' });

    await approveInboxItemAs(deps(), rep, item!.id);
    const { rows: runs } = await world.db.pool.query<{ status: string }>(
      `select status from activity_logs where id = $1::uuid`,
      [rows[0]!.id],
    );
    expect(runs[0]!.status).toBe('success');
  });
});
