import type { CrmType } from '../crm/port.js';
import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';
import type { AgentConfig } from './cases.js';
import {
  loadCandidates,
  loadConversation,
  meetingOf,
  type AgentConversation,
  type CandidateDeal,
} from './candidates.js';
import { agentCore } from './core.js';
import type { CoreInput } from './core-types.js';
import { deterministicExtractor, type ExtractUtterance } from './extract/index.js';

/**
 * Planning one agent's run on one meeting, reading only: the candidates, the pure core,
 * then what the run would do with each proposed value given the agent's mode, rules
 * and earned trust. The run (run.ts) applies a plan; the preview shows it.
 */

/** One field of an agent's configuration (agent_configs.fields). */
export interface AgentFieldSetting {
  field: string;
  crmProperty?: string | null;
  rule: 'auto' | 'ask' | 'never';
  threshold?: number;
  /** Trust earned and auto-apply switched on for this field. */
  autoApplyEnabled?: boolean;
}

export interface RunAgent {
  id: string;
  name: string;
  connectionId: string;
  crmType: CrmType;
  status: 'draft' | 'active' | 'paused' | 'error';
  mode: 'shadow' | 'live';
  fields: AgentFieldSetting[];
  scope: {
    ownerIds?: string[];
    pipelines?: string[];
    competitors?: string[];
    fiscalYearStartMonth?: number;
  };
  inboxExpiryHours: number;
  /** The CRM account's zone (the connection's metadata), else null for UTC. */
  timeZone: string | null;
}

const AGENT_COLUMNS = `
  a.id, a.name, a.connection_id as "connectionId", c.crm_type as "crmType", a.status, a.mode,
  a.fields, a.scope, a.inbox_expiry_hours as "inboxExpiryHours",
  nullif(c.metadata->>'timeZone', '') as "timeZone"`;

/** One agent of the workspace, whatever its status; another workspace's is not found. */
export async function loadRunAgent(
  db: Queryable,
  workspaceId: string,
  agentConfigId: string,
): Promise<RunAgent> {
  const { rows } = await db.query<RunAgent>(
    `select ${AGENT_COLUMNS} from agent_configs a join connections c on c.id = a.connection_id
     where a.workspace_id = $1::uuid and a.id = $2::uuid`,
    [workspaceId, agentConfigId],
  );
  if (!rows[0]) throw notFound('agent', agentConfigId);
  return rows[0];
}

/** The workspace's active agents whose reps include the meeting's (or who name none). */
export async function loadActiveAgents(
  db: Queryable,
  workspaceId: string,
  conversation: AgentConversation,
): Promise<RunAgent[]> {
  const { rows } = await db.query<RunAgent>(
    `select ${AGENT_COLUMNS} from agent_configs a join connections c on c.id = a.connection_id
     where a.workspace_id = $1::uuid and a.status = 'active' and c.crm_type is not null
     order by a.created_at, a.id`,
    [workspaceId],
  );
  return rows.filter((agent) => ownerInScope(agent, conversation.ownerId));
}

const ownerInScope = (agent: RunAgent, ownerId: string | null) =>
  !agent.scope.ownerIds?.length || (ownerId !== null && agent.scope.ownerIds.includes(ownerId));

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

/** Standard fields Pandora's connectors know by name; others need the agent's property. */
const STANDARD_PROPERTIES = new Set(['close_date', 'amount', 'stage', 'next_step']);

/** Plans the agent's run on the meeting; reads only. */
export async function planAgentRun(
  db: Queryable,
  workspaceId: string,
  agent: RunAgent,
  conversation: AgentConversation,
): Promise<RunPlan> {
  const config = await coreConfig(db, workspaceId, agent, conversation);
  const { crm, deals } = await loadCandidates(db, workspaceId, conversation, {
    source: agent.crmType,
    internalDomains: config.internalDomains,
  });
  const meeting = meetingOf(conversation);
  const settings = new Map(agent.fields.map((setting) => [setting.field, setting]));
  const core = coreOf(
    { meeting, crm, config, referenceTime: meeting.startedAt },
    agent.fields.filter((f) => f.rule !== 'never'),
  );
  const warnings = [...core.warnings];
  if (conversation.isInternal) warnings.push('This meeting is internal: the agent skips it.');
  if (meeting.transcript.length === 0) warnings.push('This meeting has no transcript yet.');
  const deal = core.dealId ? (deals.get(core.dealId) ?? null) : null;
  if (deal && agent.scope.pipelines?.length && !agent.scope.pipelines.includes(deal.pipeline ?? ''))
    warnings.push(`The deal's pipeline is outside the agent's scope: nothing is proposed.`);
  const inScope =
    deal !== null &&
    !conversation.isInternal &&
    (!agent.scope.pipelines?.length || agent.scope.pipelines.includes(deal.pipeline ?? ''));
  const fields: PlannedField[] = [];
  for (const proposal of inScope ? core.fields : []) {
    const setting = settings.get(proposal.field);
    const crmProperty =
      setting?.crmProperty || (STANDARD_PROPERTIES.has(proposal.field) ? proposal.field : null);
    const route: FieldRoute =
      crmProperty === null
        ? 'unmapped'
        : agent.mode === 'shadow'
          ? 'shadow'
          : proposal.decision === 'auto_apply' && setting?.autoApplyEnabled === true
            ? 'auto'
            : 'inbox';
    if (crmProperty === null)
      warnings.push(`${proposal.field}: the agent has no CRM property for this field.`);
    fields.push({
      field: proposal.field,
      crmProperty,
      before: beforeOf(deal!, proposal.field),
      after: writable(proposal.value),
      confidence: proposal.confidence,
      quote: proposal.quote,
      startSeconds: proposal.startSeconds,
      decision: proposal.decision,
      route,
    });
  }
  return {
    agent,
    conversation,
    core,
    deal: inScope ? deal : null,
    candidates: deals,
    fields,
    warnings,
  };
}

