import { CrmError, type CrmErrorKind } from '../errors.js';

/**
 * Every way a HubSpot call can fail, as one `CrmError`: the SDK's `ApiException`
 * (status, body, headers; the SDK keeps only part of the body, so the raw answer the
 * connector captured is preferred), record errors inside a 207 batch answer
 * (`StandardError`), OAuth token errors (`{status: "BAD_REFRESH_TOKEN"}`), network
 * failures and our request timeout. Classified by status, category and code, never
 * by message text.
 *
 * Choices worth knowing:
 * - 429 is `rate_limited` with HubSpot's `policyName`; a DAILY one is not retried.
 * - 423 (record locked by a concurrent write) and 5xx are `transient`.
 * - OAuth token refusals (bad refresh token, code or client) are `auth_expired`:
 *   the connection has to be made again.
 * - A failure with no HTTP answer (connection reset, DNS, our timeout) is `transient`.
 */
export interface RawAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** The body text of a failed answer. */
  body?: string;
}

/** The request took longer than the connector's timeout. */
export class HubspotTimeoutError extends Error {
  override name = 'HubspotTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`HubSpot did not answer within ${timeoutMs} ms`);
  }
}

/** A non-2xx answer to a call made without the SDK's generated APIs (`apiRequest`). */
export class HubspotHttpError extends Error {
  override name = 'HubspotHttpError';
  constructor(
    readonly code: number,
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {
    super(`HubSpot answered ${code}`);
  }
}

interface ErrorDetailLike {
  message?: unknown;
  code?: unknown;
  context?: unknown;
}

/** The parts of a HubSpot error body (whole-call or per-record) the mapping reads. */
export interface HubspotErrorBody {
  status?: unknown;
  message?: unknown;
  category?: unknown;
  subCategory?: unknown;
  policyName?: unknown;
  context?: unknown;
  errors?: unknown;
}

const KIND_BY_CATEGORY: Record<string, CrmErrorKind> = {
  VALIDATION_ERROR: 'validation',
  OBJECT_NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  OBJECT_ALREADY_EXISTS: 'conflict',
  RATE_LIMITS: 'rate_limited',
  INVALID_AUTHENTICATION: 'auth_expired',
  EXPIRED_AUTHENTICATION: 'auth_expired',
  MISSING_SCOPES: 'permission',
  FORBIDDEN: 'permission',
  LOCKED: 'transient',
  SERVICE_UNAVAILABLE: 'transient',
  INTERNAL_ERROR: 'transient',
};

const OAUTH_REFUSALS = new Set([
  'BAD_REFRESH_TOKEN',
  'BAD_AUTH_CODE',
  'BAD_CLIENT_ID',
  'BAD_CLIENT_SECRET',
  'BAD_REDIRECT_URI',
  'BAD_GRANT_TYPE',
  'BAD_ACCESS_TOKEN',
]);

const HINTS: Partial<Record<CrmErrorKind, string>> = {
  auth_expired: 'Reconnect HubSpot to sign in again.',
  permission: 'Give the HubSpot app the scopes Pandora needs, then reconnect.',
  transient: 'HubSpot could not do it just now; trying again later should work.',
};

function kindOfStatus(status: number | undefined): CrmErrorKind {
  if (status === undefined) return 'transient';
  if (status === 401) return 'auth_expired';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 423 || status >= 500) return 'transient';
  return 'validation';
}

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function firstOf(context: unknown, key: string): string | undefined {
  const values = (context as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(values) ? str(values[0]) : undefined;
}

/** `Property values were not valid: [{...,"error":"INVALID_OPTION","name":"dealstage"}]`. */
function embeddedDetail(message: string): { code?: string; name?: string; message?: string } {
  const start = message.indexOf('[{');
  if (start < 0) return {};
  try {
    const details = JSON.parse(message.slice(start)) as Record<string, unknown>[];
    const first = details[0] ?? {};
    return { code: str(first.error), name: str(first.name), message: str(first.message) };
  } catch {
    return {};
  }
}

function parseBody(text: string | undefined): HubspotErrorBody | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as HubspotErrorBody) : undefined;
  } catch {
    return { message: text.slice(0, 500) };
  }
}

