import { HttpError } from '../errors.js';
import { pgErrorCode } from './pool.js';

/** How long a client should wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// SQLSTATE 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting
// up or shutting down), 53300 too_many_connections; class 08 is "connection exception".
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// The server cannot be reached at all. Only the database is reached raw from a request:
// CRM connectors turn their network errors into CrmError.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

// node-postgres raises these without any code when a connection drops mid-query or a
// connect outlasts `connectionTimeoutMillis`, so its own wording is all there is to go by.
const PG_CLIENT_MESSAGES = new Set([
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
]);

/**
 * True when `error` says PostgreSQL cannot be reached or is going away, rather than that
 * a query was wrong: the request may well succeed once the database is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Connecting to a host name with several addresses fails with one error per address.
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  const code = pgErrorCode(error);
  if (code !== undefined) {
    return code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || SOCKET_CODES.has(code);
  }
  return PG_CLIENT_MESSAGES.has(error.message);
}

/** The 503 a request gets while the database is unreachable; `Retry-After` goes with it. */
export function databaseUnavailable(cause: unknown): HttpError {
  return new HttpError(
    503,
    'database_unavailable',
    `The database is not reachable right now; try again in ${DATABASE_RETRY_AFTER_SECONDS} s`,
    { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    { cause },
  );
}
