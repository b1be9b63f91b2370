/**
 * send_webhook: POSTs JSON to a URL, signed so the receiver can prove it came from this
 * workspace's flow, and keyed so a resend after a crash or a retry is recognisable.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { FlowStepError, type StepDefinition } from '../types.js';
import { httpStatusError, keptHeaders, sendStepRequest } from './http-request.js';

/** A header name as RFC 9110 allows it (a token). */
export const HEADER_NAME = "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$";

const configSchema = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2048,
      title: 'URL',
      description: 'Where to send it: a public https URL.',
    }),
    method: Type.Optional(
      Type.Union([Type.Literal('POST'), Type.Literal('PUT'), Type.Literal('PATCH')], {
        title: 'Method',
        default: 'POST',
      }),
    ),
    headers: Type.Optional(
      Type.Record(Type.String({ pattern: HEADER_NAME }), Type.String({ maxLength: 8192 }), {
        title: 'Headers',
        maxProperties: 50,
      }),
    ),
    payload: Type.Optional(
      Type.Unknown({
        title: 'Payload',
        description:
          'The JSON body; templates allowed. Absent: the run trigger, variables and ids.',
      }),
    ),
    secret: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        title: 'Signing secret',
        description:
          'Signs the body (X-Pandora-Signature: v1=HMAC-SHA256 of "<timestamp>.<body>"); use {{secrets.name}}.',
      }),
    ),
  },
  { additionalProperties: false },
);

export type SendWebhookConfig = Static<typeof configSchema>;

/** Headers the step sets itself; a config header of the same name is refused by the run. */
export const SIGNATURE_HEADER = 'x-pandora-signature';
export const TIMESTAMP_HEADER = 'x-pandora-timestamp';
const RESERVED = new Set([
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  'idempotency-key',
  'content-type',
  'content-length',
  'host',
  'transfer-encoding',
  'connection',
]);

/** `v1=<hex>`: HMAC-SHA256 with the secret over `<unix seconds>.<raw body>`. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does with a Pandora webhook: recompute the signature over the raw
 * body, compare in constant time, and refuse a timestamp outside the window (replays).
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  now?: number;
  toleranceSeconds?: number;
}): boolean {
  const timestamp = Number(input.timestamp);
  if (!input.signature || !Number.isInteger(timestamp)) return false;
  const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const sendWebhookStep: StepDefinition<SendWebhookConfig> = {
  type: 'send_webhook',
  category: 'integration',
  title: 'Send webhook',
  description:
    'Send JSON to a URL, signed with a secret (HMAC-SHA256) and carrying an Idempotency-Key; retried on 5xx, 429 and network errors.',
  effect: 'write',
  configSchema,
  // A member's automation could send workspace secrets or others' data anywhere.
  allowedInAutomations: false,
  defaultRetry: { attempts: 5, backoffMs: 1000, maxDelayMs: 60_000 },
  defaultTimeoutMs: 30_000,
  secretFields: ['secret'],

  async run(context, config) {
    const reserved = Object.keys(config.headers ?? {}).find((name) =>
      RESERVED.has(name.toLowerCase()),
    );
    if (reserved) {
      throw new FlowStepError('validation', `headers.${reserved} is set by the step itself`, {
        severity: 'high',
        suggestion: `Remove the ${reserved} header from the step's config.`,
      });
    }
    const payload =
      config.payload === undefined
        ? {
            flowId: context.flowId,
            runId: context.runId,
            stepKey: context.stepKey,
            trigger: context.scope.trigger,
            vars: context.scope.vars,
          }
        : config.payload;
    const body = JSON.stringify(payload) ?? 'null';
    // Signed fresh on each attempt: a retry an hour later must not fall outside the window.
    const timestamp = Math.floor(context.now().getTime() / 1000);
    const headers: Record<string, string> = {
      'user-agent': 'Pandora-Flows/1',
      ...config.headers,
      'content-type': 'application/json',
      'idempotency-key': context.idempotencyKey,
      [TIMESTAMP_HEADER]: String(timestamp),
    };
    if (config.secret) headers[SIGNATURE_HEADER] = webhookSignature(config.secret, timestamp, body);

    const response = await sendStepRequest(
      context.services,
      { method: config.method ?? 'POST', url: config.url, headers, body, field: 'url' },
      context.signal,
    );
    if (response.status < 200 || response.status >= 300) {
      throw httpStatusError(response, `${config.method ?? 'POST'} ${new URL(config.url).host}`);
    }
    return {
      kind: 'completed',
      output: {
        status: response.status,
        headers: keptHeaders(response.headers),
        body: response.body,
        ...(response.truncated ? { truncated: true } : {}),
      },
    };
  },
};
