/**
 * Digests: what a member's preferences held back (`held` outbox rows) goes out as one
 * message per channel and period, daily at their local hour or hourly. The held rows
 * become `digested`, pointing at the digest that carried them, in the same
 * transaction that creates the digest and its delivery.
 */
import type pg from 'pg';
import { withTransaction, type Queryable } from '../db/pool.js';
import { enqueueDeliveries } from './record.js';

export interface DigestReport {
  /** Members whose digest went out in this run. */
  members: number;
  /** Digest notifications created (one per member and channel). */
  digests: number;
  /** Held rows they carry. */
  items: number;
}

/**
 * When the member's current period began: the top of this hour (hourly), or the last
 * time the local clock showed `digest_hour` (daily). Postgres does the zone arithmetic,
 * daylight saving included.
 */
const PERIOD_START = `
  case when s.digest_period = 'hourly' then date_trunc('hour', $1::timestamptz)
       else (date_trunc('day', ($1::timestamptz at time zone s.time_zone)
                               - make_interval(hours => s.digest_hour))
             + make_interval(hours => s.digest_hour)) at time zone s.time_zone
  end`;

/**
 * Builds every digest that is due: for each member holding rows from before their
 * current period's start and not yet sent a digest in it. Runs in batches of
 * `batchSize` members, each batch one transaction; two workers running at once skip
 * each other's members (row locks) and `last_digest_at` stops a second send.
 */
export async function buildDueDigests(
  pool: pg.Pool,
  options: { now?: Date; batchSize?: number } = {},
): Promise<DigestReport> {
  const now = (options.now ?? new Date()).toISOString();
  const batchSize = options.batchSize ?? 500;
  // Members with held rows and no settings row get the defaults, as a row to lock.
  await pool.query(
    `insert into notification_settings (workspace_id, user_id)
     select distinct d.workspace_id, d.recipient_user_id from notification_deliveries d
     where d.status = 'held' and d.recipient_user_id is not null
     on conflict do nothing`,
  );
  const report: DigestReport = { members: 0, digests: 0, items: 0 };
  for (;;) {
    const batch = await withTransaction(pool, (tx) => digestBatch(tx, now, batchSize));
    report.members += batch.members;
    report.digests += batch.digests;
    report.items += batch.items;
    if (batch.members < batchSize) return report;
  }
}

async function digestBatch(db: Queryable, now: string, batchSize: number): Promise<DigestReport> {
  const { rows: due } = await db.query<{ workspaceId: string; userId: string; period: string }>(
    `with due as (
       select s.workspace_id, s.user_id, s.digest_period
       from notification_settings s
       where (s.last_digest_at is null or s.last_digest_at < ${PERIOD_START})
         and exists (select 1 from notification_deliveries d
                     where d.recipient_user_id = s.user_id and d.workspace_id = s.workspace_id
                       and d.status = 'held' and d.created_at < ${PERIOD_START})
       limit $2::integer
       for update of s skip locked)
     update notification_settings s set last_digest_at = $1::timestamptz
     from due where s.workspace_id = due.workspace_id and s.user_id = due.user_id
     returning s.workspace_id::text as "workspaceId", s.user_id::text as "userId",
               s.digest_period as period`,
    [now, batchSize],
  );
  if (due.length === 0) return { members: 0, digests: 0, items: 0 };

  // One statement: lock the held rows, group them per member and channel, create the
  // digest notification and its delivery, and mark the rows as carried by it.
  const { rows } = await db.query<{ deliveryIds: string[] | null; items: number }>(
    `with members as (
       select * from unnest($1::uuid[], $2::uuid[], $3::text[]) as m (workspace_id, user_id, period)),
     held as (
       select d.id, d.workspace_id, d.recipient_user_id, d.channel, d.payload, d.created_at,
              m.period
       from notification_deliveries d
       join members m on m.workspace_id = d.workspace_id and m.user_id = d.recipient_user_id
       where d.status = 'held'
       for update of d),
     groups as (
       select workspace_id, recipient_user_id as user_id, channel, min(period) as period,
              count(*)::int as n, array_agg(id) as ids, gen_random_uuid() as notification_id,
              jsonb_agg(jsonb_build_object('type', payload->'type', 'title', payload->'title',
                                           'link', payload->'link',
                                           'severity', payload->'severity')
                        order by created_at, id) as items
       from held group by workspace_id, recipient_user_id, channel),
     described as (
       select g.*, u.email,
              case when g.period = 'hourly' then 'Your hourly digest' else 'Your daily digest' end
                || ': ' || g.n || case when g.n = 1 then ' notification' else ' notifications' end
                as title,
              (select string_agg(item->>'title', E'\\n' order by ord)
               from jsonb_array_elements(g.items) with ordinality as i (item, ord)
               where ord <= 5)
                || case when g.n > 5 then E'\\n… and ' || (g.n - 5) || ' more' else '' end
                as body
       from groups g join users u on u.id = g.user_id),
     notes as (
       insert into notifications
         (id, workspace_id, recipient_email, recipient_user_id, kind, title, body, link, data,
          in_app)
       select notification_id, workspace_id, email, user_id, 'digest', title, body,
              '/notifications', jsonb_build_object('items', items, 'channel', channel), false
       from described
       returning id),
     deliveries as (
       insert into notification_deliveries
         (workspace_id, notification_id, recipient_user_id, channel, payload, idempotency_key)
       select workspace_id, notification_id, user_id, channel,
              jsonb_build_object('type', 'digest', 'title', title, 'body', body,
                                 'link', '/notifications', 'severity', 'info',
                                 'critical', false, 'inboxItemId', null, 'items', items),
              notification_id || ':' || channel
       from described
       returning id),
     carried as (
       update notification_deliveries d
       set status = 'digested', digest_notification_id = x.notification_id, updated_at = now()
       from (select unnest(ids) as id, notification_id from groups) x
       where d.id = x.id
       returning d.id)
     select (select array_agg(id::text) from deliveries) as "deliveryIds",
            (select count(*)::int from carried) as items,
            (select count(*)::int from notes) as notes`,
    [due.map((d) => d.workspaceId), due.map((d) => d.userId), due.map((d) => d.period)],
  );
  const deliveryIds = rows[0]?.deliveryIds ?? [];
  await enqueueDeliveries(db, deliveryIds);
  return { members: due.length, digests: deliveryIds.length, items: rows[0]?.items ?? 0 };
}
