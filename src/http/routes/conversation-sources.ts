import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  createWebhookSource,
  deleteSource,
  getSource,
  listSources,
  rotateSigningSecret,
  updateSource,
} from '../../conversations/sources.js';
import { salesRoster } from '../../conversations/roster.js';
import type { AppContext } from '../context.js';
import { errorResponses, NullableTimestamp, strictObject, Timestamp, Uuid } from '../schemas.js';

const TAGS = ['conversations'];
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Status = Type.Union(
  ['pending', 'connected', 'error', 'disconnected'].map((status) => Type.Literal(status)),
);

export const ConversationSourceSchema = Type.Object({
  id: Uuid,
  sourceType: Type.Union([
    Type.Literal('gong'),
    Type.Literal('fireflies'),
    Type.Literal('webhook'),
  ]),
  kind: Type.Union([Type.Literal('source'), Type.Literal('sandbox')], {
    description: '`sandbox`: an emulated recorder the server set up (the demo)',
  }),
  name: Type.String(),
  status: Status,
  statusMessage: Type.Union([Type.String(), Type.Null()]),
  hasCredentials: Type.Boolean(),
  authMethod: Type.Union([
    Type.Literal('access_key'),
    Type.Literal('oauth'),
    Type.Literal('api_key'),
    Type.Literal('signing_secret'),
    Type.Null(),
  ]),
  directorySize: Type.Integer({ description: 'Users in the directory as last fetched' }),
  directoryFetchedAt: NullableTimestamp,
  trackedUserIds: Type.Array(Type.String(), {
    description: 'Directory ids of the users whose calls are synced',
  }),
  lastSyncAt: NullableTimestamp,
  syncIntervalHours: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SourceParams = Type.Object({ sourceId: Uuid });
const SourceReply = Type.Object({ source: ConversationSourceSchema });
const SecretReply = Type.Object({
  source: ConversationSourceSchema,
  signingSecret: Type.String({
    description:
      'Shown once: sign each delivery with it (see POST /api/hooks/conversations/{connectionId})',
  }),
  webhookUrl: Type.String({ description: 'Where the sender posts meetings' }),
});

const BASE = '/api/workspaces/:workspaceId/conversation-sources';

const RosterEntrySchema = Type.Object({
  email: Type.String(),
  name: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean({ description: 'Active in at least one recorder' }),
  crmOwners: Type.Array(
    Type.Object({
      id: Uuid,
      source: Type.String({ description: 'The CRM: hubspot or salesforce' }),
      sourceId: Type.String(),
      name: Type.String(),
    }),
    { description: 'The CRM owners with this email' },
  ),
  sources: Type.Array(
    Type.Object({
      connectionId: Uuid,
      sourceType: Type.Union([
        Type.Literal('gong'),
        Type.Literal('fireflies'),
        Type.Literal('webhook'),
      ]),
      sourceName: Type.String(),
      userId: Type.String({ description: "The recorder's id of this person" }),
    }),
  ),
});

/**
 * Conversation sources: listing and reading for members; adding, renaming, rotating
 * a webhook's secret and removing for admins. Credentials are never returned; a
 * webhook's signing secret is shown once, when made or rotated.
 */
export function conversationSourceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const webhookUrl = (id: string) => `${ctx.config.publicUrl ?? ''}/api/hooks/conversations/${id}`;

  return async (app) => {
    app.get(
      BASE,
      {
        schema: {
          operationId: 'listConversationSources',
          summary: 'List conversation sources',
          description: 'Gong, Fireflies and webhook sources; credentials are never returned.',
          tags: TAGS,
          response: { 200: Type.Object({ sources: Type.Array(ConversationSourceSchema) }) },
        },
      },
      async (request) => ({ sources: await listSources(ctx.pool, request.access.workspaceId) }),
    );

    app.get(
      '/api/workspaces/:workspaceId/sales-roster',
      {
        schema: {
          operationId: 'listSalesRoster',
          summary: 'List the sales roster',
          description:
            'The users tracked on any conversation source, merged by email, each with the CRM owners of that email and the sources that track them.',
          tags: TAGS,
          response: { 200: Type.Object({ reps: Type.Array(RosterEntrySchema) }) },
        },
      },
      async (request) => ({ reps: await salesRoster(ctx.pool, request.access.workspaceId) }),
    );

    app.post(
      `${BASE}/webhook`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createWebhookSource',
          summary: 'Add a webhook source',
          description:
            'For any recorder: it posts meetings to `webhookUrl`, signed with `signingSecret`, which is shown once.',
          tags: TAGS,
          body: strictObject({ name: Name }),
          response: { 201: SecretReply },
        },
      },
      async (request, reply) => {
        const created = await createWebhookSource(ctx.pool, ctx.secretKey, {
          workspaceId: request.access.workspaceId,
          name: request.body.name,
        });
        return reply.status(201).send({ ...created, webhookUrl: webhookUrl(created.source.id) });
      },
    );

    app.get(
      `${BASE}/:sourceId`,
      {
        schema: {
          operationId: 'getConversationSource',
          summary: 'Get a conversation source',
          tags: TAGS,
          params: SourceParams,
          response: { 200: SourceReply },
        },
      },
      async (request) => ({
        source: await getSource(ctx.pool, request.access.workspaceId, request.params.sourceId),
      }),
    );

    app.patch(
      `${BASE}/:sourceId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'updateConversationSource',
          summary: 'Update a conversation source',
          description: 'Rename it or change how often it syncs.',
          tags: TAGS,
          params: SourceParams,
          body: Type.Object(
            {
              name: Type.Optional(Name),
              syncIntervalHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
            },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: { 200: SourceReply },
        },
      },
      async (request) => ({
        source: await updateSource(
          ctx.pool,
          request.access.workspaceId,
          request.params.sourceId,
          request.body,
        ),
      }),
    );

    app.post(
      `${BASE}/:sourceId/rotate-secret`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'rotateWebhookSourceSecret',
          summary: "Rotate a webhook source's signing secret",
          description: 'The old secret stops working at once; the new one is shown once.',
          tags: TAGS,
          params: SourceParams,
          response: { 200: SecretReply, ...errorResponses(409) },
        },
      },
      async (request) => {
        const rotated = await rotateSigningSecret(
          ctx.pool,
          ctx.secretKey,
          request.access.workspaceId,
          request.params.sourceId,
        );
        return { ...rotated, webhookUrl: webhookUrl(rotated.source.id) };
      },
    );

    app.delete(
      `${BASE}/:sourceId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteConversationSource',
          summary: 'Delete a conversation source',
          description: 'Its meetings stay.',
          tags: TAGS,
          params: SourceParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteSource(ctx.pool, request.access.workspaceId, request.params.sourceId);
        return reply.status(204).send(null);
      },
    );
  };
}
