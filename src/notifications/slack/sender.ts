/**
 * The Slack channel of the outbox: a notification goes to its recipient as a DM from
 * the app (the member found by email), or to a channel (`target`: the alerts channel).
 * Each post carries its delivery id in Slack's message metadata, so a retry after a
 * lost answer first looks for it in the channel's history: a message is never posted
 * twice.
 */
import type { WebClient } from '@slack/web-api';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { SecretKey } from '../../tenancy/secrets.js';
import type { ChannelSender, DeliveryOutcome, DeliveryTask } from '../types.js';
import { messageFor, workspaceConsoleBase } from './blocks.js';
import { classifySlackError, endpointFor, loadInstallation, slackClient } from './client.js';
import { slackUserFor } from './users.js';

/** The metadata event every Pandora post carries (Slack's message metadata). */
export const METADATA_EVENT_TYPE = 'pandora_notification';

/** How far back a retry looks for its message: pages of conversations.history. */
const LOOKUP_PAGES = 3;
const LOOKUP_PAGE_SIZE = 200;

export interface SlackSenderDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
  log?: Logger;
  config: Config;
}

/** The base URL people open Pandora at, for the cards' View links. */
export function publicUrlOf(config: Config): string {
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}

/**
 * The message of this delivery already in the channel, found by its metadata, or
 * null. Reads the newest messages first; a message older than the pages read was
 * posted long before any retry of this delivery could run.
 */
export async function findPostedMessage(
  client: WebClient,
  channel: string,
  deliveryId: string,
): Promise<{ channel: string; ts: string } | null> {
  let cursor: string | undefined;
  for (let page = 0; page < LOOKUP_PAGES; page += 1) {
    const history = await client.conversations.history({
      channel,
      include_all_metadata: true,
      limit: LOOKUP_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of history.messages ?? []) {
      const metadata = message.metadata;
      if (
        metadata?.event_type === METADATA_EVENT_TYPE &&
        (metadata.event_payload as Record<string, unknown> | undefined)?.delivery_id ===
          deliveryId &&
        message.ts
      ) {
        return { channel, ts: message.ts };
      }
    }
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!cursor || !history.has_more) return null;
  }
  return null;
}

function failure(error: unknown): DeliveryOutcome {
  const mapped = classifySlackError(error);
  return mapped.kind === 'retry'
    ? {
        status: 'retry',
        error: mapped.error,
        ...(mapped.retryAfterMs !== undefined ? { retryAfterMs: mapped.retryAfterMs } : {}),
      }
    : { status: 'failed', error: mapped.error };
}

/** Delivers one outbox row to Slack. */
export async function sendToSlack(
  deps: SlackSenderDeps,
  task: DeliveryTask,
): Promise<DeliveryOutcome> {
  const install = await loadInstallation(deps.pool, deps.secretKey, task.workspaceId);
  if (!install) return { status: 'skipped', reason: 'Slack is not installed in this workspace' };
  const client = slackClient(endpointFor(install, deps.config.slackApiUrl), deps.log);
  try {
    let channel: string;
    if (task.target) {
      channel = task.target;
    } else if (task.recipient) {
      const slackUserId = await slackUserFor(
        { db: deps.pool, client },
        task.workspaceId,
        task.recipient,
      );
      if (!slackUserId) {
        return {
          status: 'skipped',
          reason: `No Slack user in ${install.teamName || 'the Slack team'} has the email ${task.recipient.email}`,
        };
      }
      // The DM's own id: the lookup below reads its history, which a user id cannot name.
      const opened = await client.conversations.open({ users: slackUserId });
      if (!opened.channel?.id) return { status: 'retry', error: 'Slack opened no DM channel' };
      channel = opened.channel.id;
    } else {
      return { status: 'skipped', reason: 'The delivery names neither a person nor a channel' };
    }

    // A retry may follow a post whose answer was lost: find it before posting again.
    const earlier = task.externalRef as { channel?: unknown; ts?: unknown };
    if (task.attempt > 1 || typeof earlier.ts === 'string') {
      const found = await findPostedMessage(client, channel, task.deliveryId);
      if (found) return { status: 'delivered', externalRef: found };
    }

    const message = messageFor(
      task.payload,
      workspaceConsoleBase(publicUrlOf(deps.config), task.workspaceId),
    );
    const posted = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      metadata: {
        event_type: METADATA_EVENT_TYPE,
        event_payload: { delivery_id: task.deliveryId },
      },
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!posted.ts) return { status: 'retry', error: 'Slack answered without a message ts' };
    return {
      status: 'delivered',
      externalRef: { channel: posted.channel ?? channel, ts: posted.ts },
    };
  } catch (error) {
    return failure(error);
  }
}

/** The outbox's Slack sender (src/notifications/senders.ts). */
export function createSlackSender(deps: SlackSenderDeps): ChannelSender {
  return { channel: 'slack', send: (task) => sendToSlack(deps, task) };
}
