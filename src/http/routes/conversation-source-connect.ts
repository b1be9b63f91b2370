import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { crmOutboundPolicy } from '../../crm/outbound.js';
import { forbidden } from '../../errors.js';
import {
  connectFireflies,
  connectGong,
  fetchUserDirectory,
  FirefliesConnectInput,
  GongConnectInput,
  queueSourceSync,
  reconnectSource,
  ReconnectInput,
  trackUsers,
} from '../../conversations/source-connect.js';
import { getSource, type ConversationSource } from '../../conversations/sources.js';
import { getDirectory, MAX_TRACKED_USERS } from '../../conversations/tracked-users.js';
import type { AppContext } from '../context.js';
import { errorResponses, NullableTimestamp, strictObject } from '../schemas.js';
import { ConversationSourceSchema, SourceParams } from './conversation-sources.js';

const TAGS = ['conversations'];
const BASE = '/api/workspaces/:workspaceId/conversation-sources';
const SourceReply = Type.Object({ source: ConversationSourceSchema });

const DirectoryUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  tracked: Type.Boolean(),
});

/**
 * Connecting Gong and Fireflies in two steps: the credentials (the user directory is
 * fetched at once), then the reps to track. Admins connect, pick and sync; members
 * read the directory.
 */
export function conversationSourceConnectRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const outbound = ctx.outbound ?? crmOutboundPolicy(ctx.config);
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log, outbound };

  return async (app) => {
    app.post(
      `${BASE}/gong`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'connectGong',
          summary: 'Connect Gong',
          description:
            'With an access key and secret (Basic auth) or an OAuth token. The user directory is fetched at once: the answer is `connected` with `directorySize`, or `error` with what to do. Then pick the reps with PUT .../tracked-users.',
          tags: TAGS,
          body: GongConnectInput,
          response: { 201: SourceReply },
        },
      },
      async (request, reply) => {
        const source = await connectGong(deps, request.access.workspaceId, request.body);
        return reply.status(201).send({ source });
      },
    );

    app.post(
      `${BASE}/fireflies`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'connectFireflies',
          summary: 'Connect Fireflies',
          description:
            'With an API key. The user directory is fetched at once; then pick the reps with PUT .../tracked-users.',
          tags: TAGS,
          body: FirefliesConnectInput,
          response: { 201: SourceReply },
        },
      },
      async (request, reply) => {
        const source = await connectFireflies(deps, request.access.workspaceId, request.body);
        return reply.status(201).send({ source });
      },
    );

    app.put(
      `${BASE}/:sourceId/credentials`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'replaceConversationSourceCredentials',
          summary: "Replace a recorder's credentials",
          description:
            'Gong: accessKey and accessKeySecret, or accessToken; Fireflies: apiKey. The user directory is fetched again with them; tracked users stay.',
          tags: TAGS,
          params: SourceParams,
          body: ReconnectInput,
          response: { 200: SourceReply, ...errorResponses(409) },
        },
      },
      async (request) => ({
        source: await reconnectSource(
          deps,
          request.access.workspaceId,
          request.params.sourceId,
          request.body,
        ),
      }),
    );

    app.get(
      `${BASE}/:sourceId/users`,
      {
        schema: {
          operationId: 'listConversationSourceUsers',
          summary: "List a source's user directory",
          description:
            'Each user marked tracked or not. `refresh=true` (admins) fetches it from the recorder again first.',
          tags: TAGS,
          params: SourceParams,
          querystring: Type.Object({ refresh: Type.Optional(Type.Boolean({ default: false })) }),
          response: {
            200: Type.Object({
              source: ConversationSourceSchema,
              users: Type.Array(DirectoryUserSchema),
              fetchedAt: NullableTimestamp,
            }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        const { workspaceId, role } = request.access;
        const id = request.params.sourceId;
        let source: ConversationSource | undefined;
        if (request.query.refresh) {
          if (role !== 'admin')
            throw forbidden('Only workspace admins can fetch the directory again');
          source = await fetchUserDirectory(deps, workspaceId, id);
        }
        source ??= await getSource(ctx.pool, workspaceId, id);
        return { source, ...(await getDirectory(ctx.pool, workspaceId, id)) };
      },
    );

    app.put(
      `${BASE}/:sourceId/tracked-users`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'setConversationSourceTrackedUsers',
          summary: 'Set the reps whose calls are synced',
          description:
            'Ids from the user directory; replaces the list. A connected source with someone tracked gets a sync queued.',
          tags: TAGS,
          params: SourceParams,
          body: strictObject({
            userIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
              maxItems: MAX_TRACKED_USERS,
            }),
          }),
          response: {
            200: Type.Object({
              source: ConversationSourceSchema,
              syncQueued: Type.Boolean(),
            }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        return trackUsers(deps, workspaceId, request.params.sourceId, request.body.userIds);
      },
    );

    app.post(
      `${BASE}/:sourceId/sync`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'startConversationSourceSync',
          summary: "Sync a source's tracked users' calls now",
          tags: TAGS,
          params: SourceParams,
          response: { 202: Type.Object({ jobId: Type.String() }), ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const jobId = await queueSourceSync(
          deps,
          request.access.workspaceId,
          request.params.sourceId,
          'manual',
        );
        return reply.status(202).send({ jobId });
      },
    );
  };
}
