/**
 * The console's REST client: the typed client generated from /openapi.json, on the same
 * origin with the session cookie, and the API's types the console reads.
 */
import {
  ApiError,
  apiErrorFromBody,
  createPandoraClient,
  networkError,
  type RequestBody,
  type ResponseBody,
} from '../../src/client/index.js';

export { ApiError, call, isUnauthenticated } from '../../src/client/index.js';
export type { RequestBody, ResponseBody } from '../../src/client/index.js';
export * from './crm-types';

/** Call as `call(client.GET('/api/me'))`: the answer's data, or a thrown ApiError. */
export const client = createPandoraClient({ baseUrl: '', credentials: 'same-origin' });

export type Me = ResponseBody<'/api/me', 'get'>;
export type User = NonNullable<Me['user']>;
export type WorkspaceSummary = Me['workspaces'][number];
export type Role = WorkspaceSummary['role'];
export type Overview = ResponseBody<'/api/workspaces/{workspaceId}/overview', 'get'>;
export type Member = ResponseBody<
  '/api/workspaces/{workspaceId}/members',
  'get'
>['members'][number];
export type Invitation = ResponseBody<
  '/api/workspaces/{workspaceId}/invitations',
  'get'
>['invitations'][number];
/** An invitation addressed to the signed-in person. */
export type ReceivedInvitation = ResponseBody<'/api/me/invitations', 'get'>['invitations'][number];
/** What an invitation link is for, before it is accepted. */
export type InvitationLink = ResponseBody<'/api/invitations/lookup', 'post'>['invitation'];
export type InvitationAcceptance = RequestBody<'/api/invitations/accept', 'post'>;
export type JoinedWorkspace = ResponseBody<'/api/invitations/accept', 'post'>['workspace'];
export type ApiKey = ResponseBody<
  '/api/workspaces/{workspaceId}/api-keys',
  'get'
>['apiKeys'][number];
/** A new key and, once only, its full secret. */
export type CreatedApiKey = ResponseBody<'/api/workspaces/{workspaceId}/api-keys', 'post'>;

/**
 * Calls the API by method and URL and parses JSON; resolves undefined for 204. Only for the
 * action-items and write-back pages until they call `client` like the rest of the console.
 * @deprecated use `call(client.METHOD(path, ...))`
 */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  // Only with a body: the server rejects an empty body declared as JSON.
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's page): apiErrorFromBody says what the status was.
    }
    throw apiErrorFromBody(response.status, response.statusText, parsed);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The fields an error blames, keyed by field name (`password`, not `body.password`), for
 * inline form errors. Reads both `details: [{ field, message }]` (validation) and
 * `details: { field }` (a domain error whose message is about that field).
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const { details } = error;
  const result: Record<string, string> = {};
  if (Array.isArray(details)) {
    for (const issue of details) {
      if (!isRecord(issue) || typeof issue.field !== 'string') continue;
      const field = issue.field.split('.').at(-1) ?? issue.field;
      result[field] ??= typeof issue.message === 'string' ? issue.message : error.message;
    }
  } else if (isRecord(details) && typeof details.field === 'string') {
    result[details.field] = error.message;
  }
  return result;
}
