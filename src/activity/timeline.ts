import type { Queryable } from '../db/pool.js';
import { badRequest, notFound } from '../errors.js';
import { viewerOwnerIds, type ActivityViewer } from './viewer.js';

export const ACTIVITY_STATUSES = ['pending', 'success', 'failed', 'rejected'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** One run of an agent on a meeting, as the timeline shows it. */
export interface ActivityLog {
  id: string;
  agent: { id: string; name: string } | null;
  conversation: { id: string; title: string; startedAt: string } | null;
  owner: { id: string; name: string; email: string | null } | null;
  trigger: 'linked' | 'manual' | 'replay';
  crmRecordType: 'deal' | 'contact' | 'account' | null;
  crmRecordId: string | null;
  deal: { id: string; name: string } | null;
  actionType: 'create' | 'update' | 'skip';
  /** { field: { before, after, confidence, quote, decision, status } }, as the run wrote it. */
  fieldsUpdated: Record<string, unknown>;
  matchConfidence: number | null;
  overallConfidence: number | null;
  status: ActivityStatus;
  shadow: boolean;
  actionId: string | null;
  warnings: unknown[];
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityFilters {
  agentId?: string;
  /** The rep: the run's CRM owner (owners.id). */
  ownerId?: string;
  status?: ActivityStatus;
  /** The CRM record's id in the CRM (activity_logs.crm_record_id). */
  recordId?: string;
  /** Created at or after. */
  from?: string;
  /** Created before. */
  to?: string;
  limit: number;
  cursor?: string;
}

export interface ActivityPage {
  items: ActivityLog[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Microseconds, as Postgres keeps them: a millisecond cursor would skip or repeat rows.
const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      MICROS.test(value[0]) &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      UUID.test(value[1])
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', 'cursor is not a cursor this API returned', {
    field: 'cursor',
  });
}

const COLUMNS = `
  l.id, l.trigger, l.crm_record_type as "crmRecordType", l.crm_record_id as "crmRecordId",
  l.action_type as "actionType", l.fields_updated as "fieldsUpdated",
  l.match_confidence as "matchConfidence", l.overall_confidence as "overallConfidence",
  l.status, l.shadow, l.action_id as "actionId", l.warnings, l.error_message as "errorMessage",
  l.created_at as "createdAt", l.updated_at as "updatedAt",
  to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt",
  case when a.id is null then null else json_build_object('id', a.id, 'name', a.name) end as agent,
  case when c.id is null then null
       else json_build_object('id', c.id, 'title', c.title, 'startedAt',
         to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) end
    as conversation,
  case when o.id is null then null
       else json_build_object('id', o.id, 'name', o.name, 'email', o.email) end as owner,
  case when d.id is null then null else json_build_object('id', d.id, 'name', d.name) end as deal`;

const JOINS = `
  left join agent_configs a on a.id = l.agent_config_id
  left join conversations c on c.id = l.conversation_id
  left join owners o on o.id = l.owner_id
  left join deals d on d.id = l.deal_id`;

type Row = ActivityLog & { cursorAt: string };

const strip = ({ cursorAt: _cursorAt, ...log }: Row): ActivityLog => log;

/**
 * The activity timeline, newest first, with keyset pagination on (created_at, id).
 * Each filter is an equality on one of activity_logs' timeline indexes (018), so a
 * page reads about `limit` index entries whatever the table's size. A member's runs
 * are read per owner row and merged, one index range each.
 */
export async function listActivity(
  db: Queryable,
  workspaceId: string,
  viewer: ActivityViewer,
  filters: ActivityFilters,
): Promise<ActivityPage> {
  const params: unknown[] = [workspaceId];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const where = ['l.workspace_id = $1::uuid'];
  if (filters.agentId) where.push(`l.agent_config_id = ${param(filters.agentId, 'uuid')}`);
  if (filters.status) where.push(`l.status = ${param(filters.status, 'text')}`);
  if (filters.recordId) where.push(`l.crm_record_id = ${param(filters.recordId, 'text')}`);
  if (filters.from) where.push(`l.created_at >= ${param(filters.from, 'timestamptz')}`);
  if (filters.to) where.push(`l.created_at < ${param(filters.to, 'timestamptz')}`);
  if (filters.cursor) {
    const after = decodeCursor(filters.cursor);
    where.push(
      `(l.created_at, l.id) < (${param(after.createdAt, 'timestamptz')}, ${param(after.id, 'uuid')})`,
    );
  }

  let owners = await viewerOwnerIds(db, workspaceId, viewer);
  if (filters.ownerId) {
    owners = owners ? owners.filter((id) => id === filters.ownerId) : [filters.ownerId];
  }
  if (owners?.length === 0) return { items: [], nextCursor: null };

  // One more than asked says whether another page follows.
  const limit = param(filters.limit + 1, 'int');
  const order = 'order by l.created_at desc, l.id desc';
  let sql: string;
  if (owners) {
    const ownerIds = param(owners, 'uuid[]');
    sql = `
      select ${COLUMNS}
      from unnest(${ownerIds}) as r (owner_id)
      cross join lateral (
        select l.* from activity_logs l
        where ${where.join(' and ')} and l.owner_id = r.owner_id
        ${order} limit ${limit}
      ) l
      ${JOINS}
      ${order} limit ${limit}`;
  } else {
    sql = `
      select ${COLUMNS}
      from (select l.* from activity_logs l where ${where.join(' and ')} ${order} limit ${limit}) l
      ${JOINS}
      ${order}`;
  }
  const { rows } = await db.query<Row>(sql, params);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map(strip),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}

/** One run, with the inbox items it made; not found when the viewer may not see it. */
export async function getActivity(
  db: Queryable,
  workspaceId: string,
  viewer: ActivityViewer,
  activityId: string,
): Promise<ActivityLog & { inboxItems: ActivityInboxItem[] }> {
  const owners = await viewerOwnerIds(db, workspaceId, viewer);
  const { rows } = await db.query<Row & { inboxItems: ActivityInboxItem[] }>(
    `select ${COLUMNS},
            coalesce((select json_agg(json_build_object(
                        'id', i.id, 'itemType', i.item_type, 'status', i.status, 'title', i.title)
                      order by i.created_at, i.id)
                      from inbox_items i
                      where i.activity_log_id = l.id and i.workspace_id = l.workspace_id),
                     '[]') as "inboxItems"
     from activity_logs l ${JOINS}
     where l.workspace_id = $1::uuid and l.id = $2::uuid
       and ($3::uuid[] is null or l.owner_id = any($3::uuid[]))`,
    [workspaceId, activityId, owners],
  );
  const row = rows[0];
  if (!row) throw notFound('activity', activityId);
  return { ...strip(row), inboxItems: row.inboxItems };
}

export interface ActivityInboxItem {
  id: string;
  itemType: 'approval' | 'question' | 'alert';
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  title: string;
}
