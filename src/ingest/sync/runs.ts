import type { Queryable } from '../../db/pool.js';
import { notFound } from '../../errors.js';
import { SYNC_RUN_COLUMNS, type SyncRun } from './run.js';

/** A connection's sync runs, newest first. */
export async function listSyncRuns(
  db: Queryable,
  workspaceId: string,
  connectionId: string,
  limit: number,
): Promise<SyncRun[]> {
  const { rows } = await db.query<SyncRun>(
    `select ${SYNC_RUN_COLUMNS} from sync_runs
     where workspace_id = $1::uuid and connection_id = $2::uuid
     order by started_at desc limit $3::integer`,
    [workspaceId, connectionId, limit],
  );
  return rows;
}

export async function getSyncRun(db: Queryable, workspaceId: string, id: string): Promise<SyncRun> {
  const { rows } = await db.query<SyncRun>(
    `select ${SYNC_RUN_COLUMNS} from sync_runs where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('sync run', id);
  return rows[0];
}
