import type { Queryable } from '../../db/pool.js';
import type { CrmErrorJson } from '../errors.js';
import type { WriteStatus } from './types.js';

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

/** Settles many rows in one statement. Only pending rows move: a settled row is final. */
export async function settleRows(db: Queryable, settlements: Settlement[]): Promise<void> {
  if (settlements.length === 0) return;
  await db.query(
    `update crm_write_log l
     set status = s.status, settled_by = s.settled_by, error = s.error,
         settled_at = now(), updated_at = now()
     from unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[])
       as s(id, status, settled_by, error)
     where l.id = s.id and l.status = 'pending'`,
    [
      settlements.map((item) => item.id),
      settlements.map((item) => item.status),
      settlements.map((item) => item.settledBy),
      settlements.map((item) => (item.error ? JSON.stringify(item.error) : null)),
    ],
  );
}
