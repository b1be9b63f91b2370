import { createHash } from 'node:crypto';
import { groupBy } from '../../collections.js';
import { CrmError, type CrmErrorJson } from '../errors.js';
import type { CrmObjectType, CrmProperties, RecordRef } from '../port.js';
import type { WriteOrigin, WriteStatus } from './types.js';
import type { LedgerTarget } from './write.js';

/** A record to create, and why. Property names are the CRM's own. */
export interface RecordCreate {
  objectType: CrmObjectType;
  properties: CrmProperties;
  associations?: RecordRef[];
  /** Names this create: a key the ledger holds as written returns that record, uncalled. */
  idempotencyKey: string;
}

/** What the ledger knows of one create. */
export interface CreateEntry {
  ledgerId: number;
  idempotencyKey: string;
  status: WriteStatus;
  /** The CRM's id once made. */
  recordId: string | null;
  /** Why it failed; or, for a record made whose follow-up failed, that failure. */
  error: CrmErrorJson | null;
  /** Made by an earlier call (a retry, a replayed request): this call did not send it. */
  earlier: boolean;
}

interface CreateRow {
  id: number;
  key: string;
  status: WriteStatus;
  recordId: string;
  error: CrmErrorJson | null;
  inserted: boolean;
}

/**
 * The marker a create carries into the CRM (HubSpot's unique `pandora_create_key`,
 * Salesforce's External ID): derived from the workspace and the key, so the same
 * intended record always carries the same one, and short enough for either CRM.
 */
export function createMarker(workspaceId: string, idempotencyKey: string): string {
  return `pdr-${createHash('sha256').update(`${workspaceId}\u0000${idempotencyKey}`).digest('hex').slice(0, 40)}`;
}

/**
 * Creates records through the ledger: a `create` row per record before the call
 * (record_id holds the marker until the CRM names the record), then the connector's
 * create, which looks a lost answer up by marker before sending again (`createOnce`).
 * A key already settled as written comes back as it is, with no call. A key left
 * pending or failed-retryable by an earlier attempt may have been made: it is looked
 * up by its marker first (`mayExist`). Results are per input, in order.
 */
export async function createRecordsOnce(
  target: LedgerTarget,
  origin: WriteOrigin,
  creates: RecordCreate[],
): Promise<CreateEntry[]> {
  const markers = creates.map((create) => createMarker(target.workspaceId, create.idempotencyKey));
  const rows = await recordCreates(target, origin, creates, markers);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const entries = new Map<string, CreateEntry>();
  const open: { create: RecordCreate; marker: string; row: CreateRow }[] = [];
  creates.forEach((create, index) => {
    const row = byKey.get(create.idempotencyKey)!;
    if (row.status === 'pending') open.push({ create, marker: markers[index]!, row });
    else entries.set(create.idempotencyKey, entryOf(row, true));
  });

  for (const [objectType, group] of groupBy(open, (item) => item.create.objectType)) {
    let results;
    try {
      results = await target.connector.createRecords(
        objectType,
        group.map(({ create, marker, row }) => ({
          properties: create.properties,
          associations: create.associations,
          marker,
          mayExist: !row.inserted,
        })),
      );
    } catch (error) {
      const crmError =
        error instanceof CrmError
          ? error
          : new CrmError('transient', String(error), { cause: error });
      results = group.map(() => ({ ok: false as const, id: null, error: crmError }));
    }
    const settled = await settleCreates(
      target,
      group.map(({ row }, index) => {
        const result = results[index]!;
        if (result.ok) return { id: row.id, status: 'written', recordId: result.id, error: null };
        // Made, then a follow-up (an association) failed: the record exists.
        if (result.id) {
          return {
            id: row.id,
            status: 'written',
            recordId: result.id,
            error: result.error.toJSON(),
          };
        }
        return { id: row.id, status: 'failed', recordId: null, error: result.error.toJSON() };
      }),
    );
    for (const row of settled) entries.set(row.key, entryOf(row, false));
  }
  return creates.map((create) => entries.get(create.idempotencyKey)!);
}

function entryOf(row: CreateRow, earlier: boolean): CreateEntry {
  return {
    ledgerId: row.id,
    idempotencyKey: row.key,
    status: row.status,
    recordId: row.status === 'written' ? row.recordId : null,
    error: row.error,
    earlier: earlier && row.status === 'written',
  };
}

const CREATE_COLUMNS = `id, idempotency_key as key, status, record_id as "recordId", error`;
const SETTLED_COLUMNS = `l.id, l.idempotency_key as key, l.status, l.record_id as "recordId", l.error`;

/**
 * A pending row per create, in one statement. A key recorded before is taken up again
 * when it was left pending (a stopped process, an answer lost twice) or failed in a
 * way a retry may fix; a settled row comes back as it is.
 */
