import { createHash } from 'node:crypto';
import pMap from 'p-map';
import type pg from 'pg';
import type { Logger } from 'pino';
import { chunk } from '../collections.js';
import type { OpenedConnector } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import { writeFields } from '../crm/ledger/write.js';
import type { FieldChange, WriteLogEntry } from '../crm/ledger/types.js';
import type { CrmValue } from '../crm/port.js';
import { canonicalValue } from '../crm/values.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { decide, type Candidate, type Decision } from './decide.js';
import { rulesOf, type Mapping } from './mappings.js';

export interface WritebackDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
  log?: Logger;
}

export interface RunReport {
  considered: number;
  unchanged: number;
  skipped_condition: number;
  written: number;
  failed: number;
  crm_calls: number;
}

export interface RunFailure {
  mappingId: string;
  entityId: string;
  recordId: string;
  reason: string;
}

export interface MappingOutcome {
  report: RunReport;
  failures: RunFailure[];
}

/**
 * Writes per ledger submission: a multiple of both CRMs' batch sizes (100, 200), so
 * only the last call of a run is ever less than full.
 */
const WRITE_GROUP = 1_200;
/**
 * Submissions in flight: while one group's calls run, the next records its ledger
 * rows and the last settles, so Pandora's bookkeeping hides behind the CRM's pace.
 */
const GROUPS_IN_FLIGHT = 3;
const MAX_FAILURES = 200;

export function emptyReport(): RunReport {
  return { considered: 0, unchanged: 0, skipped_condition: 0, written: 0, failed: 0, crm_calls: 0 };
}

interface CandidateFilter {
  /** Only the records this compute run changed. */
  computeRunId?: string | null;
  entityIds?: string[] | null;
  limit?: number;
  /**
   * Leave out, in SQL, the records `decide` would call unchanged from the last write
   * alone: a run over 100,000 records with 10% changed loads 10,000.
   */
  dueOnly?: boolean;
}

/**
 * True for a row whose last write through the mapping already covers its value, as
 * `decide` judges from the state alone ($9: the mapping's write mode).
 */
const KNOWN_UNCHANGED = `(ws.mapping_id is not null and (
    ($9::text in ('overwrite', 'append_if_changed') and ws.last_value = cv.value)
    or $9::text = 'never_overwrite'
    or ($9::text = 'append' and ws.computed_at >= cv.computed_at)))`;

function candidateSource(mapping: Mapping): string {
  const table = mapping.objectType === 'deal' ? 'deals' : 'accounts';
  // The connection's CRM as a value, not a join: the planner estimates the records
  // of that CRM from the column's statistics, and hashes. Records are found by their
  // primary key alone, so without statistics (a table just filled) the plan falls
  // back to one index lookup per value, never to a scan per value.
  return `from computed_values cv
     join ${table} e on e.id = cv.entity_id
       and e.source = (select crm_type from connections
                       where id = $4::uuid and workspace_id = $1::uuid)
     left join writeback_state ws on ws.mapping_id = $5::uuid and ws.entity_id = cv.entity_id
     where cv.workspace_id = $1::uuid and cv.object_type = $2::text and cv.field = $3::text
       and ($6::uuid[] is null or cv.entity_id = any($6::uuid[]))
       and ($7::uuid is null or cv.run_id = $7::uuid)`;
}

function candidateParams(mapping: Mapping, only: CandidateFilter): unknown[] {
  return [
    mapping.workspaceId,
    mapping.objectType,
    mapping.pandoraField,
    mapping.connectionId,
    mapping.id,
    only.entityIds ?? null,
    only.computeRunId ?? null,
    only.limit ?? null,
    mapping.writeMode,
  ];
}

