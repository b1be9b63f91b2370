import type { Queryable } from '../db/pool.js';
import type { AgentConfig as CoreConfig } from './cases.js';
import {
  loadCandidates,
  loadConversation,
  meetingOf,
  type AgentConversation,
  type CandidateDeal,
} from './candidates.js';
import {
  coreRules,
  getAgentConfig,
  listActiveAgentsForConversation,
  type AgentConfig,
} from './configs.js';
import { runCore } from './core.js';
import type { CoreInput, CoreMatch, CoreResult } from './core-types.js';
import type { FieldExtractor } from './extract/index.js';
import { agentFieldNamed, crmPropertyFor, toCrmValue } from './fields.js';
import { llmExtracted } from './llm/core-extracted.js';
import { dealInScope } from './scope.js';

/**
 * Planning one agent's run on one meeting, reading only: the candidates, the pure core,
 * then what the run would do with each proposed value given the agent's mode, rules
 * and earned trust. The run (run.ts) applies a plan; the preview shows it.
 */

/** An agent as a run reads it: its configuration and the CRM account's zone. */
export type RunAgent = AgentConfig & { timeZone: string | null };

async function withZone(db: Queryable, agent: AgentConfig): Promise<RunAgent> {
  const { rows } = await db.query<{ timeZone: string | null }>(
    `select nullif(metadata->>'timeZone', '') as "timeZone" from connections where id = $1::uuid`,
    [agent.connectionId],
  );
  return { ...agent, timeZone: rows[0]?.timeZone ?? null };
}

/** One agent of the workspace, whatever its status; another workspace's is not found. */
export async function loadRunAgent(
  db: Queryable,
  workspaceId: string,
  agentConfigId: string,
): Promise<RunAgent> {
  return withZone(db, await getAgentConfig(db, workspaceId, agentConfigId));
}

/** The workspace's active agents whose call types and scope take the meeting. */
export async function loadActiveAgents(
  db: Queryable,
  workspaceId: string,
  conversation: AgentConversation,
): Promise<RunAgent[]> {
  const agents = await listActiveAgentsForConversation(db, workspaceId, conversation);
  return Promise.all(agents.map((agent) => withZone(db, agent)));
}

/** What the run does with a proposed value. */
export type FieldRoute =
  /** Written at once through the actions engine. */
  | 'auto'
  /** An approval in the inbox. */
  | 'inbox'
  /** Shadow mode: recorded, neither written nor asked. */
  | 'shadow'
  /** No CRM property to write it to: recorded only. */
  | 'unmapped';

export interface PlannedField {
  field: string;
  crmProperty: string | null;
  /** The deal's value as of the last sync (null when Pandora does not hold it). */
  before: unknown;
  after: unknown;
  confidence: number;
  quote: string;
  startSeconds: number;
  /** The core's decision from the rules and confidences. */
  decision: 'auto_apply' | 'inbox';
  route: FieldRoute;
}

export interface RunPlan {
  agent: RunAgent;
  conversation: AgentConversation;
  core: CoreResult;
  deal: CandidateDeal | null;
  /** The candidate deals by Pandora id (for a question's choices). */
  candidates: Map<string, CandidateDeal>;
  fields: PlannedField[];
  warnings: string[];
}

/** Reading a run may use an LLM extractor (PANDORA_LLM_MODEL); without one, the core's own. */
export interface PlanOptions {
  llm?: FieldExtractor;
  /** Told when the LLM failed and the call was read deterministically instead. */
  onLlmFallback?: (error: Error) => void;
}

/** Plans the agent's run on the meeting; reads only (an LLM extractor may be called). */
export async function planAgentRun(
  db: Queryable,
  workspaceId: string,
  agent: RunAgent,
  conversation: AgentConversation,
  options: PlanOptions = {},
): Promise<RunPlan> {
  const config = await coreConfig(db, workspaceId, agent, conversation);
  const candidates = await loadCandidates(db, workspaceId, conversation, {
    source: agent.crmType,
    internalDomains: config.internalDomains,
  });
  const { deals } = candidates;
  // A person's link (a question answered, a link set by hand) says which deal the call
  // was about: the matcher only confirms it, it does not choose among the others.
  const byHand =
    conversation.linkMethod === 'manual' && conversation.dealId && deals.has(conversation.dealId);
  const crm = byHand
    ? { ...candidates.crm, deals: candidates.crm.deals.filter((d) => d.id === conversation.dealId) }
    : candidates.crm;
  const meeting = meetingOf(conversation);
  const input: CoreInput = {
    meeting,
    crm,
    config,
    referenceTime: meeting.startedAt,
    // An 'auto' field whose trust is not earned (autoApplyEnabled off) is asked.
    rules: coreRules(agent),
    fields: agent.fields.filter((f) => f.rule !== 'never').map((f) => f.field),
  };
  if (options.llm && meeting.transcript.length > 0) {
    input.extracted = await llmExtracted(options.llm, input, options.onLlmFallback);
  }
  const core = runCore(input);
  const warnings = [...core.warnings];
  if (conversation.isInternal) warnings.push('This meeting is internal: the agent skips it.');
  if (meeting.transcript.length === 0) warnings.push('This meeting has no transcript yet.');
  const matched = core.dealId ? (deals.get(core.dealId) ?? null) : null;
  const outOfScope = matched !== null && !dealInScope(agent.scope, matched);
  if (outOfScope)
    warnings.push(
      `${matched.name} is outside the agent's scope (reps, pipelines): nothing is proposed.`,
    );
  const deal = matched && !conversation.isInternal && !outOfScope ? matched : null;
  const settings = new Map(agent.fields.map((setting) => [setting.field, setting]));
  const fields: PlannedField[] = [];
  for (const proposal of deal ? core.fields : []) {
    const setting = settings.get(proposal.field);
    const crmProperty = setting ? crmPropertyFor(setting, agent.crmType) : null;
    const value = valueToWrite(proposal.field, proposal.value, agent);
    const route: FieldRoute =
      crmProperty === null || !value.ok
        ? 'unmapped'
        : agent.mode === 'shadow'
          ? 'shadow'
          : proposal.decision === 'auto_apply'
            ? 'auto'
            : 'inbox';
    if (crmProperty === null)
      warnings.push(`${proposal.field}: the agent has no CRM property for this field.`);
    else if (!value.ok) warnings.push(value.reason);
    fields.push({
      field: proposal.field,
      crmProperty,
      before: beforeOf(deal!, proposal.field),
      after: value.ok ? value.value : proposal.value,
      confidence: proposal.confidence,
      quote: proposal.quote,
      startSeconds: proposal.startSeconds,
      decision: proposal.decision,
      route,
    });
  }
  return { agent, conversation, core, deal, candidates: deals, fields, warnings };
}

