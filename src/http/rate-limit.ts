import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

/** The paths the API budget covers: REST and GraphQL, not the console's files or health checks. */
export function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/graphql');
}

/**
 * The bucket a request spends from: the identity it proved (an API key, a person's
 * sessions), else its client address. Never the raw `Authorization` header: spelling
 * it differently (`bearer`, two spaces) must not buy a fresh budget, and a made-up
 * key proves nothing, so it counts against its address.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.kind === 'apiKey') return `key:${principal.keyId}`;
  if (principal?.kind === 'user') return `user:${principal.userId}`;
  return `ip:${request.ip}`;
}

/** The 429 every limiter answers, in the error shape, with the wait in `details`. */
export function rateLimited(retryAfterSeconds: number, limit?: number): HttpError {
  return new HttpError(429, 'rate_limited', `Too many requests: retry in ${retryAfterSeconds} s`, {
    ...(limit === undefined ? {} : { limit }),
    retryAfterSeconds,
  });
}

/**
 * One budget of `max` requests a minute per caller for REST and GraphQL alike. Runs
 * as a route `onRequest` hook, so after the app's own hook has resolved the principal.
 */
export async function registerRateLimit(app: FastifyInstance, max: number): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    allowList: (request) => !isApiPath(request.url),
    errorResponseBuilder: (_request, context) =>
      rateLimited(Math.ceil(context.ttl / 1000), context.max),
  });
}
