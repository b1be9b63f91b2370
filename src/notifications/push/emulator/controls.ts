/**
 * What tests and `/_emulator/...` use to steer the push-service emulator: the
 * subscription endpoints it hands out, the messages it accepted, injected faults and
 * the log of every push request.
 */
import { FaultRules } from '../../../emulator-kit/fault-rules.js';
import { RequestLog } from '../../../emulator-kit/request-log.js';

export type PushFaultKind =
  /** 404: the push service does not know the subscription (expired, never existed). */
  | 'not_found'
  /** 410: the subscription is gone for good (the user unsubscribed or revoked permission). */
  | 'gone'
  /** 429 with Retry-After; nothing is accepted. */
  | 'rate_limit'
  /** 500/503; nothing is accepted. */
  | 'server_error'
  /** 413: the payload is too large for this push service. */
  | 'too_large'
  /** The message is accepted, but the answer is lost (the connection is cut). */
  | 'drop_answer';

export const PUSH_FAULT_KINDS: readonly PushFaultKind[] = [
  'not_found',
  'gone',
  'rate_limit',
  'server_error',
  'too_large',
  'drop_answer',
];

export interface PushFaultRule {
  kind: PushFaultKind;
  /** Only pushes to this subscription; every subscription when absent. */
  subscriptionId?: string;
  times?: number;
  /** `rate_limit`: the Retry-After sent, in seconds. */
  retryAfterSeconds?: number;
  /** `server_error`: 500 or 503 (503 by default). */
  status?: number;
}

export class PushFaults extends FaultRules<PushFaultRule> {
  take(subscriptionId: string): PushFaultRule | undefined {
    return this.takeFirst((rule) => !rule.subscriptionId || rule.subscriptionId === subscriptionId);
  }
}

/** One push message the emulator accepted (201), as it arrived. */
export interface PushMessage {
  seq: number;
  id: string;
  subscriptionId: string;
  ttl: number;
  urgency: string;
  topic: string | null;
  contentEncoding: string | null;
  /** The encrypted body, base64url: only the subscription's owner can read it. */
  body: string;
  /** The VAPID public key (`k`) and contact (`sub`) it was signed with. */
  vapidKey: string;
  subject: string;
  receivedAt: string;
}

export class PushMessages extends RequestLog<PushMessage> {}

export interface PushRequestLogEntry {
  seq: number;
  subscriptionId: string;
  status: number;
  fault: PushFaultKind | null;
  /** Why a request was refused (401, 400, 403...). */
  error: string | null;
  at: string;
}

export class PushRequestLog extends RequestLog<PushRequestLogEntry> {}
