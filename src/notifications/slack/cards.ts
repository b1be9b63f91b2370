/**
 * Slack cards follow their item: once an inbox item is decided (in the console, in
 * Slack, by a batch) or expires, every Slack message about it is `chat.update`d to
 * say who decided what, with no buttons left, so no card stays on "awaiting approval".
 *
 * The update is a job queued by `settleItems` (src/inbox/resolve.ts) in the same
 * transaction as the decision, rather than a listener on `inbox_item.resolved`: the
 * job exists if and only if the decision committed, and survives a crash or a restart
 * of every process, where an event heard by nobody at that moment would be lost.
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Queryable } from '../../db/pool.js';
import { enqueue } from '../../jobs/queue.js';
import type { SecretKey } from '../../tenancy/secrets.js';
import type { NotificationPayload } from '../types.js';
import { decidedMessage, type Decision, workspaceConsoleBase } from './blocks.js';
import { classifySlackError, endpointFor, loadInstallation, slackClient } from './client.js';
import { publicUrlOf } from './sender.js';

/** While a message about the item may still be posted, the job looks again this often. */
export const CARD_RECHECK_MS = 30_000;

const jobKey = (inboxItemId: string) => `slack.update-cards:${inboxItemId}`;

/**
 * Queues the card update of each settled item, in the caller's transaction; only for
 * a workspace with Slack installed (others have no card to update).
 */
export async function enqueueCardUpdates(
  db: Queryable,
  workspaceId: string,
  inboxItemIds: string[],
): Promise<void> {
  if (inboxItemIds.length === 0) return;
  const { rows } = await db.query<{ installed: boolean }>(
    `select exists (select 1 from slack_installations where workspace_id = $1::uuid) as installed`,
    [workspaceId],
  );
  if (!rows[0]?.installed) return;
  for (const inboxItemId of inboxItemIds) {
    await enqueue(
      db,
      'slack.update-cards',
      { workspaceId, inboxItemId },
      { jobKey: jobKey(inboxItemId), maxAttempts: 10 },
    );
  }
}

interface ItemRow {
  status: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  reason: string | null;
  deciderName: string | null;
}

interface DeliveryRow {
  id: string;
  status: string;
  payload: NotificationPayload;
  externalRef: { channel?: string; ts?: string; card?: string };
}

export interface CardUpdateReport {
  updated: number;
  /** Messages Slack no longer has (deleted, channel gone): nothing left to update. */
  gone: number;
  /** Deliveries not yet settled: the job looks again later. */
  inFlight: number;
}

/**
 * Updates every delivered Slack message about the item to its decided card. A message
 * already showing this decision is left alone, so the job may run again safely.
 */
export async function updateCards(
  deps: { pool: pg.Pool; secretKey: SecretKey; config: Config; log?: Logger },
  workspaceId: string,
  inboxItemId: string,
): Promise<CardUpdateReport> {
  const report: CardUpdateReport = { updated: 0, gone: 0, inFlight: 0 };
  const install = await loadInstallation(deps.pool, deps.secretKey, workspaceId);
  if (!install) return report;
  const { rows: items } = await deps.pool.query<ItemRow>(
    `select i.status, i.resolved_at as "resolvedAt", i.resolved_by as "resolvedBy",
            i.resolution->>'reason' as reason, nullif(u.name, '') as "deciderName"
     from inbox_items i left join users u on u.email = lower(i.resolved_by)
     where i.workspace_id = $1::uuid and i.id = $2::uuid`,
    [workspaceId, inboxItemId],
  );
  const item = items[0];
  if (!item || item.status === 'pending') return report;
  const decision: Decision = {
    status: item.status as Decision['status'],
    by: item.status === 'expired' ? null : (item.deciderName ?? item.resolvedBy),
    at: new Date(item.resolvedAt ?? Date.now()),
    reason: item.status === 'rejected' ? item.reason : null,
  };
  // A DM or channel post made for a notification of the item, or a channel post that
  // carries the item without a notification of its own.
  const { rows: deliveries } = await deps.pool.query<DeliveryRow>(
    `select d.id, d.status, d.payload, d.external_ref as "externalRef"
     from notification_deliveries d
     where d.workspace_id = $1::uuid and d.channel = 'slack'
       and (d.notification_id in (select n.id from notifications n
                                  where n.workspace_id = $1::uuid and n.inbox_item_id = $2::uuid)
            or (d.notification_id is null and d.payload->>'inboxItemId' = $2::text))
     order by d.created_at`,
    [workspaceId, inboxItemId],
  );
  const client = slackClient(endpointFor(install, deps.config.slackApiUrl), deps.log);
  const publicUrl = workspaceConsoleBase(publicUrlOf(deps.config), workspaceId);
  for (const delivery of deliveries) {
    if (delivery.status === 'pending' || delivery.status === 'sending') {
      report.inFlight += 1;
      continue;
    }
    const { channel, ts } = delivery.externalRef;
    if (delivery.status !== 'delivered' || !channel || !ts) continue;
    if (delivery.externalRef.card === decision.status) continue;
    const message = decidedMessage(delivery.payload, decision, publicUrl);
    try {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    } catch (error) {
      const failure = classifySlackError(error);
      // Retryable trouble fails the job, which graphile-worker runs again with backoff.
      if (failure.kind === 'retry') throw error;
      deps.log?.warn(
        { deliveryId: delivery.id, inboxItemId, error: failure.error },
        'a Slack card could not be updated',
      );
      report.gone += 1;
      continue;
    }
    await deps.pool.query(
      `update notification_deliveries
       set external_ref = external_ref || jsonb_build_object('card', $2::text), updated_at = now()
       where id = $1::uuid`,
      [delivery.id, decision.status],
    );
    report.updated += 1;
  }
  if (report.inFlight > 0) {
    await enqueue(
      deps.pool,
      'slack.update-cards',
      { workspaceId, inboxItemId },
      {
        jobKey: jobKey(inboxItemId),
        runAt: new Date(Date.now() + CARD_RECHECK_MS),
        maxAttempts: 10,
      },
    );
  }
  return report;
}
