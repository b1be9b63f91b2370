import type pg from 'pg';
import type { Action } from './store.js';

/** In-app notifications for notify_* actions: the rep, or the workspace's admins. */
export async function notify(
  pool: pg.Pool,
  action: Action,
  audience: 'rep' | 'manager',
): Promise<number> {
  const title =
    audience === 'rep'
      ? action.title
      : `For your team: ${action.title}${action.ownerEmail ? ` (${action.ownerEmail})` : ''}`;
  const { rowCount } = await pool.query(
    `insert into notifications (workspace_id, recipient_email, kind, title, body, action_id)
     select $1::uuid, r.email, $3::text, $4::text, $5::text, $2::uuid
     from (select $6::text as email where $7::text = 'rep' and $6::text is not null
           union
           select u.email from memberships m join users u on u.id = m.user_id
           where $7::text = 'manager' and m.workspace_id = $1::uuid and m.role = 'admin') r
     on conflict (action_id, recipient_email, kind) do nothing`,
    [
      action.workspaceId,
      action.id,
      `notify_${audience}`,
      title,
      action.summary,
      action.ownerEmail,
      audience,
    ],
  );
  return rowCount ?? 0;
}
