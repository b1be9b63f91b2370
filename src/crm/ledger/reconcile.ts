import type { CrmObjectType } from '../port.js';
import { LOCKS, withTryLock } from '../../db/locks.js';
import { LEDGER_COLUMNS } from './rows.js';
import type { OriginType, WriteLogEntry } from './types.js';
import { settleByReadingBack, writeFields, type LedgerTarget } from './write.js';

export interface ReconcileReport {
  /** Rows found pending and older than the grace period. */
  found: number;
  /** Settled as written: the CRM holds the value (the call had gone through). */
  confirmed: number;
  /** Not applied before the stop, written now. */
  rewritten: number;
  /** Settled as failed: the record is gone or someone changed the field meanwhile. */
  failed: number;
  /** Still pending: the CRM could not be read. */
  stillPending: number;
}

/**
 * Settles rows a stopped process left `pending` (it died between the CRM call and
 * settling) by reading the CRM: a field holding the value to write is settled as
 * written without a call; a field still holding the value before was never written
 * and is written now, once; anything else is a conflict and left alone. Rows
 * younger than `graceMs` may belong to a live writer and are skipped. One
 * reconciler per connection at a time (advisory lock).
 */
export async function reconcilePending(
  target: LedgerTarget,
  options: { graceMs?: number } = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    found: 0,
    confirmed: 0,
    rewritten: 0,
    failed: 0,
    stillPending: 0,
  };
  return withTryLock(
    target.pool,
    LOCKS.reconcile,
    target.connectionId,
    () => reconcileLocked(target, options, report),
    () => report,
  );
}

async function reconcileLocked(
  target: LedgerTarget,
  options: { graceMs?: number },
  report: ReconcileReport,
): Promise<ReconcileReport> {
  const { rows } = await target.pool.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and connection_id = $2::uuid and status = 'pending'
       and operation = 'update'
       and updated_at < now() - make_interval(secs => $3::double precision / 1000)
     order by id`,
    [target.workspaceId, target.connectionId, options.graceMs ?? 120_000],
  );
  report.found = rows.length;
  for (const objectType of new Set(rows.map((row) => row.objectType))) {
    await settleByReadingBack(
      target,
      objectType as CrmObjectType,
      rows.filter((row) => row.objectType === objectType),
    );
  }
  const ids = rows.map((row) => row.id);
  const { rows: settled } = await target.pool.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log where id = any($1::bigint[]) order by id`,
    [ids],
  );
  const notApplied = settled.filter(
    (row) =>
      row.status === 'failed' && row.settledBy === 'read_back' && row.error?.kind === 'transient',
  );
  report.confirmed = settled.filter((row) => row.status === 'written').length;
  report.stillPending = settled.filter((row) => row.status === 'pending').length;
  report.failed = settled.filter((row) => row.status === 'failed').length - notApplied.length;

  // Write what never reached the CRM, under its original key and origin.
  const byOrigin = new Map<string, WriteLogEntry[]>();
  for (const row of notApplied) {
    const key = JSON.stringify([row.originType, row.originId, row.actor]);
    byOrigin.set(key, [...(byOrigin.get(key) ?? []), row]);
  }
  for (const group of byOrigin.values()) {
    const first = group[0]!;
    const result = await writeFields(
      target,
      { type: first.originType as OriginType, id: first.originId, actor: first.actor },
      group.map((row) => ({
        objectType: row.objectType,
        recordId: row.recordId,
        field: row.field,
        value: row.valueToWrite,
        valueBefore: row.valueBefore,
        idempotencyKey: row.idempotencyKey,
      })),
    );
    report.rewritten += result.written;
    report.failed += result.failed;
    report.stillPending += result.pending;
  }
  return report;
}
