import { beforeAll, describe, expect, it } from 'vitest';
import { createPolicy } from '../src/actions/policies.js';
import { proposeAction } from '../src/actions/store.js';
import { createWebhookSource } from '../src/conversations/sources.js';
import { createQuotaPeriod, setRepQuota } from '../src/skills/quotas.js';
import { createConnection } from '../src/tenancy/connections.js';
import { createInvitation } from '../src/tenancy/invitations.js';
import {
  createTenant,
  createTestApp,
  login,
  TEST_SECRET_KEY,
  type Tenant,
  type TestApp,
} from './app.js';

/**
 * Every workspace-scoped route, found in the OpenAPI document so that a new route is
 * covered the day it is added, is called with workspace A's API key and session on
 * workspace B's ids. Each must answer 404, and nothing of B may change.
 */
let t: TestApp;
let a: Tenant;
let b: Tenant;
let bIds: Record<string, string>;

// A valid body per route, so validation passes and the tenancy check is what answers.
const SAMPLE_BODIES: Record<string, object> = {
  'POST /api/workspaces/{workspaceId}/invitations': {
    email: 'new-person@example.com',
    role: 'member',
  },
  'PATCH /api/workspaces/{workspaceId}/members/{userId}': { role: 'member' },
  'POST /api/workspaces/{workspaceId}/agents/{agentId}/preview': {
    conversationId: '00000000-0000-4000-8000-000000000001',
  },
  'POST /api/workspaces/{workspaceId}/agents/{agentId}/runs': {
    conversationId: '00000000-0000-4000-8000-000000000001',
  },
  'POST /api/workspaces/{workspaceId}/api-keys': { name: 'intruder' },
  'POST /api/workspaces/{workspaceId}/connections': { crmType: 'hubspot', name: 'intruder' },
  'POST /api/workspaces/{workspaceId}/connections/hubspot': {
    name: 'intruder',
    accessToken: 'pat-na1-intruder',
  },
  'POST /api/workspaces/{workspaceId}/connections/salesforce': {
    name: 'intruder',
    instanceUrl: 'https://example.my.salesforce.com',
    accessToken: '00D-intruder-token',
  },
  'POST /api/workspaces/{workspaceId}/connections/sandbox': { crmType: 'hubspot' },
  'POST /api/workspaces/{workspaceId}/connections/oauth/start': {
    crmType: 'hubspot',
    name: 'intruder',
  },
  'PATCH /api/workspaces/{workspaceId}/connections/{connectionId}': { name: 'renamed' },
  'PUT /api/workspaces/{workspaceId}/connections/{connectionId}/credentials': {
    instanceUrl: 'https://example.my.salesforce.com',
    accessToken: '00D-intruder-token',
  },
  'POST /api/workspaces/{workspaceId}/connections/{connectionId}/test': {},
  'POST /api/workspaces/{workspaceId}/connections/{connectionId}/disconnect': {},
  'POST /api/workspaces/{workspaceId}/connections/{connectionId}/sync': { mode: 'full' },
  'POST /api/workspaces/{workspaceId}/action-items': {
    actionType: 'update_field',
    severity: 'info',
    title: 'intruder',
    connectionId: '00000000-0000-4000-8000-000000000000',
    targetType: 'deal',
    targetSourceId: 'b-1',
  },
  'POST /api/workspaces/{workspaceId}/action-items/batch-execute': {
    actionIds: ['00000000-0000-4000-8000-000000000000'],
  },
  'POST /api/workspaces/{workspaceId}/action-items/{actionId}/dismiss': {},
  'POST /api/workspaces/{workspaceId}/notifications/read': {},
  'POST /api/workspaces/{workspaceId}/push-subscriptions': {
    endpoint: 'https://push.example.com/intruder',
    keys: {
      p256dh: `BA${'A'.repeat(85)}`,
      auth: 'AAAAAAAAAAAAAAAAAAAAAA',
    },
  },
  'DELETE /api/workspaces/{workspaceId}/push-subscriptions': {
    endpoint: 'https://push.example.com/intruder',
  },
  'POST /api/workspaces/{workspaceId}/writeback/mappings': {
    pandoraField: 'deal_score',
    objectType: 'deal',
    connectionId: '00000000-0000-4000-8000-000000000000',
    crmProperty: 'amount',
  },
  'PATCH /api/workspaces/{workspaceId}/writeback/mappings/{mappingId}': { enabled: false },
  'POST /api/workspaces/{workspaceId}/writeback/mappings/{mappingId}/test': {},
  'POST /api/workspaces/{workspaceId}/writeback/runs': {},
  'POST /api/workspaces/{workspaceId}/writeback/compute': { skill: 'deal-score' },
  'POST /api/workspaces/{workspaceId}/action-items/{actionId}/approve': {},
  'POST /api/workspaces/{workspaceId}/action-items/{actionId}/preview': {},
  'POST /api/workspaces/{workspaceId}/action-items/{actionId}/execute': {},
  'POST /api/workspaces/{workspaceId}/action-items/{actionId}/undo': {},
  'POST /api/workspaces/{workspaceId}/skills/{skill}/run': {},
  'POST /api/workspaces/{workspaceId}/quota-periods': {
    name: 'intruder',
    startsOn: '2025-01-01',
    endsOn: '2025-03-31',
  },
  'POST /api/workspaces/{workspaceId}/quota-periods/{periodId}/quotas': {
    ownerEmail: 'intruder@example.com',
    amount: 1,
  },
  'POST /api/workspaces/{workspaceId}/action-policies': { name: 'intruder', effect: 'block' },
  'PUT /api/workspaces/{workspaceId}/config/internal-domains': { domains: ['intruder.example'] },
  'PUT /api/workspaces/{workspaceId}/rep-managers': {
    repManagers: [
      { repEmail: 'intruder@example.com', managerUserId: '00000000-0000-4000-8000-000000000000' },
    ],
  },
  'POST /api/workspaces/{workspaceId}/slack/install': {},
  'POST /api/workspaces/{workspaceId}/slack/token': { token: 'xoxb-intruder' },
  'PUT /api/workspaces/{workspaceId}/slack/alerts-channel': { channelId: null },
  'PUT /api/workspaces/{workspaceId}/notification-preferences': {
    preferences: [{ channel: 'email', type: 'approval', mode: 'off' }],
  },
  'PUT /api/workspaces/{workspaceId}/conversations/{conversationId}/link': {
    dealId: '00000000-0000-4000-8000-000000000000',
  },
  'POST /api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/dismiss': {
    reason: 'intruder',
  },
  'POST /api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/create-deal': {
    name: 'intruder',
  },
  'POST /api/workspaces/{workspaceId}/action-policies/dry-run': {
    name: 'intruder',
    effect: 'block',
  },
  'PATCH /api/workspaces/{workspaceId}/action-policies/{policyId}': { enabled: false },
  'POST /api/workspaces/{workspaceId}/conversation-sources/webhook': { name: 'intruder' },
  'PATCH /api/workspaces/{workspaceId}/conversation-sources/{sourceId}': { name: 'renamed' },
  'POST /api/workspaces/{workspaceId}/conversation-sources/{sourceId}/rotate-secret': {},
  'POST /api/workspaces/{workspaceId}/conversation-sources/gong': {
    name: 'intruder',
    accessKey: 'key',
    accessKeySecret: 'secret',
  },
  'POST /api/workspaces/{workspaceId}/conversation-sources/fireflies': {
    name: 'intruder',
    apiKey: 'fireflies-intruder',
  },
  'PUT /api/workspaces/{workspaceId}/conversation-sources/{sourceId}/tracked-users': {
    userIds: [],
  },
  'POST /api/workspaces/{workspaceId}/conversation-sources/{sourceId}/sync': {},
  'PUT /api/workspaces/{workspaceId}/conversation-sources/{sourceId}/credentials': {
    apiKey: 'fireflies-intruder',
  },
  'POST /api/workspaces/{workspaceId}/conversations/upload': [
    { title: 'intruder', startedAt: '2026-01-01T00:00:00Z', duration: 1, participants: [] },
  ],
  'POST /api/workspaces/{workspaceId}/action-policies/{policyId}/dry-run': { last: 10 },
  'POST /api/workspaces/{workspaceId}/agents': {
    name: 'intruder',
    connectionId: '00000000-0000-4000-8000-000000000000',
  },
  'PATCH /api/workspaces/{workspaceId}/agents/{agentId}': { name: 'renamed' },
  'POST /api/workspaces/{workspaceId}/agents/{agentId}/activate': {},
  'POST /api/workspaces/{workspaceId}/agents/{agentId}/pause': {},
  'POST /api/workspaces/{workspaceId}/inbox/{itemId}/approve': {},
  'POST /api/workspaces/{workspaceId}/inbox/{itemId}/reject': { reason: 'intruder' },
  'POST /api/workspaces/{workspaceId}/inbox/batch-approve': {
    ids: ['00000000-0000-4000-8000-000000000000'],
  },
  'POST /api/workspaces/{workspaceId}/anomalies/{anomalyId}/acknowledge': {},
  'POST /api/workspaces/{workspaceId}/anomalies/{anomalyId}/resolve': {},
  'POST /api/workspaces/{workspaceId}/flows': {
    name: 'intruder',
    trigger: { type: 'manual' },
    steps: [],
  },
  'PATCH /api/workspaces/{workspaceId}/flows/{flowId}': { name: 'renamed' },
  'POST /api/workspaces/{workspaceId}/flows/{flowId}/publish': {},
  'POST /api/workspaces/{workspaceId}/flows/{flowId}/rotate-secret': {},
  'POST /api/workspaces/{workspaceId}/automations': {
    name: 'intruder',
    trigger: { type: 'manual' },
    steps: [{ key: 'x', type: 'set_variable', config: { name: 'x', type: 'number', value: 1 } }],
  },
  'PATCH /api/workspaces/{workspaceId}/automations/{automationId}': { name: 'renamed' },
  'POST /api/workspaces/{workspaceId}/automations/{automationId}/activate': {},
  'POST /api/workspaces/{workspaceId}/automations/{automationId}/pause': {},
  'POST /api/workspaces/{workspaceId}/automations/{automationId}/runs': {},
  'POST /api/workspaces/{workspaceId}/automations/{automationId}/rotate-secret': {},
  'POST /api/workspaces/{workspaceId}/flow-runs/{flowRunId}/steps/{stepKey}/undo': {},
  'POST /api/workspaces/{workspaceId}/boards': {
    name: 'intruder',
    recordType: 'deal',
    columns: [{ key: 'new', name: 'New' }],
  },
  'POST /api/workspaces/{workspaceId}/boards/{boardId}/items': {
    recordId: '00000000-0000-4000-8000-000000000000',
    column: 'new',
  },
  'POST /api/workspaces/{workspaceId}/secrets': { name: 'INTRUDER', value: 'intruder' },
  'PUT /api/workspaces/{workspaceId}/secrets/{secretName}': { value: 'intruder' },
  'POST /api/workspaces/{workspaceId}/flows/{flowId}/runs': { input: {} },
  'POST /api/workspaces/{workspaceId}/flow-runs/{flowRunId}/cancel': {},
  'POST /api/workspaces/{workspaceId}/flow-runs/{flowRunId}/rerun': { version: 'same' },
};

