import { openConnector, type OpenedConnector } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import { writeFields } from '../crm/ledger/write.js';
import type { FieldChange, WriteLogEntry } from '../crm/ledger/types.js';
import { canonicalValue } from '../crm/values.js';
import { HttpError } from '../errors.js';
import type { ActionExecution, EngineDeps, ExecuteOptions, OperationResult } from './execute.js';
import { CREATE_DEAL } from './create-deal.js';
import { executeCreateDeals } from './create-deal-execute.js';
import { errorMessage, finish, moveTo, startExecution } from './execution-records.js';
import { auditNote } from './notes.js';
import { cachedManagerLookup, notify } from './notify.js';
import { dealPipelines, stageMappingOf } from './plan-inputs.js';
import {
  planAction,
  planContext,
  type FieldOperation,
  type Plan,
  type PlanContext,
} from './planner.js';
import { settleInterrupted } from './recover.js';
import type { Action } from './store.js';
import { writeNotes } from './write-notes.js';

/**
 * Executes the actions of one connection (the caller holds their locks and has gated
 * them): settles what an interrupted run left, plans and validates each, writes all
 * their fields in one ledger submission, then their notes and notifications, and
 * finishes each. An unexpected error (a database failure, a bug) ends every action
 * it left in progress `failed` with the error recorded, and is thrown on, so a job
 * retries it.
 */
export async function executeOnConnection(
  deps: EngineDeps,
  workspaceId: string,
  connectionId: string,
  actions: Action[],
  options: ExecuteOptions,
): Promise<ActionExecution[]> {
  // Left in progress by a process that stopped: what it wrote is settled before the rerun.
  const interrupted = actions.filter((action) => action.status === 'in_progress');
  const executions = new Map<string, string>();
  try {
    return await runOnConnection(deps, workspaceId, connectionId, actions, options, {
      interrupted,
      executions,
    });
  } catch (error) {
    await failUnfinished(deps, actions, executions, options, error);
    throw error;
  }
}

/**
 * Ends as `failed`, with the error, each of these actions still in progress. If the
 * database is unreachable this fails too; the action is then taken up as interrupted
 * by the job's retry or the next start (`queueInterruptedExecutions`).
 */
async function failUnfinished(
  deps: EngineDeps,
  actions: Action[],
  executions: Map<string, string>,
  options: ExecuteOptions,
  error: unknown,
): Promise<void> {
  const { pool, log } = deps;
  try {
    const { rows } = await pool.query<{ id: string }>(
      `select id from actions where id = any($1::uuid[]) and status = 'in_progress'`,
      [actions.map((action) => action.id)],
    );
    const unfinished = new Set(rows.map((row) => row.id));
    for (const action of actions) {
      if (!unfinished.has(action.id)) continue;
      const executionId =
        executions.get(action.id) ?? (await startExecution(pool, action, 'execute', options));
      await finish(pool, action, executionId, options.actor, {
        outcome: 'failed',
        operations: [],
        errors: [{ code: 'execution_error', message: errorMessage(error) }],
        retryable: error instanceof CrmError && error.retryable,
      });
    }
    log?.error(
      { err: error, actionIds: [...unfinished] },
      'action execution failed; its actions are marked failed',
    );
  } catch (recordError) {
    log?.error(
      { err: error, recordError, actionIds: actions.map((action) => action.id) },
      'action execution failed and could not be recorded; the actions stay in progress',
    );
  }
}

