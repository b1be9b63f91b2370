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
import type { WorkspaceAccess } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  NullableTimestamp,
  RoleSchema,
  Timestamp,
  Uuid,
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
          operationId: 'listApiKeys',
          tags: ['api keys'],
          summary: 'List API keys',
          response: {
            200: Type.Object({ apiKeys: Type.Array(ApiKeySchema) }),
          },
        },
      },
      async (request) => {
        return {
          apiKeys: await listApiKeys(
            ctx.pool,
            request.access.workspaceId,
            visibilityFor(request.access),
          ),
        };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/api-keys',
      {
        schema: {
          operationId: 'createApiKey',
          tags: ['api keys'],
          summary: 'Create an API key',
          description: 'Create an API key; the secret is in this response only.',
          body: strictObject({
            name: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.Optional(RoleSchema),
          }),
          response: {
            201: Type.Object({ apiKey: ApiKeySchema, secret: Type.String() }),
            ...errorResponses(403),
          },
        },
      },
      async (request, reply) => {
        const role = request.body.role ?? 'member';
        // Nobody mints a key with more power than they have.
        if (role === 'admin' && request.access.role !== 'admin') {
          throw forbidden('Only admins can create admin API keys');
        }
        const created = await createApiKey(ctx.pool, {
          workspaceId: request.access.workspaceId,
          name: request.body.name,
          role,
          createdBy: request.access.userId,
        });
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/api-keys/:keyId',
      {
        schema: {
          operationId: 'revokeApiKey',
          tags: ['api keys'],
          summary: 'Revoke an API key',
          description: 'Revoke an API key (members: only keys they created).',
          params: Type.Object({ keyId: Uuid }),
          response: {
            200: Type.Object({ apiKey: ApiKeySchema }),
            ...errorResponses(403),
          },
        },
      },
      async (request) => {
        // A key the caller cannot see is not found, whether it exists or not.
        await getApiKey(
          ctx.pool,
          request.access.workspaceId,
          request.params.keyId,
          visibilityFor(request.access),
        );
        return {
          apiKey: await revokeApiKey(ctx.pool, request.access.workspaceId, request.params.keyId),
        };
      },
    );
  };
}
