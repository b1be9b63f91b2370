/**
 * Undoing a finished step run, the way an action is undone: CRM fields go back to
 * their value before through the write ledger (origin `undo`), only where the CRM
 * still holds what the step wrote (else a conflict, unless `force`), with an audit
 * note; Pandora-side effects (tags) are removed. One undo per step run is recorded
 * and a repeated undo returns it.
 */
import { LOCKS, withTryLock } from '../../db/locks.js';
import { LEDGER_COLUMNS } from '../../crm/ledger/rows.js';
import type { WriteLogEntry } from '../../crm/ledger/types.js';
import { writeFields } from '../../crm/ledger/write.js';
import { openConnector } from '../../crm/connect.js';
import type { CrmValue } from '../../crm/port.js';
import { sameCrmValue } from '../../crm/values.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { getFlowRun } from '../engine/runs.js';
import { runVisibleTo } from '../store.js';
import type { StepType } from '../types.js';
import { undoAddTag } from './add-tag.js';
import { undoDeleteContact } from './delete-contact.js';
import { undoSubscribeCampaign } from './subscribe-campaign.js';
import { flowName, leaveStepNote, noteBody, settleLeftPending, type CrmStepDeps } from './crm.js';

export interface UndoneField {
  objectType: string;
  recordId: string;
  field: string;
  /** The value before the step, which undo restores. */
  before: CrmValue;
  /** What the step wrote. */
  written: CrmValue;
  /** What the CRM held when undo looked. */
  current: CrmValue;
  status: 'restored' | 'already_restored' | 'conflict' | 'failed';
  message?: string;
}

export interface StepUndoResult {
  runId: string;
  stepKey: string;
  stepType: StepType;
  status: 'undone' | 'blocked';
  /** CRM fields put back (crm_integration, assign_agent). */
  fields?: UndoneField[];
  /** Tags taken off (add_tag). */
  tags?: { removed: number; tagDeleted: boolean };
  /** Other effects reversed, per step type. */
  details?: Record<string, unknown>;
  note?: { status: 'created' | 'failed'; noteId: string | null } | null;
  replayed?: boolean;
}

export interface UndoContext {
  deps: CrmStepDeps;
  workspaceId: string;
  runId: string;
  stepKey: string;
  flowId: string;
  idempotencyKey: string;
  output: Record<string, unknown> | null;
  actor: string;
  force: boolean;
}

type Undoer = (ctx: UndoContext) => Promise<Omit<StepUndoResult, 'runId' | 'stepKey' | 'stepType'>>;

const UNDOERS: Partial<Record<StepType, Undoer>> = {
  crm_integration: undoLedgerWrites,
  assign_agent: undoLedgerWrites,
  subscribe_campaign: undoSubscribeCampaign,
  delete_contact: undoDeleteContact,
  add_tag: async (ctx) => ({
    status: 'undone',
    tags: await undoAddTag(ctx.deps.pool, ctx.workspaceId, ctx.idempotencyKey),
  }),
};

/** Registers another step type's undo (steps whose module would import this one). */
export function registerUndo(type: StepType, undoer: Undoer): void {
  UNDOERS[type] = undoer;
}

export function isUndoable(type: StepType): boolean {
  return type in UNDOERS;
}

export async function undoFlowStep(
  deps: CrmStepDeps,
  workspaceId: string,
  runId: string,
  stepKey: string,
  options: { actor: string; force?: boolean },
): Promise<StepUndoResult> {
  const { rows } = await deps.pool.query<{
    stepType: StepType;
    status: string;
    idempotencyKey: string;
    output: Record<string, unknown> | null;
    flowId: string;
    undo: StepUndoResult | null;
    undoStatus: string | null;
  }>(
    `select s.step_type as "stepType", s.status, s.idempotency_key as "idempotencyKey", s.output,
            r.flow_id as "flowId", u.result as undo, u.status as "undoStatus"
     from flow_step_runs s
     join flow_runs r on r.id = s.run_id
     left join flow_step_undos u on u.run_id = s.run_id and u.step_key = s.step_key
     where s.workspace_id = $1::uuid and s.run_id = $2::uuid and s.step_key = $3::text`,
    [workspaceId, runId, stepKey],
  );
  const step = rows[0];
  if (!step) throw notFound('flow step run', `${runId}/${stepKey}`);
  const undoer = UNDOERS[step.stepType];
  if (!undoer) {
    throw conflict('not_undoable', `A ${step.stepType} step cannot be undone`, {
      stepType: step.stepType,
    });
  }
  if (step.undoStatus === 'undone') return { ...step.undo!, replayed: true };
  if (step.status !== 'completed') {
    throw conflict(
      'step_not_completed',
      `The step is ${step.status}; only a completed step can be undone`,
      {
        status: step.status,
      },
    );
  }
  return withTryLock(
    deps.pool,
    LOCKS.flowStepUndo,
    step.idempotencyKey,
    async () => {
      const done = await undoer({
        deps,
        workspaceId,
        runId,
        stepKey,
        flowId: step.flowId,
        idempotencyKey: step.idempotencyKey,
        output: step.output,
        actor: options.actor,
        force: options.force ?? false,
      });
      const result: StepUndoResult = { runId, stepKey, stepType: step.stepType, ...done };
      await deps.pool.query(
        `insert into flow_step_undos (run_id, step_key, workspace_id, status, result, actor)
         values ($1::uuid, $2::text, $3::uuid, $4::text, $5::jsonb, $6::text)
         on conflict (run_id, step_key) do update
           set status = excluded.status, result = excluded.result, actor = excluded.actor,
               updated_at = now()`,
        [runId, stepKey, workspaceId, result.status, JSON.stringify(result), options.actor],
      );
      return result;
    },
    () => {
      throw conflict('undo_in_progress', 'This step is being undone already');
    },
  );
}