async function runOnConnection(
  deps: EngineDeps,
  workspaceId: string,
  connectionId: string,
  actions: Action[],
  options: ExecuteOptions,
  { interrupted, executions }: { interrupted: Action[]; executions: Map<string, string> },
): Promise<ActionExecution[]> {
  const { pool } = deps;
  // Each action: in progress, with an execution row.
  for (const action of actions) {
    if (action.status !== 'in_progress') {
      await moveTo(pool, action, 'in_progress', options.actor, 'execution_started');
    }
    executions.set(action.id, await startExecution(pool, action, 'execute', options));
  }

  const finishAll = (code: string, error: unknown, outcome: 'failed' | 'partial') =>
    Promise.all(
      actions.map((action) =>
        finish(pool, action, executions.get(action.id)!, options.actor, {
          outcome,
          operations: [],
          errors: [{ code, message: errorMessage(error) }],
          retryable: outcome === 'partial' && error instanceof CrmError && error.retryable,
        }),
      ),
    );

  let opened: OpenedConnector;
  try {
    if (!connectionId)
      throw new HttpError(409, 'no_connection', 'The action names no CRM connection');
    opened = await openConnector(deps, workspaceId, connectionId);
  } catch (error) {
    return finishAll('connection_unavailable', error, 'failed');
  }
  let ctx: PlanContext;
  let pipelines: Map<string, string | null>;
  try {
    await settleInterrupted(pool, opened, interrupted);
    ctx = planContext(opened.connector, await stageMappingOf(pool, workspaceId, connectionId));
    pipelines = await dealPipelines(ctx, actions);
  } catch (error) {
    return finishAll('crm_unavailable', error, 'partial');
  }

  // Deals to create go their own way: records made, not fields written.
  const results: ActionExecution[] = await executeCreateDeals(
    deps,
    opened,
    ctx,
    actions.filter((action) => action.actionType === CREATE_DEAL),
    executions,
    options,
  );

  // Plan and validate every action before any write.
  const plans = new Map<string, Plan>();
  const valid: Action[] = [];
  for (const action of actions) {
    if (action.actionType === CREATE_DEAL) continue;
    let plan: Plan;
    try {
      plan = await planAction(ctx, action, pipelines.get(action.targetSourceId));
    } catch (error) {
      results.push(
        await finish(pool, action, executions.get(action.id)!, options.actor, {
          outcome: 'partial',
          operations: [],
          errors: [{ code: 'crm_unavailable', message: errorMessage(error) }],
          retryable: error instanceof CrmError ? error.retryable : false,
        }),
      );
      continue;
    }
    if (plan.errors.length > 0) {
      results.push(
        await finish(pool, action, executions.get(action.id)!, options.actor, {
          outcome: 'invalid',
          operations: [],
          errors: plan.errors,
          retryable: false,
        }),
      );
      continue;
    }
    plans.set(action.id, plan);
    valid.push(action);
  }

  // Every field of every valid action in one ledger submission: coalesced batch calls.
  const changes: FieldChange[] = [];
  for (const action of valid) {
    for (const op of plans.get(action.id)!.operations) {
      if (op.kind !== 'field_update') continue;
      changes.push({
        objectType: op.objectType,
        recordId: op.recordId,
        field: op.crmField,
        value: op.value,
        originId: action.id,
        idempotencyKey: fieldKey(action.id, op),
      });
    }
  }
  const entries = new Map<string, WriteLogEntry>();
  let writeError: unknown;
  if (changes.length > 0) {
    try {
      const report = await writeFields(
        { pool, ...opened },
        { type: 'action', actor: options.actor },
        dedupeCells(changes),
      );
      for (const entry of report.entries) entries.set(entry.idempotencyKey, entry);
    } catch (error) {
      writeError = error;
    }
  }

  // Per action: its field results, then its note and notifications if all fields landed.
  const noteFor: { action: Action; body: string }[] = [];
  const fieldResults = new Map<string, OperationResult[]>();
  for (const action of valid) {
    const ops = plans
      .get(action.id)!
      .operations.filter((op): op is FieldOperation => op.kind === 'field_update');
    const opResults = ops.map((op): OperationResult => {
      const entry = entries.get(fieldKey(action.id, op));
      if (!entry) {
        return {
          kind: 'field_update',
          field: op.field,
          crmField: op.crmField,
          after: op.value,
          status: 'pending',
          error: {
            kind: writeError instanceof CrmError ? writeError.kind : null,
            message: writeError ? errorMessage(writeError) : 'Not written',
            retryable: writeError instanceof CrmError ? writeError.retryable : true,
          },
        };
      }
      return {
        kind: 'field_update',
        field: op.field,
        crmField: op.crmField,
        before: entry.valueBefore,
        after: entry.valueToWrite,
        status: entry.status,
        ...(entry.error
          ? {
              error: {
                kind: entry.error.kind,
                message: entry.error.message,
                field: entry.error.field ?? null,
                retryable: entry.error.retryable,
              },
            }
          : {}),
      };
    });
    fieldResults.set(action.id, opResults);
    const allLanded = opResults.every((r) => r.status === 'written' || r.status === 'unchanged');
    if (allLanded && plans.get(action.id)!.operations.some((op) => op.kind === 'note')) {
      noteFor.push({ action, body: auditNote(action, opResults, options.actor, new Date()) });
    }
  }
  const notes = await writeNotes(pool, opened, noteFor, executions);
  if (options.stats) options.stats.crmCalls += opened.calls();

  const managers = cachedManagerLookup(opened.connector);
  for (const action of valid) {
    const opResults = [...fieldResults.get(action.id)!];
    const plan = plans.get(action.id)!;
    if (plan.operations.some((op) => op.kind === 'note')) {
      opResults.push(notes.get(action.id) ?? { kind: 'note', status: 'skipped' });
    }
    const fieldsOk = opResults.every((r) => r.status !== 'failed' && r.status !== 'pending');
    for (const op of plan.operations) {
      if (op.kind !== 'notification') continue;
      if (fieldsOk) {
        // Sent when someone is (or already was) told; skipped when there is no one.
        const sent = await notify(pool, action, op.audience, managers);
        opResults.push({
          kind: 'notification',
          status: sent.recipients.length > 0 ? 'sent' : 'skipped',
        });
      } else {
        opResults.push({ kind: 'notification', status: 'skipped' });
      }
    }
    const failed = opResults.filter((r) => r.status === 'failed' || r.status === 'pending');
    const retryable = failed.length > 0 && failed.every((r) => r.error?.retryable !== false);
    results.push(
      await finish(pool, action, executions.get(action.id)!, options.actor, {
        outcome: failed.length === 0 ? 'executed' : retryable ? 'partial' : 'failed',
        operations: opResults,
        errors: failed.map((r) => ({
          field: r.field,
          code: r.error?.kind ?? 'failed',
          message: r.error?.message ?? 'failed',
        })),
        retryable,
      }),
    );
  }
  return results;
}

/** One ledger key per action, field and value: a re-run redoes only what did not land. */
function fieldKey(actionId: string, op: FieldOperation): string {
  return `action:${actionId}:${op.objectType}:${op.recordId}:${op.crmField}:${canonicalValue(op.value) ?? 'null'}`;
}

/**
 * Two actions changing the same field of the same record in one batch: the ledger
 * takes one change per cell, so the later action's value wins and the earlier one's
 * change is left for its own next run.
 */
function dedupeCells(changes: FieldChange[]): FieldChange[] {
  const byCell = new Map<string, FieldChange>();
  for (const change of changes)
    byCell.set(`${change.objectType}/${change.recordId}/${change.field}`, change);
  return [...byCell.values()];
}
