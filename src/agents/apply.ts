import type { ActionExecution, EngineDeps } from '../actions/execute.js';
import { executeActions } from '../actions/execute.js';
import { policyGate } from '../actions/policy-gate.js';
import { getAction, proposeAction, type CrmUpdate } from '../actions/store.js';
import type { CrmValue } from '../crm/port.js';
import { withTransaction, type Queryable } from '../db/pool.js';
import { notifyAgentRunFinished } from '../notifications/producers/agent-runs.js';
import type { PlannedField, RunPlan } from './preview.js';
import {
  findLinkedRun,
  insertActivityLog,
  insertAgentInboxItem,
  settleActivityLog,
  type ActivityFieldEntry,
  type ActivityLogRow,
  type ActivityStatus,
  type FieldStatus,
  type InboxMeetingRef,
  type RunTrigger,
} from './run-store.js';

/**
 * Applying a planned run: in one transaction the activity row, the agent's actions
 * (one for the values it applies itself, one held for the inbox) and the inbox items;
 * then the automatic action executed through the actions engine (ledger, audit note,
 * policies) and the row settled by its outcome. A run whose write failed stays
 * `failed` with the error; resuming it executes the same action again, whose ledger
 * keys make a write that landed count once.
 */

export interface AppliedRun {
  activityLogId: string;
  status: ActivityStatus;
  /** The automatic write failed in a way a retry may fix. */
  retryable: boolean;
  /** An automatic run that had happened already: resumed, not recorded again. */
  resumed: boolean;
}

const actorOf = (plan: Pick<RunPlan, 'agent'>) => `agent ${plan.agent.name}`;
const keyOf = (agentId: string, conversationId: string, kind: 'auto' | 'inbox') =>
  `agent:${agentId}:conversation:${conversationId}:${kind}`;

/** Records and carries out a planned run (see the module comment). */
export async function applyRunPlan(
  deps: EngineDeps,
  workspaceId: string,
  plan: RunPlan,
  trigger: RunTrigger,
): Promise<AppliedRun> {
  const recorded = await withTransaction(deps.pool, (tx) =>
    recordRun(tx, workspaceId, plan, trigger),
  );
  if (!recorded) {
    // The automatic run of this agent on this meeting exists: finish it, if unfinished.
    const existing = await findLinkedRun(
      deps.pool,
      workspaceId,
      plan.agent.id,
      plan.conversation.id,
    );
    return resumeRun(deps, workspaceId, existing!);
  }
  const { row, autoActionId } = recorded;
  if (!autoActionId)
    return { activityLogId: row.id, status: row.status, retryable: false, resumed: false };
  return {
    ...(await executeAuto(deps, workspaceId, row, autoActionId, actorOf(plan))),
    resumed: false,
  };
}

/**
 * Finishes a run whose automatic write did not land (failed, or stopped before it was
 * sent): the same action is executed again. Anything else is left as it is.
 */
export async function resumeRun(
  deps: EngineDeps,
  workspaceId: string,
  row: ActivityLogRow,
): Promise<AppliedRun> {
  const done = { activityLogId: row.id, status: row.status, retryable: false, resumed: true };
  const autoFields = Object.values(row.fieldsUpdated).filter((f) => f.decision === 'auto_apply');
  const unfinished = autoFields.some((f) => f.status === 'failed' || f.status === 'pending');
  if (!row.actionId || row.shadow || !unfinished) return done;
  const action = await getAction(deps.pool, workspaceId, row.actionId);
  if (!['open', 'failed', 'in_progress'].includes(action.status)) return done;
  return {
    ...(await executeAuto(deps, workspaceId, row, action.id, action.sourceName ?? 'agent')),
    resumed: true,
  };
}

