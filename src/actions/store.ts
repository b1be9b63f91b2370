import type { Queryable } from '../db/pool.js';
import { badRequest, conflict, notFound } from '../errors.js';
import type { CrmObjectType, CrmValue } from '../crm/port.js';
import type { ActionExecution } from './execute.js';
import { emitFlowEvent, type FlowEventPayload } from '../flows/triggers/events.js';

export type Severity = 'critical' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

export type ActionStatus =
  'open' | 'in_progress' | 'awaiting_approval' | 'executed' | 'failed' | 'dismissed' | 'undone';
export const ACTION_STATUSES: readonly ActionStatus[] = [
  'open',
  'in_progress',
  'awaiting_approval',
  'executed',
  'failed',
  'dismissed',
  'undone',
];

/**
 * The statuses in which an action holds its dedupe key: proposing the same key again
 * refreshes that action (or, while it is `in_progress`, leaves it as it is) instead of
 * adding a second. The unique index `actions_dedupe_idx` (migrations/013) has exactly
 * this list as its predicate, so an action can move among these statuses without
 * meeting another with its key; change both together.
 */
export const OPEN_STATUSES = [
  'open',
  'in_progress',
  'awaiting_approval',
  'failed',
] as const satisfies readonly ActionStatus[];

/** `actions_dedupe_idx`'s predicate, for `on conflict`, which cannot take parameters. */
const HOLDS_DEDUPE_KEY = `dedupe_key is not null
       and status in (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`;

export type SourceType = 'skill' | 'person' | 'api' | 'flow' | 'agent';
export const SOURCE_TYPES: readonly SourceType[] = ['skill', 'person', 'api', 'flow', 'agent'];

/** The action types Pandora plans; others are accepted and planned from their payload. */
export const KNOWN_ACTION_TYPES = [
  'clean_data',
  'update_field',
  're_engage_deal',
  'close_stale_deal',
  'notify_manager',
  'notify_rep',
  'add_note',
] as const;

/** One proposed field change. `field` is Pandora's name (`close_date`) or the CRM's own. */
export interface CrmUpdate {
  field: string;
  proposed_value: CrmValue;
  /** The value the proposer saw; the preview reads the CRM's current one fresh. */
  current_value?: CrmValue;
}

export interface ExecutionPayload {
  crm_updates?: CrmUpdate[];
  /** Extra text for the audit note. */
  note?: string;
}

