/**
 * Meetings from any recorder, posted to `POST /api/hooks/conversations/:connectionId`.
 * No session or API key: the signature is the proof. The sender signs
 * `<timestamp>.<raw body>` with the source's signing secret (HMAC-SHA256, hex) and
 * sends `X-Pandora-Timestamp: <unix seconds>` and `X-Pandora-Signature: sha256=<hex>`.
 * The timestamp is inside the signature, so an old delivery cannot be replayed with a
 * fresh one, and must be within five minutes of the server's clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { HttpError } from '../errors.js';
import { readCredentials } from '../tenancy/connections.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { storeInboundMeetings } from './inbound.js';
import { toRecordedCall, type WebhookMeeting } from './meeting-input.js';
import type { WebhookCredentials } from './sources.js';

export const SIGNATURE_HEADER = 'x-pandora-signature';
export const TIMESTAMP_HEADER = 'x-pandora-timestamp';
/** How far a delivery's timestamp may be from the server's clock, either way. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

/** The `X-Pandora-Signature` value for a body sent at `timestamp` (what a sender computes). */
export function signDelivery(secret: string, timestamp: number | string, rawBody: Buffer | string) {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

function unauthorized(code: string, message: string): HttpError {
  return new HttpError(401, code, message);
}

/**
 * Throws 401 unless the delivery is signed with `secret` and its timestamp is in the
 * window. The comparison takes the same time however much of the signature matches.
 */
export function verifyDelivery(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  now: Date = new Date(),
): void {
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') {
    throw unauthorized(
      'signature_missing',
      'Sign the delivery: send X-Pandora-Timestamp (unix seconds) and X-Pandora-Signature (sha256=<hex HMAC of "<timestamp>.<body>">)',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw unauthorized('timestamp_invalid', 'X-Pandora-Timestamp must be unix seconds');
  }
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > TIMESTAMP_TOLERANCE_SECONDS) {
    throw unauthorized(
      'timestamp_out_of_window',
      `X-Pandora-Timestamp is ${Math.round(skew)} s from the server's clock; at most ${TIMESTAMP_TOLERANCE_SECONDS} s is accepted (sign each delivery when it is sent)`,
    );
  }
  const expected = Buffer.from(signDelivery(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim());
  // timingSafeEqual needs equal lengths; a wrong length reveals nothing but the format.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized('signature_mismatch', 'The signature does not match this source');
  }
}

function unknownSource(): HttpError {
  // The same answer for a missing, removed, non-webhook or secret-less source.
  return new HttpError(404, 'not_found', 'No webhook source at this address');
}

export interface WebhookTarget {
  workspaceId: string;
  connectionId: string;
  secret: string;
}

/** The webhook source a delivery is addressed to, with its signing secret. */
export async function webhookTarget(
  pool: pg.Pool,
  key: SecretKey,
  connectionId: string,
): Promise<WebhookTarget> {
  const { rows } = await pool.query<{ workspaceId: string }>(
    `select workspace_id as "workspaceId" from connections
     where id = $1::uuid and source_type = 'webhook' and credentials is not null
       and status <> 'disconnected'`,
    [connectionId],
  );
  if (!rows[0]) throw unknownSource();
  const credentials = await readCredentials<WebhookCredentials>(
    pool,
    key,
    rows[0].workspaceId,
    connectionId,
  );
  if (!credentials?.signingSecret) throw unknownSource();
  return { workspaceId: rows[0].workspaceId, connectionId, secret: credentials.signingSecret };
}

export interface DeliveryResult {
  conversationId: string;
  /** The same meeting was delivered before and nothing changed. */
  duplicate: boolean;
  /** It was delivered before and this copy changed it. */
  updated: boolean;
}

/**
 * Stores a verified delivery. Its row is keyed by the source and the sender's id, so
 * the same meeting delivered again is found, not stored twice.
 */
export async function receiveMeeting(
  deps: { pool: pg.Pool },
  target: WebhookTarget,
  meeting: WebhookMeeting,
): Promise<DeliveryResult> {
  const stored = await storeInboundMeetings(
    deps,
    target.workspaceId,
    { source: 'webhook', connectionId: target.connectionId, trigger: 'webhook' },
    // Two webhook sources of a workspace may use the same ids: scoped by the source.
    [toRecordedCall(meeting, `${target.connectionId}:${meeting.id}`)],
  );
  return {
    conversationId: stored.ids[0]!,
    duplicate: stored.unchanged === 1,
    updated: stored.updated === 1,
  };
}
