import { createPolicy } from '../src/actions/policies.js';
import { proposeAction } from '../src/actions/store.js';
import { createQuotaPeriod, setRepQuota } from '../src/skills/quotas.js';
import { createApiKey } from '../src/tenancy/api-keys.js';
import { createUser } from '../src/tenancy/users.js';
import {
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
  type TestApp,
} from './app.js';
import type { IdPool } from './bad-values.js';

/**
 * One object of every kind a route or GraphQL field takes by id, in the tenant's
 * workspace, on the given connection: ids by kind (`connection`, `action`, `mapping`...),
 * named as the path parameters and id fields name them (`actionId` is an `action`).
 * The API key the tenant authenticates with is not among them, so a generated DELETE
 * cannot revoke it mid-run; a spare key and a spare member are.
 */
export async function seedObjects(
  t: TestApp,
  tenant: Tenant,
  connectionId: string,
): Promise<Record<string, string>> {
  const pool = t.db.pool;
  const workspaceId = tenant.workspaceId;
  const one = async (sql: string, params: unknown[]) =>
    (await pool.query<{ id: string }>(sql, params)).rows[0]!.id;

  const owner = await one(
    `insert into owners (workspace_id, source, source_id, email, name)
     values ($1::uuid, 'test', 'owner-1', 'rep@example.com', 'Rep') returning id`,
    [workspaceId],
  );
  const deal = await one(
    `insert into deals (workspace_id, source, source_id, name, owner_id, amount, close_date)
     values ($1::uuid, 'test', 'deal-1', 'Deal', $2::uuid, 1000, '2026-06-30') returning id`,
    [workspaceId, owner],
  );
  const conversation = await one(
    `insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, participants, account_id)
     values ($1::uuid, 'gong', 'call-1', 'Seeded call', now(), 1800,
             '[{"email": "buyer@example.com", "name": "Buyer"}]',
             (select account_id from deals where id = $2::uuid))
     returning id`,
    [workspaceId, deal],
  );
  const run = await one(
    `insert into sync_runs (workspace_id, connection_id, mode, trigger)
     values ($1::uuid, $2::uuid, 'full', 'manual') returning id`,
    [workspaceId, connectionId],
  );
  const { action } = await proposeAction(pool, workspaceId, {
    actionType: 'update_field',
    severity: 'warning',
    title: 'Seeded action',
    connectionId,
    targetType: 'deal',
    targetSourceId: 'deal-1',
    executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 1 }] },
    sourceType: 'person',
  });
  const batch = await one(
    `insert into action_batches (workspace_id, actor, action_ids, total)
     values ($1::uuid, 'seed', array[$2::uuid], 1) returning id`,
    [workspaceId, action.id],
  );
  const policy = await createPolicy(pool, workspaceId, {
    name: 'Seeded',
    effect: 'require_approval',
  });
  const period = await createQuotaPeriod(pool, workspaceId, {
    name: 'Seeded quarter',
    startsOn: '2026-01-01',
    endsOn: '2026-03-31',
  });
  const { quota } = await setRepQuota(pool, workspaceId, period.id, {
    ownerEmail: 'rep@example.com',
    amount: 100,
  });
  const mapping = await one(
    `insert into crm_property_mappings
       (workspace_id, connection_id, pandora_field, object_type, crm_property, crm_property_type)
     values ($1::uuid, $2::uuid, 'deal_score', 'deal', 'pandora_score', 'number') returning id`,
    [workspaceId, connectionId],
  );
  const writebackRun = await one(
    `insert into writeback_runs (workspace_id, trigger, mapping_ids)
     values ($1::uuid, 'manual', array[$2::uuid]) returning id`,
    [workspaceId, mapping],
  );
  const activity = await one(
    `insert into activity_logs (workspace_id, owner_id, deal_id, action_type, status)
     values ($1::uuid, $2::uuid, $3::uuid, 'update', 'success') returning id`,
    [workspaceId, owner, deal],
  );
  const anomaly = await one(
    `insert into anomalies (workspace_id, rule, title, status)
     values ($1::uuid, 'inbox_backlog_aging', 'Seeded backlog', 'active') returning id`,
    [workspaceId],
  );
  const flow = await one(
    `with f as (
       insert into flows (workspace_id, name, draft, latest_version)
       values ($1::uuid, 'Seeded flow', '{"trigger":{"type":"manual"},"steps":[]}', 1) returning id)
     insert into flow_versions (workspace_id, flow_id, version, definition)
     select $1::uuid, f.id, 1, '{"trigger":{"type":"manual"},"steps":[]}' from f
     returning flow_id as id`,
    [workspaceId],
  );
  const flowRun = await one(
    `insert into flow_runs (workspace_id, flow_id, version, status, trigger, finished_at)
     values ($1::uuid, $2::uuid, 1, 'failed', '{"type":"manual"}', now()) returning id`,
    [workspaceId, flow],
  );
  const board = await one(
    `insert into boards (workspace_id, name, record_type, columns)
     values ($1::uuid, 'Seeded board', 'deal', '[{"key":"new","name":"New"}]') returning id`,
    [workspaceId],
  );
  const { apiKey } = await createApiKey(pool, {
    workspaceId,
    name: 'spare key',
    role: 'member',
    createdBy: tenant.userId,
  });
  const member = await createUser(pool, {
    email: `spare-${workspaceId}@example.com`,
    name: 'Spare',
    password: 'correct horse battery',
  });
  await pool.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
    [workspaceId, member.id],
  );
  // The spare member's automation (an admin key manages everyone's).
  const automation = await one(
    `with f as (
       insert into flows (workspace_id, kind, name, draft, latest_version)
       values ($1::uuid, 'automation', 'Seeded automation',
               '{"trigger":{"type":"manual"},"steps":[]}', 1) returning id),
     v as (insert into flow_versions (workspace_id, flow_id, version, definition)
           select $1::uuid, f.id, 1, '{"trigger":{"type":"manual"},"steps":[]}' from f)
     insert into user_automations (flow_id, workspace_id, user_id)
     select f.id, $1::uuid, $2::uuid from f returning flow_id as id`,
    [workspaceId, member.id],
  );
  return {
    workspace: workspaceId,
    user: member.id,
    key: apiKey.id,
    connection: connectionId,
    owner,
    deal,
    conversation,
    run,
    action: action.id,
    batch,
    policy: policy.id,
    period: period.id,
    quota: quota.id,
    mapping,
    writebackRun,
    activity,
    anomaly,
    flow,
    flowRun,
    automation,
    board,
  };
}

/** An app on the emulator, two tenants with one of everything each, for the bad-input tests. */
export async function createBadInputFixture(): Promise<{ t: SandboxApp; a: Tenant; ids: IdPool }> {
  const t = await createSandboxApp(2, {
    // The generated requests are many more than the default per-key budget of a minute.
    apiRateLimit: 1_000_000,
    graphqlIntrospection: true,
  });
  // A HubSpot token given to POST .../connections/hubspot is tried at once: against the
  // emulator, never the real HubSpot.
  t.ctx.config.hubspotApiBase = t.ctx.sandboxUrl;
  const a = await createTenant(t);
  const b = await createTenant(t);
  const own = await seedObjects(t, a, (await connectSandbox(t, a)).connectionId);
  const other = await seedObjects(t, b, (await connectSandbox(t, b)).connectionId);
  // URLs the requests give (a Salesforce instance) point at the emulator too.
  return { t, a, ids: { own: { ...own, uri: t.ctx.sandboxUrl! }, other } };
}
