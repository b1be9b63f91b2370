import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { isApiPath } from './rate-limit.js';

/**
 * Security headers for the console, /docs and the API. The policy fits what the built
 * console loads: its own scripts and styles, Mantine's inline styles, data: images
 * (the favicon). Nothing may frame Pandora, and no page leaks its URL (an OAuth callback
 * carries a code) as a Referer.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      // No upgrade-insecure-requests: Pandora is often reached over plain http on a
      // private address, where upgrading its own assets to https would break the console.
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser's request from another site that would change something, refused. A
 * session cookie rides along on such requests (SameSite=Lax stops only some of them),
 * so the browser's own word on where the request comes from decides: `Sec-Fetch-Site`
 * when sent, else `Origin`. Requests with neither come from programs, not browsers,
 * which send one of them on every unsafe request; requests carrying an API key cannot
 * be forged by another site. (Go's net/http CrossOriginProtection decides the same way.)
 */
export function crossSiteRefusal(
  request: FastifyRequest,
  publicUrl: string | undefined,
): HttpError | undefined {
  if (SAFE_METHODS.has(request.method) || !isApiPath(request.url)) return undefined;
  if (request.headers.authorization) return undefined;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  let sameOrigin: boolean;
  if (site !== undefined) sameOrigin = site === 'same-origin' || site === 'none';
  else if (origin === undefined) return undefined;
  else {
    sameOrigin =
      origin === `${request.protocol}://${request.host}` ||
      (publicUrl !== undefined && origin === new URL(publicUrl).origin);
  }
  if (sameOrigin) return undefined;
  return new HttpError(
    403,
    'cross_site_request',
    'A request from another site cannot change anything here: use the console at its own address, or send an API key',
    { origin: origin ?? null, secFetchSite: site ?? null },
  );
}

const REDACTED_QUERY_PARAMS = new Set([
  'code',
  'state',
  'access_token',
  'refresh_token',
  'id_token',
]);

/** `url` with the values of OAuth's secrets in its query (`code`, `state`, tokens) blanked. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0]!;
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is logged as it came.
      }
      return REDACTED_QUERY_PARAMS.has(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

/** Fastify's request log line, with the URL's secrets redacted. */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