/** How many of the mapping's records are unchanged since their last write. */
export async function knownUnchanged(
  db: pg.Pool,
  mapping: Mapping,
  only: CandidateFilter = {},
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n ${candidateSource(mapping)} and ${KNOWN_UNCHANGED}
       and $8::integer is null`,
    candidateParams(mapping, only),
  );
  return rows[0]!.n;
}

/** The computed values a mapping may write, with its last write of each. */
export async function candidatesOf(
  db: pg.Pool,
  mapping: Mapping,
  only: CandidateFilter = {},
): Promise<Candidate[]> {
  const { rows } = await db.query<
    Candidate & {
      lastValue: CrmValue;
      lastWritten: CrmValue;
      writtenAt: string | null;
      stateComputedAt: string | null;
    }
  >(
    `select cv.entity_id as "entityId", e.source_id as "recordId", cv.value,
            cv.computed_at as "computedAt", ws.last_value as "lastValue",
            ws.last_written as "lastWritten", ws.written_at as "writtenAt",
            ws.computed_at as "stateComputedAt"
     ${candidateSource(mapping)}
       and ($10::boolean is not true or not ${KNOWN_UNCHANGED})
     order by cv.entity_id
     limit $8::integer`,
    [...candidateParams(mapping, only), only.dueOnly ?? false],
  );
  return rows.map(({ lastValue, lastWritten, writtenAt, stateComputedAt, ...row }) => ({
    ...row,
    computedAt: new Date(row.computedAt).toISOString(),
    state:
      writtenAt && stateComputedAt
        ? {
            lastValue,
            computedAt: new Date(stateComputedAt).toISOString(),
            lastWritten,
            writtenAt: new Date(writtenAt).toISOString(),
          }
        : null,
  }));
}

/**
 * One write per run, mapping, record and value: the ledger makes it happen once
 * within a run (a retried call, a restarted run). A later run may try again what
 * failed; an append then finds its entry already there if it had landed.
 */
function writeKey(runId: string, mapping: Mapping, candidate: Candidate, value: CrmValue): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([runId, candidate.computedAt, canonicalValue(value)]))
    .digest('hex')
    .slice(0, 24);
  return `writeback:${mapping.id}:${candidate.entityId}:${digest}`;
}

/**
 * Writes one mapping's values: decides each record (no CRM call for what Pandora
 * knows the CRM holds), reads the current values only where the mode or condition
 * needs them, and sends the rest through the ledger in groups of whole batch calls.
 * The last write of each record is kept for the next run.
 */
export async function writeMapping(
  deps: WritebackDeps,
  opened: OpenedConnector,
  mapping: Mapping,
  candidates: Candidate[],
  origin: { runId: string; actor: string },
  onProgress?: (done: number) => void,
): Promise<MappingOutcome> {
  const rules = rulesOf(mapping);
  const report = emptyReport();
  const failures: RunFailure[] = [];
  const callsBefore = opened.calls();
  const crmField = opened.connector.crmField(mapping.objectType, mapping.crmProperty);

  // Decide every record; those whose mode or condition needs the CRM's value, after reading it.
  const decided = new Map<Candidate, Decision>();
  const needCurrent: Candidate[] = [];
  for (const candidate of candidates) {
    const decision = decide(mapping, rules, candidate);
    if (decision.kind === 'needs_current') needCurrent.push(candidate);
    else decided.set(candidate, decision);
  }
  if (needCurrent.length > 0) {
    const current = await readCurrent(opened, mapping, crmField, needCurrent);
    for (const candidate of needCurrent) {
      const value = current.get(candidate.recordId);
      decided.set(
        candidate,
        value === undefined
          ? { kind: 'skipped', reason: `No ${mapping.objectType} ${candidate.recordId} in the CRM` }
          : decide(mapping, rules, candidate, { value }),
      );
    }
  }

  const writes: { candidate: Candidate; change: FieldChange }[] = [];
  const keep: { candidate: Candidate; written: CrmValue }[] = [];
  for (const candidate of candidates) {
    const decision = decided.get(candidate)!;
    report.considered += 1;
    if (decision.kind === 'unchanged') report.unchanged += 1;
    else if (decision.kind === 'skipped') {
      report.skipped_condition += 1;
      // never_overwrite met a value: remember it, so later runs do not ask again.
      if (decision.reason.startsWith('never_overwrite')) keep.push({ candidate, written: null });
    } else if (decision.kind === 'write') {
      writes.push({
        candidate,
        change: {
          objectType: mapping.objectType,
          recordId: candidate.recordId,
          field: crmField,
          value: decision.value,
          valueBefore: decision.valueBefore,
          idempotencyKey: writeKey(origin.runId, mapping, candidate, decision.value),
          originId: mapping.id,
        },
      });
    }
  }
  await rememberWrites(deps.pool, mapping, keep);
  let done = candidates.length - writes.length;
  onProgress?.(done);

  await pMap(
    chunk(writes, WRITE_GROUP),
    async (group) => {
      await writeGroup(deps, opened, mapping, group, origin, report, failures);
      done += group.length;
      onProgress?.(done);
    },
    { concurrency: GROUPS_IN_FLIGHT },
  );
  report.crm_calls = opened.calls() - callsBefore;
  return { report, failures };
}

/** One ledger submission: its records go in as few batch calls as the CRM allows. */
async function writeGroup(
  deps: WritebackDeps,
  opened: OpenedConnector,
  mapping: Mapping,
  writes: { candidate: Candidate; change: FieldChange }[],
  origin: { runId: string; actor: string },
  report: RunReport,
  failures: RunFailure[],
): Promise<void> {
  let entries: WriteLogEntry[] = [];
  try {
    const result = await writeFields(
      { pool: deps.pool, ...opened },
      { type: 'writeback', id: mapping.id, actor: origin.actor },
      writes.map((write) => write.change),
    );
    entries = result.entries;
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    for (const { candidate } of writes) {
      report.failed += 1;
      pushFailure(failures, {
        mappingId: mapping.id,
        entityId: candidate.entityId,
        recordId: candidate.recordId,
        reason: error.message,
      });
    }
    return;
  }
  const keep: { candidate: Candidate; written: CrmValue }[] = [];
  entries.forEach((entry, index) => {
    const { candidate } = writes[index]!;
    if (entry.status === 'written') report.written += 1;
    else if (entry.status === 'unchanged') report.unchanged += 1;
    else {
      report.failed += 1;
      pushFailure(failures, {
        mappingId: mapping.id,
        entityId: candidate.entityId,
        recordId: candidate.recordId,
        reason: entry.error?.message ?? `left ${entry.status}: the CRM's answer was lost`,
      });
      return;
    }
    keep.push({ candidate, written: entry.valueToWrite });
  });
  await rememberWrites(deps.pool, mapping, keep);
}

