import { GraphQLError } from 'graphql';

/**
 * Fireflies' error shape (docs: Fundamentals > Errors, Miscellaneous > Error codes):
 * an `errors` array whose entries carry `code` and `friendly` beside `message`, and
 * `extensions` with the same `code`, the HTTP-like `status`, `helpUrls` and, for some
 * codes, `metadata` (the bad argument fields; `retryAfter` for too_many_requests).
 */
export type FirefliesErrorCode =
  | 'auth_failed'
  | 'invalid_arguments'
  | 'args_required'
  | 'object_not_found'
  | 'forbidden'
  | 'not_in_team'
  | 'too_many_requests'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_USER_INPUT';

const STATUS: Record<FirefliesErrorCode, number> = {
  auth_failed: 401,
  invalid_arguments: 400,
  args_required: 400,
  object_not_found: 404,
  forbidden: 403,
  not_in_team: 403,
  too_many_requests: 429,
  INTERNAL_SERVER_ERROR: 500,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
};

export interface FieldProblem {
  name: string;
  message: string;
  constraints: { type: string; message: string }[];
}

/** Thrown by a resolver; rendered in Fireflies' shape with its path in the answer. */
export class FirefliesApiError extends GraphQLError {
  constructor(
    readonly code: FirefliesErrorCode,
    message: string,
    metadata?: Record<string, unknown>,
  ) {
    super(message, {
      extensions: {
        code,
        status: STATUS[code],
        helpUrls: [`https://docs.fireflies.ai/miscellaneous/error-codes#${code}`],
        ...(metadata ? { metadata } : {}),
      },
    });
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function invalidArguments(fields: FieldProblem[]): FirefliesApiError {
  return new FirefliesApiError('invalid_arguments', 'Invalid argument(s) were provided', {
    fields,
  });
}

export interface RenderedError {
  message: string;
  code: string;
  friendly: boolean;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: Record<string, unknown>;
}

/** One entry of the `errors` array, for any GraphQLError (ours or the library's). */
export function renderError(error: GraphQLError): RenderedError {
  const original = error.originalError;
  const own = original instanceof FirefliesApiError ? original : null;
  const extensions = own ? own.extensions : error.extensions;
  const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
  return {
    message: error.message,
    code,
    // Fireflies marks its own refusals safe to show; the library's are technical.
    friendly: own !== null,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { ...extensions, code, status: extensions.status ?? 400 },
  };
}

/** A refusal of the whole request (auth, rate, an outage): no `data` was computed. */
export function requestError(
  code: FirefliesErrorCode,
  message: string,
  metadata?: Record<string, unknown>,
): { status: number; body: { data: null; errors: RenderedError[] } } {
  const error = new FirefliesApiError(code, message, metadata);
  return {
    status: error.status,
    body: { data: null, errors: [{ ...renderError(error), friendly: true }] },
  };
}