/** An amount said with its currency is written as the number (the deal's currency). */
function writable(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'value' in value)
    return (value as { value: unknown }).value;
  return value;
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

/** The core's match: how the deal was found, or why none was. */
export interface CoreMatch {
  method: 'contact' | 'account' | 'domain' | 'ambiguous' | 'none';
  reason: string;
  candidates: { dealId: string; name: string; score: number }[];
  question?: string;
}

export interface CoreResult {
  dealId: string | null;
  matchConfidence: number;
  match: CoreMatch;
  fields: {
    field: string;
    value: unknown;
    confidence: number;
    quote: string;
    utteranceIndex: number;
    startSeconds: number;
    decision: 'auto_apply' | 'inbox';
  }[];
  warnings: string[];
}

/** Below this calibrated confidence an 'auto' field without its own threshold is asked. */
const DEFAULT_AUTO_THRESHOLD = 0.95;

/**
 * The core's product output, from the eval core's match and the deterministic
 * extractors, until the core's own `runCore` (same shape) replaces this function: the
 * matched deal, each wanted field's value unless it restates the deal's, decided by
 * the field's rule ('auto' at its threshold, else the inbox).
 */
function coreOf(input: CoreInput, settings: AgentFieldSetting[]): CoreResult {
  const prediction = agentCore(input);
  const deal = input.crm.deals.find((d) => d.id === prediction.dealId);
  if (!deal) {
    const open = input.crm.deals.filter((d) => !d.isClosed);
    const ambiguous = open.length > 1 && input.crm.contacts.length > 0;
    const question = `Which deal was "${input.meeting.title}" about?`;
    return {
      dealId: null,
      matchConfidence: 0,
      match: {
        method: ambiguous ? 'ambiguous' : 'none',
        reason: ambiguous
          ? `The participants are on ${open.length} open deals; the call does not say which.`
          : 'No open deal of the participants.',
        candidates: ambiguous
          ? open.map((d) => ({ dealId: d.id, name: d.name, score: 1 / open.length }))
          : [],
        ...(ambiguous ? { question } : {}),
      },
      fields: [],
      warnings: [],
    };
  }
  const internal = new Set(input.config.internalDomains.map((d) => d.toLowerCase()));
  const sides = new Map(
    input.meeting.participants.map((p) => [
      p.name.toLowerCase(),
      p.email
        ? internal.has(p.email.split('@')[1]!.toLowerCase())
          ? 'internal'
          : 'external'
        : 'unknown',
    ]),
  );
  const utterances: ExtractUtterance[] = input.meeting.transcript.map((u) => ({
    ...u,
    side: (sides.get(u.speaker.toLowerCase()) ?? 'unknown') as ExtractUtterance['side'],
  }));
  const extracted = deterministicExtractor.extractFields({
    utterances,
    ctx: {
      startedAt: input.meeting.startedAt,
      timeZone: input.config.timeZone,
      fiscalYearStartMonth: input.config.fiscalYearStartMonth,
      competitors: input.config.competitors,
    },
    fields: settings.map((s) => s.field),
  });
  const fields: CoreResult['fields'] = [];
  const warnings: string[] = [];
  for (const setting of settings) {
    const candidate = extracted[setting.field];
    if (!candidate) continue;
    const raw = candidate.value as unknown;
    const value =
      raw && typeof raw === 'object' && 'amount' in raw ? (raw as { amount: number }).amount : raw;
    const current =
      setting.field === 'close_date'
        ? deal.closeDate
        : setting.field === 'amount'
          ? deal.amount
          : undefined;
    if (current !== undefined && current === value) {
      warnings.push(`${setting.field}: the call restates the CRM's value; nothing to change.`);
      continue;
    }
    const threshold = setting.threshold ?? DEFAULT_AUTO_THRESHOLD;
    fields.push({
      field: setting.field,
      value,
      confidence: candidate.confidence,
      quote: candidate.quote,
      utteranceIndex: candidate.utteranceIndex,
      startSeconds: candidate.startSeconds,
      decision:
        setting.rule === 'auto' && candidate.confidence >= threshold ? 'auto_apply' : 'inbox',
    });
  }
  return {
    dealId: deal.id,
    matchConfidence: prediction.matchConfidence,
    match: { method: 'contact', reason: 'The only open deal of the participants.', candidates: [] },
    fields,
    warnings,
  };
}

/**
 * The core's configuration: the workspace's own domains (and the host's), the CRM
 * account's zone. Competitors and the fiscal year's first month are the agent's
 * (scope.competitors, scope.fiscalYearStartMonth) until the workspace holds them.
 */
async function coreConfig(
  db: Queryable,
  workspaceId: string,
  agent: RunAgent,
  conversation: AgentConversation,
): Promise<AgentConfig> {
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
): Promise<AgentRunPreview> {
  const agent = await loadRunAgent(db, workspaceId, agentConfigId);
  const conversation = await loadConversation(db, workspaceId, conversationId);
  const plan = await planAgentRun(db, workspaceId, agent, conversation);
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
