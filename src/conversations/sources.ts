/**
 * Conversation-source connections (Gong, Fireflies, a signed webhook): rows of
 * `connections` with a `source_type`, beside the CRMs (src/tenancy/connections.ts sees
 * only those). Credentials are sealed like a CRM's (Gong `{ accessKey, accessKeySecret }`
 * or `{ accessToken }` for OAuth, Fireflies `{ apiKey }`, a
 * webhook `{ signingSecret }`); the user directory and the tracked users live in
 * `metadata` (src/conversations/tracked-users.ts), the sync engine's watermarks in
 * `sync_state`.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import { HttpError } from '../errors.js';
import {
  deleteFamilyRow,
  getFamilyRow,
  listFamilyRows,
  setFamilyStatus,
  updateFamilyRow,
  type ConnectionFamily,
} from '../tenancy/connection-rows.js';
import { sealCredentials, type ConnectionStatus } from '../tenancy/connections.js';
import type { SecretKey } from '../tenancy/secrets.js';
import type { SourceType } from './port.js';

/** `sandbox`: an emulated recorder the server set up (the demo); never from a request. */
export type SourceKind = 'source' | 'sandbox';
/** How the source authenticates: Gong by access key or OAuth, Fireflies by API key, a webhook by signature. */
export type SourceAuthMethod = 'access_key' | 'oauth' | 'api_key' | 'signing_secret';

export interface WebhookCredentials {
  signingSecret: string;
}

/** A conversation source as the API shows it: credentials and the directory stay on the server. */
export interface ConversationSource {
  id: string;
  workspaceId: string;
  sourceType: SourceType;
  kind: SourceKind;
  name: string;
  status: ConnectionStatus;
  statusMessage: string | null;
  hasCredentials: boolean;
  authMethod: SourceAuthMethod | null;
  /** Users in the recorder's directory as last fetched (0 for a webhook). */
  directorySize: number;
  directoryFetchedAt: string | null;
  /** The directory ids of the users whose calls are synced. */
  trackedUserIds: string[];
  lastSyncAt: string | null;
  syncIntervalHours: number;
  createdAt: string;
  updatedAt: string;
}

export const SOURCE_COLUMNS = `
  id, workspace_id as "workspaceId", source_type as "sourceType",
  case when kind = 'sandbox' then 'sandbox' else 'source' end as kind, name, status,
  status_message as "statusMessage", credentials is not null as "hasCredentials",
  metadata->>'authMethod' as "authMethod",
  case when jsonb_typeof(metadata->'directory') = 'array'
    then jsonb_array_length(metadata->'directory') else 0 end as "directorySize",
  metadata->>'directoryFetchedAt' as "directoryFetchedAt",
  case when jsonb_typeof(metadata->'trackedUserIds') = 'array'
    then metadata->'trackedUserIds' else '[]'::jsonb end as "trackedUserIds",
  last_sync_at as "lastSyncAt", sync_interval_hours as "syncIntervalHours",
  created_at as "createdAt", updated_at as "updatedAt"`;

const SOURCES: ConnectionFamily = {
  columns: SOURCE_COLUMNS,
  only: 'source_type is not null',
  noun: 'conversation source',
};

/** What proves a webhook delivery: 32 random bytes, shown once when made or rotated. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function authMethodOf(sourceType: SourceType, credentials: Record<string, unknown>) {
  if (sourceType === 'webhook') return 'signing_secret';
  if (sourceType === 'fireflies') return 'api_key';
  return credentials.accessToken ? 'oauth' : 'access_key';
}

/**
 * Stores a new source, `pending` until its directory has been fetched (a webhook is
 * ready at once: there is nothing to call). `kind: 'sandbox'` is for server code only.
 */
