import type { Queryable } from '../../db/pool.js';

/**
 * Connections due for their scheduled sync: connected, with credentials, and last
 * synced longer ago than their interval (daily by default).
 */
export async function dueConnections(
  db: Queryable,
): Promise<{ workspaceId: string; connectionId: string }[]> {
  const { rows } = await db.query<{ workspaceId: string; connectionId: string }>(
    `select workspace_id as "workspaceId", id as "connectionId" from connections
     where crm_type is not null and status = 'connected' and credentials is not null
       and (last_sync_at is null
            or last_sync_at < now() - make_interval(hours => sync_interval_hours))`,
  );
  return rows;
}
