import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';
import {
  deleteFamilyRow,
  getFamilyRow,
  listFamilyRows,
  setFamilyStatus,
  updateFamilyRow,
  type ConnectionFamily,
} from './connection-rows.js';
import { decryptJson, encryptJson, type SecretKey } from './secrets.js';

export type CrmType = 'hubspot' | 'salesforce';
export const CRM_TYPES: readonly CrmType[] = ['hubspot', 'salesforce'];
export type ConnectionStatus = 'pending' | 'connected' | 'error' | 'disconnected';
/** `sandbox`: the built-in CRM emulator, made by the server only (never from a request). */
export type ConnectionKind = 'crm' | 'sandbox';

/**
 * A CRM connection as the API shows it: credentials never leave the server. The table
 * also holds conversation sources (`source_type`, src/conversations); the functions here
 * see CRM connections only.
 */
export interface Connection {
  id: string;
  workspaceId: string;
  crmType: CrmType;
  kind: ConnectionKind;
  name: string;
  status: ConnectionStatus;
  statusMessage: string | null;
  hasCredentials: boolean;
  stageMapping: Record<string, string>;
  metadata: Record<string, unknown>;
  lastSyncAt: string | null;
  syncIntervalHours: number;
  createdAt: string;
  updatedAt: string;
}

const CONNECTION_COLUMNS = `
  id, workspace_id as "workspaceId", crm_type as "crmType", kind, name, status,
  status_message as "statusMessage", credentials is not null as "hasCredentials",
  stage_mapping as "stageMapping", metadata, last_sync_at as "lastSyncAt",
  sync_interval_hours as "syncIntervalHours", created_at as "createdAt", updated_at as "updatedAt"`;

const CRM: ConnectionFamily = {
  columns: CONNECTION_COLUMNS,
  only: 'crm_type is not null',
  noun: 'connection',
};

function credentialsContext(workspaceId: string): string {
  return `connection-credentials:${workspaceId}`;
}

/** Credentials sealed for the `credentials` column of any connection of the workspace. */
export function sealCredentials(
  key: SecretKey,
  workspaceId: string,
  credentials: Record<string, unknown>,
): Buffer {
  return encryptJson(key, credentials, credentialsContext(workspaceId));
}

export async function createConnection(
  db: Queryable,
  key: SecretKey,
  input: {
    workspaceId: string;
    crmType: CrmType;
    /** Only server code passes `sandbox`; request bodies never reach this field. */
    kind?: ConnectionKind;
    name: string;
    credentials?: Record<string, unknown>;
    metadata?: Record<string, unknown>;
    status?: ConnectionStatus;
  },
): Promise<Connection> {
  const sealed = input.credentials
    ? sealCredentials(key, input.workspaceId, input.credentials)
    : null;
  const { rows } = await db.query<Connection>(
    `insert into connections (workspace_id, crm_type, name, credentials, metadata, status, kind)
     values ($1::uuid, $2::text, $3::text, $4::bytea, $5::jsonb, $6::text, $7::text)
     returning ${CONNECTION_COLUMNS}`,
    [
      input.workspaceId,
      input.crmType,
      input.name.trim(),
      sealed,
      JSON.stringify(input.metadata ?? {}),
      input.status ?? 'pending',
      input.kind ?? 'crm',
    ],
  );
  return rows[0]!;
}

export function listConnections(db: Queryable, workspaceId: string): Promise<Connection[]> {
  return listFamilyRows<Connection>(db, CRM, workspaceId);
}

export function getConnection(db: Queryable, workspaceId: string, id: string): Promise<Connection> {
  return getFamilyRow<Connection>(db, CRM, workspaceId, id);
}

/** The decrypted credentials of any connection (a CRM or a conversation source), for the connector layers only. */
export async function readCredentials<T = Record<string, unknown>>(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  id: string,
): Promise<T | undefined> {
  const { rows } = await db.query<{ credentials: Buffer | null }>(
    'select credentials from connections where workspace_id = $1::uuid and id = $2::uuid',
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound('connection', id);
  const sealed = rows[0].credentials;
  return sealed ? decryptJson<T>(key, sealed, credentialsContext(workspaceId)) : undefined;
}

/** Replaces the stored credentials of any connection (e.g. after an OAuth refresh). */
export async function writeCredentials(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  id: string,
  credentials: Record<string, unknown>,
): Promise<void> {
  const { rowCount } = await db.query(
    `update connections set credentials = $3::bytea, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, id, encryptJson(key, credentials, credentialsContext(workspaceId))],
  );
  if (!rowCount) throw notFound('connection', id);
}

export function deleteConnection(db: Queryable, workspaceId: string, id: string): Promise<void> {
  return deleteFamilyRow(db, CRM, workspaceId, id);
}

/** Sets the status the console shows, and merges `metadata` into the stored metadata. */
export function setConnectionStatus(
  db: Queryable,
  workspaceId: string,
  id: string,
  status: ConnectionStatus,
  message: string | null,
  metadata: Record<string, unknown> = {},
): Promise<Connection> {
  return setFamilyStatus<Connection>(db, CRM, workspaceId, id, status, message, metadata);
}

/** Disconnects: the credentials are wiped; history (syncs, the write ledger) stays. */
export function disconnectConnection(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<Connection> {
  return updateFamilyRow<Connection>(
    db,
    CRM,
    workspaceId,
    id,
    `credentials = null, status = 'disconnected', status_message = null`,
  );
}

/** Updates the schedule and stage mapping a user can edit. */
export function updateConnectionSettings(
  db: Queryable,
  workspaceId: string,
  id: string,
  settings: { name?: string; syncIntervalHours?: number; stageMapping?: Record<string, string> },
): Promise<Connection> {
  return updateFamilyRow<Connection>(
    db,
    CRM,
    workspaceId,
    id,
    `name = coalesce($3::text, name),
     sync_interval_hours = coalesce($4::integer, sync_interval_hours),
     stage_mapping = coalesce($5::jsonb, stage_mapping)`,
    [
      settings.name?.trim() ?? null,
      settings.syncIntervalHours ?? null,
      settings.stageMapping ? JSON.stringify(settings.stageMapping) : null,
    ],
  );
}
