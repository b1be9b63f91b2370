import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { forbidden } from '../../errors.js';
import {
  createApiKey,
  getApiKey,
  listApiKeys,
  revokeApiKey,
  type KeyVisibility,
} from '../../tenancy/api-keys.js';
import { workspaceAccess, type WorkspaceAccess } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  NullableTimestamp,
  RoleSchema,
  Timestamp,
  Uuid,
  WorkspaceParams,
  errorResponses,
  strictObject,
} from '../schemas.js';

const ApiKeySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  role: RoleSchema,
  prefix: Type.String({ description: 'First characters of the key, to recognise it' }),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
  createdBy: Type.Union([Type.Object({ id: Uuid, email: Type.String() }), Type.Null()]),
});

/** Admins see every key; a member the keys they created, a member key only itself. */
function visibilityFor(access: WorkspaceAccess): KeyVisibility {
  if (access.role === 'admin') return { kind: 'all' };
  if (access.principal.kind === 'apiKey') return { kind: 'self', keyId: access.principal.keyId };
  return { kind: 'createdBy', userId: access.principal.userId };
}

export function apiKeyRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/api-keys',
      {
        schema: {
          tags: ['api keys'],
          params: WorkspaceParams,
          response: {
            200: Type.Object({ apiKeys: Type.Array(ApiKeySchema) }),
            ...errorResponses(401, 404),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        return { apiKeys: await listApiKeys(ctx.pool, access.workspaceId, visibilityFor(access)) };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/api-keys',
      {
        schema: {
          tags: ['api keys'],
          summary: 'Create an API key; the secret is in this response only',
          params: WorkspaceParams,
          body: strictObject({
            name: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.Optional(RoleSchema),
          }),
          response: {
            201: Type.Object({ apiKey: ApiKeySchema, secret: Type.String() }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        const role = request.body.role ?? 'member';
        // Nobody mints a key with more power than they have.
        if (role === 'admin' && access.role !== 'admin') {
          throw forbidden('Only admins can create admin API keys');
        }
        const created = await createApiKey(ctx.pool, {
          workspaceId: access.workspaceId,
          name: request.body.name,
          role,
          createdBy: access.userId,
        });
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/api-keys/:keyId',
      {
        schema: {
          tags: ['api keys'],
          summary: 'Revoke an API key (members: only keys they created)',
          params: Type.Object({ workspaceId: Uuid, keyId: Uuid }),
          response: {
            200: Type.Object({ apiKey: ApiKeySchema }),
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (request) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
        );
        // A key the caller cannot see is not found, whether it exists or not.
        await getApiKey(ctx.pool, access.workspaceId, request.params.keyId, visibilityFor(access));
        return { apiKey: await revokeApiKey(ctx.pool, access.workspaceId, request.params.keyId) };
      },
    );
  };
}
