import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type pg from 'pg';
import type { Role } from '../tenancy/workspaces.js';
import { workspaceAccess, type WorkspaceAccess } from './auth.js';
import { Uuid, errorResponses } from './schemas.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role a workspace route needs (members when absent). */
    role?: Role;
  }
  interface FastifyRequest {
    /** The caller's checked access to the workspace in the path (workspace routes only). */
    readonly access: WorkspaceAccess;
  }
}

/** Every route whose path starts with this is a workspace route. */
const WORKSPACE_PATH = /^\/api\/workspaces\/:workspaceId(?:\/|$)/;

/**
 * What any workspace route may answer besides its own and those of every API route
 * (shared-responses.ts: 400, 401, 429...): a workspace the caller cannot see (404).
 */
const SHARED_ERRORS = [404];

const accessKey = Symbol('workspaceAccess');
type Scoped = FastifyRequest & { [accessKey]?: WorkspaceAccess };

/** The path's workspace id, added to a route's own params (once: HEAD copies of GETs come again). */
function withWorkspaceId(params: TSchema | undefined): TSchema {
  if (!params) return Type.Object({ workspaceId: Uuid });
  const object = params as TObject;
  if (object.properties.workspaceId) return object;
  return {
    ...object,
    properties: { workspaceId: Uuid, ...object.properties },
    required: ['workspaceId', ...(object.required ?? [])],
  };
}

function withSharedErrors(
  response: Record<number | string, unknown> | undefined,
  role: Role,
): Record<number | string, unknown> {
  const statuses = role === 'admin' ? [...SHARED_ERRORS, 403] : SHARED_ERRORS;
  // The route's own answers win, so a route may describe an error its own way.
  return { ...errorResponses(...statuses), ...response };
}

/**
 * Makes every route under `/api/workspaces/:workspaceId` a workspace route: before its
 * handler runs (after validation, so a malformed id is a 400 first), the caller's
 * access is resolved once and set as `request.access`: 401 without a caller, 404 for
 * a workspace the caller cannot see, 403 below the route's `config.role`. Its schema
 * gets the `workspaceId` param and the shared error responses, so a route declares
 * only its own params and answers. Call it before the routes are registered.
 */
export function installWorkspaceScope(app: FastifyInstance, pool: pg.Pool): void {
  app.decorateRequest(accessKey, undefined);
  app.decorateRequest('access', {
    getter(this: Scoped): WorkspaceAccess {
      const access = this[accessKey];
      // A programming error (a route outside the scope reading it), so a 500.
      if (!access) throw new Error(`request.access is unset on ${this.routeOptions.url}`);
      return access;
    },
  });

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!WORKSPACE_PATH.test(route.url)) return;
    const role = route.config?.role ?? 'member';
    const schema = route.schema ?? {};
    route.schema = {
      ...schema,
      params: withWorkspaceId(schema.params as TSchema | undefined),
      response: withSharedErrors(schema.response as Record<number, unknown> | undefined, role),
    };
    const resolveAccess = async (request: FastifyRequest) => {
      const { workspaceId } = request.params as { workspaceId: string };
      (request as Scoped)[accessKey] = await workspaceAccess(
        pool,
        request.principal,
        workspaceId,
        role,
      );
    };
    // First among the route's own preHandlers, which may rely on it.
    const own = route.preHandler ?? [];
    route.preHandler = [resolveAccess, ...(Array.isArray(own) ? own : [own])];
  });
}