function pushFailure(failures: RunFailure[], failure: RunFailure): void {
  if (failures.length < MAX_FAILURES) failures.push(failure);
}

/** The CRM's current values of the property, by record id; missing records are absent. */
async function readCurrent(
  opened: OpenedConnector,
  mapping: Mapping,
  crmField: string,
  candidates: Candidate[],
): Promise<Map<string, CrmValue>> {
  const values = new Map<string, CrmValue>();
  const ids = [...new Set(candidates.map((candidate) => candidate.recordId))];
  for (const part of chunk(ids, opened.connector.batchSize)) {
    const records = await opened.connector.readRecords(mapping.objectType, part, [crmField]);
    for (const record of records) {
      if (record.ok) values.set(record.id, record.value.properties[crmField] ?? null);
    }
  }
  return values;
}

async function rememberWrites(
  pool: pg.Pool,
  mapping: Mapping,
  kept: { candidate: Candidate; written: CrmValue }[],
): Promise<void> {
  if (kept.length === 0) return;
  await pool.query(
    `insert into writeback_state as s
       (mapping_id, entity_id, record_id, last_value, computed_at, last_written, written_at)
     select $1::uuid, k.entity_id, k.record_id, k.last_value, k.computed_at, k.last_written, now()
     from unnest($2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::jsonb[])
       as k(entity_id, record_id, last_value, computed_at, last_written)
     on conflict (mapping_id, entity_id) do update
       set record_id = excluded.record_id, last_value = excluded.last_value,
           computed_at = excluded.computed_at, last_written = excluded.last_written,
           written_at = excluded.written_at`,
    [
      mapping.id,
      kept.map((k) => k.candidate.entityId),
      kept.map((k) => k.candidate.recordId),
      kept.map((k) => JSON.stringify(k.candidate.value)),
      kept.map((k) => k.candidate.computedAt),
      kept.map((k) => JSON.stringify(k.written)),
    ],
  );
}
