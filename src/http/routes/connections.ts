import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
} from '../../tenancy/connections.js';
import { workspaceAccess } from '../auth.js';
import type { AppContext } from '../context.js';
import { Timestamp, Uuid, WorkspaceParams, errorResponses, strictObject } from '../schemas.js';

const CrmTypeSchema = Type.Union([Type.Literal('hubspot'), Type.Literal('salesforce')]);

export const ConnectionSchema = Type.Object({
  id: Uuid,
  crmType: CrmTypeSchema,
  name: Type.String(),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('connected'),
    Type.Literal('error'),
    Type.Literal('disconnected'),
  ]),
  statusMessage: Type.Union([Type.String(), Type.Null()]),
  hasCredentials: Type.Boolean(),
  stageMapping: Type.Record(Type.String(), Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  lastSyncAt: Type.Union([Timestamp, Type.Null()]),
  syncIntervalHours: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const ConnectionParams = Type.Object({ workspaceId: Uuid, connectionId: Uuid });

export function connectionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/connections',
      {
        schema: {
          tags: ['connections'],
          params: WorkspaceParams,
          response: {
            200: Type.Object({ connections: Type.Array(ConnectionSchema) }),
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
        return { connections: await listConnections(ctx.pool, access.workspaceId) };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/connections',
      {
        schema: {
          tags: ['connections'],
          summary: 'Add a CRM connection; credentials are encrypted at rest and never returned',
          params: WorkspaceParams,
          body: strictObject({
            crmType: CrmTypeSchema,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            credentials: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
            metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          }),
          response: {
            201: Type.Object({ connection: ConnectionSchema }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
          'admin',
        );
        const connection = await createConnection(ctx.pool, ctx.secretKey, {
          workspaceId: access.workspaceId,
          ...request.body,
        });
        return reply.status(201).send({ connection });
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/connections/:connectionId',
      {
        schema: {
          tags: ['connections'],
          params: ConnectionParams,
          response: {
            200: Type.Object({ connection: ConnectionSchema }),
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
        return {
          connection: await getConnection(
            ctx.pool,
            access.workspaceId,
            request.params.connectionId,
          ),
        };
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/connections/:connectionId',
      {
        schema: {
          tags: ['connections'],
          params: ConnectionParams,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const access = await workspaceAccess(
          ctx.pool,
          request.principal,
          request.params.workspaceId,
          'admin',
        );
        await deleteConnection(ctx.pool, access.workspaceId, request.params.connectionId);
        return reply.status(204).send(null);
      },
    );
  };
}
