/**
 * Who a notification is for, as member ids: a person named by id or email, and/or the
 * workspace's admins. Only members of the workspace are returned, so a stale owner
 * email or a removed assignee is dropped rather than notified.
 */
import type { Queryable } from '../db/pool.js';

export interface RecipientQuery {
  userId?: string | null;
  email?: string | null;
  /** Every admin of the workspace (who sees an item with no assignee). */
  admins?: boolean;
}

export async function recipientsFor(
  db: Queryable,
  workspaceId: string,
  query: RecipientQuery,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select distinct u.id::text as id
     from memberships m join users u on u.id = m.user_id
     where m.workspace_id = $1::uuid
       and (u.id = $2::uuid or u.email = lower($3::text) or ($4::boolean and m.role = 'admin'))
     order by 1`,
    [workspaceId, query.userId ?? null, query.email ?? null, query.admins ?? false],
  );
  return rows.map((row) => row.id);
}
