/** Typed client for Pandora's REST API (same origin, session cookie). */

import type {
  Connection,
  ConnectionSettings,
  ConnectionUsage,
  CrmCredentials,
  CrmType,
  CrmWriteFilter,
  CrmWritePage,
  HubspotCredentials,
  HubspotTier,
  SalesforceCredentials,
  SyncMode,
  SyncRun,
} from './crm-types';

export * from './crm-types';

export type Role = 'admin' | 'member';

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  role: Role;
  isDemo: boolean;
}

export interface Me {
  /** Null when the caller is an API key rather than a person. */
  user: User | null;
  workspaces: WorkspaceSummary[];
}

export interface Overview {
  workspace: WorkspaceSummary;
  counts: {
    accounts: number;
    contacts: number;
    deals: number;
    openDeals: number;
    openPipelineAmount: number;
    meetings: number;
  };
  connections: Connection[];
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface Invitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: { id: string; email: string } | null;
  createdAt: string;
  expiresAt: string;
}

/** An invitation addressed to the signed-in person. */
export interface ReceivedInvitation extends Invitation {
  workspaceName: string;
}

/** What an invitation link is for, before it is accepted. */
export interface InvitationLink {
  email: string;
  role: Role;
  workspaceName: string;
  expiresAt: string;
}

export interface JoinedWorkspace {
  id: string;
  name: string;
  role: Role;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { id: string; email: string } | null;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** The full key; the server never shows it again. */
  secret: string;
}

/** A failed API call, carrying the server's `{ error: { code, message, details } }`. */
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

/** True for a 401 that means "log in again" (not a wrong password on the login form). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Builds the ApiError for a non-2xx response. Bodies that are not Pandora's error shape
 * (a proxy's HTML page, an empty 502) still give a readable message and the status.
 */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details);
  }
  const reason = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(
    response.status,
    response.status >= 500 ? 'server_error' : 'http_error',
    `The server answered ${response.status}${reason}`,
  );
}

/** Calls the API and parses JSON; resolves undefined for 204. Throws ApiError on failure. */
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
    throw new ApiError(
      0,
      'network_error',
      'Could not reach the Pandora server; check that it is running and try again',
      undefined,
      { cause },
    );
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const workspacePath = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const connectionPath = (workspaceId: string, connectionId: string) =>
  `${workspacePath(workspaceId)}/connections/${encodeURIComponent(connectionId)}`;