async function recordCreates(
  target: LedgerTarget,
  origin: WriteOrigin,
  creates: RecordCreate[],
  markers: string[],
): Promise<CreateRow[]> {
  const { rows } = await target.pool.query<CreateRow>(
    `with input as (
       select * from unnest($7::text[], $8::text[], $9::jsonb[], $10::text[])
         as c(object_type, marker, value_to_write, key)
     ),
     written as (
       insert into crm_write_log as l
         (workspace_id, connection_id, crm_type, object_type, record_id, field, value_before,
          value_to_write, origin_type, origin_id, actor, idempotency_key, operation)
       select $1::uuid, $2::uuid, $3::text, c.object_type, c.marker, '*', null, c.value_to_write,
              $4::text, $5::text, $6::text, c.key, 'create'
       from input c
       on conflict (workspace_id, idempotency_key) do update
         set status = 'pending', error = null, settled_by = null, settled_at = null,
             attempts = l.attempts + 1, updated_at = now()
         where l.operation = 'create'
           and (l.status = 'pending'
                or (l.status = 'failed' and coalesce((l.error ->> 'retryable')::boolean, false)))
       returning ${CREATE_COLUMNS}, (xmax = 0) as inserted
     )
     select * from written
     union all
     select ${CREATE_COLUMNS}, false as inserted from crm_write_log
     where workspace_id = $1::uuid and idempotency_key in (select key from input)
       and idempotency_key not in (select key from written)`,
    [
      target.workspaceId,
      target.connectionId,
      target.connector.crm,
      origin.type,
      origin.id ?? null,
      origin.actor ?? null,
      creates.map((create) => create.objectType),
      markers,
      creates.map((create) => JSON.stringify(create.properties)),
      creates.map((create) => create.idempotencyKey),
    ],
  );
  return rows;
}

async function settleCreates(
  target: LedgerTarget,
  settlements: {
    id: number;
    status: string;
    recordId: string | null;
    error: CrmErrorJson | null;
  }[],
): Promise<CreateRow[]> {
  const { rows } = await target.pool.query<CreateRow>(
    `update crm_write_log l
     set status = s.to_status, record_id = coalesce(s.record_id, l.record_id), error = s.failure,
         settled_by = 'response', settled_at = now(), updated_at = now()
     from unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[])
       as s(row_id, to_status, record_id, failure)
     where l.id = s.row_id and l.status = 'pending'
     returning ${SETTLED_COLUMNS}, false as inserted`,
    [
      settlements.map((item) => item.id),
      settlements.map((item) => item.status),
      settlements.map((item) => item.recordId),
      settlements.map((item) => (item.error ? JSON.stringify(item.error) : null)),
    ],
  );
  return rows;
}

/**
 * Archives records through the ledger (undoing a create): an `archive` row per record
 * before the call, settled by the CRM's answer. Archiving twice is harmless in both
 * CRMs (a deleted record counts as archived), so a lost answer is simply sent again.
 */
export async function archiveRecordsOnce(
  target: LedgerTarget,
  origin: WriteOrigin,
  objectType: CrmObjectType,
  records: { recordId: string; idempotencyKey: string }[],
): Promise<CreateEntry[]> {
  if (records.length === 0) return [];
  const { rows } = await target.pool.query<CreateRow>(
    `insert into crm_write_log as l
       (workspace_id, connection_id, crm_type, object_type, record_id, field, value_before,
        value_to_write, origin_type, origin_id, actor, idempotency_key, operation)
     select $1::uuid, $2::uuid, $3::text, $4::text, r.record_id, '*', null, null,
            $5::text, $6::text, $7::text, r.key, 'archive'
     from unnest($8::text[], $9::text[]) as r(record_id, key)
     on conflict (workspace_id, idempotency_key) do update
       set status = 'pending', error = null, settled_by = null, settled_at = null,
           attempts = l.attempts + 1, updated_at = now()
     returning ${CREATE_COLUMNS}, (xmax = 0) as inserted`,
    [
      target.workspaceId,
      target.connectionId,
      target.connector.crm,
      objectType,
      origin.type,
      origin.id ?? null,
      origin.actor ?? null,
      records.map((record) => record.recordId),
      records.map((record) => record.idempotencyKey),
    ],
  );
  const byKey = new Map(rows.map((row) => [row.key, row]));
  let results;
  try {
    results = await target.connector.archiveRecords(
      objectType,
      records.map((record) => record.recordId),
    );
  } catch (error) {
    const crmError =
      error instanceof CrmError
        ? error
        : new CrmError('transient', String(error), { cause: error });
    results = records.map((record) => ({
      ok: false as const,
      id: record.recordId,
      error: crmError,
    }));
  }
  const settled = await settleCreates(
    target,
    records.map((record, index) => {
      const result = results[index]!;
      return {
        id: byKey.get(record.idempotencyKey)!.id,
        status: result.ok ? 'written' : 'failed',
        recordId: null,
        error: result.ok ? null : result.error.toJSON(),
      };
    }),
  );
  const settledByKey = new Map(settled.map((row) => [row.key, row]));
  return records.map((record) => entryOf(settledByKey.get(record.idempotencyKey)!, false));
}
