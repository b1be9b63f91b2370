import type { Caller } from '../actions/service.js';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { HttpError, forbidden, notFound } from '../errors.js';
import { resolveApiKey } from '../tenancy/api-keys.js';
import { SESSION_COOKIE, resolveSession } from '../tenancy/sessions.js';
import { getUser } from '../tenancy/users.js';
import { roleOf, type Role } from '../tenancy/workspaces.js';

/** Who is calling: a console user (cookie) or an API key (bearer token). */
export type Principal =
  | { kind: 'user'; userId: string }
  | { kind: 'apiKey'; keyId: string; workspaceId: string; role: Role; name: string };

/** The caller's standing in one workspace. */
export interface WorkspaceAccess {
  workspaceId: string;
  role: Role;
  /** The person acting, when it is a person (API keys act for the workspace). */
  userId: string | null;
  principal: Principal;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Resolves the caller from the request, or undefined when anonymous. A bearer token
 * that is not a live key is an error rather than anonymity, so a revoked key fails loudly.
 */
export async function resolvePrincipal(
  pool: pg.Pool,
  headers: { authorization?: string | undefined },
  cookies: Record<string, string | undefined>,
): Promise<Principal | undefined> {
  const match = headers.authorization ? BEARER.exec(headers.authorization) : null;
  if (headers.authorization && !match) {
    throw new HttpError(401, 'invalid_authorization', 'Use `Authorization: Bearer <API key>`');
  }
  if (match) {
    const key = await resolveApiKey(pool, match[1]!);
    if (!key)
      throw new HttpError(401, 'invalid_api_key', 'This API key does not exist or was revoked');
    return {
      kind: 'apiKey',
      keyId: key.keyId,
      workspaceId: key.workspaceId,
      role: key.role,
      name: key.name,
    };
  }
  const token = cookies[SESSION_COOKIE];
  if (token) {
    const userId = await resolveSession(pool, token);
    if (userId) return { kind: 'user', userId };
  }
  return undefined;
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) {
    throw new HttpError(
      401,
      'unauthenticated',
      'Log in, or send an API key as `Authorization: Bearer <key>`',
    );
  }
  return request.principal;
}

export function requireUser(request: FastifyRequest): string {
  const principal = requirePrincipal(request);
  if (principal.kind !== 'user') {
    throw new HttpError(
      403,
      'user_session_required',
      'This endpoint is for console sessions, not API keys',
    );
  }
  return principal.userId;
}

/**
 * The caller's access to a workspace. A workspace the caller cannot see answers 404,
 * exactly like one that does not exist, so ids of other tenants reveal nothing.
 */
export async function workspaceAccess(
  pool: pg.Pool,
  principal: Principal | undefined,
  workspaceId: string,
  required: Role = 'member',
): Promise<WorkspaceAccess> {
  if (!principal) {
    throw new HttpError(
      401,
      'unauthenticated',
      'Log in, or send an API key as `Authorization: Bearer <key>`',
    );
  }
  let role: Role | undefined;
  if (principal.kind === 'apiKey') {
    role = principal.workspaceId === workspaceId ? principal.role : undefined;
  } else {
    role = await roleOf(pool, workspaceId, principal.userId);
  }
  if (!role) throw notFound('workspace', workspaceId);
  if (required === 'admin' && role !== 'admin') throw forbidden();
  return {
    workspaceId,
    role,
    userId: principal.kind === 'user' ? principal.userId : null,
    principal,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

/** Who is acting, as audit trails and CRM notes name them: a user's email or an API key's name. */
export async function actorName(pool: pg.Pool, access: WorkspaceAccess): Promise<string> {
  if (access.principal.kind === 'apiKey') return `api key ${access.principal.name}`;
  const user = access.userId ? await getUser(pool, access.userId) : undefined;
  return user?.email ?? 'unknown user';
}

/** The caller as the feature parts know it: workspace, role, and the name audit trails use. */
export async function callerOf(pool: pg.Pool, access: WorkspaceAccess): Promise<Caller> {
  return {
    workspaceId: access.workspaceId,
    role: access.role,
    actor: await actorName(pool, access),
    sourceId: access.userId ?? (access.principal.kind === 'apiKey' ? access.principal.keyId : null),
    kind: access.principal.kind === 'apiKey' ? 'apiKey' : 'user',
  };
}