/**
 * Undo as a caller asks it (REST and GraphQL): a run the caller cannot see is not
 * found; admins undo any run's steps, a member only those of their own automation.
 */
export async function undoFlowStepAs(
  deps: CrmStepDeps,
  caller: { workspaceId: string; role: 'admin' | 'member'; userId: string | null; actor: string },
  runId: string,
  stepKey: string,
  options: { force?: boolean } = {},
): Promise<StepUndoResult> {
  const run = await getFlowRun(deps.pool, caller.workspaceId, runId);
  if (!run || !(await runVisibleTo(deps.pool, caller.workspaceId, run, caller))) {
    throw notFound('flow run', runId);
  }
  const ownAutomation = run.scopeUserId !== null && run.scopeUserId === caller.userId;
  if (caller.role !== 'admin' && !ownAutomation) {
    throw forbidden('Only an admin, or the member whose automation ran, can undo its steps');
  }
  return undoFlowStep(deps, caller.workspaceId, runId, stepKey, {
    actor: caller.actor,
    force: options.force,
  });
}

/** Puts back every field the step wrote, where the CRM still holds what it wrote. */
async function undoLedgerWrites(ctx: UndoContext) {
  const { pool } = ctx.deps;
  const { rows: written } = await pool.query<WriteLogEntry & { connectionId: string }>(
    `select distinct on (object_type, record_id, field) ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and origin_type = 'flow' and origin_id = $2::text
       and status = 'written' and operation = 'update'
     order by object_type, record_id, field, id desc`,
    [ctx.workspaceId, ctx.idempotencyKey],
  );
  if (written.length === 0) return { status: 'undone' as const, fields: [], note: null };
  const connectionId = written[0]!.connectionId;
  if (!connectionId)
    throw conflict('no_connection', 'The CRM connection the step wrote to is gone');
  const opened = await openConnector(ctx.deps, ctx.workspaceId, connectionId);
  // An undo a stopped process left half-sent is settled before it is sent again.
  await settleLeftPending(pool, opened, 'undo', ctx.idempotencyKey);

  const current = new Map<string, CrmValue>();
  const found = new Set<string>();
  for (const objectType of new Set(written.map((row) => row.objectType))) {
    const rows = written.filter((row) => row.objectType === objectType);
    const results = await opened.connector.readRecords(
      objectType,
      [...new Set(rows.map((row) => row.recordId))],
      [...new Set(rows.map((row) => row.field))],
    );
    for (const result of results) {
      if (!result.ok) continue;
      found.add(`${objectType}:${result.id}`);
      for (const row of rows.filter((candidate) => candidate.recordId === result.id)) {
        current.set(String(row.id), result.value.properties[row.field] ?? null);
      }
    }
  }

  const fields: UndoneField[] = [];
  const restore: { row: WriteLogEntry; field: UndoneField }[] = [];
  for (const row of written) {
    const now = current.get(String(row.id)) ?? null;
    const field: UndoneField = {
      objectType: row.objectType,
      recordId: row.recordId,
      field: row.field,
      before: row.valueBefore,
      written: row.valueToWrite,
      current: now,
      status: 'restored',
    };
    fields.push(field);
    if (!found.has(`${row.objectType}:${row.recordId}`)) {
      Object.assign(field, { status: 'failed', message: 'The record is gone from the CRM' });
    } else if (sameCrmValue(now, row.valueBefore)) {
      field.status = 'already_restored';
    } else if (sameCrmValue(now, row.valueToWrite) || ctx.force) {
      restore.push({ row, field });
    } else {
      Object.assign(field, {
        status: 'conflict',
        message: `${row.field} was changed in the CRM after the flow wrote it (now ${JSON.stringify(now)}); pass force to overwrite`,
      });
    }
  }

  if (restore.length > 0) {
    const report = await writeFields(
      { pool, ...opened },
      { type: 'undo', id: ctx.idempotencyKey, actor: ctx.actor },
      restore.map(({ row, field }) => ({
        objectType: row.objectType,
        recordId: row.recordId,
        field: row.field,
        value: row.valueBefore,
        valueBefore: field.current,
        idempotencyKey: `undo:flow:${row.id}`,
      })),
    );
    report.entries.forEach((entry, index) => {
      if (entry.status === 'written' || entry.status === 'unchanged') return;
      Object.assign(restore[index]!.field, {
        status: 'failed',
        message: entry.error?.message ?? 'Not written',
      });
    });
  }

  const restored = fields.filter((field) => field.status === 'restored');
  let note = null;
  if (restored.length > 0) {
    const first = written[0]!;
    const summary = `flow step ${ctx.stepKey} on ${first.objectType} ${first.recordId}`;
    note = await leaveStepNote(pool, opened, {
      idempotencyKey: ctx.idempotencyKey,
      kind: 'undo',
      record: { objectType: first.objectType, crmId: first.recordId },
      title: `Pandora undo: ${summary}`,
      body: noteBody({
        kind: 'undo',
        flowName: await flowName(pool, ctx.flowId),
        stepKey: ctx.stepKey,
        runId: ctx.runId,
        summary,
        changes: restored.map((field) => ({
          field: field.field,
          before: field.current,
          after: field.before,
        })),
        actor: ctx.actor,
        at: new Date(),
      }),
    });
  }
  const blocked = fields.some((field) => field.status === 'conflict' || field.status === 'failed');
  return { status: blocked ? ('blocked' as const) : ('undone' as const), fields, note };
}
