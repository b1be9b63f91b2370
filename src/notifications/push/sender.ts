import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Logger } from 'pino';
import webpush from 'web-push';
import type { Config } from '../../config.js';
import type { Queryable } from '../../db/pool.js';
import { serverUrl } from '../../http/openapi-info.js';
import { checkOutboundUrl, guardedLookup } from '../../net/outbound-url.js';
import type { ChannelSender, DeliveryOutcome, DeliveryTask } from '../types.js';
import {
  listPushSubscriptions,
  markSubscriptionSuccess,
  removeDeadSubscription,
  type PushSubscriptionRow,
} from './subscriptions.js';
import { trustedPushOrigins } from './trusted-origins.js';
import { loadVapidKeys, type VapidKeys } from './vapid.js';

export interface PushSenderDeps {
  pool: Queryable;
  log: Logger;
  config: Pick<
    Config,
    | 'vapidPublicKey'
    | 'vapidPrivateKey'
    | 'vapidSubject'
    | 'dataDir'
    | 'publicUrl'
    | 'host'
    | 'port'
  >;
  /** Push services besides public https ones (the sandbox's emulator). */
  trustedOrigins?: () => string[];
  /** One push request's time limit. */
  timeoutMs?: number;
}

/** What became of the notification at one subscription, kept in the delivery's externalRef. */
export interface SubscriptionResult {
  status: 'sent' | 'gone' | 'failed';
  at: string;
  error?: string;
}

/** The payload the service worker (web/public/sw.js) shows. */
export interface PushPayload {
  title: string;
  body: string;
  /** Absolute: the console page the notification opens. */
  url: string;
  /** The notification id: a browser shows one notification per tag, however often it arrives. */
  tag: string;
  type: string;
  severity: string;
}

/** How long a push service keeps a message for a browser that is offline: a day. */
const TTL_SECONDS = 24 * 60 * 60;
const TIMEOUT_MS = 10_000;
/** Leaves room in the 4096 bytes every push service takes for the encryption's overhead. */
const MAX_BODY_CHARS = 1_000;
const MAX_TITLE_CHARS = 200;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

