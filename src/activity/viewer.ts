import type { Queryable } from '../db/pool.js';
import type { Role } from '../tenancy/workspaces.js';

/**
 * Whose runs a caller sees: admins every run, a member the runs on records they own
 * (the CRM owner whose email is the member's). A member API key acts for no person,
 * so it owns no records and sees none.
 */
export type ActivityViewer = { kind: 'all' } | { kind: 'owner'; email: string | null };

/** The viewer for a caller, from its role and (for a person) its user id. */
export async function activityViewer(
  db: Queryable,
  caller: { role: Role; userId: string | null },
): Promise<ActivityViewer> {
  if (caller.role === 'admin') return { kind: 'all' };
  if (!caller.userId) return { kind: 'owner', email: null };
  const { rows } = await db.query<{ email: string }>(
    'select email from users where id = $1::uuid',
    [caller.userId],
  );
  return { kind: 'owner', email: rows[0]?.email ?? null };
}

/**
 * The CRM owners (of any connection) a member's runs belong to; null for admins (no
 * restriction). Owners' emails come from the CRM in any case.
 */
export async function viewerOwnerIds(
  db: Queryable,
  workspaceId: string,
  viewer: ActivityViewer,
): Promise<string[] | null> {
  if (viewer.kind === 'all') return null;
  if (!viewer.email) return [];
  const { rows } = await db.query<{ id: string }>(
    `select id from owners where workspace_id = $1::uuid and lower(email) = lower($2::text)`,
    [workspaceId, viewer.email],
  );
  return rows.map((row) => row.id);
}
