import { CrmError } from '../../crm/errors.js';
import { MAX_INLINE_RATE_LIMIT_WAIT_MS } from '../../crm/retry.js';
import { CURSOR_EXPIRED } from '../port.js';

/** Gong's error body: `{ requestId, errors: [message] }`. */
interface GongErrorBody {
  requestId?: string;
  errors?: unknown[];
}

/** Gong answers a list with nothing in it with a 404 carrying this message, not an empty page. */
export function isNoCallsFound(status: number, body: unknown): boolean {
  return status === 404 && /no calls found/i.test(messageOf(body));
}

function messageOf(body: unknown): string {
  const errors = (body as GongErrorBody | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(String).join('; ');
  return typeof body === 'string' ? body.slice(0, 200) : '';
}

/** Retry-After in seconds or as an HTTP date, in milliseconds; undefined when absent. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

// Gong's 429 names no limit; only the wait tells its 3 calls a second from its daily
// quota. One longer than the retry loop sits out is the day's quota. A shorter one may
// be that quota in its last minute before the reset, and is then rightly sat out too.

/**
 * Gong's answer as the one error type connectors let out. Gong names no error codes,
 * so the kind comes from the status; an expired or unknown cursor (a 400 naming the
 * cursor) gets the port's `cursor_expired` code so the sync starts the list again.
 */
export function mapGongError(status: number, body: unknown, headers: Headers): CrmError {
  const message = messageOf(body) || `HTTP ${status}`;
  const requestId = (body as GongErrorBody | null)?.requestId;
  const detail = `Gong refused the request (${status}): ${message}${requestId ? ` [request ${requestId}]` : ''}`;
  if (status === 401) {
    return new CrmError('auth_expired', detail, { status, crmCode: 'UNAUTHORIZED' });
  }
  if (status === 403) return new CrmError('permission', detail, { status, crmCode: 'FORBIDDEN' });
  if (status === 429) {
    const wait = retryAfterMs(headers.get('retry-after'));
    return new CrmError('rate_limited', detail, {
      status,
      crmCode: 'TOO_MANY_REQUESTS',
      retryAfterMs: wait,
      policy: wait !== undefined && wait > MAX_INLINE_RATE_LIMIT_WAIT_MS ? 'DAILY' : 'SECONDLY',
    });
  }
  if (status === 400 && /cursor/i.test(message)) {
    return new CrmError('validation', detail, { status, crmCode: CURSOR_EXPIRED, field: 'cursor' });
  }
  if (status === 404) return new CrmError('not_found', detail, { status });
  if (status >= 500) return new CrmError('transient', detail, { status });
  return new CrmError('validation', detail, { status });
}
