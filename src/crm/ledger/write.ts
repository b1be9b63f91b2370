import { chunk, groupBy } from '../../collections.js';
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { CrmError } from '../errors.js';
import type { CrmConnector, CrmObjectType, CrmValue, UpdateInput } from '../port.js';
import { sameCrmValue } from '../values.js';
import { LEDGER_COLUMNS, settleRows, type Settlement } from './rows.js';
import type { FieldChange, WriteLogEntry, WriteOrigin, WriteReport } from './types.js';

export interface LedgerTarget {
  pool: pg.Pool;
  workspaceId: string;
  connectionId: string;
  connector: CrmConnector;
}

export interface WriteOptions {
  /** Called after each batch call settles, for progress bars and job progress. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Batch calls in flight at once (default 1): with 2, Pandora's bookkeeping of one
   * call overlaps the next call, while the shared limiter still paces every call.
   */
  concurrency?: number;
}

/**
 * The one path by which Pandora writes CRM fields. For every change it records a
 * ledger row before the call (value before, value to write, idempotency key,
 * `pending`), settles values the CRM already holds without a call, coalesces the
 * rest into the CRM's batch calls (one input per record, every field of it
 * together), and settles each row with the CRM's per-record answer. A call whose
 * outcome is unknown (timeout, dropped connection) is settled by reading the
 * records back; rows that even that cannot settle stay `pending` for
 * `reconcilePending` after a restart.
 */
export async function writeFields(
  target: LedgerTarget,
  origin: WriteOrigin,
  changes: FieldChange[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  assertNoDuplicates(changes);
  const { connector } = target;
  let calls = 0;

  // Known outcomes are returned as recorded: this is what makes retries exactly-once.
  const keyed = changes.map((change) => ({
    change,
    key: change.idempotencyKey ?? defaultKey(origin, change),
  }));
  const existing = await rowsByKey(
    target,
    keyed.map((item) => item.key),
  );
  const fresh = keyed.filter((item) => {
    const row = existing.get(item.key);
    return !row || (row.status === 'failed' && row.error?.retryable);
  });

  // Read what the CRM holds now for changes that came without it.
  const needRead = fresh.filter((item) => item.change.valueBefore === undefined);
  const current = new Map<string, CrmValue>();
  for (const [objectType, items] of groupBy(needRead, (item) => item.change.objectType)) {
    const fields = [...new Set(items.map((item) => item.change.field))];
    const ids = [...new Set(items.map((item) => item.change.recordId))];
    for (const part of chunk(ids, connector.batchSize)) {
      calls += 1;
      const results = await connector.readRecords(objectType, part, fields);
      for (const result of results) {
        if (!result.ok) continue;
        for (const field of fields) {
          current.set(
            cellKey(objectType, result.id, field),
            result.value.properties[field] ?? null,
          );
        }
      }
    }
  }

  // Record every change before any write; a missing record is settled as failed now.
  const rows = await insertPending(target, origin, fresh, current);
  const toWrite: WriteLogEntry[] = [];
  const settlements: Settlement[] = [];
  const freshByKey = new Map(fresh.map((item) => [item.key, item]));
  for (const row of rows) {
    const item = freshByKey.get(row.idempotencyKey)!;
    const readFailed =
      item.change.valueBefore === undefined &&
      !current.has(cellKey(row.objectType, row.recordId, row.field));
    if (readFailed) {
      settlements.push({
        id: row.id,
        status: 'failed',
        settledBy: 'no_call',
        error: new CrmError('not_found', `No ${row.objectType} ${row.recordId} in the CRM`, {
          field: row.field,
        }).toJSON(),
      });
    } else if (sameCrmValue(row.valueBefore, row.valueToWrite)) {
      settlements.push({ id: row.id, status: 'unchanged', settledBy: 'no_call' });
    } else {
      toWrite.push(row);
    }
  }
  await settleRows(target.pool, settlements);

  let done = 0;
  const batches: (() => Promise<void>)[] = [];
  for (const [objectType, objectRows] of groupBy(toWrite, (row) => row.objectType)) {
    const byRecord = groupBy(objectRows, (row) => row.recordId);
    for (const recordIds of chunk([...byRecord.keys()], connector.batchSize)) {
      const batchRows = recordIds.flatMap((id) => byRecord.get(id)!);
      batches.push(async () => {
        // Read `calls` after the await: lanes run in between.
        const made = await writeBatch(target, objectType, recordIds, byRecord, batchRows);
        calls += made;
        done += batchRows.length;
        options.onProgress?.(done, toWrite.length);
      });
    }
  }
  // A few lanes take the next batch as each finishes; one lane keeps the calls in order.
  let next = 0;
  const lane = async () => {
    while (next < batches.length) await batches[next++]!();
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, batches.length)) }, lane),
  );

  const entries = await rowsByKey(
    target,
    keyed.map((item) => item.key),
  );
  const ordered = keyed.map((item) => entries.get(item.key)!);
  return {
    entries: ordered,
    written: ordered.filter((row) => row.status === 'written').length,
    unchanged: ordered.filter((row) => row.status === 'unchanged').length,
    failed: ordered.filter((row) => row.status === 'failed').length,
    pending: ordered.filter((row) => row.status === 'pending').length,
    calls,
  };
}

