import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { createDealFromConversation } from '../../conversations/create-deal.js';
import { CreateDealBody } from '../../conversations/create-deal-schema.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { Uuid, errorResponses } from '../schemas.js';

const CreatedDeal = Type.Object({
  actionId: Uuid,
  crmType: Type.String(),
  dealId: Type.String({ description: "The deal's id in the CRM" }),
  dealUrl: Type.String({ description: 'Where to open the deal in the CRM (or the sandbox)' }),
  pandoraDealId: Uuid,
  conversationId: Uuid,
  contacts: Type.Array(
    Type.Object({ email: Type.String(), contactId: Type.String(), created: Type.Boolean() }),
  ),
  execution: Type.Unknown(),
  replayed: Type.Boolean(),
});

/** `POST .../conversations/without-deals/:conversationId/create-deal`. */
export function conversationCreateDealRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log };
  return async (app) => {
    app.post(
      '/api/workspaces/:workspaceId/conversations/without-deals/:conversationId/create-deal',
      {
        schema: {
          operationId: 'createConversationDeal',
          tags: ['conversations'],
          summary: 'Create the missing deal of a meeting in the CRM',
          description:
            'Creates the deal (on the meeting’s account, with its owner, stage and contacts, new or ' +
            'existing) as a `create_deal` action executed at once, so policies, the audit trail ' +
            'and undo apply. Asking again, or with the same Idempotency-Key, answers with the ' +
            'deal already made.',
          params: Type.Object({ conversationId: Uuid }),
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          }),
          body: Type.Optional(CreateDealBody),
          response: {
            200: Type.Object({ deal: CreatedDeal }, { description: 'Made by an earlier request' }),
            201: Type.Object({ deal: CreatedDeal }),
            ...errorResponses(403, 409, 422, 502),
          },
        },
      },
      async (request, reply) => {
        const deal = await createDealFromConversation(
          deps,
          await callerOf(ctx.pool, request.access),
          request.params.conversationId,
          request.body ?? {},
          request.headers['idempotency-key'],
        );
        reply.code(deal.replayed ? 200 : 201);
        return { deal };
      },
    );
  };
}