/** `?a=1&b=2` from the defined values, or '' when there are none. */
function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  login: (email: string, password: string) =>
    request<Me>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<Me>('GET', '/api/me'),

  overview: (workspaceId: string) =>
    request<Overview>('GET', `${workspacePath(workspaceId)}/overview`),

  members: (workspaceId: string) =>
    request<{ members: Member[] }>('GET', `${workspacePath(workspaceId)}/members`),
  invitations: (workspaceId: string) =>
    request<{ invitations: Invitation[] }>('GET', `${workspacePath(workspaceId)}/invitations`),
  /** The answer is the same whether or not the email has an account. */
  invite: (workspaceId: string, input: { email: string; role: Role }) =>
    request<{ invitation: Invitation; inviteUrl: string }>(
      'POST',
      `${workspacePath(workspaceId)}/invitations`,
      input,
    ),
  withdrawInvitation: (workspaceId: string, invitationId: string) =>
    request<void>(
      'DELETE',
      `${workspacePath(workspaceId)}/invitations/${encodeURIComponent(invitationId)}`,
    ),
  myInvitations: () => request<{ invitations: ReceivedInvitation[] }>('GET', '/api/me/invitations'),
  acceptMyInvitation: (invitationId: string) =>
    request<{ workspace: JoinedWorkspace }>(
      'POST',
      `/api/me/invitations/${encodeURIComponent(invitationId)}/accept`,
    ),
  declineMyInvitation: (invitationId: string) =>
    request<void>('POST', `/api/me/invitations/${encodeURIComponent(invitationId)}/decline`),
  lookupInvitation: (token: string) =>
    request<{ invitation: InvitationLink }>('POST', '/api/invitations/lookup', { token }),
  acceptInvitationLink: (input: { token: string; password: string; name?: string }) =>
    request<{ workspace: JoinedWorkspace }>('POST', '/api/invitations/accept', input),
  updateMemberRole: (workspaceId: string, userId: string, role: Role) =>
    request<{ member: Member }>(
      'PATCH',
      `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`,
      { role },
    ),
  removeMember: (workspaceId: string, userId: string) =>
    request<void>('DELETE', `${workspacePath(workspaceId)}/members/${encodeURIComponent(userId)}`),

  apiKeys: (workspaceId: string) =>
    request<{ apiKeys: ApiKey[] }>('GET', `${workspacePath(workspaceId)}/api-keys`),
  createApiKey: (workspaceId: string, input: { name: string; role: Role }) =>
    request<CreatedApiKey>('POST', `${workspacePath(workspaceId)}/api-keys`, input),
  revokeApiKey: (workspaceId: string, keyId: string) =>
    request<{ apiKey: ApiKey }>(
      'DELETE',
      `${workspacePath(workspaceId)}/api-keys/${encodeURIComponent(keyId)}`,
    ),

  connections: (workspaceId: string) =>
    request<{ connections: Connection[] }>('GET', `${workspacePath(workspaceId)}/connections`),
  connectHubspot: (workspaceId: string, input: { name: string } & HubspotCredentials) =>
    request<{ connection: Connection }>(
      'POST',
      `${workspacePath(workspaceId)}/connections/hubspot`,
      input,
    ),
  connectSalesforce: (workspaceId: string, input: { name: string } & SalesforceCredentials) =>
    request<{ connection: Connection }>(
      'POST',
      `${workspacePath(workspaceId)}/connections/salesforce`,
      input,
    ),
  /** Connects the server's built-in CRM emulator; 409 `sandbox_not_running` when it has none. */
  connectSandbox: (workspaceId: string, input: { crmType: CrmType; name: string }) =>
    request<{ connection: Connection }>(
      'POST',
      `${workspacePath(workspaceId)}/connections/sandbox`,
      input,
    ),
  /** Where to send the browser for the CRM's consent screen; 409 `oauth_not_configured` without an OAuth app. */
  startOAuth: (
    workspaceId: string,
    input: { crmType: CrmType; name: string; tier?: HubspotTier },
  ) =>
    request<{ authorizeUrl: string }>(
      'POST',
      `${workspacePath(workspaceId)}/connections/oauth/start`,
      input,
    ),
  reconnect: (workspaceId: string, connectionId: string, credentials: CrmCredentials) =>
    request<{ connection: Connection }>(
      'PUT',
      `${connectionPath(workspaceId, connectionId)}/credentials`,
      credentials,
    ),
  testConnection: (workspaceId: string, connectionId: string) =>
    request<{ connection: Connection }>(
      'POST',
      `${connectionPath(workspaceId, connectionId)}/test`,
    ),
  updateConnection: (workspaceId: string, connectionId: string, settings: ConnectionSettings) =>
    request<{ connection: Connection }>(
      'PATCH',
      connectionPath(workspaceId, connectionId),
      settings,
    ),
  disconnect: (workspaceId: string, connectionId: string) =>
    request<{ connection: Connection }>(
      'POST',
      `${connectionPath(workspaceId, connectionId)}/disconnect`,
    ),
  deleteConnection: (workspaceId: string, connectionId: string) =>
    request<void>('DELETE', connectionPath(workspaceId, connectionId)),
  connectionUsage: (workspaceId: string, connectionId: string) =>
    request<{ usage: ConnectionUsage | null }>(
      'GET',
      `${connectionPath(workspaceId, connectionId)}/usage`,
    ),
  syncNow: (workspaceId: string, connectionId: string, mode: SyncMode) =>
    request<{ jobId: string }>('POST', `${connectionPath(workspaceId, connectionId)}/sync`, {
      mode,
    }),
  syncRuns: (workspaceId: string, connectionId: string, limit = 20) =>
    request<{ runs: SyncRun[] }>(
      'GET',
      `${connectionPath(workspaceId, connectionId)}/sync-runs${queryString({ limit })}`,
    ),

  crmWrites: (workspaceId: string, filter: CrmWriteFilter = {}) =>
    request<CrmWritePage>(
      'GET',
      `${workspacePath(workspaceId)}/crm-writes${queryString({ limit: 50, ...filter })}`,
    ),
};

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