async function recordRun(
  tx: Queryable,
  workspaceId: string,
  plan: RunPlan,
  trigger: RunTrigger,
): Promise<{ row: ActivityLogRow; autoActionId: string | null } | null> {
  const { agent, conversation, deal, core } = plan;
  const auto = plan.fields.filter((f) => f.route === 'auto');
  const inbox = plan.fields.filter((f) => f.route === 'inbox');
  const ambiguous = core.dealId === null && core.match.method === 'ambiguous';
  const shadow = agent.mode === 'shadow';
  const initialStatus: ActivityStatus =
    auto.length > 0 || inbox.length > 0 || (ambiguous && !shadow) ? 'pending' : 'success';
  const row = await insertActivityLog(tx, workspaceId, {
    agentConfigId: agent.id,
    conversationId: conversation.id,
    ownerId: deal?.ownerId ?? conversation.ownerId,
    trigger,
    crmRecordType: deal ? 'deal' : null,
    crmRecordId: deal?.sourceId ?? null,
    dealId: deal?.id ?? null,
    actionType: auto.length > 0 || inbox.length > 0 ? 'update' : 'skip',
    fieldsUpdated: Object.fromEntries(plan.fields.map((f) => [f.field, entryOf(f)])),
    matchConfidence: core.matchConfidence,
    overallConfidence: overallConfidence(plan),
    status: initialStatus,
    shadow,
    actionId: null,
    warnings: plan.warnings,
    errorMessage: null,
  });
  if (!row) return null;

  const meeting: InboxMeetingRef = {
    id: conversation.id,
    title: conversation.title,
    startedAt: new Date(conversation.startedAt).toISOString(),
  };
  const expiresAt = new Date(Date.now() + agent.inboxExpiryHours * 3_600_000);
  const assigneeUserId = deal?.ownerEmail
    ? await memberWithEmail(tx, workspaceId, deal.ownerEmail)
    : null;

  let autoActionId: string | null = null;
  let inboxActionId: string | null = null;
  if (deal && auto.length > 0)
    autoActionId = await proposeFields(tx, workspaceId, plan, auto, 'auto');
  if (deal && inbox.length > 0) {
    inboxActionId = await proposeFields(tx, workspaceId, plan, inbox, 'inbox');
    await insertAgentInboxItem(tx, workspaceId, {
      itemType: 'approval',
      assigneeUserId,
      title: `${inbox.length === 1 ? 'One field' : `${inbox.length} fields`} of ${deal.name} from "${conversation.title}"`,
      description: `${agent.name} proposes ${inbox.map((f) => f.field).join(', ')}; approve, edit or reject.`,
      context: {
        meeting,
        record: {
          type: 'deal',
          id: deal.id,
          crmId: deal.sourceId,
          name: deal.name,
          connectionId: agent.connectionId,
        },
        agent: { id: agent.id, name: agent.name },
        fields: inbox.map((f) => ({
          field: f.field,
          crmProperty: f.crmProperty,
          before: f.before,
          after: f.after,
          confidence: f.confidence,
          quote: f.quote,
          startSeconds: f.startSeconds,
        })),
      },
      confidence: Math.min(...inbox.map((f) => f.confidence)),
      activityLogId: row.id,
      actionId: inboxActionId,
      expiresAt,
    });
  }
  if (ambiguous && !shadow) {
    const question = core.match.question ?? `Which deal was "${conversation.title}" about?`;
    await insertAgentInboxItem(tx, workspaceId, {
      itemType: 'question',
      assigneeUserId: null,
      title: question,
      description: core.match.reason,
      context: {
        meeting,
        agent: { id: agent.id, name: agent.name },
        question,
        candidates: core.match.candidates.flatMap((candidate) => {
          const known = plan.candidates.get(candidate.dealId);
          return known
            ? [
                {
                  dealId: known.id,
                  crmId: known.sourceId,
                  name: known.name,
                  score: candidate.score,
                },
              ]
            : [];
        }),
      },
      confidence: null,
      activityLogId: row.id,
      actionId: null,
      expiresAt,
    });
  }
  const actionId = autoActionId ?? inboxActionId;
  const settled = actionId
    ? await settleActivityLog(tx, workspaceId, row.id, { status: row.status, actionId })
    : row;
  // With nothing to write itself, the run is done once recorded.
  if (!autoActionId) await notifyAgentRunFinished(tx, workspaceId, row.id);
  return { row: settled, autoActionId };
}

/** One update_field action for these fields of the matched deal; returns its id. */
async function proposeFields(
  tx: Queryable,
  workspaceId: string,
  plan: RunPlan,
  fields: PlannedField[],
  kind: 'auto' | 'inbox',
): Promise<string> {
  const { agent, conversation, deal } = plan;
  const day = new Date(conversation.startedAt).toISOString().slice(0, 10);
  const { action } = await proposeAction(tx, workspaceId, {
    actionType: 'update_field',
    severity: 'info',
    title: `${agent.name}: ${fields.map((f) => f.field).join(', ')} from "${conversation.title}"`,
    summary: `From the meeting "${conversation.title}" on ${day}.`,
    connectionId: agent.connectionId,
    targetType: 'deal',
    targetSourceId: deal!.sourceId,
    targetEntityId: deal!.id,
    targetName: deal!.name,
    ownerEmail: deal!.ownerEmail,
    executionPayload: {
      crm_updates: fields.map((f): CrmUpdate => ({
        field: f.crmProperty!,
        proposed_value: f.after as CrmValue,
        current_value: (f.before ?? null) as CrmValue,
      })),
      // The audit note on the record: which agent, which meeting, what was said.
      note: [
        `Meeting agent "${agent.name}", from the meeting "${conversation.title}" on ${day} (conversation ${conversation.id}):`,
        ...fields.map((f) => `- ${f.field}: "${f.quote}" (confidence ${f.confidence.toFixed(2)})`),
      ].join('\n'),
    },
    sourceType: 'agent',
    sourceId: agent.id,
    sourceName: agent.name,
    dedupeKey: keyOf(agent.id, conversation.id, kind),
    actor: actorOf(plan),
  });
  return action.id;
}