/** One batch call for up to `batchSize` records; returns the calls it made. */
async function writeBatch(
  target: LedgerTarget,
  objectType: CrmObjectType,
  recordIds: string[],
  byRecord: Map<string, WriteLogEntry[]>,
  batchRows: WriteLogEntry[],
): Promise<number> {
  const batchId = randomUUID();
  await target.pool.query(
    `update crm_write_log set batch_id = $2::uuid, attempts = attempts + 1, updated_at = now()
     where id = any($1::bigint[])`,
    [batchRows.map((row) => row.id), batchId],
  );
  const inputs: UpdateInput[] = recordIds.map((id) => ({
    id,
    properties: Object.fromEntries(byRecord.get(id)!.map((row) => [row.field, row.valueToWrite])),
  }));
  try {
    const results = await target.connector.updateRecords(objectType, inputs);
    const settlements: Settlement[] = [];
    results.forEach((result, index) => {
      for (const row of byRecord.get(recordIds[index]!)!) {
        settlements.push(
          result.ok
            ? { id: row.id, status: 'written', settledBy: 'response' }
            : { id: row.id, status: 'failed', settledBy: 'response', error: result.error.toJSON() },
        );
      }
    });
    await settleRows(target.pool, settlements);
    return 1;
  } catch (error) {
    const crmError =
      error instanceof CrmError
        ? error
        : new CrmError('transient', String(error), { cause: error });
    // A refusal the CRM gave before doing anything: nothing was written.
    if (crmError.kind !== 'transient') {
      await settleRows(
        target.pool,
        batchRows.map((row) => ({
          id: row.id,
          status: 'failed',
          settledBy: 'response',
          error: crmError.toJSON(),
        })),
      );
      return 1;
    }
    // A timeout or a dropped connection: the CRM may have applied it. Ask it.
    return 1 + (await settleByReadingBack(target, objectType, batchRows, crmError));
  }
}

/**
 * Settles rows whose call ended without an answer by reading the records: a field
 * holding the value we wrote was written; one still holding the value before was
 * not (failed, retryable); anything else was changed by someone else (conflict).
 * Rows stay `pending` when the read fails too. Returns the calls made.
 */
