import { CrmError, type CrmErrorKind } from '../errors.js';

/**
 * Every way a Salesforce call can fail, as one `CrmError`: REST error bodies
 * (`[{message, errorCode, fields}]`, which jsforce raises with `errorCode` and
 * `data`), per-record SaveResult errors (`statusCode`), OAuth token errors, and
 * network failures and timeouts from jsforce's fetch. Classified by code, never by
 * message text.
 *
 * Choices worth knowing:
 * - REQUEST_LIMIT_EXCEEDED is the org's rolling 24-hour allowance: `rate_limited`
 *   with policy 'DAILY', so not retried.
 * - UNABLE_TO_LOCK_ROW is `transient`: another transaction held the row for a moment
 *   (Salesforce's own advice is to retry), not a conflicting edit of the data.
 * - INVALID_QUERY_LOCATOR (a paging cursor that expired) is `validation`: the same
 *   cursor never works again; start over from `since`.
 * - An unknown code with no HTTP status is `validation`: Salesforce answers bad input
 *   with 400 and many codes; retrying it cannot help.
 */
const KIND_BY_CODE: Record<string, CrmErrorKind> = {
  NOT_FOUND: 'not_found',
  ENTITY_IS_DELETED: 'not_found',
  INVALID_SESSION_ID: 'auth_expired',
  INVALID_AUTH_HEADER: 'auth_expired',
  INSUFFICIENT_ACCESS: 'permission',
  INSUFFICIENT_ACCESS_OR_READONLY: 'permission',
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: 'permission',
  INSUFFICIENT_PRIVILEGES: 'permission',
  API_DISABLED_FOR_ORG: 'permission',
  API_CURRENTLY_DISABLED: 'permission',
  FUNCTIONALITY_NOT_ENABLED: 'permission',
  REQUEST_LIMIT_EXCEEDED: 'rate_limited',
  UNABLE_TO_LOCK_ROW: 'transient',
  SERVER_UNAVAILABLE: 'transient',
  UNKNOWN_EXCEPTION: 'transient',
  QUERY_TIMEOUT: 'transient',
  REQUEST_RUNNING_TOO_LONG: 'transient',
  ALL_OR_NONE_OPERATION_ROLLED_BACK: 'transient',
};

/** OAuth token endpoint errors that mean the grant itself is no good. */
const OAUTH_REFUSALS = new Set([
  'invalid_grant',
  'invalid_client',
  'invalid_client_id',
  'unauthorized_client',
  'inactive_user',
  'inactive_org',
  'invalid_request',
  'redirect_uri_mismatch',
  'unsupported_grant_type',
]);

const NETWORK_ERRORS = new Set(['FetchError', 'AbortError']);

const HINTS: Partial<Record<CrmErrorKind, string>> = {
  auth_expired: 'Reconnect Salesforce to grant access again.',
  permission:
    'Give the connected Salesforce user access to this object and its fields (profile or permission set).',
  rate_limited:
    "The org's 24-hour API request allowance is used up; calls work again as the window rolls on.",
  transient: 'Salesforce could not do it just now; trying again later should work.',
};

interface SalesforceErrorBody {
  message?: unknown;
  errorCode?: unknown;
  statusCode?: unknown;
  fields?: unknown;
}

function statusOfCode(code: string): number | undefined {
  const match = /^ERROR_HTTP_(\d{3})$/.exec(code);
  return match ? Number(match[1]) : undefined;
}

function kindOf(code: string, status: number | undefined, message: string): CrmErrorKind {
  const known = KIND_BY_CODE[code];
  if (known) return known;
  if (code.includes('PICKLIST')) return 'validation';
  if (status === 401) return 'auth_expired';
  // The identity and userinfo endpoints answer a bad token with a bare 403 body.
  if (status === 403) return message.trim() === 'Bad_OAuth_Token' ? 'auth_expired' : 'permission';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status !== undefined && status >= 500) return 'transient';
  return 'validation';
}

function firstField(body: SalesforceErrorBody, message: string): string | undefined {
  if (Array.isArray(body.fields) && typeof body.fields[0] === 'string') return body.fields[0];
  // Query errors name the column only in their message.
  return /No such column '([^']+)'/.exec(message)?.[1];
}

