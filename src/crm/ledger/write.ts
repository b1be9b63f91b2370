import { createHash, randomUUID } from 'node:crypto';
import pMap from 'p-map';
import { chunk, groupBy } from '../../collections.js';
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
  const keyed = changes.map((change) => ({
    change,
    key: change.idempotencyKey ?? defaultKey(origin, change),
  }));
  // Every row this submission touches, as last recorded: settled rows come back
  // as they are, which is what makes retries exactly-once.
  const ledger = new Ledger(target);

  // Changes that came without the value before need it read from the CRM; what
  // was recorded already under their keys is not read again.
  const needRead = keyed.filter((item) => item.change.valueBefore === undefined);
  ledger.keep(
    await rowsByKey(
      target,
      needRead.map((item) => item.key),
    ),
  );
  const current = new Map<string, CrmValue>();
  const toRead = needRead.filter((item) => isOpen(ledger.byKey(item.key)));
  for (const [objectType, items] of groupBy(toRead, (item) => item.change.objectType)) {
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

  // Record every open change before any write, in one statement: a key recorded
  // already (by an earlier attempt) is revived only from a retryable failure.
  const submitted = keyed.filter((item) => isOpen(ledger.byKey(item.key)));
  const rows = await insertPending(target, origin, submitted, current);
  ledger.keep(rows);
  // Keys recorded before and not revived (settled, or pending elsewhere) as they are.
  ledger.keep(
    await rowsByKey(
      target,
      keyed.filter((item) => !ledger.byKey(item.key)).map((item) => item.key),
    ),
  );

  // A missing record is settled as failed now, a value the CRM holds as unchanged.
  const toWrite: WriteLogEntry[] = [];
  const settlements: Settlement[] = [];
  const submittedByKey = new Map(submitted.map((item) => [item.key, item]));
  for (const row of rows) {
    const item = submittedByKey.get(row.idempotencyKey)!;
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
  await ledger.settle(settlements);

  let done = 0;
  const batches: { objectType: CrmObjectType; recordIds: string[]; rows: WriteLogEntry[] }[] = [];
  for (const [objectType, objectRows] of groupBy(toWrite, (row) => row.objectType)) {
    const byRecord = groupBy(objectRows, (row) => row.recordId);
    for (const recordIds of chunk([...byRecord.keys()], connector.batchSize)) {
      batches.push({ objectType, recordIds, rows: recordIds.flatMap((id) => byRecord.get(id)!) });
    }
  }
  // A few calls in flight, started in order; the shared limiter paces them all.
  await pMap(
    batches,
    async (batch) => {
      // Add after the await: `calls += await ...` would read it before the other lanes ran.
      const made = await writeBatch(target, ledger, batch.objectType, batch.recordIds, batch.rows);
      calls += made;
      done += batch.rows.length;
      options.onProgress?.(done, toWrite.length);
    },
    { concurrency: Math.max(1, options.concurrency ?? 1) },
  );

  await ledger.refreshUnsettled();
  const entries = keyed.map((item) => ledger.byKey(item.key)!);
  return {
    entries,
    written: entries.filter((row) => row.status === 'written').length,
    unchanged: entries.filter((row) => row.status === 'unchanged').length,
    failed: entries.filter((row) => row.status === 'failed').length,
    pending: entries.filter((row) => row.status === 'pending').length,
    calls,
  };
}

/** A row still to be written: never recorded, or a failure worth another try. */
function isOpen(row: WriteLogEntry | undefined): boolean {
  return !row || (row.status === 'failed' && Boolean(row.error?.retryable));
}

/**
 * The rows of one submission as this process last recorded them: every statement
 * that changes a row returns it, so the report needs no read at the end. A row
 * another process settled first is read again.
 */
class Ledger {
  private readonly rows = new Map<string, WriteLogEntry>();
  private readonly stale = new Set<number>();

  constructor(private readonly target: LedgerTarget) {}

  byKey(key: string): WriteLogEntry | undefined {
    return this.rows.get(key);
  }

  keep(rows: Iterable<WriteLogEntry>): void {
    for (const row of rows) {
      this.rows.set(row.idempotencyKey, row);
      this.stale.delete(row.id);
    }
  }

  /** Settles rows in one statement; only pending rows move, a settled row is final. */
  async settle(settlements: Settlement[]): Promise<void> {
    if (settlements.length === 0) return;
    const settled = await settleRows(this.target.pool, settlements);
    const moved = new Set(settled.map((row) => row.id));
    for (const { id } of settlements) if (!moved.has(id)) this.stale.add(id);
    this.keep(settled);
  }

  /** Marks rows as sent in one call, before it is made. */
  async markSent(rows: WriteLogEntry[]): Promise<void> {
    const { rows: marked } = await this.target.pool.query<WriteLogEntry>(
      `update crm_write_log set batch_id = $2::uuid, attempts = attempts + 1, updated_at = now()
       where id = any($1::bigint[])
       returning ${LEDGER_COLUMNS}`,
      [rows.map((row) => row.id), randomUUID()],
    );
    this.keep(marked);
  }

  /** Reads again the rows another process settled before this one could. */
  async refreshUnsettled(): Promise<void> {
    if (this.stale.size === 0) return;
    const { rows } = await this.target.pool.query<WriteLogEntry>(
      `select ${LEDGER_COLUMNS} from crm_write_log where id = any($1::bigint[])`,
      [[...this.stale]],
    );
    this.keep(rows);
  }
}

/** One batch call for up to `batchSize` records; returns the calls it made. */
async function writeBatch(
  target: LedgerTarget,
  ledger: Ledger,
  objectType: CrmObjectType,
  recordIds: string[],
  batchRows: WriteLogEntry[],
): Promise<number> {
  await ledger.markSent(batchRows);
  const byRecord = groupBy(batchRows, (row) => row.recordId);
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
    await ledger.settle(settlements);
    return 1;
  } catch (error) {
    const crmError =
      error instanceof CrmError
        ? error
        : new CrmError('transient', String(error), { cause: error });
    // A refusal the CRM gave before doing anything: nothing was written.
    if (crmError.kind !== 'transient') {
      await ledger.settle(
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
    const read = await readBack(target, objectType, batchRows, crmError);
    await ledger.settle(read.settlements);
    return 1 + read.calls;
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
  const { settlements, calls } = await readBack(target, objectType, rows, cause);
  await settleRows(target.pool, settlements);
  return calls;
}

/** What reading the records back says of each row, and the calls it took. */
async function readBack(
  target: Pick<LedgerTarget, 'connector'>,
  objectType: CrmObjectType,
  rows: WriteLogEntry[],
  cause?: CrmError,
): Promise<{ settlements: Settlement[]; calls: number }> {
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
  return { settlements, calls };
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

async function rowsByKey(target: LedgerTarget, keys: string[]): Promise<WriteLogEntry[]> {
  if (keys.length === 0) return [];
  const { rows } = await target.pool.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and idempotency_key = any($2::text[])`,
    [target.workspaceId, keys],
  );
  return rows;
}

/**
 * Inserts a pending row per change, or revives a retryable failed row with the same
 * key, in one statement; returns those rows (a key recorded otherwise returns none).
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
       where l.status = 'failed' and coalesce((l.error ->> 'retryable')::boolean, false)
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
