/**
 * What Fastify and Node refuse before a route runs (a media type, a body, a URL, the
 * HTTP itself), answered in the documented error shape with stable codes rather than
 * Fastify's `{ statusCode, error, message }` or Node's bare "Bad Request".
 */
import type { FastifyError } from 'fastify';
import { HttpError } from '../errors.js';

/** Fastify's own 4xx errors by their code; undefined for any other error. */
export function fastifyRefusal(error: Partial<FastifyError>): HttpError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(
        400,
        'malformed_json',
        `The request body is not valid JSON: ${error.message}`,
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(
        413,
        'payload_too_large',
        'The request body is larger than the 1 MiB limit',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(
        415,
        'unsupported_media_type',
        'Send the request body as application/json',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(
        400,
        'bad_content_length',
        'The Content-Length header does not match the body',
      );
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return new HttpError(
        400,
        'bad_url',
        'The URL is not valid: a percent-encoded part is not UTF-8 (%00..%7F, or valid multi-byte sequences)',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // An id in the path is at most 100 characters (Fastify's maxParamLength).
      return new HttpError(
        414,
        'uri_too_long',
        'A part of the URL path is longer than 100 characters',
      );
    case 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE':
    case 'FST_ERR_ROUTE_MISSING_CONTENT':
      return new HttpError(400, 'body_required', 'This request needs a JSON body');
    default:
      return undefined;
  }
}

/**
 * What Node's HTTP parser refuses (a malformed request line or header, headers too
 * large, a request too slow to arrive); these never reach Fastify.
 */
export function clientErrorRefusal(error: NodeJS.ErrnoException): HttpError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpError(408, 'request_timeout', 'The request took too long to arrive');
    case 'HPE_HEADER_OVERFLOW':
      return new HttpError(
        431,
        'headers_too_large',
        'The request line and headers are larger than allowed (16 KiB in all)',
      );
    default:
      return new HttpError(
        400,
        'bad_request',
        'The request is not valid HTTP (a malformed request line or header)',
      );
  }
}
