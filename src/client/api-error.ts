/** A failed Pandora API call, carrying the server's `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The ApiError for a non-2xx answer whose body was already read (parsed JSON, or the raw
 * text when it was not JSON). Bodies that are not Pandora's error shape (a proxy's HTML
 * page, an empty 502) still give a readable message and the status.
 */
export function apiErrorFromBody(status: number, statusText: string, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  const reason = statusText ? ` ${statusText}` : '';
  return new ApiError(
    status,
    status >= 500 ? 'server_error' : 'http_error',
    `The server answered ${status}${reason}`,
  );
}

/** The ApiError for a request that got no answer at all (server down, DNS, CORS, offline). */
export function networkError(cause: unknown): ApiError {
  return new ApiError(
    0,
    'network_error',
    'Could not reach the Pandora server; check that it is running and try again',
    undefined,
    { cause },
  );
}

/** True for a 401 that means "log in again" (not a wrong password on the login form). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';
}