export interface Action {
  id: string;
  workspaceId: string;
  actionType: string;
  severity: Severity;
  title: string;
  summary: string;
  impactAmount: number | null;
  urgencyLabel: string | null;
  recommendedSteps: string[];
  connectionId: string | null;
  targetType: CrmObjectType;
  targetSourceId: string;
  targetEntityId: string | null;
  targetName: string | null;
  ownerEmail: string | null;
  executionPayload: ExecutionPayload;
  status: ActionStatus;
  /** The last execution's result as execution-records.ts stores it; null before any. */
  executionResult: Pick<
    ActionExecution,
    'executionId' | 'outcome' | 'operations' | 'errors' | 'retryable'
  > | null;
  sourceType: SourceType;
  sourceId: string | null;
  sourceName: string | null;
  dedupeKey: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  executedAt: string | null;
  undoneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const ACTION_COLUMNS = `
  id, workspace_id as "workspaceId", action_type as "actionType", severity, title, summary,
  impact_amount as "impactAmount", urgency_label as "urgencyLabel",
  recommended_steps as "recommendedSteps", connection_id as "connectionId",
  target_type as "targetType", target_source_id as "targetSourceId",
  target_entity_id as "targetEntityId", target_name as "targetName",
  owner_email as "ownerEmail", execution_payload as "executionPayload", status,
  execution_result as "executionResult", source_type as "sourceType", source_id as "sourceId",
  source_name as "sourceName", dedupe_key as "dedupeKey", approved_by as "approvedBy",
  approved_at as "approvedAt", executed_at as "executedAt", undone_at as "undoneAt",
  created_at as "createdAt", updated_at as "updatedAt"`;

export interface ProposedAction {
  actionType: string;
  severity: Severity;
  title: string;
  summary?: string;
  impactAmount?: number | null;
  urgencyLabel?: string | null;
  recommendedSteps?: string[];
  connectionId?: string | null;
  targetType: CrmObjectType;
  targetSourceId: string;
  targetEntityId?: string | null;
  targetName?: string | null;
  ownerEmail?: string | null;
  executionPayload?: ExecutionPayload;
  sourceType: SourceType;
  sourceId?: string | null;
  sourceName?: string | null;
  /**
   * Skills pass one (e.g. `data-quality-audit:deal:<id>`): while an action with the
   * same key has one of the `OPEN_STATUSES`, proposing again updates it, or leaves it
   * be while it is being executed.
   */
  dedupeKey?: string | null;
  /** Who proposed it, for the audit log. */
  actor?: string | null;
}

/**
 * Records a proposed action, or refreshes the open one with the same `dedupeKey`
 * (title, summary, impact, payload...), logging `created` or `updated`. One being
 * executed is left as it is (its execution ran what it held; `updated` is false).
 * Returns the action and whether it was new or changed.
 */
export async function proposeAction(
  db: Queryable,
  workspaceId: string,
  input: ProposedAction,
): Promise<{ action: Action; created: boolean; updated: boolean }> {
  // A few tries: the action holding the key can settle (and leave the open statuses)
  // between the insert that met it and the read of it.
  for (let attempt = 1; ; attempt++) {
    const proposed = await insertOrRefresh(db, workspaceId, input);
    if (proposed) {
      const { created, ...action } = proposed;
      await appendAudit(db, workspaceId, action.id, {
        event: created ? 'created' : 'updated',
        toStatus: created ? action.status : undefined,
        actor: input.actor ?? input.sourceName ?? input.sourceType,
        details: created ? { source: input.sourceType, sourceId: input.sourceId ?? null } : {},
      });
      if (created) await emitFlowEvent(db, workspaceId, 'action.created', actionEvent(action));
      return { action, created, updated: !created };
    }
    const { rows } = await db.query<Action>(
      `select ${ACTION_COLUMNS} from actions
       where workspace_id = $1::uuid and dedupe_key = $2::text and ${HOLDS_DEDUPE_KEY}`,
      [workspaceId, input.dedupeKey],
    );
    if (rows[0]) return { action: rows[0], created: false, updated: false };
    if (attempt === 3) throw new Error(`The action with key ${input.dedupeKey} kept changing`);
  }
}

/** The inserted or refreshed row; none when the key is held by an action being executed. */
async function insertOrRefresh(
  db: Queryable,
  workspaceId: string,
  input: ProposedAction,
): Promise<(Action & { created: boolean }) | undefined> {
  const { rows } = await db.query<Action & { created: boolean }>(
    `insert into actions as a (workspace_id, action_type, severity, title, summary, impact_amount,
                               urgency_label, recommended_steps, connection_id, target_type,
                               target_source_id, target_entity_id, target_name, owner_email,
                               execution_payload, source_type, source_id, source_name, dedupe_key)
     values ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::numeric, $7::text, $8::jsonb,
             $9::uuid, $10::text, $11::text, $12::uuid, $13::text, $14::text, $15::jsonb,
             $16::text, $17::text, $18::text, $19::text)
     on conflict (workspace_id, dedupe_key) where ${HOLDS_DEDUPE_KEY}
     do update set action_type = excluded.action_type, connection_id = excluded.connection_id,
                   severity = excluded.severity, title = excluded.title,
                   summary = excluded.summary, impact_amount = excluded.impact_amount,
                   urgency_label = excluded.urgency_label,
                   recommended_steps = excluded.recommended_steps,
                   target_entity_id = excluded.target_entity_id,
                   target_name = excluded.target_name, owner_email = excluded.owner_email,
                   execution_payload = excluded.execution_payload,
                   source_id = excluded.source_id, updated_at = now()
       where a.status <> 'in_progress'
     returning ${ACTION_COLUMNS}, (xmax = 0) as created`,
    [
      workspaceId,
      input.actionType,
      input.severity,
      input.title,
      input.summary ?? '',
      input.impactAmount ?? null,
      input.urgencyLabel ?? null,
      JSON.stringify(input.recommendedSteps ?? []),
      input.connectionId ?? null,
      input.targetType,
      input.targetSourceId,
      input.targetEntityId ?? null,
      input.targetName ?? null,
      input.ownerEmail ?? null,
      JSON.stringify(input.executionPayload ?? {}),
      input.sourceType,
      input.sourceId ?? null,
      input.sourceName ?? null,
      input.dedupeKey ?? null,
    ],
  );
  return rows[0];
}

export async function getAction(
  db: Queryable,
  workspaceId: string,
  actionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Action> {
  const { rows } = await db.query<Action>(
    `select ${ACTION_COLUMNS} from actions where workspace_id = $1::uuid and id = $2::uuid
     ${options.forUpdate ? 'for update' : ''}`,
    [workspaceId, actionId],
  );
  if (!rows[0]) throw notFound('action', actionId);
  return rows[0];
}

export interface ActionFilters {
  status?: ActionStatus[];
  severity?: Severity[];
  actionType?: string;
  targetType?: CrmObjectType;
  targetSourceId?: string;
  ownerEmail?: string;
  sourceType?: SourceType;
  sourceName?: string;
  /** `created` (newest first, the default) or `impact` (largest first). */
  order?: 'created' | 'impact';
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
}

/** A keyset cursor: the sort value and id of the last row of a page. */
function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return value as [string | number | null, string];
    }
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', 'after is not a cursor this API returned', {
    field: 'after',
  });
}

