import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.js';
import { startFlowRun } from '../../flows/engine/runs.js';
import {
  rotateFlowWebhookSecret,
  startFromWebhook,
  verifiedWebhookTarget,
  type FlowWebhookTarget,
} from '../../flows/triggers/webhook.js';
import type { AppContext } from '../context.js';
import { errorResponses, Uuid } from '../schemas.js';
import { keepRawJson, parseRawJson, rawJsonBody } from '../signed-json.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const targets = new WeakMap<FastifyRequest, FlowWebhookTarget>();

export const flowWebhookUrl = (ctx: AppContext, flowId: string) =>
  `${ctx.config.publicUrl ?? ''}/api/hooks/flows/${flowId}`;

/**
 * `POST /api/hooks/flows/:flowId`, in a plugin of its own so that its JSON parser,
 * which keeps the raw bytes the signature covers, is not the one every route uses.
 */
export function flowHookRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    keepRawJson(app);

    app.post(
      '/api/hooks/flows/:flowId',
      {
        schema: {
          operationId: 'deliverFlowWebhook',
          summary: "Start a flow's run from a signed webhook",
          description:
            'No session or API key (send no Authorization header): the signature is the proof. ' +
            'Send `X-Pandora-Timestamp: <unix seconds>` and `X-Pandora-Signature: sha256=<hex>`, ' +
            "the hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the flow's webhook secret " +
            '(made by rotating it). Deliveries more than 5 minutes from the server clock are refused. ' +
            'The JSON object sent is what the run reads as `{{trigger.x}}`. With an ' +
            '`Idempotency-Key`, a retried delivery answers the run the first one started.',
          tags: ['flows'],
          security: [],
          params: Type.Object({ flowId: Uuid }),
          headers: Type.Object({
            'x-pandora-timestamp': Type.Optional(
              Type.String({ description: 'Unix seconds when the delivery was signed' }),
            ),
            'x-pandora-signature': Type.Optional(
              Type.String({ description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">' }),
            ),
            'idempotency-key': Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 200,
                description: 'The same key again starts nothing new',
              }),
            ),
          }),
          body: Type.Record(Type.String(), Type.Unknown(), {
            description: "A JSON object: the run's trigger input",
          }),
          response: {
            200: DeliveryReply,
            202: DeliveryReply,
            ...errorResponses(400, 401, 404, 409, 413, 415, 429),
          },
        },
        // The signature is checked on the raw bytes before the body is parsed and
        // validated, so only a signed sender learns what is wrong with its body.
        preValidation: async (request) => {
          const { flowId } = request.params as { flowId: string };
          if (!UUID.test(flowId)) {
            throw new HttpError(404, 'not_found', 'No flow takes webhooks at this address');
          }
          const raw = rawJsonBody(
            request.body,
            'Send a JSON object (Content-Type: application/json)',
          );
          const target = await verifiedWebhookTarget(
            ctx.pool,
            ctx.secretKey,
            flowId,
            request.headers,
            raw,
          );
          request.body = parseRawJson(raw) as typeof request.body;
          targets.set(request, target);
        },
      },
      async (request, reply) => {
        const delivery = await startFromWebhook(
          ctx.pool,
          startFlowRun,
          targets.get(request)!,
          request.body,
          request.headers['idempotency-key'],
        );
        return reply.status(delivery.duplicate ? 200 : 202).send(delivery);
      },
    );
  };
}

const DeliveryReply = Type.Object({
  runId: Uuid,
  duplicate: Type.Boolean({
    description: 'A delivery with this Idempotency-Key started the run before; nothing new started',
  }),
});

/** The admin's end of a flow's webhook: its secret, made or replaced. */
export function flowWebhookSecretRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/workspaces/:workspaceId/flows/:flowId/rotate-secret',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'rotateFlowWebhookSecret',
          summary: "Make or replace a flow's webhook secret",
          description:
            'The old secret stops working at once; the new one is shown only in this answer. ' +
            'A flow whose published trigger is `webhook` takes deliveries at `webhookUrl` once it has one.',
          tags: ['flows'],
          params: Type.Object({ flowId: Uuid }),
          response: { 200: SecretReply },
        },
      },
      async (request) => {
        const { secret } = await rotateFlowWebhookSecret(
          ctx.pool,
          ctx.secretKey,
          request.access.workspaceId,
          request.params.flowId,
          'flow',
        );
        return { secret, webhookUrl: flowWebhookUrl(ctx, request.params.flowId) };
      },
    );
  };
}

export const SecretReply = Type.Object({
  secret: Type.String({ description: 'Shown once: sign deliveries with it' }),
  webhookUrl: Type.String({ description: 'Where the sender posts' }),
});