/**
 * The value as the CRM property takes it. A stage stays Pandora's stage name: the
 * actions planner resolves it against the deal's live pipeline and the connection's
 * stage mapping at execution. An amount said with its currency is written as the
 * number (the deal's currency).
 */
function valueToWrite(
  field: string,
  value: unknown,
  agent: RunAgent,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const kind = agentFieldNamed(field)?.kind;
  if (kind === 'stage') return { ok: true, value };
  const plain =
    value && typeof value === 'object' && !Array.isArray(value) && 'value' in value
      ? (value as { value: unknown }).value
      : value;
  if (!kind) return { ok: true, value: plain };
  return toCrmValue(field, plain, { crmType: agent.crmType });
}

function beforeOf(deal: CandidateDeal, field: string): unknown {
  switch (field) {
    case 'close_date':
      return deal.closeDate;
    case 'amount':
      return deal.amount;
    case 'stage':
      return deal.stageNormalized ?? deal.stage;
    case 'next_step':
      return deal.nextStep;
    default:
      return null;
  }
}

/**
 * The core's configuration: the workspace's own domains (and the host's), the CRM
 * account's zone, and the agent's competitors and fiscal year start (calendar
 * quarters when unset).
 */
async function coreConfig(
  db: Queryable,
  workspaceId: string,
  agent: RunAgent,
  conversation: AgentConversation,
): Promise<CoreConfig> {
  const { rows } = await db.query<{ domains: string[] }>(
    `select w.internal_domains || coalesce(array(
              select lower(split_part(c.host_email, '@', 2)) from conversations c
              where c.id = $2::uuid and c.host_email like '%@%'), '{}') as domains
     from workspaces w where w.id = $1::uuid`,
    [workspaceId, conversation.id],
  );
  return {
    internalDomains: [...new Set(rows[0]?.domains ?? [])],
    competitors: agent.scope.competitors ?? [],
    timeZone: agent.timeZone ?? 'UTC',
    fiscalYearStartMonth: agent.scope.fiscalYearStartMonth ?? 1,
  };
}

export interface AgentRunPreview {
  agentConfigId: string;
  conversationId: string;
  matchedRecord: { type: 'deal'; id: string; crmId: string; name: string } | null;
  matchConfidence: number;
  match: CoreMatch;
  fields: (Omit<PlannedField, 'before' | 'after'> & { currentValue: unknown; newValue: unknown })[];
  mode: RunAgent['mode'];
  warnings: string[];
}

/**
 * What the agent would do on the meeting, writing nothing: the matched deal, each
 * field's current value (as of the last sync), new value, confidence, quote, decision
 * and route, and warnings. Works for an agent in any status, so a draft can be tried.
 */
export async function previewAgentRun(
  db: Queryable,
  workspaceId: string,
  agentConfigId: string,
  conversationId: string,
  options: PlanOptions = {},
): Promise<AgentRunPreview> {
  const agent = await loadRunAgent(db, workspaceId, agentConfigId);
  const conversation = await loadConversation(db, workspaceId, conversationId);
  const plan = await planAgentRun(db, workspaceId, agent, conversation, options);
  return {
    agentConfigId,
    conversationId,
    matchedRecord: plan.deal
      ? { type: 'deal', id: plan.deal.id, crmId: plan.deal.sourceId, name: plan.deal.name }
      : null,
    matchConfidence: plan.core.matchConfidence,
    match: plan.core.match,
    fields: plan.fields.map(({ before, after, ...field }) => ({
      ...field,
      currentValue: before,
      newValue: after,
    })),
    mode: agent.mode,
    warnings: plan.warnings,
  };
}
