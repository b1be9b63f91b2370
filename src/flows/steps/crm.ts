/**
 * What the CRM-writing steps share: the connector of a record's connection, the
 * mapping of CRM failures to flow step errors, settling what a stopped worker left
 * pending in the ledger, and the audit note a write leaves on the record (as actions
 * leave one), sent once however often the step is run again.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { openConnector, type OpenedConnector } from '../../crm/connect.js';
import { CrmError, type CrmErrorJson } from '../../crm/errors.js';
import { LEDGER_COLUMNS } from '../../crm/ledger/rows.js';
import type { WriteLogEntry } from '../../crm/ledger/types.js';
import { settleByReadingBack } from '../../crm/ledger/write.js';
import type { CrmObjectType, CrmValue } from '../../crm/port.js';
import type { SecretKey } from '../../tenancy/secrets.js';
import { FlowStepError } from '../types.js';
import type { FlowRecord } from './records.js';

export interface CrmStepDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
}

export async function openRecordConnector(
  deps: CrmStepDeps,
  workspaceId: string,
  record: FlowRecord & { connectionId: string },
): Promise<OpenedConnector> {
  try {
    return await openConnector(deps, workspaceId, record.connectionId);
  } catch (error) {
    throw stepErrorOf(error);
  }
}

/** A CRM failure as the run shows it: what kind, whether a retry can help, what to do. */
export function stepErrorOf(error: unknown): FlowStepError {
  if (error instanceof FlowStepError) return error;
  const json: CrmErrorJson | null =
    error instanceof CrmError ? error.toJSON() : isCrmErrorJson(error) ? error : null;
  if (!json) {
    const message = error instanceof Error ? error.message : String(error);
    return new FlowStepError('internal', message, { cause: error });
  }
  const status = json.status ?? undefined;
  switch (json.kind) {
    case 'permission':
    case 'auth_expired':
      return new FlowStepError('permission', json.message, {
        severity: 'high',
        status,
        suggestion:
          json.kind === 'auth_expired'
            ? 'Reconnect the CRM connection: its credentials were refused'
            : "Give the CRM connection's user the right to change this record",
      });
    case 'rate_limited':
    case 'transient':
      return new FlowStepError('network', json.message, {
        severity: 'medium',
        status,
        retryable: json.retryable,
        suggestion: json.retryable
          ? 'The CRM was busy or unreachable; the step is tried again'
          : "The CRM's daily API quota is spent; run the step again tomorrow",
      });
    default:
      return new FlowStepError('validation', json.message, {
        severity: 'medium',
        status,
        suggestion:
          json.kind === 'not_found'
            ? 'The record is gone from the CRM; sync the connection and check the record id'
            : json.kind === 'conflict'
              ? 'Someone changed the record in the CRM meanwhile; check it and run the step again'
              : `Check the step's values against the CRM's ${json.field ? `${json.field} ` : ''}field`,
      });
  }
}

