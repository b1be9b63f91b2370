import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { crmOutboundPolicy } from '../../crm/outbound.js';
import { HttpError, forbidden } from '../../errors.js';
import { checkOutboundUrl } from '../../net/outbound-url.js';
import { fetchUserDirectory, queueSourceSync } from '../../conversations/source-connect.js';
import { createSource, getSource, type ConversationSource } from '../../conversations/sources.js';
import {
  getDirectory,
  MAX_TRACKED_USERS,
  setTrackedUsers,
} from '../../conversations/tracked-users.js';
import type { AppContext } from '../context.js';
import { errorResponses, NullableTimestamp, strictObject } from '../schemas.js';
import { ConversationSourceSchema, SourceParams } from './conversation-sources.js';

const TAGS = ['conversations'];
const BASE = '/api/workspaces/:workspaceId/conversation-sources';
const Name = Type.String({ minLength: 1, maxLength: 200 });
const SourceReply = Type.Object({ source: ConversationSourceSchema });

const GongBody = strictObject({
  name: Name,
  accessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  accessKeySecret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  accessToken: Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 4_000,
      description: 'An OAuth bearer token instead of the key pair',
    }),
  ),
  baseUrl: Type.Optional(
    Type.String({
      maxLength: 500,
      description:
        "The company's own Gong API host (OAuth's api_base_url_for_customer); https://api.gong.io by default",
    }),
  ),
});

const FirefliesBody = strictObject({
  name: Name,
  apiKey: Type.String({ minLength: 8, maxLength: 500 }),
  plan: Type.Optional(
    Type.Union(
      ['free', 'pro', 'business', 'enterprise'].map((plan) => Type.Literal(plan)),
      {
        description:
          "The Fireflies plan: it sets the API's rate limits (free and pro: 50 calls a day)",
      },
    ),
  ),
});

const DirectoryUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  tracked: Type.Boolean(),
});

function missing(field: string, message: string): HttpError {
  return new HttpError(400, 'validation_failed', `Invalid request: body.${field} ${message}`, [
    { field: `body.${field}`, message },
  ]);
}

/** Gong's credentials from the body: the access key pair, or an OAuth token, not both. */
function gongCredentials(body: {
  accessKey?: string;
  accessKeySecret?: string;
  accessToken?: string;
}): Record<string, unknown> {
  if (body.accessToken) {
    if (body.accessKey || body.accessKeySecret) {
      throw missing('accessToken', 'cannot be given with accessKey and accessKeySecret: pick one');
    }
    return { accessToken: body.accessToken };
  }
  if (!body.accessKey) throw missing('accessKey', 'is required (or give accessToken)');
  if (!body.accessKeySecret) throw missing('accessKeySecret', 'is required with accessKey');
  return { accessKey: body.accessKey, accessKeySecret: body.accessKeySecret };
}

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
          body: GongBody,
          response: { 201: SourceReply },
        },
      },
      async (request, reply) => {
        const credentials = gongCredentials(request.body);
        const { baseUrl } = request.body;
        if (baseUrl !== undefined) {
          await checkOutboundUrl(baseUrl, {
            purpose: 'public',
            field: 'body.baseUrl',
            policy: outbound,
          });
        }
        const created = await createSource(ctx.pool, ctx.secretKey, {
          workspaceId: request.access.workspaceId,
          sourceType: 'gong',
          name: request.body.name,
          credentials,
          metadata: baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {},
        });
        const source = await fetchUserDirectory(deps, request.access.workspaceId, created.id);
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
          body: FirefliesBody,
          response: { 201: SourceReply },
        },
      },
      async (request, reply) => {
        const created = await createSource(ctx.pool, ctx.secretKey, {
          workspaceId: request.access.workspaceId,
          sourceType: 'fireflies',
          name: request.body.name,
          credentials: { apiKey: request.body.apiKey },
          metadata: request.body.plan ? { plan: request.body.plan } : {},
        });
        const source = await fetchUserDirectory(deps, request.access.workspaceId, created.id);
        return reply.status(201).send({ source });
      },
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
        const source = await setTrackedUsers(
          ctx.pool,
          workspaceId,
          request.params.sourceId,
          request.body.userIds,
        );
        const syncQueued = source.status === 'connected' && source.trackedUserIds.length > 0;
        if (syncQueued) await queueSourceSync(deps, workspaceId, source.id, 'connect');
        return { source, syncQueued };
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