function describe(kind: CrmErrorKind, code: string, message: string): string {
  const text = message.trim().replace(/\s*\n\s*/g, ' ');
  const hint = HINTS[kind];
  return `Salesforce ${code}: ${text}${hint ? ` ${hint}` : ''}`;
}

/** One error body (request-level or a SaveResult's) as a `CrmError`. */
export function errorFromBody(
  body: SalesforceErrorBody,
  options: { status?: number; cause?: unknown } = {},
): CrmError {
  const code = String(body.errorCode ?? body.statusCode ?? 'UNKNOWN');
  const message = typeof body.message === 'string' ? body.message : String(body.message ?? '');
  const status = options.status ?? statusOfCode(code);
  const kind = kindOf(code, status, message);
  return new CrmError(kind, describe(kind, code, message), {
    crmCode: code,
    field: firstField(body, message),
    status,
    policy: kind === 'rate_limited' && code === 'REQUEST_LIMIT_EXCEEDED' ? 'DAILY' : undefined,
    cause: options.cause,
  });
}

export interface MapContext {
  /** Per HTTP request, for the timeout message. */
  timeoutMs?: number;
  /** Why the last session refresh failed, when jsforce reports "Unable to refresh session". */
  refreshFailure?: unknown;
  /** HTTP status of the answer the error came with. */
  status?: number;
}

function isRefreshFailure(error: Error): boolean {
  return error.message.startsWith('Unable to refresh session');
}

/** Any failure of a jsforce call as a `CrmError`; nothing else leaves the connector. */
export function mapSalesforceError(error: unknown, context: MapContext = {}): CrmError {
  if (error instanceof CrmError) return error;
  if (!(error instanceof Error)) {
    return new CrmError('transient', `Salesforce call failed: ${String(error)}`, { cause: error });
  }
  const named = error as Error & { errorCode?: unknown; data?: unknown; code?: unknown };

  if (isRefreshFailure(error) && context.refreshFailure !== undefined) {
    const inner = mapSalesforceError(context.refreshFailure, { timeoutMs: context.timeoutMs });
    if (inner.kind === 'transient') return inner;
    return new CrmError(
      'auth_expired',
      `Salesforce refused to refresh the session (${inner.crmCode ?? 'error'}: ${(context.refreshFailure as Error).message}). ${HINTS.auth_expired}`,
      { crmCode: inner.crmCode, status: 401, cause: error },
    );
  }
  if (OAUTH_REFUSALS.has(error.name)) {
    return new CrmError(
      'auth_expired',
      `Salesforce OAuth ${error.name}: ${error.message}. ${HINTS.auth_expired}`,
      {
        crmCode: error.name,
        status: 400,
        cause: error,
      },
    );
  }
  if (NETWORK_ERRORS.has(error.name) || error.message === 'Request Timeout') {
    const timedOut = error.name === 'AbortError' || error.message === 'Request Timeout';
    const message = timedOut
      ? `Salesforce did not answer within ${context.timeoutMs ?? 'the'} ms; the request was abandoned. ${HINTS.transient}`
      : `Could not reach Salesforce (${String(named.code ?? error.message)}). ${HINTS.transient}`;
    return new CrmError('transient', message, {
      crmCode: timedOut ? 'TIMEOUT' : String(named.code ?? 'NETWORK'),
      cause: error,
    });
  }
  if (typeof named.errorCode === 'string') {
    let body: SalesforceErrorBody = { errorCode: named.errorCode, message: error.message };
    if (named.errorCode === 'MULTIPLE_API_ERRORS' && Array.isArray(named.data) && named.data[0]) {
      body = named.data[0] as SalesforceErrorBody;
    } else if (named.data && typeof named.data === 'object' && !Array.isArray(named.data)) {
      body = { ...(named.data as SalesforceErrorBody), errorCode: named.errorCode };
    }
    return errorFromBody(body, {
      cause: error,
      status: context.status ?? statusOfCode(named.errorCode),
    });
  }
  return new CrmError('transient', `Salesforce call failed unexpectedly: ${error.message}`, {
    cause: error,
  });
}