/** Actions matching the filters, newest (or largest impact) first, with keyset pagination. */
export async function listActions(
  db: Queryable,
  workspaceId: string,
  filters: ActionFilters = {},
): Promise<{ actions: Action[]; nextCursor: string | null }> {
  const params: unknown[] = [workspaceId];
  const where = ['workspace_id = $1::uuid'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filters.status?.length) add((p) => `status = any(${p}::text[])`, filters.status);
  if (filters.severity?.length) add((p) => `severity = any(${p}::text[])`, filters.severity);
  if (filters.actionType) add((p) => `action_type = ${p}::text`, filters.actionType);
  if (filters.targetType) add((p) => `target_type = ${p}::text`, filters.targetType);
  if (filters.targetSourceId) add((p) => `target_source_id = ${p}::text`, filters.targetSourceId);
  if (filters.ownerEmail) add((p) => `lower(owner_email) = lower(${p}::text)`, filters.ownerEmail);
  if (filters.sourceType) add((p) => `source_type = ${p}::text`, filters.sourceType);
  if (filters.sourceName) add((p) => `source_name = ${p}::text`, filters.sourceName);

  const byImpact = filters.order === 'impact';
  // Impact order puts actions without an amount last, as -1.
  const sortExpr = byImpact ? 'coalesce(impact_amount, -1)' : 'created_at';
  if (filters.after) {
    const [value, id] = decodeCursor(filters.after);
    params.push(value, id);
    const cast = byImpact ? 'numeric' : 'timestamptz';
    where.push(`(${sortExpr}, id) < ($${params.length - 1}::${cast}, $${params.length}::uuid)`);
  }
  const limit = filters.limit ?? 50;
  params.push(limit + 1);
  const { rows } = await db.query<Action & { sortValue: string | number }>(
    `select ${ACTION_COLUMNS}, ${sortExpr} as "sortValue" from actions
     where ${where.join(' and ')}
     order by ${sortExpr} desc, id desc
     limit $${params.length}::integer`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    actions: page.map(({ sortValue: _sortValue, ...action }) => action),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sortValue, last.id) : null,
  };
}

export interface AuditEntry {
  event: string;
  fromStatus?: ActionStatus;
  toStatus?: ActionStatus;
  actor?: string | null;
  details?: Record<string, unknown>;
}

export async function appendAudit(
  db: Queryable,
  workspaceId: string,
  actionId: string,
  entry: AuditEntry,
): Promise<void> {
  await db.query(
    `insert into action_audit_log (workspace_id, action_id, event, from_status, to_status, actor,
                                   details)
     values ($1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::jsonb)`,
    [
      workspaceId,
      actionId,
      entry.event,
      entry.fromStatus ?? null,
      entry.toStatus ?? null,
      entry.actor ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

/**
 * Moves an action from one of `from` to `to`, with an audit row; a conflict error
 * names the current status when the action is not in one of `from`.
 */
export async function transition(
  db: Queryable,
  workspaceId: string,
  actionId: string,
  from: readonly ActionStatus[],
  to: ActionStatus,
  audit: Omit<AuditEntry, 'fromStatus' | 'toStatus'>,
  extra: {
    executionResult?: unknown;
    executedAt?: boolean;
    undoneAt?: boolean;
    approvedBy?: string;
  } = {},
): Promise<Action> {
  // One statement, so concurrent transitions cannot both pass the status check; the
  // subquery in RETURNING still sees the row as it was.
  const { rows } = await db.query<Action & { previous: ActionStatus }>(
    `update actions set status = $4::text, updated_at = now(),
            execution_result = case when $5::boolean then $6::jsonb else execution_result end,
            executed_at = case when $7::boolean then now() else executed_at end,
            undone_at = case when $8::boolean then now() else undone_at end,
            approved_by = coalesce($9::text, approved_by),
            approved_at = case when $9::text is not null then now() else approved_at end
     where workspace_id = $1::uuid and id = $2::uuid and status = any($3::text[])
     returning ${ACTION_COLUMNS},
               (select old.status from actions old where old.id = $2::uuid) as previous`,
    [
      workspaceId,
      actionId,
      from,
      to,
      extra.executionResult !== undefined,
      JSON.stringify(extra.executionResult ?? null),
      extra.executedAt ?? false,
      extra.undoneAt ?? false,
      extra.approvedBy ?? null,
    ],
  );
  if (!rows[0]) {
    const current = await getAction(db, workspaceId, actionId);
    throw conflict(
      'invalid_status',
      `The action is ${current.status}; this needs it ${from.join(' or ')}`,
      { status: current.status },
    );
  }
  const { previous, ...action } = rows[0];
  await appendAudit(db, workspaceId, actionId, { ...audit, fromStatus: previous, toStatus: to });
  return action;
}

/** What a flow hears about an action (`action.created`, `action.executed`). */
export function actionEvent(action: Action): FlowEventPayload {
  return {
    actionId: action.id,
    actionType: action.actionType,
    severity: action.severity,
    status: action.status,
    targetType: action.targetType,
    targetName: action.targetName,
    record: action.targetEntityId ? { type: action.targetType, id: action.targetEntityId } : null,
  };
}
