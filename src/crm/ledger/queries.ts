import type { Queryable } from '../../db/pool.js';
import type { CrmObjectType } from '../port.js';
import { LEDGER_COLUMNS } from './rows.js';
import type { OriginType, WriteLogEntry, WriteStatus } from './types.js';

export interface WriteLogFilter {
  objectType?: CrmObjectType;
  recordId?: string;
  field?: string;
  originType?: OriginType;
  originId?: string;
  status?: WriteStatus;
  connectionId?: string;
  /** Rows created at or after this instant (ISO). */
  since?: string;
  /** Rows created before this instant (ISO). */
  until?: string;
  /** Newest first; pass the last row's id to continue. */
  before?: number;
  limit: number;
}

/** A page of the ledger, newest first, filtered by record, origin, status and time. */
export async function listWrites(
  db: Queryable,
  workspaceId: string,
  filter: WriteLogFilter,
): Promise<{ entries: WriteLogEntry[]; nextCursor: number | null }> {
  const { rows } = await db.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid
       and ($2::text is null or object_type = $2::text)
       and ($3::text is null or record_id = $3::text)
       and ($4::text is null or field = $4::text)
       and ($5::text is null or origin_type = $5::text)
       and ($6::text is null or origin_id = $6::text)
       and ($7::text is null or status = $7::text)
       and ($8::uuid is null or connection_id = $8::uuid)
       and ($9::timestamptz is null or created_at >= $9::timestamptz)
       and ($10::timestamptz is null or created_at < $10::timestamptz)
       and ($11::bigint is null or id < $11::bigint)
     order by id desc
     limit $12::integer`,
    [
      workspaceId,
      filter.objectType ?? null,
      filter.recordId ?? null,
      filter.field ?? null,
      filter.originType ?? null,
      filter.originId ?? null,
      filter.status ?? null,
      filter.connectionId ?? null,
      filter.since ?? null,
      filter.until ?? null,
      filter.before ?? null,
      filter.limit + 1,
    ],
  );
  const entries = rows.slice(0, filter.limit);
  return {
    entries,
    nextCursor: rows.length > filter.limit ? entries[entries.length - 1]!.id : null,
  };
}

/** The last value Pandora wrote to a field of a record, for undo and write conditions. */
export async function lastWritten(
  db: Queryable,
  workspaceId: string,
  objectType: CrmObjectType,
  recordId: string,
  field: string,
): Promise<WriteLogEntry | null> {
  const { rows } = await db.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and object_type = $2::text and record_id = $3::text
       and field = $4::text and status = 'written'
     order by id desc limit 1`,
    [workspaceId, objectType, recordId, field],
  );
  return rows[0] ?? null;
}

/** Connections with rows left pending, for the reconcile job at worker start. */
export async function connectionsWithPendingWrites(
  db: Queryable,
): Promise<{ workspaceId: string; connectionId: string }[]> {
  const { rows } = await db.query<{ workspaceId: string; connectionId: string }>(
    `select distinct workspace_id as "workspaceId", connection_id as "connectionId"
     from crm_write_log
     where status = 'pending' and operation = 'update' and connection_id is not null`,
  );
  return rows;
}
