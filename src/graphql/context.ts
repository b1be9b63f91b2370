import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Caller } from '../actions/service.js';
import type { EventListener } from '../events/bus.js';
import { callerOf, workspaceAccess, type Principal } from '../http/auth.js';
import { retryAfterSeconds, toHttpError } from '../http/error-handler.js';
import type { OutboundPolicy } from '../net/outbound-url.js';
import type { SecretKey } from '../tenancy/secrets.js';
import type { Role } from '../tenancy/workspaces.js';
import { uuidArg } from './validate.js';

export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  pool: pg.Pool;
  /** For the feature parts that call a CRM (preview, execute, property discovery). */
  secretKey: SecretKey;
  log: Logger;
  principal: Principal | undefined;
  events: EventListener | undefined;
  /** Where user-supplied URLs may point (a Gong host), as REST checks them. */
  outbound: OutboundPolicy;
  /** The server's public URL, for addresses it hands out (a webhook's). */
  publicUrl: string | undefined;
}

/** The same error codes as REST, under `extensions.code`. */
export function toGraphQLError(error: unknown): GraphQLError {
  const httpError = toHttpError(error);
  const retryAfter = retryAfterSeconds(httpError);
  // Built through Yoga so the error class is the one Yoga checks against, whichever copy
  // of graphql-js (CommonJS or ESM) a loader picked.
  return createGraphQLError(httpError.message, {
    // Only the unexpected keeps its cause, which Yoga then masks; a 503 says what it is.
    originalError: httpError.code === 'internal_error' ? (error as Error) : undefined,
    extensions: {
      code: httpError.code,
      http: {
        status: httpError.status,
        ...(retryAfter === undefined ? {} : { headers: { 'retry-after': String(retryAfter) } }),
      },
      ...(httpError.details === undefined ? {} : { details: httpError.details }),
    },
  });
}

type VariableNode = { kind: string; variable?: { name: { value: string } } };

/**
 * A variable that does not fit its type (an enum value that does not exist, an object
 * where a CRM value goes) is a bad request like any other: `validation_failed` naming
 * the variable, where graphql-js leaves the error without a code.
 */
export function useInputErrorCodes(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (isAsyncIterable(result) || !result.errors?.length) return;
        setResult({
          ...result,
          errors: result.errors.map((error) => {
            const node = error.nodes?.[0] as VariableNode | undefined;
            if (error.extensions?.code || node?.kind !== 'VariableDefinition') return error;
            const field = node.variable?.name.value ?? 'variables';
            return createGraphQLError(error.message, {
              nodes: error.nodes,
              extensions: {
                code: 'validation_failed',
                http: { status: 400 },
                details: [{ field, message: error.message }],
              },
            });
          }),
        });
      },
    }),
  };
}

export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toGraphQLError(error);
  }
}

/** The caller's access to a workspace, as REST checks it (another tenant's is a 404). */
export async function access(context: GraphQLContext, workspaceId: string, required?: Role) {
  uuidArg('workspaceId', workspaceId);
  return workspaceAccess(context.pool, context.principal, workspaceId, required);
}

// One request often asks several fields of one workspace; each checks access, once.
const callers = new WeakMap<GraphQLContext, Map<string, Promise<Caller>>>();

/** The caller as the feature parts take it, after the access check. */
export function callerAs(
  context: GraphQLContext,
  workspaceId: string,
  required: Role = 'member',
): Promise<Caller> {
  let known = callers.get(context);
  if (!known) callers.set(context, (known = new Map()));
  const key = `${workspaceId}:${required}`;
  let caller = known.get(key);
  if (!caller) {
    caller = access(context, workspaceId, required).then((granted) =>
      callerOf(context.pool, granted),
    );
    known.set(key, caller);
  }
  return caller;
}
