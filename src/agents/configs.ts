import type { ConnectorDeps } from '../crm/connect.js';
import type { CrmType } from '../crm/port.js';
import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';
import {
  type AgentConfigCreate,
  type AgentConfigPatch,
  type AgentFieldConfig,
  type AgentMode,
  type AgentScope,
  type AgentStatus,
  type CallType,
  type FieldRule,
} from './config-schema.js';
import {
  checkChosenProperties,
  checkDistinctProperties,
  checkScope,
  checkTrust,
  connectionOf,
  invalid,
  normalizeFields,
} from './config-checks.js';
import { callTypeMatches, callTypeOf, inScope } from './scope.js';
import { templateNamed } from './templates.js';

/**
 * Meeting agent configurations: which calls an agent reads, which records and fields
 * it may update and how (`auto` above a confidence, `ask`, `never`), its lifecycle
 * (draft -> active <-> paused; error when a run finds it cannot work) and its mode
 * (a new agent is `shadow`: it proposes and writes nothing until the admin makes it
 * `live`). Shape checks are TypeBox's (config-schema.ts); what needs the database or
 * the CRM's live properties is checked by config-checks.ts, each error naming the field.
 */

export interface AgentConfig {
  id: string;
  workspaceId: string;
  connectionId: string;
  crmType: CrmType;
  name: string;
  callTypes: CallType[];
  scope: AgentScope;
  fields: AgentFieldConfig[];
  templateId: string | null;
  status: AgentStatus;
  mode: AgentMode;
  precisionThreshold: number;
  minSamples: number;
  inboxExpiryHours: number;
  statusReason: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AgentDeps = Pick<ConnectorDeps, 'pool' | 'secretKey' | 'outbound'>;

const COLUMNS = `
  a.id, a.workspace_id as "workspaceId", a.connection_id as "connectionId",
  c.crm_type as "crmType", a.name, a.call_types as "callTypes", a.scope, a.fields,
  a.template_id as "templateId", a.status, a.mode,
  a.precision_threshold::float8 as "precisionThreshold", a.min_samples as "minSamples",
  a.inbox_expiry_hours as "inboxExpiryHours", a.status_reason as "statusReason",
  a.created_by as "createdBy", a.created_at as "createdAt", a.updated_at as "updatedAt"`;
const FROM = `agent_configs a join connections c on c.id = a.connection_id`;

// --- reads -------------------------------------------------------------------------

export async function listAgentConfigs(db: Queryable, workspaceId: string): Promise<AgentConfig[]> {
  const { rows } = await db.query<AgentConfig>(
    `select ${COLUMNS} from ${FROM} where a.workspace_id = $1::uuid
     order by a.created_at desc, a.id desc`,
    [workspaceId],
  );
  return rows;
}

export async function getAgentConfig(
  db: Queryable,
  workspaceId: string,
  agentId: string,
): Promise<AgentConfig> {
  const { rows } = await db.query<AgentConfig>(
    `select ${COLUMNS} from ${FROM} where a.workspace_id = $1::uuid and a.id = $2::uuid`,
    [workspaceId, agentId],
  );
  if (!rows[0]) throw notFound('agent', agentId);
  return rows[0];
}

// --- writes ------------------------------------------------------------------------

/** Creates a draft agent in shadow mode; a template fills the call types and fields not given. */
export async function createAgentConfig(
  deps: AgentDeps,
  workspaceId: string,
  input: AgentConfigCreate,
  createdBy: string | null,
): Promise<AgentConfig> {
  const template = input.templateId ? templateNamed(input.templateId) : undefined;
  if (input.templateId && !template) {
    throw invalid('templateId', `no agent template "${input.templateId}"`);
  }
  const { crmType } = await connectionOf(deps.pool, workspaceId, input.connectionId);
  const fields = normalizeFields(input.fields ?? template?.fields ?? []);
  checkDistinctProperties(fields, crmType);
  const scope = await checkScope(deps.pool, workspaceId, input.scope);
  await checkTrust(deps.pool, null, [], fields);
  await checkChosenProperties(deps, workspaceId, input.connectionId, fields);
  const { rows } = await deps.pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, call_types, scope, fields,
                                template_id, precision_threshold, min_samples,
                                inbox_expiry_hours, created_by)
     values ($1::uuid, $2::uuid, $3::text, $4::text[], $5::jsonb, $6::jsonb, $7::text,
             coalesce($8::numeric, 0.95), coalesce($9::integer, 20), coalesce($10::integer, 168),
             $11::text)
     returning id`,
    [
      workspaceId,
      input.connectionId,
      input.name.trim() || input.name,
      input.callTypes ?? template?.callTypes ?? [],
      JSON.stringify(scope),
      JSON.stringify(fields),
      template?.id ?? null,
      input.precisionThreshold ?? null,
      input.minSamples ?? null,
      input.inboxExpiryHours ?? null,
      createdBy,
    ],
  );
  return getAgentConfig(deps.pool, workspaceId, rows[0]!.id);
}

/**
 * Changes the given parts; a given `fields` or `scope` replaces the old one whole.
 * Turning auto-apply on for a field is refused (409 `trust_not_earned`, naming the
 * field) until its shadow precision reaches the agent's threshold over enough samples.
 */
export async function updateAgentConfig(
  deps: AgentDeps,
  workspaceId: string,
  agentId: string,
  patch: AgentConfigPatch,
): Promise<AgentConfig> {
  const current = await getAgentConfig(deps.pool, workspaceId, agentId);
  const fields = patch.fields ? normalizeFields(patch.fields) : null;
  if (fields) checkDistinctProperties(fields, current.crmType);
  const scope = patch.scope ? await checkScope(deps.pool, workspaceId, patch.scope) : null;
  if (fields) {
    // A threshold or minimum changed in the same request applies to the check.
    await checkTrust(deps.pool, agentId, current.fields, fields, {
      threshold: patch.precisionThreshold,
      minSamples: patch.minSamples,
    });
    await checkChosenProperties(deps, workspaceId, current.connectionId, fields);
  }
  const { rowCount } = await deps.pool.query(
    `update agent_configs
     set name = coalesce($3::text, name), call_types = coalesce($4::text[], call_types),
         scope = coalesce($5::jsonb, scope), fields = coalesce($6::jsonb, fields),
         mode = coalesce($7::text, mode),
         precision_threshold = coalesce($8::numeric, precision_threshold),
         min_samples = coalesce($9::integer, min_samples),
         inbox_expiry_hours = coalesce($10::integer, inbox_expiry_hours), updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [
      workspaceId,
      agentId,
      patch.name ?? null,
      patch.callTypes ?? null,
      scope ? JSON.stringify(scope) : null,
      fields ? JSON.stringify(fields) : null,
      patch.mode ?? null,
      patch.precisionThreshold ?? null,
      patch.minSamples ?? null,
      patch.inboxExpiryHours ?? null,
    ],
  );
  if (!rowCount) throw notFound('agent', agentId);
  return getAgentConfig(deps.pool, workspaceId, agentId);
}

