import type pg from 'pg';
import { transition } from '../actions/store.js';
import { withTransaction } from '../db/pool.js';
import { HttpError } from '../errors.js';
import { settleItems } from './resolve.js';

/** Items expired per transaction, so one run never holds many row locks at once. */
const CHUNK = 200;
const ACTOR = 'inbox expiry';

/**
 * Expires every pending item whose time is up (as of `now`): its own state
 * `expired`, never counted as a rejection (no outcome for the agent, the run left as
 * it was), and its action dismissed with the reason `expired` so it is not written
 * later by accident. An action already running or written is left alone. Returns how
 * many items expired.
 */
export async function expireInboxItems(pool: pg.Pool, now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await withTransaction(pool, async (client) => {
      const { rows } = await client.query<{
        id: string;
        workspaceId: string;
        actionId: string | null;
      }>(
        `select id, workspace_id as "workspaceId", action_id as "actionId" from inbox_items
         where status = 'pending' and expires_at <= $1::timestamptz
         order by expires_at limit $2::int
         for update skip locked`,
        [now.toISOString(), CHUNK],
      );
      for (const row of rows) {
        await settleItems(client, row.workspaceId, [row.id], 'expired', {
          actor: ACTOR,
          resolution: { reason: 'expired' },
        });
        if (row.actionId) await dismissExpired(client, row.workspaceId, row.actionId, row.id);
      }
      return rows.length;
    });
    total += expired;
    if (expired < CHUNK) return total;
  }
}

async function dismissExpired(
  db: pg.PoolClient,
  workspaceId: string,
  actionId: string,
  itemId: string,
): Promise<void> {
  try {
    await transition(
      db,
      workspaceId,
      actionId,
      ['open', 'awaiting_approval', 'failed'],
      'dismissed',
      {
        event: 'dismissed',
        actor: ACTOR,
        details: { reason: 'expired', inboxItemId: itemId },
      },
    );
  } catch (error) {
    // Running or written meanwhile: what happens to it is no longer the inbox's call.
    if (!(error instanceof HttpError && error.code === 'invalid_status')) throw error;
  }
}
