import type pg from 'pg';
import type { Queryable } from '../db/pool.js';
import { HttpError, notFound } from '../errors.js';
import { enqueueAgentReplay } from '../agents/run.js';
import { emitFlowEvent } from '../flows/triggers/events.js';
import { linkConversations } from './linker.js';

export interface ManualLinkInput {
  dealId?: string;
  accountId?: string;
  contactId?: string;
}

/**
 * A person links a meeting to a deal, an account or a contact (at least one). The
 * account follows from the deal, else from the contact, unless given. The link is
 * `manual` with confidence 1 and the linker never replaces it. A link to a deal or an
 * account emits `conversation.linked`: pass a transaction's client to make it one
 * with the link.
 */
export async function linkByHand(
  pool: Queryable,
  workspaceId: string,
  conversationId: string,
  input: ManualLinkInput,
  userId: string | null,
): Promise<void> {
  const { rows } = await pool.query<{
    conversation: boolean;
    deal: boolean;
    dealAccountId: string | null;
    account: boolean;
    contact: boolean;
    contactAccountId: string | null;
  }>(
    `select exists (select 1 from conversations where workspace_id = $1::uuid and id = $2::uuid)
              as conversation,
            d.id is not null as deal, d.account_id as "dealAccountId",
            a.id is not null as account,
            ct.id is not null as contact, ct.account_id as "contactAccountId"
     from (select 1) one
     left join deals d on d.workspace_id = $1::uuid and d.id = $3::uuid
     left join accounts a on a.workspace_id = $1::uuid and a.id = $4::uuid
     left join contacts ct on ct.workspace_id = $1::uuid and ct.id = $5::uuid`,
    [
      workspaceId,
      conversationId,
      input.dealId ?? null,
      input.accountId ?? null,
      input.contactId ?? null,
    ],
  );
  const found = rows[0]!;
  if (!found.conversation) throw notFound('conversation', conversationId);
  if (input.dealId && !found.deal) throw notFound('deal', input.dealId);
  if (input.accountId && !found.account) throw notFound('account', input.accountId);
  if (input.contactId && !found.contact) throw notFound('contact', input.contactId);
  if (
    input.dealId &&
    input.accountId &&
    found.dealAccountId &&
    found.dealAccountId !== input.accountId
  ) {
    throw new HttpError(
      422,
      'link_mismatch',
      `Deal ${input.dealId} belongs to account ${found.dealAccountId}, not to ${input.accountId}; leave accountId out to take the deal's`,
      { field: 'accountId', dealAccountId: found.dealAccountId },
    );
  }
  const accountId =
    input.accountId ??
    (input.dealId ? found.dealAccountId : null) ??
    (input.contactId ? found.contactAccountId : null);
  await pool.query(
    `update conversations
     set deal_id = $3::uuid, account_id = $4::uuid, contact_id = $5::uuid,
         link_method = 'manual', link_confidence = 1, linked_at = now(), linked_by = $6::uuid,
         updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, conversationId, input.dealId ?? null, accountId, input.contactId ?? null, userId],
  );
  // The meeting agents read it again for the deal the person named.
  await enqueueAgentReplay(pool, workspaceId, conversationId);
  // As the linker's links do; in the caller's transaction, so only a link that commits
  // starts the flows listening.
  const dealId = input.dealId ?? null;
  if (dealId || accountId) {
    await emitFlowEvent(pool, workspaceId, 'conversation.linked', {
      conversationId,
      dealId,
      accountId,
      linkMethod: 'manual',
      record: dealId ? { type: 'deal', id: dealId } : { type: 'account', id: accountId! },
    });
  }
}

/**
 * A person unlinks a meeting. By default it stays unlinked: the empty link is `manual`,
 * so the next linker run does not put back what the person took away. With `automatic`
 * the meeting goes back to the linker, which links it again at once.
 */
export async function unlinkByHand(
  pool: pg.Pool,
  workspaceId: string,
  conversationId: string,
  options: { automatic: boolean; userId: string | null },
): Promise<void> {
  const { rowCount } = await pool.query(
    `update conversations
     set deal_id = null, account_id = null, contact_id = null,
         link_method = case when $3::boolean then null else 'manual' end,
         link_confidence = null,
         linked_at = case when $3::boolean then null else now() end,
         linked_by = case when $3::boolean then null else $4::uuid end,
         updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, conversationId, options.automatic, options.userId],
  );
  if (!rowCount) throw notFound('conversation', conversationId);
  if (options.automatic) {
    await linkConversations(pool, workspaceId, { conversationIds: [conversationId] });
  }
}
