import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { getAction, proposeAction } from '../actions/store.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { createConnection } from '../tenancy/connections.js';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { expireInboxItems } from './expiry.js';
import { createAgentApproval, createAgentConfig } from './fixtures.test-helper.js';

let db: TestDatabase;
let workspaceId: string;
let connectionId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Expiry' })).id;
  connectionId = (
    await createConnection(db.pool, TEST_SECRET_KEY, {
      workspaceId,
      crmType: 'hubspot',
      name: 'CRM',
      credentials: { accessToken: 'unused' },
    })
  ).id;
});

async function itemState(id: string) {
  const { rows } = await db.pool.query<{ status: string; expiresAt: string; resolution: unknown }>(
    `select status, expires_at as "expiresAt", resolution from inbox_items where id = $1::uuid`,
    [id],
  );
  return rows[0]!;
}

describe('inbox expiry', () => {
  it("expires an agent's item after its agent's hours, never as a rejection", async () => {
    const agentConfigId = await createAgentConfig(db.pool, workspaceId, connectionId, {
      inboxExpiryHours: 24,
    });
    const made = await createAgentApproval(db.pool, {
      workspaceId,
      connectionId,
      agentConfigId,
      recordId: 'deal-1',
      fields: { amount: 5_000 },
    });
    const { expiresAt } = await itemState(made.itemId);
    const due = new Date(expiresAt);
    expect(due.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

    expect(await expireInboxItems(db.pool, new Date(due.getTime() - 60_000))).toBe(0);
    expect((await itemState(made.itemId)).status).toBe('pending');

    expect(await expireInboxItems(db.pool, new Date(due.getTime() + 1))).toBe(1);
    expect(await itemState(made.itemId)).toMatchObject({
      status: 'expired',
      resolution: { reason: 'expired' },
    });
    const action = await getAction(db.pool, workspaceId, made.actionId);
    expect(action.status).toBe('dismissed');
    const { rows: audit } = await db.pool.query<{ details: { reason: string } }>(
      `select details from action_audit_log where action_id = $1::uuid and event = 'dismissed'`,
      [made.actionId],
    );
    expect(audit[0]!.details.reason).toBe('expired');
    // Not a rejection: no evidence against the agent, and its run is not `rejected`.
    const { rows: outcomes } = await db.pool.query(
      `select 1 from agent_field_outcomes where activity_log_id = $1::uuid`,
      [made.activityLogId],
    );
    expect(outcomes).toHaveLength(0);
    const { rows: runs } = await db.pool.query<{ status: string }>(
      `select status from activity_logs where id = $1::uuid`,
      [made.activityLogId],
    );
    expect(runs[0]!.status).toBe('pending');
    expect(await expireInboxItems(db.pool, new Date(due.getTime() + 1))).toBe(0);
  });

  it('expires every due item across workspaces, and leaves an action that is running', async () => {
    const other = (await createWorkspace(db.pool, { name: 'Other' })).id;
    await db.pool.query(
      `insert into inbox_items (workspace_id, item_type, source, title, expires_at)
       select case when i % 2 = 0 then $1::uuid else $2::uuid end, 'alert', 'anomaly',
              'Due ' || i, now() - interval '1 minute'
       from generate_series(1, 450) i`,
      [workspaceId, other],
    );
    const { action } = await proposeAction(db.pool, workspaceId, {
      actionType: 'update_field',
      severity: 'info',
      title: 'Running',
      connectionId,
      targetType: 'deal',
      targetSourceId: 'deal-2',
      executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 1 }] },
      sourceType: 'person',
    });
    await db.pool.query(`update actions set status = 'in_progress' where id = $1::uuid`, [
      action.id,
    ]);
    await db.pool.query(
      `insert into inbox_items (workspace_id, item_type, source, title, action_id, expires_at)
       values ($1::uuid, 'approval', 'policy', 'Held', $2::uuid, now() - interval '1 minute')`,
      [workspaceId, action.id],
    );
    expect(await expireInboxItems(db.pool)).toBe(451);
    expect((await getAction(db.pool, workspaceId, action.id)).status).toBe('in_progress');
  });
});
