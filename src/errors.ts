/**
 * An error a caller can act on: an HTTP status, a stable machine-readable code, a
 * sentence for people, and optional details (the offending fields). REST and GraphQL
 * render it the same way: `{ error: { code, message, details } }`.
 */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function notFound(what: string, id?: string): HttpError {
  return new HttpError(
    404,
    'not_found',
    id ? `No ${what} with id ${id} in this workspace` : `${what} not found`,
  );
}

export function forbidden(message = 'Only workspace admins can do this'): HttpError {
  return new HttpError(403, 'forbidden', message);
}

export function badRequest(code: string, message: string, details?: unknown): HttpError {
  return new HttpError(400, code, message, details);
}

export function conflict(code: string, message: string, details?: unknown): HttpError {
  return new HttpError(409, code, message, details);
}
