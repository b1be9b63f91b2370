/**
 * Approvals and questions about to expire: one critical `expiring` notification per
 * item (job `notifications.expiring`, every 5 minutes), to the same people as its
 * first notice. Critical, so it skips a digest: a digest would arrive after the item
 * is gone.
 */
import type pg from 'pg';
import { withTransaction } from '../../db/pool.js';
import { recordNotification } from '../record.js';
import {
  inboxItemLink,
  itemRecipients,
  ITEM_FOR_NOTICE,
  noticeFields,
  type ItemForNotice,
} from './inbox-items.js';

/** Items noticed per transaction, so one run never holds many row locks at once. */
const CHUNK = 200;

/**
 * An item is "about to expire" within `windowHours` of its expiry, but never within
 * the first three quarters of its life: an item that lives two hours would otherwise
 * be called expiring as soon as it is created, right after its first notice.
 */
export const LIFETIME_SHARE = 0.25;

export interface ExpiringOptions {
  windowHours: number;
  now?: Date;
}

function remaining(expiresAt: string, now: Date): string {
  const minutes = Math.max(1, Math.round((new Date(expiresAt).getTime() - now.getTime()) / 60_000));
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `${hours} hours`;
}

/** Records the notice of every pending item about to expire; returns how many items. */
export async function notifyExpiringItems(
  pool: pg.Pool,
  { windowHours, now = new Date() }: ExpiringOptions,
): Promise<number> {
  let total = 0;
  for (;;) {
    const noticed = await withTransaction(pool, async (db) => {
      let told = 0;
      // Items already noticed are left out here, so a run does no work for them; the
      // dedupe key keeps it once even when two runs overlap.
      const { rows } = await db.query<ItemForNotice>(
        `select ${ITEM_FOR_NOTICE} from inbox_items i
         where i.status = 'pending' and i.item_type in ('approval', 'question')
           and i.expires_at > $1::timestamptz
           and i.expires_at <= $1::timestamptz
                 + least($2::float8 * interval '1 hour',
                         (i.expires_at - i.created_at) * $3::float8)
           and not exists (select 1 from notifications n
                           where n.inbox_item_id = i.id and n.kind = 'expiring')
         order by i.expires_at limit $4::int
         for update of i skip locked`,
        [now.toISOString(), windowHours, LIFETIME_SHARE, CHUNK],
      );
      for (const item of rows) {
        const recorded = await recordNotification(db, {
          workspaceId: item.workspaceId,
          type: 'expiring',
          recipients: await itemRecipients(db, item),
          title: `Expires in ${remaining(item.expiresAt!, now)}: ${item.title}`,
          body: item.description ?? '',
          link: inboxItemLink(item.id),
          severity: 'warning',
          critical: true,
          inboxItemId: item.id,
          activityLogId: item.activityLogId,
          fields: noticeFields(item),
          dedupeKey: `expiring:${item.id}`,
        });
        if (recorded.notificationIds.length > 0) told += 1;
      }
      return { told, full: rows.length === CHUNK };
    });
    total += noticed.told;
    // A full chunk with nobody to tell (no member left) would come back the same: stop.
    if (!noticed.full || noticed.told === 0) return total;
  }
}
