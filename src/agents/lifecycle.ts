import type { Queryable } from '../db/pool.js';
import { conflict, notFound } from '../errors.js';
import type { AgentStatus } from './config-schema.js';
import { liveProperties } from './config-checks.js';
import { getAgentConfig, type AgentConfig, type AgentDeps } from './configs.js';
import { checkFieldProperty, crmPropertyFor } from './fields.js';

/**
 * An agent's lifecycle: draft -> active (activate) <-> paused (pause); error when a
 * run finds it cannot work (markAgentError), left by activating or pausing it again.
 * Activating or pausing twice is not an error: the second call finds it there.
 */

async function setStatus(
  db: Queryable,
  workspaceId: string,
  agentId: string,
  from: readonly AgentStatus[],
  to: AgentStatus,
  reason: string | null,
): Promise<AgentConfig> {
  const { rows } = await db.query<{ status: AgentStatus }>(
    `with target as (
       select id, status from agent_configs where workspace_id = $1::uuid and id = $2::uuid
     ), changed as (
       update agent_configs a set status = $4::text, status_reason = $5::text, updated_at = now()
       from target t where a.id = t.id and t.status = any($3::text[])
       returning a.status
     )
     select coalesce((select status from changed), (select status from target)) as status`,
    [workspaceId, agentId, from, to, reason],
  );
  const status = rows[0]?.status;
  if (!status) throw notFound('agent', agentId);
  if (status !== to) {
    throw conflict(
      'invalid_transition',
      `The agent is ${status}; it can become ${to} only from ${from.join(' or ')}`,
      { status, to },
    );
  }
  return getAgentConfig(db, workspaceId, agentId);
}

/**
 * Starts a draft, paused or failed agent (again; an active one stays active). Every
 * field it may touch must have a property in the CRM now, defaults included, so an
 * agent never starts with a field it cannot write.
 */
export async function activateAgent(
  deps: AgentDeps,
  workspaceId: string,
  agentId: string,
): Promise<AgentConfig> {
  const config = await getAgentConfig(deps.pool, workspaceId, agentId);
  if (config.status === 'active') return config;
  const used = config.fields.filter((field) => field.rule !== 'never');
  if (used.length === 0) {
    throw conflict(
      'no_fields',
      'The agent updates no field: give at least one a rule of auto or ask',
      {
        field: 'fields',
      },
    );
  }
  const properties = await liveProperties(deps, workspaceId, config.connectionId);
  for (const field of used) {
    const property = crmPropertyFor(field, config.crmType)!;
    const check = checkFieldProperty(field.field, property, properties);
    if (!check.ok) {
      throw conflict(check.code, `${check.message} (fields[${config.fields.indexOf(field)}])`, {
        field: field.field,
        crmProperty: property,
      });
    }
  }
  return setStatus(deps.pool, workspaceId, agentId, ['draft', 'paused', 'error'], 'active', null);
}

/** Stops an active (or failed) agent's runs; a paused one stays paused. */
export async function pauseAgent(
  db: Queryable,
  workspaceId: string,
  agentId: string,
): Promise<AgentConfig> {
  const config = await getAgentConfig(db, workspaceId, agentId);
  if (config.status === 'paused') return config;
  return setStatus(db, workspaceId, agentId, ['active', 'error'], 'paused', null);
}

/** Puts an agent in `error` with the reason a person will read; runs call it. */
export async function markAgentError(
  db: Queryable,
  workspaceId: string,
  agentId: string,
  reason: string,
): Promise<void> {
  await db.query(
    `update agent_configs set status = 'error', status_reason = $3::text, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and status = 'active'`,
    [workspaceId, agentId, reason],
  );
}