beforeAll(async () => {
  t = await createTestApp();
  a = await createTenant(t);
  b = await createTenant(t);
  const pool = t.db.pool;
  const { rows: deals } = await pool.query<{ id: string }>(
    `insert into deals (workspace_id, source, source_id, name)
     values ($1::uuid, 'test', 'b-1', 'B deal') returning id`,
    [b.workspaceId],
  );
  const connection = await createConnection(pool, TEST_SECRET_KEY, {
    workspaceId: b.workspaceId,
    crmType: 'salesforce',
    name: 'B CRM',
    credentials: { accessToken: 'secret-of-b' },
  });
  const { rows: runs } = await pool.query<{ id: string }>(
    `insert into sync_runs (workspace_id, connection_id, mode, trigger)
     values ($1::uuid, $2::uuid, 'full', 'manual') returning id`,
    [b.workspaceId, connection.id],
  );
  const { action } = await proposeAction(pool, b.workspaceId, {
    actionType: 'update_field',
    severity: 'warning',
    title: 'B action',
    connectionId: connection.id,
    targetType: 'deal',
    targetSourceId: 'b-1',
    executionPayload: { crm_updates: [{ field: 'amount', proposed_value: 1 }] },
    sourceType: 'person',
  });
  const { rows: batches } = await pool.query<{ id: string }>(
    `insert into action_batches (workspace_id, actor, action_ids, total)
     values ($1::uuid, 'b', array[$2::uuid], 1) returning id`,
    [b.workspaceId, action.id],
  );
  const policy = await createPolicy(pool, b.workspaceId, { name: 'B policy', effect: 'block' });
  const period = await createQuotaPeriod(pool, b.workspaceId, {
    name: 'B quarter',
    startsOn: '2025-01-01',
    endsOn: '2025-03-31',
  });
  const { quota } = await setRepQuota(pool, b.workspaceId, period.id, {
    ownerEmail: 'rep@b.example',
    amount: 100,
  });
  const { rows: mappings } = await pool.query<{ id: string }>(
    `insert into crm_property_mappings
       (workspace_id, connection_id, pandora_field, object_type, crm_property, crm_property_type)
     values ($1::uuid, $2::uuid, 'deal_score', 'deal', 'pandora_score', 'number') returning id`,
    [b.workspaceId, connection.id],
  );
  const { rows: writebackRuns } = await pool.query<{ id: string }>(
    `insert into writeback_runs (workspace_id, trigger, mapping_ids)
     values ($1::uuid, 'manual', array[$2::uuid]) returning id`,
    [b.workspaceId, mappings[0]!.id],
  );
  // A meeting of B linked to its account only: an open gap, which A must not dismiss.
  const { rows: conversations } = await pool.query<{ id: string }>(
    `with account as (
       insert into accounts (workspace_id, source, source_id, name)
       values ($1::uuid, 'test', 'b-account', 'B account') returning id)
     insert into conversations (workspace_id, source, source_id, title, started_at,
                                duration_seconds, account_id, link_method, link_confidence)
     select $1::uuid, 'gong', 'b-call', 'B call', now(), 1800, account.id, 'manual', 1
     from account returning id`,
    [b.workspaceId],
  );
  const { rows: keys } = await pool.query<{ id: string }>(
    'select id from api_keys where workspace_id = $1::uuid',
    [b.workspaceId],
  );
  const { invitation } = await createInvitation(pool, b.workspaceId, {
    email: 'invited@b.example',
    role: 'member',
    invitedBy: b.userId,
  });
  const { source } = await createWebhookSource(pool, TEST_SECRET_KEY, {
    workspaceId: b.workspaceId,
    name: 'B recorder',
  });
  const { rows: agents } = await pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, status)
     values ($1::uuid, $2::uuid, 'B agent', 'active') returning id`,
    [b.workspaceId, connection.id],
  );
  const { rows: items } = await pool.query<{ id: string }>(
    `insert into inbox_items (workspace_id, item_type, source, title, action_id)
     values ($1::uuid, 'approval', 'policy', 'B item', $2::uuid) returning id`,
    [b.workspaceId, action.id],
  );
  const { rows: activity } = await pool.query<{ id: string }>(
    `insert into activity_logs (workspace_id, agent_config_id, action_type, status)
     values ($1::uuid, $2::uuid, 'update', 'success') returning id`,
    [b.workspaceId, agents[0]!.id],
  );
  const { rows: anomalies } = await pool.query<{ id: string }>(
    `insert into anomalies (workspace_id, rule, scope_key, title, status)
     values ($1::uuid, 'agent_failure_rate', $2::text, 'B failures', 'active') returning id`,
    [b.workspaceId, agents[0]!.id],
  );
  const { rows: flows } = await pool.query<{ id: string }>(
    `with f as (
       insert into flows (workspace_id, name, draft, latest_version)
       values ($1::uuid, 'B flow', '{"trigger":{"type":"manual"},"steps":[]}', 1) returning id)
     insert into flow_versions (workspace_id, flow_id, version, definition)
     select $1::uuid, f.id, 1, '{"trigger":{"type":"manual"},"steps":[]}' from f
     returning flow_id as id`,
    [b.workspaceId],
  );
  const { rows: flowRuns } = await pool.query<{ id: string }>(
    `insert into flow_runs (workspace_id, flow_id, version, status, trigger, finished_at)
     values ($1::uuid, $2::uuid, 1, 'failed', '{"type":"manual"}', now()) returning id`,
    [b.workspaceId, flows[0]!.id],
  );
  // B's member's automation: A must not see, change, pause or run it.
  const { rows: automations } = await pool.query<{ id: string }>(
    `with f as (
       insert into flows (workspace_id, kind, name, draft, latest_version)
       values ($1::uuid, 'automation', 'B automation', '{"trigger":{"type":"manual"},"steps":[]}', 1)
       returning id),
     v as (insert into flow_versions (workspace_id, flow_id, version, definition)
           select $1::uuid, f.id, 1, '{"trigger":{"type":"manual"},"steps":[]}' from f)
     insert into user_automations (flow_id, workspace_id, user_id)
     select f.id, $1::uuid, $2::uuid from f returning flow_id as id`,
    [b.workspaceId, b.userId],
  );
  const { rows: boards } = await pool.query<{ id: string }>(
    `insert into boards (workspace_id, name, record_type, columns)
     values ($1::uuid, 'B board', 'deal', '[{"key":"new","name":"New"}]') returning id`,
    [b.workspaceId],
  );
  await pool.query(
    `insert into workspace_secrets (workspace_id, name, value) values ($1::uuid, 'B_SECRET', '\\x00')`,
    [b.workspaceId],
  );
  bIds = {
    workspaceId: b.workspaceId,
    flowId: flows[0]!.id,
    automationId: automations[0]!.id,
    boardId: boards[0]!.id,
    stepKey: 'b_step',
    version: '1',
    secretName: 'B_SECRET',
    flowRunId: flowRuns[0]!.id,
    itemId: items[0]!.id,
    agentId: agents[0]!.id,
    activityId: activity[0]!.id,
    anomalyId: anomalies[0]!.id,
    conversationId: conversations[0]!.id,
    sourceId: source.id,
    invitationId: invitation.id,
    userId: b.userId,
    keyId: keys[0]!.id,
    connectionId: connection.id,
    dealId: deals[0]!.id,
    runId: runs[0]!.id,
    actionId: action.id,
    batchId: batches[0]!.id,
    policyId: policy.id,
    mappingId: mappings[0]!.id,
    writebackRunId: writebackRuns[0]!.id,
    periodId: period.id,
    quotaId: quota.id,
    // Skills are not a workspace's objects: with a real name, the variant on A's own
    // workspace would rightly run it there. A name no workspace has keeps both 404.
    skill: 'no-such-skill',
  };
});

interface RouteCase {
  method: string;
  path: string;
}

async function workspaceRoutes(): Promise<RouteCase[]> {
  const doc = (await t.app.inject('/openapi.json')).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const cases: RouteCase[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.includes('{workspaceId}')) continue;
    for (const method of Object.keys(operations))
      cases.push({ method: method.toUpperCase(), path });
  }
  return cases;
}

function fill(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`No id of workspace B for path parameter ${name}: add one to bIds`);
    return id;
  });
}

async function snapshotOfB(): Promise<string> {
  const { rows } = await t.db.pool.query(
    `select
       (select json_agg(m order by m.user_id) from memberships m where m.workspace_id = $1::uuid) as members,
       (select internal_domains from workspaces where id = $1::uuid) as "internalDomains",
       (select json_agg(k order by k.id) from api_keys k where k.workspace_id = $1::uuid) as keys,
       (select json_agg(i order by i.id) from invitations i where i.workspace_id = $1::uuid)
         as invitations,
       (select json_agg(json_build_object('id', c.id, 'name', c.name, 'status', c.status,
                                          'credentials', c.credentials) order by c.id)
          from connections c where c.workspace_id = $1::uuid) as connections,
       (select json_agg(d.id order by d.id) from deals d where d.workspace_id = $1::uuid) as deals,
       (select json_agg(json_build_object('id', x.id, 'status', x.status, 'updated', x.updated_at)
                        order by x.id)
          from actions x where x.workspace_id = $1::uuid) as actions,
       (select json_agg(p order by p.id) from action_policies p where p.workspace_id = $1::uuid)
         as policies,
       (select json_agg(q order by q.id) from quota_periods q where q.workspace_id = $1::uuid)
         as periods,
       (select json_agg(q order by q.id) from rep_quotas q where q.workspace_id = $1::uuid)
         as quotas,
       (select json_agg(c order by c.id) from conversations c where c.workspace_id = $1::uuid)
         as conversations,
       (select json_agg(g order by g.id) from agent_configs g where g.workspace_id = $1::uuid)
         as agents,
       (select json_agg(i order by i.id) from inbox_items i where i.workspace_id = $1::uuid)
         as "inboxItems",
       (select json_agg(n order by n.id) from anomalies n where n.workspace_id = $1::uuid)
         as anomalies,
       (select count(*) from skill_runs r where r.workspace_id = $1::uuid) as "skillRuns",
       (select json_agg(f order by f.id) from flows f where f.workspace_id = $1::uuid) as flows,
       (select json_agg(x order by x.id) from boards x where x.workspace_id = $1::uuid) as boards,
       (select count(*) from board_items x where x.workspace_id = $1::uuid) as "boardItems",
       (select json_agg(u order by u.flow_id) from user_automations u
        where u.workspace_id = $1::uuid) as automations,
       (select json_agg(v order by v.flow_id, v.version) from flow_versions v
        where v.workspace_id = $1::uuid) as "flowVersions",
       (select json_agg(r order by r.id) from flow_runs r where r.workspace_id = $1::uuid)
         as "flowRuns",
       (select json_agg(s order by s.name) from workspace_secrets s
        where s.workspace_id = $1::uuid) as secrets,
       (select json_agg(m order by m.rep_email) from rep_managers m
        where m.workspace_id = $1::uuid) as "repManagers"`,
    [b.workspaceId],
  );
  return JSON.stringify(rows[0]);
}

describe('tenant isolation', () => {
  it('covers every workspace route', async () => {
    expect((await workspaceRoutes()).length).toBeGreaterThanOrEqual(14);
  });

  for (const credential of ['apiKey', 'session'] as const) {
    it(`workspace A's ${credential} gets 404 for every object of workspace B`, async () => {
      const headers = credential === 'apiKey' ? a.auth : await login(t, a.email, a.password);
      const before = await snapshotOfB();
      const failures: string[] = [];
      for (const route of await workspaceRoutes()) {
        const key = `${route.method} ${route.path}`;
        // A DELETE naming what it removes in a body (push-subscriptions) has a sample too.
        const needsBody =
          ['POST', 'PATCH', 'PUT'].includes(route.method) || SAMPLE_BODIES[key] !== undefined;
        if (needsBody && !SAMPLE_BODIES[key]) failures.push(`${key}: add a sample body`);
        // B's workspace id; and, for routes on one object, A's workspace id with B's object id.
        const urls = [fill(route.path, bIds)];
        const objectParams = (route.path.match(/\{(\w+)\}/g) ?? []).length - 1;
        if (objectParams > 0) urls.push(fill(route.path, { ...bIds, workspaceId: a.workspaceId }));
        for (const url of urls) {
          const response = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers,
            ...(needsBody ? { payload: SAMPLE_BODIES[key] } : {}),
          });
          const code = (response.json() as { error?: { code?: string } }).error?.code;
          if (response.statusCode !== 404 || code !== 'not_found') {
            failures.push(
              `${route.method} ${url} -> ${response.statusCode} ${response.body.slice(0, 120)}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
      expect(await snapshotOfB()).toBe(before);
    });
  }

  it("GraphQL answers not_found for another workspace's id", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: a.auth,
      payload: {
        query: 'query ($id: ID!) { workspace(id: $id) { id name } }',
        variables: { id: b.workspaceId },
      },
    });
    const body = response.json() as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('not_found');
  });
});
