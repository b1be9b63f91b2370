/**
 * Slack's request signing (the "v0" scheme): every request Slack sends carries
 * `X-Slack-Request-Timestamp` and `X-Slack-Signature: v0=<hex>`, the HMAC-SHA256 of
 * `v0:<timestamp>:<raw body>` keyed with the app's signing secret. The signature covers
 * the bytes as sent, so it is checked before anything parses the body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../../errors.js';

export const SLACK_TIMESTAMP_HEADER = 'x-slack-request-timestamp';
export const SLACK_SIGNATURE_HEADER = 'x-slack-signature';
/** Slack's own advice: refuse anything further than 5 minutes from now, so a captured request cannot be replayed later. */
export const SLACK_TOLERANCE_SECONDS = 5 * 60;

/** `v0=<hex>` for a body sent at `timestamp` (unix seconds). */
export function signSlackRequest(
  secret: string,
  timestamp: string | number,
  rawBody: Buffer | string,
): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

function unauthorized(code: string, message: string): HttpError {
  return new HttpError(401, code, message);
}

/**
 * Throws 401 unless the request is signed with `secret` and sent within the window:
 * `invalid_slack_signature` when the headers are missing or the signature differs,
 * `stale_slack_request` when the timestamp is more than 5 minutes from the server's
 * clock (either way). The comparison takes the same time however much matches.
 */
export function verifySlackRequest(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  now: Date = new Date(),
): void {
  const timestamp = headers[SLACK_TIMESTAMP_HEADER];
  const signature = headers[SLACK_SIGNATURE_HEADER];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') {
    throw unauthorized(
      'invalid_slack_signature',
      'Not signed by Slack: X-Slack-Request-Timestamp and X-Slack-Signature are required',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw unauthorized('invalid_slack_signature', 'X-Slack-Request-Timestamp must be unix seconds');
  }
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > SLACK_TOLERANCE_SECONDS) {
    throw unauthorized(
      'stale_slack_request',
      `X-Slack-Request-Timestamp is ${Math.round(skew)} s from the server's clock; at most ${SLACK_TOLERANCE_SECONDS} s is accepted`,
    );
  }
  const expected = Buffer.from(signSlackRequest(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim());
  // timingSafeEqual needs equal lengths; a wrong length reveals only the format.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized(
      'invalid_slack_signature',
      'The signature does not match: check that SLACK_SIGNING_SECRET is the Slack app’s signing secret',
    );
  }
}
