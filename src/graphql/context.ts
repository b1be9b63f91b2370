import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Caller } from '../actions/service.js';
import { HttpError } from '../errors.js';
import type { EventListener } from '../events/bus.js';
import { callerOf, workspaceAccess, type Principal } from '../http/auth.js';
import { toHttpError } from '../http/error-handler.js';
import type { SecretKey } from '../tenancy/secrets.js';
import type { Role } from '../tenancy/workspaces.js';

export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  pool: pg.Pool;
  /** For the feature parts that call a CRM (preview, execute, property discovery). */
  secretKey: SecretKey;
  log: Logger;
  principal: Principal | undefined;
  events: EventListener | undefined;
}

/** The same error codes as REST, under `extensions.code`. */
export function toGraphQLError(error: unknown): GraphQLError {
  const httpError = toHttpError(error);
  // Built through Yoga so the error class is the one Yoga checks against, whichever copy
  // of graphql-js (CommonJS or ESM) a loader picked.
  return createGraphQLError(httpError.message, {
    originalError: httpError.status >= 500 ? (error as Error) : undefined,
    extensions: {
      code: httpError.code,
      http: { status: httpError.status },
      ...(httpError.details === undefined ? {} : { details: httpError.details }),
    },
  });
}

export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toGraphQLError(error);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's access to a workspace, as REST checks it (another tenant's is a 404). */
export async function access(context: GraphQLContext, workspaceId: string, required?: Role) {
  if (!UUID.test(workspaceId)) {
    throw new HttpError(
      400,
      'validation_failed',
      `workspaceId must be a UUID, got "${workspaceId}"`,
      [{ field: 'workspaceId', message: 'must be a UUID' }],
    );
  }
  return workspaceAccess(context.pool, context.principal, workspaceId, required);
}

/** The caller as the feature parts take it, after the access check. */
export async function callerAs(
  context: GraphQLContext,
  workspaceId: string,
  required?: Role,
): Promise<Caller> {
  return callerOf(context.pool, await access(context, workspaceId, required));
}