function isCrmErrorJson(value: unknown): value is CrmErrorJson {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

/**
 * Settles ledger rows a stopped worker left `pending` for this origin, by reading the
 * CRM back: the step is run again only once its earlier run is gone (the runner
 * holds the run), so a field that holds the value was written, one that does not was
 * not and is written now, once.
 */
export async function settleLeftPending(
  pool: pg.Pool,
  opened: OpenedConnector,
  originType: 'flow' | 'undo',
  originId: string,
): Promise<void> {
  const { rows } = await pool.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and origin_type = $2::text and origin_id = $3::text
       and status = 'pending' and operation = 'update'
     order by id`,
    [opened.workspaceId, originType, originId],
  );
  for (const objectType of new Set(rows.map((row) => row.objectType))) {
    await settleByReadingBack(
      { pool, connector: opened.connector },
      objectType as CrmObjectType,
      rows.filter((row) => row.objectType === objectType),
    );
  }
}

/** The flow's name, for notes. */
export async function flowName(pool: pg.Pool, flowId: string): Promise<string> {
  const { rows } = await pool.query<{ name: string }>(
    'select name from flows where id = $1::uuid',
    [flowId],
  );
  return rows[0]?.name ?? flowId;
}

export interface NoteChange {
  field: string;
  before: CrmValue;
  after: CrmValue;
}

/** A CRM value as a person reads it in a note. */
function describe(value: CrmValue | undefined): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The audit note's text: what the step did, each change, the flow, run and time. */
export function noteBody(input: {
  kind: 'execute' | 'undo';
  flowName: string;
  stepKey: string;
  runId: string;
  summary: string;
  changes?: NoteChange[];
  extra?: string;
  actor: string;
  at: Date;
}): string {
  const lines = [
    `${input.kind === 'execute' ? 'Pandora flow applied' : 'Pandora undid'}: ${input.summary}`,
  ];
  if (input.changes && input.changes.length > 0) {
    lines.push(
      '',
      'Changes:',
      ...input.changes.map(
        (change) => `- ${change.field}: ${describe(change.before)} -> ${describe(change.after)}`,
      ),
    );
  }
  if (input.extra) lines.push('', input.extra);
  lines.push(
    '',
    `Source: flow ${input.flowName}, step ${input.stepKey}`,
    `Run: ${input.runId}`,
    `Time: ${input.at.toISOString()}`,
    `By: ${input.actor}`,
  );
  return lines.join('\n');
}

/** The note's marker, in its title: found by it when the step is run again. */
export function stepNoteMarker(idempotencyKey: string, kind: 'execute' | 'undo'): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16);
  return `[${kind === 'undo' ? 'undo ' : ''}flow ${hash}]`;
}

/**
 * Leaves the audit note on the record once per step run and kind: recorded before
 * the call; one recorded as created is not sent again; one an earlier run may have
 * sent (left pending, or failed) is looked up by its marker first. A note that cannot
 * be written does not undo the change; it is reported in the step's output.
 */
export async function leaveStepNote(
  pool: pg.Pool,
  opened: OpenedConnector,
  input: {
    idempotencyKey: string;
    kind: 'execute' | 'undo';
    record: { objectType: CrmObjectType; crmId: string };
    title: string;
    body: string;
  },
): Promise<{ status: 'created' | 'failed'; noteId: string | null; error?: string }> {
  const { rows } = await pool.query<{ status: string; noteId: string | null; inserted: boolean }>(
    `insert into flow_step_notes as n (workspace_id, idempotency_key, kind, body)
     values ($1::uuid, $2::text, $3::text, $4::text)
     on conflict (workspace_id, idempotency_key, kind) do update
       set status = case when n.status = 'created' then n.status else 'pending' end
     returning n.status, n.crm_note_id as "noteId", (xmax = 0) as inserted`,
    [opened.workspaceId, input.idempotencyKey, input.kind, input.body],
  );
  const row = rows[0]!;
  if (row.status === 'created') return { status: 'created', noteId: row.noteId };
  const marker = stepNoteMarker(input.idempotencyKey, input.kind);
  let result: { ok: true; id: string } | { ok: false; error: string };
  try {
    const [answer] = await opened.connector.addNotes([
      {
        body: input.body,
        title: `${input.title.slice(0, 255 - marker.length - 1)} ${marker}`,
        attachTo: [{ objectType: input.record.objectType, id: input.record.crmId }],
        marker,
        mayExist: !row.inserted,
      },
    ]);
    result = answer!.ok
      ? { ok: true, id: answer!.value.id }
      : { ok: false, error: answer!.error.message };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  await pool.query(
    `update flow_step_notes
     set status = $4::text, crm_note_id = $5::text, error = $6::jsonb, settled_at = now()
     where workspace_id = $1::uuid and idempotency_key = $2::text and kind = $3::text`,
    [
      opened.workspaceId,
      input.idempotencyKey,
      input.kind,
      result.ok ? 'created' : 'failed',
      result.ok ? result.id : null,
      result.ok ? null : JSON.stringify({ message: result.error }),
    ],
  );
  return result.ok
    ? { status: 'created', noteId: result.id }
    : { status: 'failed', noteId: null, error: result.error };
}
