import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';

/**
 * For routes whose JSON body is signed (webhooks): JSON bodies kept as the raw bytes the
 * signature covers. Register it only in the plugin that holds those routes.
 */
export function keepRawJson(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
}

/** The raw body kept by keepRawJson; 415 with `refusal` when the request sent no JSON. */
export function rawJsonBody(body: unknown, refusal: string): Buffer {
  if (!Buffer.isBuffer(body)) throw new HttpError(415, 'unsupported_media_type', refusal);
  return body;
}

/** The raw body parsed, once its signature holds; 400 malformed_json when it is not JSON. */
export function parseRawJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new HttpError(
      400,
      'malformed_json',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}
