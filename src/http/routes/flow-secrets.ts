import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  createSecret,
  deleteSecret,
  listSecrets,
  MAX_SECRET_LENGTH,
  replaceSecret,
} from '../../flows/secrets.js';
import type { AppContext } from '../context.js';
import { Timestamp, Uuid, strictObject } from '../schemas.js';

const SecretName = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$',
  description: 'Letters, digits and _; steps name it as {{secrets.<name>}}',
});
const SecretValue = Type.String({ minLength: 1, maxLength: MAX_SECRET_LENGTH });

const SecretSchema = Type.Object({
  name: Type.String(),
  createdBy: Type.Union([Uuid, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const SecretParams = Type.Object({ secretName: SecretName });

/**
 * The workspace's secrets for flow steps (admins). Values go in and never come out:
 * answers carry names and dates only.
 */
export function flowSecretRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/secrets';
  const tags = ['flows'];
  return async (app) => {
    app.get(
      base,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'listWorkspaceSecrets',
          tags,
          summary: 'List workspace secrets',
          description: 'Names and dates of the secrets flow steps may use; never their values.',
          response: { 200: Type.Object({ secrets: Type.Array(SecretSchema) }) },
        },
      },
      async (request) => ({ secrets: await listSecrets(ctx.pool, request.access.workspaceId) }),
    );

    app.post(
      base,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createWorkspaceSecret',
          tags,
          summary: 'Create a workspace secret',
          description: 'Stored encrypted; 409 secret_exists when the name is taken.',
          body: strictObject({ name: SecretName, value: SecretValue }),
          response: { 201: Type.Object({ secret: SecretSchema }) },
        },
      },
      async (request, reply) => {
        const secret = await createSecret(
          ctx.pool,
          ctx.secretKey,
          request.access.workspaceId,
          request.body,
          request.access.userId,
        );
        return reply.status(201).send({ secret });
      },
    );

    app.put(
      `${base}/:secretName`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'replaceWorkspaceSecret',
          tags,
          summary: 'Replace a workspace secret',
          description: 'A new value for an existing secret (rotation); runs from now on use it.',
          params: SecretParams,
          body: strictObject({ value: SecretValue }),
          response: { 200: Type.Object({ secret: SecretSchema }) },
        },
      },
      async (request) => ({
        secret: await replaceSecret(
          ctx.pool,
          ctx.secretKey,
          request.access.workspaceId,
          request.params.secretName,
          request.body.value,
        ),
      }),
    );

    app.delete(
      `${base}/:secretName`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteWorkspaceSecret',
          tags,
          summary: 'Delete a workspace secret',
          description: 'Steps that name it fail with a validation error until it is set again.',
          params: SecretParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteSecret(ctx.pool, request.access.workspaceId, request.params.secretName);
        return reply.status(204).send(null);
      },
    );
  };
}
