/**
 * The one error type a connector lets out. SDK errors are mapped to it at the
 * connector's edge, so callers decide on `kind` and `retryable`, never on a CRM's
 * status codes or message text.
 */
export type CrmErrorKind =
  | 'validation'
  | 'not_found'
  | 'rate_limited'
  | 'auth_expired'
  | 'permission'
  | 'conflict'
  | 'transient';

export const CRM_ERROR_KINDS: readonly CrmErrorKind[] = [
  'validation',
  'not_found',
  'rate_limited',
  'auth_expired',
  'permission',
  'conflict',
  'transient',
];

export interface CrmErrorOptions {
  /** The CRM's own code: `PROPERTY_DOESNT_EXIST`, `INVALID_FIELD`... */
  crmCode?: string;
  /** The property concerned, when the CRM names one. */
  field?: string;
  /** HTTP status of the CRM's answer, when there was one. */
  status?: number;
  /** How long the CRM asked us to wait (429 policy or Retry-After). */
  retryAfterMs?: number;
  /** HubSpot's 429 `policyName` (`TEN_SECONDLY_ROLLING`, `DAILY`). */
  policy?: string;
  cause?: unknown;
}

export class CrmError extends Error {
  override name = 'CrmError';
  readonly crmCode?: string;
  readonly field?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly policy?: string;

  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    options: CrmErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.crmCode = options.crmCode;
    this.field = options.field;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.policy = options.policy;
  }

  /**
   * Whether trying again can help: rate limits (after the delay) and transient faults
   * can; a daily quota, bad input, a missing record or a refused permission cannot.
   */
  get retryable(): boolean {
    if (this.kind === 'rate_limited') return this.policy !== 'DAILY';
    return this.kind === 'transient';
  }

  /** A plain object for logs, the ledger and API responses. */
  toJSON(): CrmErrorJson {
    return {
      kind: this.kind,
      message: this.message,
      crmCode: this.crmCode ?? null,
      field: this.field ?? null,
      status: this.status ?? null,
      retryable: this.retryable,
    };
  }
}

export interface CrmErrorJson {
  kind: CrmErrorKind;
  message: string;
  crmCode: string | null;
  field: string | null;
  status: number | null;
  retryable: boolean;
}

export function isCrmError(error: unknown): error is CrmError {
  return error instanceof CrmError;
}
