import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Email = Type.String({ format: 'email', maxLength: 254 });
/**
 * A page size a client may leave out: optional in /openapi.json (so generated clients
 * need not pass it), and filled in with `fallback` by the validator (useDefaults).
 * Handlers read it through `pageSize`, which types what the validator guarantees.
 */
export const PageLimit = (maximum: number, fallback: number) =>
  Type.Optional(Type.Integer({ minimum: 1, maximum, default: fallback }));
export const pageSize = <Q extends { limit?: number }>(
  query: Q,
  fallback: number,
): Q & { limit: number } => ({ ...query, limit: query.limit ?? fallback });
export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('member')]);

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. validation_failed' }),
      message: Type.String(),
      details: Type.Unknown({
        description:
          'What was wrong: [{ field, message }] for validation, else an object ({} when nothing to add)',
      }),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/** What each error status means here, as the OpenAPI document describes the response. */
const ERROR_MEANINGS: Record<number, string> = {
  400: 'The request is not valid (validation_failed names each field in details; malformed_json...)',
  401: 'No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization)',
  403: 'The caller may not do this (forbidden: admins only; cross_site_request; user_session_required)',
  404: 'The workspace or the thing named in the path is not there, or not visible to the caller',
  409: 'The request conflicts with the current state; the code says how',
  413: 'payload_too_large: the body is over 1 MiB',
  415: 'unsupported_media_type: send the body as application/json',
  422: 'The request is understood but cannot be carried out; the code says why',
  429: 'rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header)',
  500: 'internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs',
  503: 'database_unavailable: the database is not reachable; retry later',
};

/** One error response with the shared error body, described the route's own way. */
export function errorResponse(description: string): TSchema {
  return Type.Ref('ErrorBody', { description });
}

/** Error responses with the shared error body, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      Type.Ref('ErrorBody', { description: ERROR_MEANINGS[status] ?? 'An error' }),
    ]),
  );
}

export const WorkspaceParams = Type.Object({ workspaceId: Uuid });
export type WorkspaceParams = Static<typeof WorkspaceParams>;

export function strictObject<T extends Parameters<typeof Type.Object>[0]>(properties: T) {
  return Type.Object(properties, { additionalProperties: false });
}