type Attempt =
  | { kind: 'sent' }
  | { kind: 'gone'; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'retry'; error: string; retryAfterMs?: number };

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Posts what web-push prepared ourselves: it always speaks https, the sandbox's emulator http. */
function post(
  details: webpush.RequestDetails,
  options: { trusted: string[]; timeoutMs: number },
): Promise<Answer> {
  const url = new URL(details.endpoint);
  const client = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: details.headers as Record<string, string | number>,
        // A host that passed the guard when subscribed cannot be re-pointed inside later.
        lookup: guardedLookup(options.trusted),
        timeout: options.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            text: Buffer.concat(chunks).toString('utf8').slice(0, 300),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`no answer from the push service in ${options.timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(details.body ?? undefined);
  });
}

function classify(answer: Answer, now: number): Attempt {
  const said = answer.text ? `: ${answer.text}` : '';
  if (answer.status >= 200 && answer.status < 300) return { kind: 'sent' };
  if (answer.status === 404 || answer.status === 410) {
    return { kind: 'gone', error: `the push service answered ${answer.status}${said}` };
  }
  if (answer.status === 429 || answer.status >= 500) {
    return {
      kind: 'retry',
      error: `the push service answered ${answer.status}${said}`,
      retryAfterMs: parseRetryAfter(answer.retryAfter, now),
    };
  }
  // 400 (bad request), 401/403 (VAPID refused), 413 (too large): sending again changes nothing.
  return { kind: 'failed', error: `the push service refused it with ${answer.status}${said}` };
}

/** A Topic is at most 32 URL-safe characters: a uuid's hex digits fit exactly. */
function topicFor(tag: string): string {
  const hex = tag.replace(/-/g, '');
  if (/^[0-9a-f]{32}$/i.test(hex)) return hex;
  return createHash('sha256').update(tag).digest('base64url').slice(0, 32);
}

function consolePath(workspaceId: string, link: string | null): string {
  if (!link) return `/w/${workspaceId}/inbox`;
  return link.startsWith('/w/')
    ? link
    : `/w/${workspaceId}${link.startsWith('/') ? '' : '/'}${link}`;
}

/**
 * The web push channel: each notification goes to every browser the recipient allowed,
 * encrypted for it (aes128gcm) and signed with Pandora's VAPID key. A retry skips the
 * browsers an earlier attempt reached (their results are kept in `externalRef`); an
 * answer lost on the way is sent again under the same `Topic`, which makes the push
 * service replace a copy still waiting, and the same tag, which makes the browser show
 * it once. 404/410 remove the subscription; 429 and 5xx are retried (after Retry-After);
 * anything else fails that browser with the service's reason, never blocking the others.
 */
export function createPushSender(deps: PushSenderDeps): ChannelSender {
  let keys: Promise<VapidKeys> | undefined;
  const vapid = () => {
    keys ??= loadVapidKeys(deps.config).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
  const trustedOrigins = deps.trustedOrigins ?? trustedPushOrigins;
  const baseUrl = deps.config.publicUrl ?? serverUrl(deps.config);

  async function notificationIdOf(deliveryId: string): Promise<string | null> {
    const { rows } = await deps.pool.query<{ notificationId: string | null }>(
      `select notification_id as "notificationId" from notification_deliveries where id = $1::uuid`,
      [deliveryId],
    );
    return rows[0]?.notificationId ?? null;
  }

  async function sendOne(
    task: DeliveryTask,
    subscription: PushSubscriptionRow,
    body: string,
    topic: string,
    trusted: string[],
  ): Promise<Attempt> {
    try {
      await checkOutboundUrl(subscription.endpoint, {
        purpose: 'public',
        field: 'endpoint',
        policy: { allowedHosts: trusted },
      });
    } catch (error) {
      return { kind: 'failed', error: (error as Error).message };
    }
    const details = webpush.generateRequestDetails(
      {
        endpoint: subscription.endpoint,
        keys: { p256dh: subscription.p256dh, auth: subscription.auth },
      },
      body,
      {
        vapidDetails: await vapid(),
        TTL: TTL_SECONDS,
        urgency: task.payload.critical ? 'high' : 'normal',
        topic,
      },
    );
    try {
      const answer = await post(details, { trusted, timeoutMs: deps.timeoutMs ?? TIMEOUT_MS });
      return classify(answer, Date.now());
    } catch (error) {
      return {
        kind: 'retry',
        error: `sending to the push service failed: ${(error as Error).message}`,
      };
    }
  }

  return {
    channel: 'push',
    async send(task: DeliveryTask): Promise<DeliveryOutcome> {
      if (!task.recipient)
        return { status: 'skipped', reason: 'web push goes to a person, not a channel' };
      const subscriptions = await listPushSubscriptions(
        deps.pool,
        task.workspaceId,
        task.recipient.userId,
      );
      const earlier = (task.externalRef.subscriptions ?? {}) as Record<string, SubscriptionResult>;
      const results: Record<string, SubscriptionResult> = { ...earlier };
      const due = subscriptions.filter(
        (subscription) => earlier[subscription.id]?.status !== 'sent',
      );
      if (subscriptions.length === 0 && !Object.values(earlier).some((r) => r.status === 'sent')) {
        return { status: 'skipped', reason: 'the recipient has no push subscription' };
      }

      const tag = (await notificationIdOf(task.deliveryId)) ?? task.idempotencyKey;
      const payload: PushPayload = {
        title: task.payload.title.slice(0, MAX_TITLE_CHARS),
        body: task.payload.body.slice(0, MAX_BODY_CHARS),
        url: new URL(consolePath(task.workspaceId, task.payload.link), `${baseUrl}/`).href,
        tag,
        type: task.payload.type,
        severity: task.payload.severity,
      };
      const body = JSON.stringify(payload);
      const topic = topicFor(tag);
      const trusted = trustedOrigins();

      const retries: Array<{ error: string; retryAfterMs?: number }> = [];
      await Promise.all(
        due.map(async (subscription) => {
          const attempt = await sendOne(task, subscription, body, topic, trusted);
          const at = new Date().toISOString();
          if (attempt.kind === 'sent') {
            results[subscription.id] = { status: 'sent', at };
            await markSubscriptionSuccess(deps.pool, task.workspaceId, subscription.id);
          } else if (attempt.kind === 'gone') {
            results[subscription.id] = { status: 'gone', at, error: attempt.error };
            await removeDeadSubscription(deps.pool, task.workspaceId, subscription.id);
            deps.log.info(
              { subscriptionId: subscription.id, userId: task.recipient!.userId },
              'push subscription gone; removed',
            );
          } else if (attempt.kind === 'failed') {
            results[subscription.id] = { status: 'failed', at, error: attempt.error };
          } else {
            retries.push(attempt);
          }
        }),
      );

      const externalRef = { subscriptions: results };
      if (retries.length > 0) {
        const waits = retries.flatMap((retry) =>
          retry.retryAfterMs === undefined ? [] : [retry.retryAfterMs],
        );
        return {
          status: 'retry',
          error: retries.map((retry) => retry.error).join('; '),
          ...(waits.length ? { retryAfterMs: Math.max(...waits) } : {}),
          externalRef,
        };
      }
      const outcomes = Object.values(results);
      if (outcomes.some((result) => result.status === 'sent'))
        return { status: 'delivered', externalRef };
      return {
        status: 'failed',
        error: outcomes.map((result) => result.error ?? result.status).join('; '),
        externalRef,
      };
    },
  };
}
