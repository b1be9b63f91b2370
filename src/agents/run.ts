import type { EngineDeps } from '../actions/execute.js';
import { loadConfig } from '../config.js';
import type { Queryable } from '../db/pool.js';
import { enqueue } from '../jobs/queue.js';
import { HttpError } from '../errors.js';
import { applyRunPlan, resumeRun, type AppliedRun } from './apply.js';
import { loadConversation } from './candidates.js';
import type { FieldExtractor } from './extract/index.js';
import { configuredLlmExtractor } from './llm/from-config.js';
import {
  loadActiveAgents,
  loadRunAgent,
  planAgentRun,
  type PlanOptions,
  type RunAgent,
} from './preview.js';
import { findLinkedRun, type RunTrigger } from './run-store.js';

/**
 * Runs the meeting agents on a meeting: after the linker ties it to the CRM (job
 * `agents.run`, trigger `linked`, once per agent and meeting) or when asked (trigger
 * `manual`, a new run each time). Each agent's run is planned from Postgres and the
 * pure core (preview.ts), then applied (apply.ts).
 */

export interface RunRequest {
  workspaceId: string;
  conversationId: string;
  /** Only this agent (it must be active); else every active agent in scope. */
  agentConfigId?: string;
  trigger: RunTrigger;
}

export interface AgentRunResult extends AppliedRun {
  agentConfigId: string;
}

export async function runAgentsForConversation(
  deps: EngineDeps,
  request: RunRequest,
  options: PlanOptions = {},
): Promise<AgentRunResult[]> {
  const { workspaceId, trigger } = request;
  const conversation = await loadConversation(deps.pool, workspaceId, request.conversationId);
  let agents: RunAgent[];
  if (request.agentConfigId) {
    const agent = await loadRunAgent(deps.pool, workspaceId, request.agentConfigId);
    if (agent.status !== 'active') {
      throw new HttpError(
        409,
        'agent_not_active',
        `The agent "${agent.name}" is ${agent.status}: only an active agent runs; preview it instead, or activate it`,
      );
    }
    agents = [agent];
  } else {
    agents = await loadActiveAgents(deps.pool, workspaceId, conversation);
  }
  const results: AgentRunResult[] = [];
  for (const agent of agents) {
    // An automatic run happens once: a repeated job only finishes what it left.
    const existing =
      trigger === 'linked'
        ? await findLinkedRun(deps.pool, workspaceId, agent.id, conversation.id)
        : null;
    if (existing) {
      results.push({ agentConfigId: agent.id, ...(await resumeRun(deps, workspaceId, existing)) });
      continue;
    }
    if (trigger === 'linked' && conversation.isInternal) continue;
    const plan = await planAgentRun(deps.pool, workspaceId, agent, conversation, {
      onLlmFallback: (error) =>
        deps.log?.warn({ err: error, conversationId: conversation.id }, 'LLM extractor failed'),
      ...options,
    });
    results.push({
      agentConfigId: agent.id,
      ...(await applyRunPlan(deps, workspaceId, plan, trigger)),
    });
  }
  return results;
}

/**
 * Queues `agents.run` for the workspace's meetings linked since `since` (the linker's
 * run) that an active agent has not run on yet. One job per meeting (its job key), so
 * a second linker run while it waits adds nothing.
 */
export async function enqueueAgentRunsForLinked(
  db: Queryable,
  workspaceId: string,
  /** A timestamp as Postgres reads it (the database's clock, not this process's). */
  since: string,
): Promise<number> {
  // add_job per row in one statement: a first sync can link thousands of meetings.
  const { rowCount } = await db.query(
    `select graphile_worker.add_job(
              identifier => 'agents.run',
              payload => json_build_object('workspaceId', c.workspace_id,
                                           'conversationId', c.id, 'trigger', 'linked'),
              job_key => 'agents.run:' || c.id::text, max_attempts => 8)
     from conversations c
     where c.workspace_id = $1::uuid and c.linked_at >= $2::timestamptz and not c.is_internal
       and (c.deal_id is not null or c.account_id is not null)
       and exists (select 1 from agent_configs a
                   where a.workspace_id = $1::uuid and a.status = 'active'
                     and not exists (select 1 from activity_logs l
                                     where l.agent_config_id = a.id and l.conversation_id = c.id
                                       and l.trigger = 'linked'))`,
    [workspaceId, since],
  );
  return rowCount ?? 0;
}

/**
 * Queues a `replay` run of the workspace's active agents on a meeting a person linked
 * (or whose question they answered): the automatic run happened already, or found no
 * deal, so the replay is what reads it for the deal the person named.
 */
export async function enqueueAgentReplay(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from agent_configs where workspace_id = $1::uuid and status = 'active' limit 1`,
    [workspaceId],
  );
  if (rows.length === 0) return false;
  await enqueue(
    db,
    'agents.run',
    { workspaceId, conversationId, trigger: 'replay' },
    { jobKey: `agents.replay:${conversationId}`, maxAttempts: 8 },
  );
  return true;
}

let environmentLlm: FieldExtractor | undefined | null = null;

/** The LLM extractor this process's configuration asks for (PANDORA_LLM_*), made once. */
export function llmFromEnvironment(): FieldExtractor | undefined {
  if (environmentLlm === null) environmentLlm = configuredLlmExtractor(loadConfig());
  return environmentLlm;
}
