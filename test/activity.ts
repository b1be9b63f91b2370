import type { Queryable } from '../src/db/pool.js';

/** An agent (on a new CRM connection) of the workspace, for activity rows to name. */
export async function insertAgent(
  db: Queryable,
  workspaceId: string,
  name = 'Discovery agent',
): Promise<{ agentId: string; connectionId: string }> {
  const { rows } = await db.query<{ agentId: string; connectionId: string }>(
    `with c as (
       insert into connections (workspace_id, crm_type, name)
       values ($1::uuid, 'hubspot', 'CRM') returning id, workspace_id)
     insert into agent_configs (workspace_id, connection_id, name, status)
     select c.workspace_id, c.id, $2::text, 'active' from c
     returning id as "agentId", connection_id as "connectionId"`,
    [workspaceId, name],
  );
  return rows[0]!;
}

/** A CRM owner (a rep) of the workspace. */
export async function insertOwner(
  db: Queryable,
  workspaceId: string,
  email: string,
  source = 'hubspot',
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into owners (workspace_id, source, source_id, email, name)
     values ($1::uuid, $2::text, $3::text, $3::text, $3::text) returning id`,
    [workspaceId, source, email],
  );
  return rows[0]!.id;
}

export interface ActivityRowInput {
  agentId?: string | null;
  ownerId?: string | null;
  status?: 'pending' | 'success' | 'failed' | 'rejected';
  crmRecordId?: string | null;
  createdAt?: string;
  overallConfidence?: number | null;
  fieldsUpdated?: Record<string, unknown>;
}

/** Activity rows as a run would write them (trigger manual, so any number per meeting). */
export async function insertActivity(
  db: Queryable,
  workspaceId: string,
  rows: ActivityRowInput[],
): Promise<string[]> {
  const { rows: inserted } = await db.query<{ id: string }>(
    `insert into activity_logs (workspace_id, agent_config_id, owner_id, trigger, crm_record_type,
                                crm_record_id, action_type, fields_updated, overall_confidence,
                                status, created_at)
     select $1::uuid, r.agent_id, r.owner_id, 'manual', 'deal', r.record_id, 'update', r.fields,
            r.confidence, r.status, r.created_at
     from unnest($2::uuid[], $3::uuid[], $4::text[], $5::jsonb[], $6::numeric[], $7::text[],
                 $8::timestamptz[]) with ordinality
       as r (agent_id, owner_id, record_id, fields, confidence, status, created_at, n)
     order by r.n
     returning id`,
    [
      workspaceId,
      rows.map((r) => r.agentId ?? null),
      rows.map((r) => r.ownerId ?? null),
      rows.map((r) => r.crmRecordId ?? null),
      rows.map((r) => JSON.stringify(r.fieldsUpdated ?? {})),
      rows.map((r) => r.overallConfidence ?? null),
      rows.map((r) => r.status ?? 'success'),
      rows.map((r) => r.createdAt ?? new Date().toISOString()),
    ],
  );
  return inserted.map((row) => row.id);
}
