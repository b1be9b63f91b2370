import type { Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import { notFound } from '../errors.js';
import { notifyInboxItemCreated } from '../notifications/producers/inbox-items.js';
import { emitFlowEvent } from '../flows/triggers/events.js';

/**
 * What an agent run leaves in Postgres: one `activity_logs` row per run and the inbox
 * items it asks people to decide, each published as an event in the caller's
 * transaction (delivered only if it commits). The inbox, the activity timeline and the
 * console read these rows; the shapes of `fields_updated` and of an item's `context`
 * below are the contract between them.
 */

export type RunTrigger = 'linked' | 'manual' | 'replay';
export type ActivityStatus = 'pending' | 'success' | 'failed' | 'rejected';

/** What became of one proposed field in a run. */
export type FieldStatus =
  /** Written to the CRM through the ledger (or already held that value). */
  | 'applied'
  /** Waiting in the inbox for a person. */
  | 'pending'
  /** The write failed; the run is `failed` and a re-run retries it. */
  | 'failed'
  /** Shadow mode: proposed, nothing written, nothing asked. */
  | 'shadow'
  /** A `require_approval` policy holds the automatic write. */
  | 'awaiting_approval'
  /** The agent has no CRM property to write this field to. */
  | 'unmapped'
  /** A person approved or rejected it in the inbox. */
  | 'approved'
  | 'rejected';

/** `activity_logs.fields_updated[field]`. */
export interface ActivityFieldEntry {
  before: unknown;
  after: unknown;
  confidence: number;
  quote: string;
  startSeconds: number | null;
  decision: 'auto_apply' | 'inbox';
  status: FieldStatus;
  /** The CRM property written (or that would be); null when unmapped. */
  crmProperty: string | null;
}

export interface NewActivityLog {
  agentConfigId: string;
  conversationId: string;
  ownerId: string | null;
  trigger: RunTrigger;
  crmRecordType: 'deal' | null;
  crmRecordId: string | null;
  dealId: string | null;
  actionType: 'create' | 'update' | 'skip';
  fieldsUpdated: Record<string, ActivityFieldEntry>;
  matchConfidence: number | null;
  overallConfidence: number | null;
  status: ActivityStatus;
  shadow: boolean;
  actionId: string | null;
  warnings: string[];
  errorMessage: string | null;
}

export interface ActivityLogRow extends NewActivityLog {
  id: string;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
}

const ACTIVITY_COLUMNS = `
  id, workspace_id as "workspaceId", agent_config_id as "agentConfigId",
  conversation_id as "conversationId", owner_id as "ownerId", trigger,
  crm_record_type as "crmRecordType", crm_record_id as "crmRecordId", deal_id as "dealId",
  action_type as "actionType", fields_updated as "fieldsUpdated",
  match_confidence::float8 as "matchConfidence", overall_confidence::float8 as "overallConfidence",
  status, shadow, action_id as "actionId", warnings, error_message as "errorMessage",
  created_at as "createdAt", updated_at as "updatedAt"`;

/** Confidences are stored with two decimals (numeric(3,2)). */
const twoDecimals = (value: number | null) =>
  value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;

/**
 * Records a run. An automatic (`linked`) run happens once per agent and meeting: when
 * that row exists already, nothing is inserted and null is returned (the caller resumes
 * the existing run instead).
 */
export async function insertActivityLog(
  db: Queryable,
  workspaceId: string,
  run: NewActivityLog,
): Promise<ActivityLogRow | null> {
  const { rows } = await db.query<ActivityLogRow>(
    `insert into activity_logs (workspace_id, agent_config_id, conversation_id, owner_id, trigger,
                                crm_record_type, crm_record_id, deal_id, action_type,
                                fields_updated, match_confidence, overall_confidence, status,
                                shadow, action_id, warnings, error_message)
     values ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::text, $6::text, $7::text, $8::uuid,
             $9::text, $10::jsonb, $11::numeric, $12::numeric, $13::text, $14::boolean,
             $15::uuid, $16::jsonb, $17::text)
     on conflict (agent_config_id, conversation_id) where trigger = 'linked' do nothing
     returning ${ACTIVITY_COLUMNS}`,
    [
      workspaceId,
      run.agentConfigId,
      run.conversationId,
      run.ownerId,
      run.trigger,
      run.crmRecordType,
      run.crmRecordId,
      run.dealId,
      run.actionType,
      JSON.stringify(run.fieldsUpdated),
      twoDecimals(run.matchConfidence),
      twoDecimals(run.overallConfidence),
      run.status,
      run.shadow,
      run.actionId,
      JSON.stringify(run.warnings),
      run.errorMessage,
    ],
  );
  const row = rows[0];
  if (!row) return null;
  await publishEvent(db, {
    workspaceId,
    type: 'activity_log.created',
    payload: { activityLogId: row.id, agentConfigId: row.agentConfigId, status: row.status },
  });
  await emitFlowEvent(db, workspaceId, 'agent_run.finished', {
    activityLogId: row.id,
    agentConfigId: run.agentConfigId,
    conversationId: run.conversationId,
    status: run.status,
    shadow: run.shadow,
    record: run.dealId ? { type: 'deal', id: run.dealId } : null,
  });
  return row;
}

/** The automatic run of an agent on a meeting, if it happened. */
export async function findLinkedRun(
  db: Queryable,
  workspaceId: string,
  agentConfigId: string,
  conversationId: string,
): Promise<ActivityLogRow | null> {
  const { rows } = await db.query<ActivityLogRow>(
    `select ${ACTIVITY_COLUMNS} from activity_logs
     where workspace_id = $1::uuid and agent_config_id = $2::uuid
       and conversation_id = $3::uuid and trigger = 'linked'`,
    [workspaceId, agentConfigId, conversationId],
  );
  return rows[0] ?? null;
}

export async function getActivityLog(
  db: Queryable,
  workspaceId: string,
  activityLogId: string,
): Promise<ActivityLogRow> {
  const { rows } = await db.query<ActivityLogRow>(
    `select ${ACTIVITY_COLUMNS} from activity_logs where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, activityLogId],
  );
  if (!rows[0]) throw notFound('activity log', activityLogId);
  return rows[0];
}

export interface ActivitySettlement {
  status: ActivityStatus;
  /** Merged into `fields_updated` by field (only the entries given change). */
  fields?: Record<string, Partial<ActivityFieldEntry>>;
  /** Replaces the error message (null clears it). */
  errorMessage?: string | null;
  actionId?: string | null;
}

/**
 * Moves a run to its outcome (the automatic write landed or failed, a person decided
 * an inbox item) and publishes `activity_log.updated` when the status changed.
 */
export async function settleActivityLog(
  db: Queryable,
  workspaceId: string,
  activityLogId: string,
  settlement: ActivitySettlement,
): Promise<ActivityLogRow> {
  const { rows } = await db.query<ActivityLogRow & { previous: ActivityStatus }>(
    `with old as (select id, status from activity_logs
                  where workspace_id = $1::uuid and id = $2::uuid for update),
          updated as (
            update activity_logs a
            set status = $3::text,
                fields_updated = case when $4::jsonb is null then a.fields_updated else (
                  select coalesce(jsonb_object_agg(f.key,
                           case when p.value is null then f.value else f.value || p.value end),
                         '{}')
                  from jsonb_each(a.fields_updated) f
                  left join jsonb_each($4::jsonb) p on p.key = f.key) end,
                error_message = case when $5::boolean then $6::text else a.error_message end,
                action_id = case when $7::boolean then $8::uuid else a.action_id end,
                updated_at = now()
            from old where a.id = old.id
            returning a.*, old.status as previous)
     select ${ACTIVITY_COLUMNS}, previous from updated`,
    [
      workspaceId,
      activityLogId,
      settlement.status,
      settlement.fields ? JSON.stringify(settlement.fields) : null,
      settlement.errorMessage !== undefined,
      settlement.errorMessage ?? null,
      settlement.actionId !== undefined,
      settlement.actionId ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw notFound('activity log', activityLogId);
  const { previous, ...updated } = row;
  if (previous !== updated.status) {
    await publishEvent(db, {
      workspaceId,
      type: 'activity_log.updated',
      payload: { activityLogId, status: updated.status },
    });
  }
  return updated;
}

/** Where a meeting's inbox item points: enough for a person to open it. */
export interface InboxMeetingRef {
  id: string;
  title: string;
  startedAt: string;
}

export interface InboxRecordRef {
  type: 'deal';
  /** Pandora's id of the deal. */
  id: string;
  /** The CRM's id of the deal. */
  crmId: string;
  name: string;
  connectionId: string | null;
}

export interface InboxFieldProposal {
  field: string;
  crmProperty: string | null;
  before: unknown;
  after: unknown;
  confidence: number;
  quote: string;
  startSeconds: number | null;
}

/** `inbox_items.context` of an agent's approval: the fields its open action holds. */
export interface AgentApprovalContext {
  meeting: InboxMeetingRef;
  record: InboxRecordRef;
  agent: { id: string; name: string };
  fields: InboxFieldProposal[];
}

/** `inbox_items.context` of an agent's question: which deal the meeting was about. */
export interface AgentQuestionContext {
  meeting: InboxMeetingRef;
  agent: { id: string; name: string };
  question: string;
  candidates: { dealId: string; crmId: string; name: string; score: number }[];
}

export interface NewAgentInboxItem {
  itemType: 'approval' | 'question';
  assigneeUserId: string | null;
  title: string;
  description: string | null;
  context: AgentApprovalContext | AgentQuestionContext;
  confidence: number | null;
  activityLogId: string;
  /** The open action an approval executes; null for a question. */
  actionId: string | null;
  expiresAt: Date;
}

export interface InboxItemRef {
  id: string;
  assigneeUserId: string | null;
  created: boolean;
}

/**
 * Puts an agent's item in the inbox. An approval's action has at most one pending
 * item (inbox_items_action_pending_idx): a re-run of the same agent on the same meeting
 * refreshes that item rather than adding a second. `inbox_item.created` is published
 * for a new item only.
 */
export async function insertAgentInboxItem(
  db: Queryable,
  workspaceId: string,
  item: NewAgentInboxItem,
): Promise<InboxItemRef> {
  const { rows } = await db.query<InboxItemRef>(
    `insert into inbox_items as i (workspace_id, assignee_user_id, item_type, source, title,
                                   description, context, confidence, activity_log_id, action_id,
                                   expires_at)
     values ($1::uuid, $2::uuid, $3::text, 'agent', $4::text, $5::text, $6::jsonb, $7::numeric,
             $8::uuid, $9::uuid, $10::timestamptz)
     on conflict (action_id) where status = 'pending' and action_id is not null
     do update set assignee_user_id = excluded.assignee_user_id, title = excluded.title,
                   description = excluded.description, context = excluded.context,
                   confidence = excluded.confidence, activity_log_id = excluded.activity_log_id,
                   expires_at = excluded.expires_at, updated_at = now()
     returning id, assignee_user_id as "assigneeUserId", (xmax = 0) as created`,
    [
      workspaceId,
      item.assigneeUserId,
      item.itemType,
      item.title.slice(0, 300),
      item.description,
      JSON.stringify(item.context),
      twoDecimals(item.confidence),
      item.activityLogId,
      item.actionId,
      item.expiresAt.toISOString(),
    ],
  );
  const row = rows[0]!;
  if (row.created) {
    await publishEvent(db, {
      workspaceId,
      type: 'inbox_item.created',
      payload: { inboxItemId: row.id, assigneeUserId: row.assigneeUserId },
    });
    await notifyInboxItemCreated(db, workspaceId, row.id);
  }
  return row;
}