export async function deleteAgentConfig(
  db: Queryable,
  workspaceId: string,
  agentId: string,
): Promise<void> {
  const { rowCount } = await db.query(
    `delete from agent_configs where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, agentId],
  );
  if (!rowCount) throw notFound('agent', agentId);
}

/**
 * The per-field rules the core applies: a field is `auto` only when the admin chose
 * auto *and* auto-apply is enabled (earned in shadow); an `auto` field not yet
 * trusted is `ask`. Shadow mode writes nothing whatever the rules say: the runs
 * record the proposals and route nothing to the CRM.
 */
export function coreRules(
  config: Pick<AgentConfig, 'fields'>,
): Record<string, { rule: FieldRule; threshold: number }> {
  return Object.fromEntries(
    config.fields.map((field) => [
      field.field,
      {
        rule: field.rule === 'auto' && !field.autoApplyEnabled ? 'ask' : field.rule,
        threshold: field.threshold,
      },
    ]),
  );
}

/** A meeting as stored, for `listActiveAgentsForConversation`. */
export interface StoredConversation {
  id: string;
  title: string;
  transcript?: string | null;
}

/**
 * The workspace's active agents whose call types and scope take this meeting. The reps
 * involved are the linked deal's owner and any participant whose email is an owner's.
 */
export async function listActiveAgentsForConversation(
  db: Queryable,
  workspaceId: string,
  conversation: StoredConversation,
): Promise<AgentConfig[]> {
  const { rows: agents } = await db.query<AgentConfig>(
    `select ${COLUMNS} from ${FROM} where a.workspace_id = $1::uuid and a.status = 'active'
     order by a.created_at, a.id`,
    [workspaceId],
  );
  if (agents.length === 0) return [];
  const { rows } = await db.query<{ ownerIds: string[]; pipeline: string | null }>(
    `select d.pipeline,
            array(select x.id from (
                    select d.owner_id as id where d.owner_id is not null
                    union
                    select o.id from owners o
                     where o.workspace_id = c.workspace_id and o.email is not null
                       and lower(o.email) in (
                         select lower(p->>'email') from jsonb_array_elements(
                           case jsonb_typeof(c.participants) when 'array' then c.participants
                                else '[]'::jsonb end) p)
                  ) x)::text[] as "ownerIds"
     from conversations c left join deals d on d.id = c.deal_id
     where c.workspace_id = $1::uuid and c.id = $2::uuid`,
    [workspaceId, conversation.id],
  );
  const facts = rows[0] ?? { ownerIds: [], pipeline: null };
  const type = callTypeOf(conversation);
  return agents.filter(
    (agent) =>
      callTypeMatches(agent, type) &&
      inScope(agent.scope, { ...conversation, ownerIds: facts.ownerIds, pipeline: facts.pipeline }),
  );
}
