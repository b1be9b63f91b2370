import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';

/**
 * The `connections` table holds two families of rows: CRM connections (`crm_type`)
 * and conversation sources (`source_type`, src/conversations). Each family has its own
 * columns as the API shows them and its own name in errors; the queries they share
 * (read, list, status, delete) live here once, each scoped to its family so a CRM
 * function can never touch a source and the other way round.
 */
export interface ConnectionFamily {
  /** The select list, aliased to the API's shape. */
  columns: string;
  /** The SQL predicate that keeps a query to the family's rows. */
  only: 'crm_type is not null' | 'source_type is not null';
  /** How a missing row is named in a 404. */
  noun: string;
}

export async function listFamilyRows<T>(
  db: Queryable,
  family: ConnectionFamily,
  workspaceId: string,
): Promise<T[]> {
  const { rows } = await db.query(
    `select ${family.columns} from connections
     where workspace_id = $1::uuid and ${family.only} order by created_at, id`,
    [workspaceId],
  );
  return rows as T[];
}

export async function getFamilyRow<T>(
  db: Queryable,
  family: ConnectionFamily,
  workspaceId: string,
  id: string,
): Promise<T> {
  const { rows } = await db.query(
    `select ${family.columns} from connections
     where workspace_id = $1::uuid and id = $2::uuid and ${family.only}`,
    [workspaceId, id],
  );
  if (!rows[0]) throw notFound(family.noun, id);
  return rows[0] as T;
}

/**
 * Updates one row of the family: `set` is the SQL after `set` (its parameters from $3
 * on; `updated_at` is set here), and the row comes back in the family's shape.
 */
export async function updateFamilyRow<T>(
  db: Queryable,
  family: ConnectionFamily,
  workspaceId: string,
  id: string,
  set: string,
  values: unknown[] = [],
): Promise<T> {
  const { rows } = await db.query(
    `update connections set ${set}, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid and ${family.only}
     returning ${family.columns}`,
    [workspaceId, id, ...values],
  );
  if (!rows[0]) throw notFound(family.noun, id);
  return rows[0] as T;
}

/** Sets the status the console shows, merging `metadata` into the stored metadata. */
export function setFamilyStatus<T>(
  db: Queryable,
  family: ConnectionFamily,
  workspaceId: string,
  id: string,
  status: string,
  message: string | null,
  metadata: Record<string, unknown>,
): Promise<T> {
  return updateFamilyRow<T>(
    db,
    family,
    workspaceId,
    id,
    'status = $3::text, status_message = $4::text, metadata = metadata || $5::jsonb',
    [status, message, JSON.stringify(metadata)],
  );
}

export async function deleteFamilyRow(
  db: Queryable,
  family: ConnectionFamily,
  workspaceId: string,
  id: string,
): Promise<void> {
  const { rowCount } = await db.query(
    `delete from connections where workspace_id = $1::uuid and id = $2::uuid and ${family.only}`,
    [workspaceId, id],
  );
  if (!rowCount) throw notFound(family.noun, id);
}