export async function settleByReadingBack(
  target: Pick<LedgerTarget, 'pool' | 'connector'>,
  objectType: CrmObjectType,
  rows: WriteLogEntry[],
  cause?: CrmError,
): Promise<number> {
  const fields = [...new Set(rows.map((row) => row.field))];
  const ids = [...new Set(rows.map((row) => row.recordId))];
  let calls = 0;
  const settlements: Settlement[] = [];
  for (const part of chunk(ids, target.connector.batchSize)) {
    calls += 1;
    let results;
    try {
      results = await target.connector.readRecords(objectType, part, fields);
    } catch {
      continue;
    }
    const held = new Map(
      results.flatMap((result) => (result.ok ? [[result.id, result.value]] : [])),
    );
    const inChunk = new Set(part);
    for (const row of rows.filter((candidate) => inChunk.has(candidate.recordId))) {
      const record = held.get(row.recordId);
      if (!record) {
        settlements.push({
          id: row.id,
          status: 'failed',
          settledBy: 'read_back',
          error: new CrmError('not_found', `No ${objectType} ${row.recordId} in the CRM`).toJSON(),
        });
        continue;
      }
      const now = record.properties[row.field] ?? null;
      if (sameCrmValue(now, row.valueToWrite)) {
        settlements.push({ id: row.id, status: 'written', settledBy: 'read_back' });
      } else if (sameCrmValue(now, row.valueBefore)) {
        settlements.push({
          id: row.id,
          status: 'failed',
          settledBy: 'read_back',
          error: (
            cause ?? new CrmError('transient', 'The write did not reach the CRM before it stopped')
          ).toJSON(),
        });
      } else {
        settlements.push({
          id: row.id,
          status: 'failed',
          settledBy: 'read_back',
          error: new CrmError(
            'conflict',
            `${row.field} was changed in the CRM to ${JSON.stringify(now)} meanwhile`,
            { field: row.field },
          ).toJSON(),
        });
      }
    }
  }
  await settleRows(target.pool, settlements);
  return calls;
}

function defaultKey(origin: WriteOrigin, change: FieldChange): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        origin.type,
        change.originId ?? origin.id ?? null,
        change.objectType,
        change.recordId,
        change.field,
        change.value,
      ]),
    )
    .digest('hex');
}

function assertNoDuplicates(changes: FieldChange[]): void {
  const seen = new Set<string>();
  for (const change of changes) {
    const key = cellKey(change.objectType, change.recordId, change.field);
    if (seen.has(key)) {
      throw new CrmError(
        'validation',
        `${change.field} of ${change.objectType} ${change.recordId} is changed twice in one submission`,
        { field: change.field },
      );
    }
    seen.add(key);
  }
}

async function rowsByKey(
  target: LedgerTarget,
  keys: string[],
): Promise<Map<string, WriteLogEntry>> {
  const { rows } = await target.pool.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and idempotency_key = any($2::text[])`,
    [target.workspaceId, keys],
  );
  return new Map(rows.map((row) => [row.idempotencyKey, row]));
}

/**
 * Inserts a pending row per change, or revives a retryable failed row with the same
 * key, in one statement.
 */
async function insertPending(
  target: LedgerTarget,
  origin: WriteOrigin,
  items: { change: FieldChange; key: string }[],
  current: Map<string, CrmValue>,
): Promise<WriteLogEntry[]> {
  if (items.length === 0) return [];
  const crmType = target.connector.crm;
  const { rows } = await target.pool.query<WriteLogEntry>(
    `insert into crm_write_log as l
       (workspace_id, connection_id, crm_type, object_type, record_id, field,
        value_before, value_to_write, origin_type, origin_id, actor, idempotency_key)
     select $1::uuid, $2::uuid, $3::text, c.object_type, c.record_id, c.field,
            c.value_before, c.value_to_write, $4::text, coalesce(c.origin_id, $5::text), $6::text,
            c.key
     from unnest($7::text[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[], $12::text[],
                 $13::text[])
       as c(object_type, record_id, field, value_before, value_to_write, key, origin_id)
     on conflict (workspace_id, idempotency_key) do update
       set status = 'pending', error = null, settled_by = null, settled_at = null,
           value_before = excluded.value_before, updated_at = now()
       where l.status = 'failed'
     returning ${LEDGER_COLUMNS}`,
    [
      target.workspaceId,
      target.connectionId,
      crmType,
      origin.type,
      origin.id ?? null,
      origin.actor ?? null,
      items.map((item) => item.change.objectType),
      items.map((item) => item.change.recordId),
      items.map((item) => item.change.field),
      items.map((item) =>
        JSON.stringify(
          item.change.valueBefore !== undefined
            ? item.change.valueBefore
            : (current.get(
                cellKey(item.change.objectType, item.change.recordId, item.change.field),
              ) ?? null),
        ),
      ),
      items.map((item) => JSON.stringify(item.change.value)),
      items.map((item) => item.key),
      items.map((item) => item.change.originId ?? null),
    ],
  );
  return rows;
}

function cellKey(objectType: string, recordId: string, field: string): string {
  return `${objectType}\u0000${recordId}\u0000${field}`;
}
