import { createPublicKey } from 'node:crypto';
import type { Queryable } from '../../db/pool.js';
import { HttpError } from '../../errors.js';
import { checkOutboundUrl, type OutboundPolicy } from '../../net/outbound-url.js';
import { trustedPushOrigins } from './trusted-origins.js';

/** One browser a member allowed to show Pandora's notifications (`push_subscriptions`). */
export interface PushSubscriptionRow {
  id: string;
  workspaceId: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
  createdAt: string;
  lastSuccessAt: string | null;
}

/** What a browser's `PushSubscription.toJSON()` gives, plus the browser's name. */
export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  userAgent?: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+=*$/;

function invalidKey(field: string, why: string): HttpError {
  return new HttpError(400, 'invalid_push_subscription', `${field} ${why}`, [
    { field, message: why },
  ]);
}

function decodeKey(value: string, field: string, bytes: number, what: string): Buffer {
  const decoded = BASE64URL.test(value)
    ? Buffer.from(value.replace(/=+$/, ''), 'base64url')
    : undefined;
  if (!decoded || decoded.length !== bytes) {
    throw invalidKey(
      field,
      `must be ${what}: ${bytes} bytes in base64url (as PushSubscription.toJSON() gives it), got ${decoded ? `${decoded.length} bytes` : 'other characters'}`,
    );
  }
  return decoded;
}

/**
 * Checks a subscription before it is stored. The endpoint is where Pandora will POST,
 * chosen by the browser but sent by a caller: it goes through the outbound-URL guard
 * (https, a public address), save the push emulator this process runs. The keys must
 * be what a browser makes: a P-256 point and a 16-byte auth secret, else every push
 * to it would fail to encrypt.
 */
export async function checkPushSubscription(
  input: PushSubscriptionInput,
  policy: Pick<OutboundPolicy, 'resolve'> = {},
): Promise<{ endpoint: string; p256dh: string; auth: string; userAgent: string | null }> {
  await checkOutboundUrl(input.endpoint, {
    purpose: 'public',
    field: 'endpoint',
    policy: { allowedHosts: trustedPushOrigins(), resolve: policy.resolve },
  });
  const point = decodeKey(input.keys.p256dh, 'keys.p256dh', 65, 'an uncompressed P-256 public key');
  try {
    createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
    if (point[0] !== 4) throw new Error('not an uncompressed point');
  } catch (error) {
    throw Object.assign(invalidKey('keys.p256dh', 'is not a point on the P-256 curve'), {
      cause: error,
    });
  }
  decodeKey(input.keys.auth, 'keys.auth', 16, 'the auth secret');
  return {
    // Kept as the browser wrote it: unsubscribing names it the same way.
    endpoint: input.endpoint,
    p256dh: point.toString('base64url'),
    auth: Buffer.from(input.keys.auth.replace(/=+$/, ''), 'base64url').toString('base64url'),
    userAgent: input.userAgent?.trim() || null,
  };
}

const COLUMNS = `id, workspace_id as "workspaceId", user_id as "userId", endpoint, p256dh, auth,
  user_agent as "userAgent", created_at as "createdAt", last_success_at as "lastSuccessAt"`;

/**
 * Stores a browser's subscription for a member. The endpoint names one browser
 * profile: subscribing it again (new keys after the browser renewed them, or another
 * member now logged in on that browser) replaces what was stored, so a browser is
 * never notified twice or for someone who left it.
 */
export async function savePushSubscription(
  db: Queryable,
  input: {
    workspaceId: string;
    userId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    userAgent: string | null;
  },
): Promise<PushSubscriptionRow> {
  const { rows } = await db.query<PushSubscriptionRow>(
    `insert into push_subscriptions (workspace_id, user_id, endpoint, p256dh, auth, user_agent)
     values ($1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::text)
     on conflict (workspace_id, endpoint) do update
       set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
           user_agent = excluded.user_agent
     returning ${COLUMNS}`,
    [input.workspaceId, input.userId, input.endpoint, input.p256dh, input.auth, input.userAgent],
  );
  return rows[0]!;
}

/** Removes a member's own subscription; false when they have none with that endpoint. */
export async function deletePushSubscription(
  db: Queryable,
  workspaceId: string,
  userId: string,
  endpoint: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `delete from push_subscriptions
     where workspace_id = $1::uuid and user_id = $2::uuid and endpoint = $3::text`,
    [workspaceId, userId, endpoint],
  );
  return (rowCount ?? 0) > 0;
}

/** A member's browsers, oldest first. */
export async function listPushSubscriptions(
  db: Queryable,
  workspaceId: string,
  userId: string,
): Promise<PushSubscriptionRow[]> {
  const { rows } = await db.query<PushSubscriptionRow>(
    `select ${COLUMNS} from push_subscriptions
     where workspace_id = $1::uuid and user_id = $2::uuid
     order by created_at, id`,
    [workspaceId, userId],
  );
  return rows;
}

/** The push service said the subscription is gone (404/410): nobody will read it again. */
export async function removeDeadSubscription(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<void> {
  await db.query(`delete from push_subscriptions where workspace_id = $1::uuid and id = $2::uuid`, [
    workspaceId,
    id,
  ]);
}

export async function markSubscriptionSuccess(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<void> {
  await db.query(
    `update push_subscriptions set last_success_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, id],
  );
}
