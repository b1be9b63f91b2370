import type { Caller } from '../actions/service.js';
import type { Queryable } from '../db/pool.js';
import { badRequest } from '../errors.js';
import {
  ITEM_COLUMNS,
  ITEM_FROM,
  toItem,
  type InboxItem,
  type InboxItemType,
  type InboxSource,
  type InboxStatus,
  type ItemRow,
} from './items.js';

export interface InboxFilters {
  /** Default: pending only. */
  status?: InboxStatus[];
  type?: InboxItemType[];
  source?: InboxSource;
  /**
   * `me`: the caller's own items (an admin's include the admins' unassigned ones);
   * `all` (an admin's default): every item. A member always gets only their own.
   */
  assignee?: 'me' | 'all';
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Whose items a caller lists, as the assignee values to match: a member (or a
 * member API key, which is nobody) their own; an admin everyone's (`null` list)
 * or, with `me`, their own and the admins' unassigned ones.
 */
function assigneesOf(caller: Caller, assignee: 'me' | 'all' | undefined): (string | null)[] | null {
  const self = caller.kind === 'user' ? caller.sourceId : null;
  if (caller.role !== 'admin') return self ? [self] : [];
  if (assignee !== 'me') return null;
  return self ? [self, null] : [null];
}

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return value as [string, string];
    }
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', 'cursor is not a cursor this API returned', {
    field: 'cursor',
  });
}

/**
 * The caller's items, newest first, with keyset pagination. Each (status, assignee)
 * pair is its own ordered range of an index of migration 018, read up to the page
 * size and merged, so a page costs the same on the first page and the thousandth.
 */
export async function listInboxItems(
  db: Queryable,
  caller: Caller,
  filters: InboxFilters = {},
): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const limit = filters.limit ?? 50;
  const statuses = filters.status?.length ? [...new Set(filters.status)] : ['pending'];
  const assignees = assigneesOf(caller, filters.assignee);
  if (assignees?.length === 0) return { items: [], nextCursor: null };

  const params: unknown[] = [caller.workspaceId, limit + 1];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const shared: string[] = [];
  if (filters.type?.length) shared.push(`item_type = any(${param(filters.type, 'text[]')})`);
  if (filters.source) shared.push(`source = ${param(filters.source, 'text')}`);
  if (filters.cursor) {
    const [createdAt, id] = decodeCursor(filters.cursor);
    shared.push(`(created_at, id) < (${param(createdAt, 'timestamptz')}, ${param(id, 'uuid')})`);
  }
  const branches: string[] = [];
  for (const status of statuses) {
    for (const assignee of assignees ?? [undefined]) {
      const where = [`workspace_id = $1::uuid`, `status = ${param(status, 'text')}`, ...shared];
      if (assignee === null) where.push('assignee_user_id is null');
      else if (assignee !== undefined) where.push(`assignee_user_id = ${param(assignee, 'uuid')}`);
      branches.push(
        `(select id, created_at from inbox_items where ${where.join(' and ')}
          order by created_at desc, id desc limit $2::integer)`,
      );
    }
  }
  const { rows } = await db.query<ItemRow & { cursorAt: string }>(
    `with page as (
       select id, created_at from (${branches.join(' union all ')}) b
       order by created_at desc, id desc limit $2::integer)
     select ${ITEM_COLUMNS}, i.created_at::text as "cursorAt"
     from page p join ${ITEM_FROM} on i.id = p.id
     order by p.created_at desc, p.id desc`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursorAt, ...row }) => toItem(row)),
    // The cursor keeps the timestamp's microseconds, which a Date would drop.
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}

/** How many items wait for the caller (pending), as the header's badge shows. */
export async function countPendingInboxItems(
  db: Queryable,
  caller: Caller,
  options: { assignee?: 'me' | 'all'; type?: InboxItemType[] } = {},
): Promise<number> {
  const assignees = assigneesOf(caller, options.assignee);
  if (assignees?.length === 0) return 0;
  const users = assignees?.filter((id): id is string => id !== null) ?? [];
  const { rows } = await db.query<{ count: number }>(
    `select count(*)::int as count from inbox_items
     where workspace_id = $1::uuid and status = 'pending'
       and ($2::boolean or assignee_user_id = any($3::uuid[])
            or ($4::boolean and assignee_user_id is null))
       and ($5::text[] is null or item_type = any($5::text[]))`,
    [
      caller.workspaceId,
      assignees === null,
      users,
      assignees?.includes(null) ?? false,
      options.type?.length ? options.type : null,
    ],
  );
  return rows[0]!.count;
}
