import type { Queryable } from '../db/pool.js';

/**
 * Conversation sources due for their scheduled sync: connected, with credentials and
 * an API to pull from (not webhooks), last synced longer ago than their interval.
 */
export async function dueSourceConnections(
  db: Queryable,
): Promise<{ workspaceId: string; connectionId: string }[]> {
  const { rows } = await db.query<{ workspaceId: string; connectionId: string }>(
    `select workspace_id as "workspaceId", id as "connectionId" from connections
     where source_type in ('gong', 'fireflies') and status = 'connected'
       and credentials is not null
       and (last_sync_at is null
            or last_sync_at < now() - make_interval(hours => sync_interval_hours))`,
  );
  return rows;
}