export async function createSource(
  db: Queryable,
  key: SecretKey,
  input: {
    workspaceId: string;
    sourceType: SourceType;
    name: string;
    credentials: Record<string, unknown>;
    kind?: SourceKind;
    metadata?: Record<string, unknown>;
  },
): Promise<ConversationSource> {
  const metadata = {
    ...input.metadata,
    authMethod: authMethodOf(input.sourceType, input.credentials),
  };
  const { rows } = await db.query<ConversationSource>(
    `insert into connections (workspace_id, source_type, name, credentials, metadata, status, kind)
     values ($1::uuid, $2::text, $3::text, $4::bytea, $5::jsonb, $6::text, $7::text)
     returning ${SOURCE_COLUMNS}`,
    [
      input.workspaceId,
      input.sourceType,
      input.name.trim(),
      sealCredentials(key, input.workspaceId, input.credentials),
      JSON.stringify(metadata),
      input.sourceType === 'webhook' ? 'connected' : 'pending',
      input.kind === 'sandbox' ? 'sandbox' : 'crm',
    ],
  );
  return rows[0]!;
}

/** A webhook source and its signing secret, which is not shown again. */
export async function createWebhookSource(
  db: Queryable,
  key: SecretKey,
  input: { workspaceId: string; name: string },
): Promise<{ source: ConversationSource; signingSecret: string }> {
  const signingSecret = newSigningSecret();
  const source = await createSource(db, key, {
    ...input,
    sourceType: 'webhook',
    credentials: { signingSecret } satisfies WebhookCredentials,
  });
  return { source, signingSecret };
}

export function listSources(db: Queryable, workspaceId: string): Promise<ConversationSource[]> {
  return listFamilyRows<ConversationSource>(db, SOURCES, workspaceId);
}

export function getSource(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<ConversationSource> {
  return getFamilyRow<ConversationSource>(db, SOURCES, workspaceId, id);
}

/** Changes what a user may edit: the name and how often it syncs. */
export function updateSource(
  db: Queryable,
  workspaceId: string,
  id: string,
  patch: { name?: string; syncIntervalHours?: number },
): Promise<ConversationSource> {
  return updateFamilyRow<ConversationSource>(
    db,
    SOURCES,
    workspaceId,
    id,
    'name = coalesce($3::text, name), sync_interval_hours = coalesce($4::integer, sync_interval_hours)',
    [patch.name?.trim() ?? null, patch.syncIntervalHours ?? null],
  );
}

/** Replaces a source's credentials; it is `pending` again until checked. */
export async function replaceSourceCredentials(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  id: string,
  credentials: Record<string, unknown>,
): Promise<ConversationSource> {
  const existing = await getSource(db, workspaceId, id);
  return updateFamilyRow<ConversationSource>(
    db,
    SOURCES,
    workspaceId,
    id,
    `credentials = $3::bytea, status = 'pending', status_message = null,
     metadata = metadata || jsonb_build_object('authMethod', $4::text)`,
    [
      sealCredentials(key, workspaceId, credentials),
      authMethodOf(existing.sourceType, credentials),
    ],
  );
}

/**
 * A new signing secret for a webhook source; the old one stops working at once (a
 * sender holding it gets 401 until given the new one).
 */
export async function rotateSigningSecret(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  id: string,
): Promise<{ source: ConversationSource; signingSecret: string }> {
  const existing = await getSource(db, workspaceId, id);
  if (existing.sourceType !== 'webhook') {
    throw new HttpError(
      409,
      'not_a_webhook_source',
      `This is a ${existing.sourceType} source: only webhook sources have a signing secret`,
    );
  }
  const signingSecret = newSigningSecret();
  // The type was checked above; a source's type never changes.
  const source = await updateFamilyRow<ConversationSource>(
    db,
    SOURCES,
    workspaceId,
    id,
    `credentials = $3::bytea, status = 'connected', status_message = null`,
    [sealCredentials(key, workspaceId, { signingSecret } satisfies WebhookCredentials)],
  );
  return { source, signingSecret };
}

/** Sets the status the console shows, merging `metadata` into the stored metadata. */
export function setSourceStatus(
  db: Queryable,
  workspaceId: string,
  id: string,
  status: ConnectionStatus,
  message: string | null,
  metadata: Record<string, unknown> = {},
): Promise<ConversationSource> {
  return setFamilyStatus<ConversationSource>(
    db,
    SOURCES,
    workspaceId,
    id,
    status,
    message,
    metadata,
  );
}

/**
 * Deletes a source. Its meetings stay (their `connection_id` is cleared by the
 * foreign key): they are the workspace's history, linked to CRM records.
 */
export function deleteSource(db: Queryable, workspaceId: string, id: string): Promise<void> {
  return deleteFamilyRow(db, SOURCES, workspaceId, id);
}