function retryAfterMs(headers: Record<string, string> | undefined): number | undefined {
  const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** A `CrmError` from a HubSpot error body, whole-call (with its status) or per record. */
export function errorFromBody(
  body: HubspotErrorBody,
  options: { status?: number; headers?: Record<string, string>; cause?: unknown } = {},
): CrmError {
  const category = str(body.category);
  const oauthStatus = str(body.status) && body.status !== 'error' ? str(body.status) : undefined;
  const details = Array.isArray(body.errors) ? (body.errors as ErrorDetailLike[]) : [];
  const detail = details[0];
  const message = str(body.message) ?? `HubSpot answered ${options.status ?? 'with an error'}`;
  const embedded = embeddedDetail(message);
  const crmCode =
    str(detail?.code) ??
    embedded.code ??
    oauthStatus ??
    category ??
    (options.status ? `HTTP_${options.status}` : 'UNKNOWN');
  const field =
    firstOf(detail?.context, 'propertyName') ??
    firstOf(body.context, 'propertyName') ??
    embedded.name;

  let kind: CrmErrorKind;
  if (oauthStatus && OAUTH_REFUSALS.has(oauthStatus)) kind = 'auth_expired';
  else if (body.policyName !== undefined || options.status === 429) kind = 'rate_limited';
  else if (
    options.status !== undefined &&
    (options.status >= 500 || options.status < 400 || options.status === 423)
  ) {
    kind = kindOfStatus(options.status);
  } else if (category && KIND_BY_CATEGORY[category]) kind = KIND_BY_CATEGORY[category]!;
  else kind = options.status === undefined ? 'validation' : kindOfStatus(options.status);

  const said = str(detail?.message) ?? embedded.message ?? message;
  const hint = HINTS[kind];
  const text = [
    field ? `HubSpot refused ${field}: ${said}` : `HubSpot: ${said}`,
    `(${crmCode}${options.status ? `, HTTP ${options.status}` : ''})`,
    hint,
  ]
    .filter(Boolean)
    .join(' ');
  return new CrmError(kind, text, {
    crmCode,
    field,
    status: options.status,
    retryAfterMs: kind === 'rate_limited' ? retryAfterMs(options.headers) : undefined,
    policy: str(body.policyName),
    cause: options.cause,
  });
}

/**
 * Maps anything a HubSpot call threw. `raw` is the answer the connector captured
 * before the SDK parsed it (it keeps `policyName` and OAuth `status`, which the
 * SDK's error model drops).
 */
export function mapHubspotError(error: unknown, raw: RawAnswer = {}): CrmError {
  if (error instanceof CrmError) return error;
  if (error instanceof HubspotTimeoutError) {
    return new CrmError('transient', `${error.message}; it may or may not have been applied.`, {
      crmCode: 'TIMEOUT',
      cause: error,
    });
  }
  const candidate = error as { code?: unknown; body?: unknown; headers?: unknown; name?: unknown };
  if (error instanceof Error && typeof candidate.code === 'number') {
    const status = candidate.code;
    const headers = {
      ...(candidate.headers as Record<string, string> | undefined),
      ...raw.headers,
    };
    const fromRaw = raw.status === status ? parseBody(raw.body) : undefined;
    const sdkBody =
      typeof candidate.body === 'string'
        ? parseBody(candidate.body)
        : (candidate.body as HubspotErrorBody | undefined);
    return errorFromBody(fromRaw ?? sdkBody ?? {}, { status, headers, cause: error });
  }
  if (error instanceof Error && error.name === 'RequiredError') {
    return new CrmError('validation', `HubSpot call is missing a parameter: ${error.message}`, {
      crmCode: 'MISSING_PARAMETER',
      cause: error,
    });
  }
  const networkCode = typeof candidate.code === 'string' ? candidate.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new CrmError('transient', `HubSpot could not be reached: ${message}`, {
    crmCode: networkCode ?? 'NETWORK_ERROR',
    cause: error,
  });
}
