import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { withTransaction } from '../../db/pool.js';
import { listConnections } from '../../tenancy/connections.js';
import {
  getWorkspace,
  listMembers,
  removeMember,
  updateMemberRole,
  workspaceCounts,
} from '../../tenancy/workspaces.js';
import type { AppContext } from '../context.js';
import { RoleSchema, Timestamp, Uuid, errorResponses, strictObject } from '../schemas.js';
import { ConnectionSchema } from './connections.js';

const WorkspaceSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  isDemo: Type.Boolean(),
  role: RoleSchema,
  createdAt: Timestamp,
});

const MemberSchema = Type.Object({
  userId: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  createdAt: Timestamp,
});

const MemberParams = Type.Object({ userId: Uuid });

export function workspaceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId',
      {
        schema: {
          operationId: 'getWorkspace',
          tags: ['workspaces'],
          summary: 'Get a workspace',
          response: {
            200: Type.Object({ workspace: WorkspaceSchema }),
          },
        },
      },
      async (request) => {
        const workspace = await getWorkspace(ctx.pool, request.access.workspaceId);
        return { workspace: { ...workspace, role: request.access.role } };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/overview',
      {
        schema: {
          operationId: 'getWorkspaceOverview',
          tags: ['workspaces'],
          summary: 'Get a workspace overview',
          description: 'Record counts and CRM connections of a workspace.',
          response: {
            200: Type.Object({
              workspace: WorkspaceSchema,
              counts: Type.Object({
                accounts: Type.Integer(),
                contacts: Type.Integer(),
                deals: Type.Integer(),
                openDeals: Type.Integer(),
                openPipelineAmount: Type.Number(),
                meetings: Type.Integer(),
              }),
              connections: Type.Array(ConnectionSchema),
            }),
          },
        },
      },
      async (request) => {
        const [workspace, counts, connections] = await Promise.all([
          getWorkspace(ctx.pool, request.access.workspaceId),
          workspaceCounts(ctx.pool, request.access.workspaceId),
          listConnections(ctx.pool, request.access.workspaceId),
        ]);
        return { workspace: { ...workspace, role: request.access.role }, counts, connections };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/members',
      {
        schema: {
          operationId: 'listMembers',
          tags: ['members'],
          summary: 'List members',
          response: {
            200: Type.Object({ members: Type.Array(MemberSchema) }),
          },
        },
      },
      async (request) => {
        return { members: await listMembers(ctx.pool, request.access.workspaceId) };
      },
    );

    app.patch(
      '/api/workspaces/:workspaceId/members/:userId',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'updateMember',
          tags: ['members'],
          summary: "Change a member's role",
          params: MemberParams,
          body: strictObject({ role: RoleSchema }),
          response: {
            200: Type.Object({ member: MemberSchema }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        const member = await withTransaction(ctx.pool, (client) =>
          updateMemberRole(
            client,
            request.access.workspaceId,
            request.params.userId,
            request.body.role,
          ),
        );
        return { member };
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/members/:userId',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'removeMember',
          tags: ['members'],
          summary: 'Remove a member',
          params: MemberParams,
          response: { 204: Type.Null(), ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        await withTransaction(ctx.pool, (client) =>
          removeMember(client, request.access.workspaceId, request.params.userId),
        );
        return reply.status(204).send(null);
      },
    );
  };
}
