import { CrmError, type CrmErrorKind } from '../../crm/errors.js';
import { MAX_INLINE_RATE_LIMIT_WAIT_MS } from '../../crm/retry.js';

/**
 * Every way a Fireflies call can fail, as one `CrmError`. Fireflies answers GraphQL
 * errors in an `errors` array whose entries carry a `code` (docs: Miscellaneous >
 * Error codes) and `extensions.status`; the HTTP status may be 200 for those, so the
 * code decides first, then the entry's status, then the HTTP status. Gateways in
 * front of it answer 5xx with HTML, which has no code at all.
 *
 * Choices worth knowing:
 * - auth_failed is `auth_expired`: the key was revoked or mistyped; the connection has
 *   to be made again.
 * - too_many_requests is `rate_limited`, its delay from `extensions.metadata.retryAfter`.
 *   Free and Pro plans have a daily quota (50 calls): a refusal asking to wait longer
 *   than the retry loop sits out (`MAX_INLINE_RATE_LIMIT_WAIT_MS`, a minute) is taken as
 *   that quota (policy DAILY, not retried), so a sync does not sit for hours.
 * - A failure with no answer (connection reset, DNS, our timeout) is `transient`.
 */
const KIND_BY_CODE: Record<string, CrmErrorKind> = {
  auth_failed: 'auth_expired',
  forbidden: 'permission',
  not_in_team: 'permission',
  require_elevated_privilege: 'permission',
  paid_required: 'permission',
  account_cancelled: 'permission',
  object_not_found: 'not_found',
  too_many_requests: 'rate_limited',
  invalid_arguments: 'validation',
  args_required: 'validation',
  GRAPHQL_PARSE_FAILED: 'validation',
  GRAPHQL_VALIDATION_FAILED: 'validation',
  BAD_USER_INPUT: 'validation',
  INTERNAL_SERVER_ERROR: 'transient',
};

const HINTS: Partial<Record<CrmErrorKind, string>> = {
  auth_expired: 'Check the Fireflies API key (Integrations > Fireflies API) and connect again.',
  permission: 'Use an API key of a Fireflies team admin, on a plan with API access.',
  transient: 'Fireflies could not answer just now; trying again later should work.',
};

/** The request took longer than the connector's timeout. */
export class FirefliesTimeoutError extends Error {
  override name = 'FirefliesTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`Fireflies did not answer within ${timeoutMs} ms`);
  }
}

export interface FirefliesAnswer {
  status: number;
  /** The parsed JSON body, or the text when it was not JSON. */
  body: unknown;
  retryAfterHeader?: string | null;
}

interface ErrorEntry {
  message?: unknown;
  code?: unknown;
  extensions?: {
    code?: unknown;
    status?: unknown;
    metadata?: { retryAfter?: unknown; fields?: { name?: unknown }[] };
  };
}

function kindOfStatus(status: number | undefined): CrmErrorKind {
  if (status === undefined) return 'transient';
  if (status === 401) return 'auth_expired';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'transient';
  return 'validation';
}

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * How long to wait. The docs name `retryAfter` without a unit: a number that looks like
 * epoch milliseconds or a date string is a moment; a small number is seconds, as in
 * HTTP's Retry-After, which is read as well.
 */
export function retryAfterMsOf(
  value: unknown,
  header: string | null | undefined,
  now: number,
): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.max(0, value > 1e12 ? value - now : value * 1000);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) return retryAfterMsOf(asNumber, null, now);
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  if (header) return retryAfterMsOf(header, null, now);
  return undefined;
}

/** A failed answer (HTTP error, or a 200 whose `errors` is not empty) as a CrmError. */
export function firefliesError(answer: FirefliesAnswer, now = Date.now()): CrmError {
  const entries = (answer.body as { errors?: unknown } | null)?.errors;
  const entry: ErrorEntry | undefined = Array.isArray(entries)
    ? (entries.find((e: ErrorEntry) => str(e?.code ?? e?.extensions?.code)) ?? entries[0])
    : undefined;
  const code = str(entry?.code) ?? str(entry?.extensions?.code);
  const entryStatus = num(entry?.extensions?.status);
  const status = answer.status >= 400 ? answer.status : (entryStatus ?? answer.status);
  const kind =
    (code === undefined ? undefined : KIND_BY_CODE[code]) ??
    kindOfStatus(entryStatus ?? (answer.status >= 400 ? answer.status : undefined));
  const said = str(entry?.message) ?? (answer.status >= 400 ? `HTTP ${answer.status}` : 'an error');
  const hint = HINTS[kind];
  const retryAfterMs =
    kind === 'rate_limited'
      ? retryAfterMsOf(entry?.extensions?.metadata?.retryAfter, answer.retryAfterHeader, now)
      : undefined;
  const fields = entry?.extensions?.metadata?.fields;
  return new CrmError(kind, `Fireflies refused the request: ${said}${hint ? `. ${hint}` : ''}`, {
    crmCode: code,
    status,
    retryAfterMs,
    policy:
      kind === 'rate_limited' &&
      retryAfterMs !== undefined &&
      retryAfterMs > MAX_INLINE_RATE_LIMIT_WAIT_MS
        ? 'DAILY'
        : undefined,
    field: Array.isArray(fields) ? str(fields[0]?.name) : undefined,
  });
}

/** A call that got no answer at all. */
export function firefliesNetworkError(error: unknown): CrmError {
  const code =
    error instanceof FirefliesTimeoutError
      ? 'ETIMEDOUT'
      : str((error as { cause?: { code?: unknown } })?.cause?.code);
  return new CrmError(
    'transient',
    `Fireflies could not be reached (${error instanceof Error ? error.message : String(error)}). ${HINTS.transient}`,
    { crmCode: code, cause: error },
  );
}
