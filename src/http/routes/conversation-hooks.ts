import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { WebhookMeeting } from '../../conversations/meeting-input.js';
import {
  receiveMeeting,
  verifyDelivery,
  webhookTarget,
  type WebhookTarget,
} from '../../conversations/webhook.js';
import { HttpError } from '../../errors.js';
import type { AppContext } from '../context.js';
import { errorResponses, Uuid } from '../schemas.js';
import { keepRawJson, parseRawJson, rawJsonBody } from '../signed-json.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const targets = new WeakMap<FastifyRequest, WebhookTarget>();

const DeliveryReply = Type.Object({
  conversationId: Uuid,
  duplicate: Type.Boolean({
    description: 'This meeting id was delivered before with the same content: nothing was stored',
  }),
  updated: Type.Boolean({ description: 'It was delivered before; this copy changed it' }),
});

/**
 * The signed inbound webhook. It lives in a plugin of its own so that its JSON parser,
 * which keeps the raw bytes the signature covers, is not the one every other route uses.
 */
export function conversationHookRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    keepRawJson(app);

    app.post(
      '/api/hooks/conversations/:connectionId',
      {
        schema: {
          operationId: 'deliverWebhookMeeting',
          summary: 'Deliver a meeting to a webhook source',
          description:
            'No session or API key (send no Authorization header): the signature is the proof. ' +
            'Send `X-Pandora-Timestamp: <unix seconds>` and `X-Pandora-Signature: sha256=<hex>`, ' +
            "the hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the source's signing secret. " +
            'Deliveries more than 5 minutes from the server clock are refused. The meeting `id` ' +
            'makes a delivery idempotent: the same meeting again is answered `duplicate: true`.',
          tags: ['conversations'],
          security: [],
          params: Type.Object({ connectionId: Uuid }),
          headers: Type.Object({
            'x-pandora-timestamp': Type.Optional(
              Type.String({ description: 'Unix seconds when the delivery was signed' }),
            ),
            'x-pandora-signature': Type.Optional(
              Type.String({ description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">' }),
            ),
          }),
          body: WebhookMeeting,
          response: {
            200: DeliveryReply,
            201: DeliveryReply,
            ...errorResponses(400, 401, 404, 413, 415, 429),
          },
        },
        // The signature is checked on the raw bytes before the body is parsed and
        // validated, so only a signed sender learns what is wrong with its meeting.
        preValidation: async (request) => {
          const { connectionId } = request.params as { connectionId: string };
          if (!UUID.test(connectionId)) {
            throw new HttpError(404, 'not_found', 'No webhook source at this address');
          }
          const target = await webhookTarget(ctx.pool, ctx.secretKey, connectionId);
          const raw = rawJsonBody(
            request.body,
            'Send the meeting as JSON (Content-Type: application/json)',
          );
          verifyDelivery(target.secret, request.headers, raw);
          request.body = parseRawJson(raw) as typeof request.body;
          targets.set(request, target);
        },
      },
      async (request, reply) => {
        const target = targets.get(request)!;
        const result = await receiveMeeting({ pool: ctx.pool }, target, request.body);
        return reply.status(result.duplicate || result.updated ? 200 : 201).send(result);
      },
    );
  };
}
