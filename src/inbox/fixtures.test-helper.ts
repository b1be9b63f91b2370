import type pg from 'pg';
import type { Caller } from '../actions/service.js';
import { proposeAction, type CrmUpdate } from '../actions/store.js';
import { crmPropertyFor } from '../agents/fields.js';
import { createUser } from '../tenancy/users.js';
import type { Role } from '../tenancy/workspaces.js';
import { createInboxItem, type InboxField } from './items.js';

let counter = 0;

/** A person of the workspace with a role, as the inbox service takes callers. */
export async function createCaller(
  pool: pg.Pool,
  workspaceId: string,
  role: Role,
): Promise<Caller> {
  counter += 1;
  const email = `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const user = await createUser(pool, { email, name: email, password: 'correct horse battery' });
  await pool.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, $3::text)`,
    [workspaceId, user.id, role],
  );
  return { workspaceId, role, actor: email, sourceId: user.id, kind: 'user' };
}

/** An agent configuration on a connection, as the configs part stores one. */
export async function createAgentConfig(
  pool: pg.Pool,
  workspaceId: string,
  connectionId: string,
  options: { inboxExpiryHours?: number } = {},
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, status, inbox_expiry_hours)
     values ($1::uuid, $2::uuid, 'Test agent', 'active', $3::int) returning id`,
    [workspaceId, connectionId, options.inboxExpiryHours ?? 168],
  );
  return rows[0]!.id;
}

export interface AgentItemInput {
  workspaceId: string;
  connectionId: string;
  agentConfigId: string;
  /** The deal's CRM id. */
  recordId: string;
  /** Standard field -> proposed value (written under its standard name). */
  fields: Record<string, string | number>;
  assigneeUserId?: string | null;
  ownerEmail?: string | null;
}

/**
 * What a run leaves for a person, as the runs part makes it: an activity row
 * (pending), an `update_field` action proposed and not executed, and an approval item
 * with each field's before, after and quote.
 */
export async function createAgentApproval(
  pool: pg.Pool,
  input: AgentItemInput,
): Promise<{ itemId: string; actionId: string; activityLogId: string }> {
  const property = (field: string) => crmPropertyFor({ field }, 'hubspot') ?? field;
  const fieldsUpdated = Object.fromEntries(
    Object.entries(input.fields).map(([field, value]) => [
      field,
      {
        before: null,
        after: value,
        confidence: 0.7,
        quote: `we said ${String(value)}`,
        startSeconds: 12,
        decision: 'inbox',
        status: 'pending',
        crmProperty: property(field),
      },
    ]),
  );
  const { rows } = await pool.query<{ id: string }>(
    `insert into activity_logs (workspace_id, agent_config_id, crm_record_type, crm_record_id,
                                action_type, status, overall_confidence, trigger, fields_updated)
     values ($1::uuid, $2::uuid, 'deal', $3::text, 'update', 'pending', 0.7, 'manual', $4::jsonb)
     returning id`,
    [input.workspaceId, input.agentConfigId, input.recordId, JSON.stringify(fieldsUpdated)],
  );
  const activityLogId = rows[0]!.id;
  // Written under the CRM's property names, as a run's action is.
  const updates: CrmUpdate[] = Object.entries(input.fields).map(([field, value]) => ({
    field: property(field),
    proposed_value: value,
  }));
  const { action } = await proposeAction(pool, input.workspaceId, {
    actionType: 'update_field',
    severity: 'info',
    title: 'Meeting agent: update the deal',
    connectionId: input.connectionId,
    targetType: 'deal',
    targetSourceId: input.recordId,
    ownerEmail: input.ownerEmail ?? null,
    executionPayload: { crm_updates: updates, note: 'From a test meeting.' },
    sourceType: 'agent',
    sourceId: input.agentConfigId,
    sourceName: 'Test agent',
  });
  await pool.query(`update activity_logs set action_id = $2::uuid where id = $1::uuid`, [
    activityLogId,
    action.id,
  ]);
  const fields: InboxField[] = Object.entries(input.fields).map(([field, value]) => ({
    field,
    crmProperty: property(field),
    before: null,
    after: value,
    confidence: 0.7,
    quote: `we said ${String(value)}`,
    startSeconds: 12,
  }));
  const itemId = await createInboxItem(pool, {
    workspaceId: input.workspaceId,
    itemType: 'approval',
    source: 'agent',
    title: 'Update the deal from the call',
    context: {
      meeting: { id: '00000000-0000-4000-8000-000000000001', title: 'Call', startedAt: null },
      record: { type: 'deal', id: null, crmId: input.recordId, name: 'A deal' },
      fields,
    },
    confidence: 0.7,
    activityLogId,
    actionId: action.id,
    assigneeUserId: input.assigneeUserId ?? null,
    ownerEmail: input.ownerEmail ?? null,
  });
  return { itemId: itemId!, actionId: action.id, activityLogId };
}
