import type { Queryable } from '../db/pool.js';

/**
 * Links a meeting to the deal created from its gap: the deal, its account, a `manual`
 * link (a person chose this deal for this meeting, so the linker never moves it) and
 * the time the gap was closed by a created deal. `userId` is the person (null for an
 * API key). Scoped by workspace: another workspace's ids change nothing.
 */
export async function closeGapWithDeal(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
  dealId: string,
  userId: string | null,
): Promise<void> {
  await db.query(
    `update conversations c
     set deal_id = d.id, account_id = coalesce(d.account_id, c.account_id),
         link_method = 'manual', link_confidence = 1, linked_by = $4::uuid, linked_at = now(),
         gap_deal_created_at = now(), updated_at = now()
     from deals d
     where c.workspace_id = $1::uuid and c.id = $2::uuid
       and d.workspace_id = $1::uuid and d.id = $3::uuid`,
    [workspaceId, conversationId, dealId, userId],
  );
}

/**
 * Opens the gap again when the deal created from it is undone: the meeting keeps its
 * account and loses the deal and the link that pointed at it.
 */
export async function reopenGap(
  db: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<void> {
  await db.query(
    `update conversations
     set deal_id = null, link_method = null, link_confidence = null, linked_by = null,
         linked_at = null, gap_deal_created_at = null, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, conversationId],
  );
}
