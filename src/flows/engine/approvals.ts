/**
 * The inbox items a run waits on (wait_for_approval). A run that ends without them
 * (cancelled) expires them, so nobody decides an approval nothing waits for.
 */
import type { Queryable } from '../../db/pool.js';
import { settleItems } from '../../inbox/resolve.js';

export async function expireRunApprovals(
  db: Queryable,
  workspaceId: string,
  runId: string,
): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `select id from inbox_items
     where workspace_id = $1::uuid and flow_run_id = $2::uuid and status = 'pending'`,
    [workspaceId, runId],
  );
  if (rows.length === 0) return 0;
  const settled = await settleItems(
    db,
    workspaceId,
    rows.map((r) => r.id),
    'expired',
    { actor: 'flow run cancelled', resolution: { reason: 'run_cancelled' } },
  );
  return settled.length;
}
