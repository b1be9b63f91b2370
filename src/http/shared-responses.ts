import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorResponses } from './schemas.js';
import { isApiPath } from './rate-limit.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

/**
 * The error statuses a documented route can answer whatever its handler does, from
 * what runs before and around it (see app.ts): every request can fail on our side
 * (500); under /api a credential that is not valid is refused whether or not the
 * route needs one (401), the rate limit and a database outage apply (429, 503), and a
 * browser's cross-site request that would change something is refused (403); a route
 * that takes input can be sent a malformed one (400), and one with a body a body too
 * large or not JSON (413, 415).
 */
export function sharedErrorStatuses(route: RouteOptions): number[] {
  const statuses = [500];
  const schema = route.schema ?? {};
  if (schema.params || schema.querystring || schema.body || schema.headers) statuses.push(400);
  if (schema.body) statuses.push(413, 415);
  if (isApiPath(route.url)) {
    statuses.push(401, 429, 503);
    if (methodsOf(route).some((method) => UNSAFE_METHODS.has(method))) statuses.push(403);
  }
  return statuses.sort((a, b) => a - b);
}

/**
 * Adds the shared error responses to every route in the OpenAPI document, so a route
 * declares only its success and its own errors (its own win, to describe one its own
 * way). Call it after installWorkspaceScope, whose params it counts as input.
 */
export function installSharedResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema ?? {};
    if (schema.hide) return;
    const own = (schema.response ?? {}) as Record<number | string, unknown>;
    route.schema = {
      ...schema,
      response: { ...errorResponses(...sharedErrorStatuses(route)), ...own },
    };
  });
}
