import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { checkConnectionUrls, crmOutboundPolicy } from '../../crm/outbound.js';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
} from '../../tenancy/connections.js';
import type { AppContext } from '../context.js';
import { Timestamp, Uuid, strictObject } from '../schemas.js';

const CrmTypeSchema = Type.Union([Type.Literal('hubspot'), Type.Literal('salesforce')]);

export const ConnectionSchema = Type.Object({
  id: Uuid,
  crmType: CrmTypeSchema,
  kind: Type.Union([Type.Literal('crm'), Type.Literal('sandbox')], {
    description: '`sandbox`: the built-in CRM emulator, made by the server',
  }),
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

export const ConnectionParams = Type.Object({ connectionId: Uuid });

export function connectionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const outbound = ctx.outbound ?? crmOutboundPolicy(ctx.config);
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/connections',
      {
        schema: {
          operationId: 'listConnections',
          tags: ['connections'],
          summary: 'List CRM connections',
          response: {
            200: Type.Object({ connections: Type.Array(ConnectionSchema) }),
          },
        },
      },
      async (request) => {
        return { connections: await listConnections(ctx.pool, request.access.workspaceId) };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/connections',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createConnection',
          tags: ['connections'],
          summary: 'Add a CRM connection',
          description:
            'Add a CRM connection; credentials are encrypted at rest and never returned.',
          body: strictObject({
            crmType: CrmTypeSchema,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            credentials: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
            metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          }),
          response: {
            201: Type.Object({ connection: ConnectionSchema }),
          },
        },
      },
      async (request, reply) => {
        await checkConnectionUrls(request.body, outbound);
        const connection = await createConnection(ctx.pool, ctx.secretKey, {
          workspaceId: request.access.workspaceId,
          ...request.body,
        });
        return reply.status(201).send({ connection });
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/connections/:connectionId',
      {
        schema: {
          operationId: 'getConnection',
          tags: ['connections'],
          summary: 'Get a CRM connection',
          params: ConnectionParams,
          response: {
            200: Type.Object({ connection: ConnectionSchema }),
          },
        },
      },
      async (request) => {
        return {
          connection: await getConnection(
            ctx.pool,
            request.access.workspaceId,
            request.params.connectionId,
          ),
        };
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/connections/:connectionId',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteConnection',
          tags: ['connections'],
          summary: 'Delete a CRM connection',
          params: ConnectionParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteConnection(ctx.pool, request.access.workspaceId, request.params.connectionId);
        return reply.status(204).send(null);
      },
    );
  };
}
