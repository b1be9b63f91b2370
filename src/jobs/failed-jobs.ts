import type { Queryable } from '../db/pool.js';

export interface FailedJob {
  id: number;
  jobId: string;
  task: string;
  payload: unknown;
  attempts: number;
  lastError: string;
  failedAt: string;
}

/** Jobs of a workspace that used all their attempts, newest first. */
export async function listFailedJobs(
  db: Queryable,
  workspaceId: string,
  limit = 50,
): Promise<FailedJob[]> {
  const { rows } = await db.query<FailedJob>(
    `select id, job_id as "jobId", task, payload, attempts, last_error as "lastError", failed_at as "failedAt"
     from failed_jobs where workspace_id = $1::uuid order by failed_at desc, id desc limit $2::int`,
    [workspaceId, limit],
  );
  return rows;
}
