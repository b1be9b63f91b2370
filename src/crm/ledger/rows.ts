import type { Queryable } from '../../db/pool.js';
import type { CrmErrorJson } from '../errors.js';
import type { WriteLogEntry, WriteStatus } from './types.js';

export const LEDGER_COLUMNS = `
  id, workspace_id as "workspaceId", connection_id as "connectionId", crm_type as "crmType",
  object_type as "objectType", record_id as "recordId", field,
  value_before as "valueBefore", value_to_write as "valueToWrite",
  origin_type as "originType", origin_id as "originId", actor,
  idempotency_key as "idempotencyKey", status, batch_id as "batchId", attempts, error,
  settled_by as "settledBy", created_at as "createdAt", updated_at as "updatedAt",
  settled_at as "settledAt"`;

export interface Settlement {
  id: number;
  status: Exclude<WriteStatus, 'pending'>;
  settledBy: 'response' | 'read_back' | 'no_call';
  error?: CrmErrorJson;
}

/**
 * Settles many rows in one statement. Only pending rows move: a settled row is
 * final. Returns the rows that moved.
 */
export async function settleRows(
  db: Queryable,
  settlements: Settlement[],
): Promise<WriteLogEntry[]> {
  if (settlements.length === 0) return [];
  const { rows } = await db.query<WriteLogEntry>(
    `update crm_write_log l
     set status = s.to_status, settled_by = s.by, error = s.failure,
         settled_at = now(), updated_at = now()
     from unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[])
       as s(row_id, to_status, by, failure)
     where l.id = s.row_id and l.status = 'pending'
     returning ${LEDGER_COLUMNS}`,
    [
      settlements.map((item) => item.id),
      settlements.map((item) => item.status),
      settlements.map((item) => item.settledBy),
      settlements.map((item) => (item.error ? JSON.stringify(item.error) : null)),
    ],
  );
  return rows;
}