/** Executes the automatic action under the workspace's policies and settles the row. */
async function executeAuto(
  deps: EngineDeps,
  workspaceId: string,
  row: ActivityLogRow,
  actionId: string,
  actor: string,
): Promise<Omit<AppliedRun, 'resumed'>> {
  const [result] = await executeActions(deps, workspaceId, [actionId], {
    actor,
    gate: policyGate(deps.pool, workspaceId),
  });
  const { fieldStatus, status, errorMessage, retryable } = outcomeOf(result!, row);
  const fields = Object.fromEntries(
    Object.entries(row.fieldsUpdated)
      .filter(([, entry]) => entry.decision === 'auto_apply')
      .filter(([, entry]) => entry.status === 'pending' || entry.status === 'failed')
      .map(([field]) => [field, { status: fieldStatus }]),
  );
  const settled = await withTransaction(deps.pool, async (tx) => {
    const settledRow = await settleActivityLog(tx, workspaceId, row.id, {
      status,
      fields,
      errorMessage,
    });
    // A write still running elsewhere is not an outcome yet: whoever settles it tells.
    if (fieldStatus !== 'pending') await notifyAgentRunFinished(tx, workspaceId, row.id);
    return settledRow;
  });
  return { activityLogId: settled.id, status: settled.status, retryable };
}

function outcomeOf(
  result: ActionExecution,
  row: ActivityLogRow,
): {
  fieldStatus: FieldStatus;
  status: ActivityStatus;
  errorMessage: string | null;
  retryable: boolean;
} {
  const waiting = Object.values(row.fieldsUpdated).some(
    (f) => f.decision === 'inbox' && f.status === 'pending',
  );
  const message = result.errors.map((error) => error.message).join('; ') || result.outcome;
  switch (result.outcome) {
    case 'executed':
      return {
        fieldStatus: 'applied',
        status: waiting ? 'pending' : 'success',
        errorMessage: null,
        retryable: false,
      };
    case 'needs_approval':
      return {
        fieldStatus: 'awaiting_approval',
        status: 'pending',
        errorMessage: null,
        retryable: false,
      };
    case 'busy':
      // Another execution of the same action is running: it settles the action; a
      // resume settles this row.
      return { fieldStatus: 'pending', status: 'pending', errorMessage: null, retryable: true };
    default:
      return {
        fieldStatus: 'failed',
        status: 'failed',
        errorMessage: `The CRM write failed: ${message}`,
        retryable: result.retryable,
      };
  }
}

function entryOf(field: PlannedField): ActivityFieldEntry {
  return {
    before: field.before,
    after: field.after,
    confidence: field.confidence,
    quote: field.quote,
    startSeconds: field.startSeconds,
    // What the run did with it; in shadow or unmapped, what the core would have done.
    decision:
      field.route === 'auto' ? 'auto_apply' : field.route === 'inbox' ? 'inbox' : field.decision,
    status: field.route === 'auto' || field.route === 'inbox' ? 'pending' : field.route,
    crmProperty: field.crmProperty,
  };
}

/** The mean confidence of the values proposed, or the match's when none was. */
function overallConfidence(plan: RunPlan): number | null {
  if (plan.fields.length === 0) return plan.core.dealId ? plan.core.matchConfidence : null;
  return plan.fields.reduce((sum, f) => sum + f.confidence, 0) / plan.fields.length;
}

/** The workspace member with this email (the deal owner's Pandora user), else null: admins. */
async function memberWithEmail(
  db: Queryable,
  workspaceId: string,
  email: string,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select u.id from users u
     join memberships m on m.user_id = u.id and m.workspace_id = $1::uuid
     where u.email = lower($2::text)`,
    [workspaceId, email],
  );
  return rows[0]?.id ?? null;
}
