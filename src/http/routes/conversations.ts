import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { withTransaction } from '../../db/pool.js';
import { linkByHand, unlinkByHand } from '../../conversations/manual-links.js';
import {
  getConversation,
  LINK_METHODS,
  LINKED_FILTERS,
  listConversations,
} from '../../conversations/queries.js';
import type { AppContext } from '../context.js';
import {
  errorResponses,
  NullableTimestamp,
  PageLimit,
  pageSize,
  Timestamp,
  Uuid,
  strictObject,
} from '../schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const ConversationSummary = Type.Object({
  id: Uuid,
  source: Type.String({ description: 'gong, fireflies, webhook, upload, demo...' }),
  sourceId: Type.String(),
  connectionId: nullable(Uuid),
  title: Type.String(),
  startedAt: Timestamp,
  durationSeconds: Type.Integer(),
  isInternal: Type.Boolean(),
  internalReason: nullable(Type.String()),
  hostEmail: nullable(Type.String()),
  owner: nullable(Type.Object({ id: Uuid, name: Type.String(), email: nullable(Type.String()) })),
  participantCount: Type.Integer(),
  account: nullable(
    Type.Object({ id: Uuid, name: Type.String(), domain: nullable(Type.String()) }),
  ),
  deal: nullable(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      stage: nullable(Type.String()),
      stageNormalized: nullable(Type.String()),
    }),
  ),
  contact: nullable(
    Type.Object({ id: Uuid, name: nullable(Type.String()), email: nullable(Type.String()) }),
  ),
  linkMethod: nullable(literals(LINK_METHODS)),
  linkConfidence: nullable(
    Type.Number({ minimum: 0, maximum: 1, description: 'How sure the linker is; 1 for manual' }),
  ),
  linkedAt: NullableTimestamp,
  linkedBy: nullable(Uuid),
});

const ConversationDetail = Type.Composite([
  ConversationSummary,
  Type.Object({
    participants: Type.Array(
      Type.Object({
        email: nullable(Type.String()),
        name: nullable(Type.String()),
        contactId: nullable(Uuid),
      }),
    ),
    transcript: nullable(Type.String()),
    contacts: Type.Array(
      Type.Object({
        id: Uuid,
        name: nullable(Type.String()),
        email: nullable(Type.String()),
        accountId: nullable(Uuid),
      }),
    ),
    gap: Type.Object({
      dismissedAt: NullableTimestamp,
      dismissedBy: nullable(Uuid),
      dismissReason: nullable(Type.String()),
      dealCreatedAt: NullableTimestamp,
    }),
  }),
]);

const ConversationParams = Type.Object({ conversationId: Uuid });
const tags = ['conversations'];

export function conversationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/conversations';
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listConversations',
          tags,
          summary: 'List meetings',
          description:
            'Recorded meetings, newest first, with their link to the CRM; keyset pagination.',
          querystring: Type.Object(
            {
              internal: Type.Optional(Type.Boolean()),
              linked: Type.Optional(literals(LINKED_FILTERS)),
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
              rep: Type.Optional(
                Type.String({
                  minLength: 3,
                  maxLength: 254,
                  description: "The rep's email: the host, or the CRM owner's email",
                }),
              ),
              from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive' })),
              to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive' })),
              limit: PageLimit(200, 50),
              after: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              conversations: Type.Array(ConversationSummary),
              nextCursor: nullable(Type.String()),
            }),
          },
        },
      },
      async (request) =>
        listConversations(ctx.pool, request.access.workspaceId, pageSize(request.query, 50)),
    );

    app.get(
      `${base}/:conversationId`,
      {
        schema: {
          operationId: 'getConversation',
          tags,
          summary: 'Get a meeting',
          description:
            'Participants, transcript, and the linked records with method and confidence.',
          params: ConversationParams,
          response: { 200: Type.Object({ conversation: ConversationDetail }) },
        },
      },
      async (request) => ({
        conversation: await getConversation(
          ctx.pool,
          request.access.workspaceId,
          request.params.conversationId,
        ),
      }),
    );

    app.put(
      `${base}/:conversationId/link`,
      {
        schema: {
          operationId: 'setConversationLink',
          tags,
          summary: 'Link a meeting by hand',
          description:
            'To a deal, an account or a contact (at least one). The account follows from the deal, else the contact. A manual link is never replaced by the linker. A link to a deal or an account starts the flows listening to conversation.linked.',
          params: ConversationParams,
          body: Type.Object(
            {
              dealId: Type.Optional(Uuid),
              accountId: Type.Optional(Uuid),
              contactId: Type.Optional(Uuid),
            },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: {
            200: Type.Object({ conversation: ConversationDetail }),
            ...errorResponses(422),
          },
        },
      },
      async (request) => {
        const { workspaceId, userId } = request.access;
        const { conversationId } = request.params;
        await withTransaction(ctx.pool, (client) =>
          linkByHand(client, workspaceId, conversationId, request.body, userId),
        );
        return { conversation: await getConversation(ctx.pool, workspaceId, conversationId) };
      },
    );

    app.delete(
      `${base}/:conversationId/link`,
      {
        schema: {
          operationId: 'removeConversationLink',
          tags,
          summary: 'Unlink a meeting by hand',
          description:
            'Stays unlinked (a manual empty link) unless `automatic=true`, which hands the meeting back to the linker and links it again at once.',
          params: ConversationParams,
          querystring: strictObject({
            automatic: Type.Optional(Type.Boolean({ default: false })),
          }),
          response: { 200: Type.Object({ conversation: ConversationDetail }) },
        },
      },
      async (request) => {
        const { workspaceId, userId } = request.access;
        const { conversationId } = request.params;
        await unlinkByHand(ctx.pool, workspaceId, conversationId, {
          automatic: request.query.automatic ?? false,
          userId,
        });
        return { conversation: await getConversation(ctx.pool, workspaceId, conversationId) };
      },
    );
  };
}
