/**
 * Starting a member's automation by hand. The run acts for the automation's owner, so
 * the record it is pointed at must be theirs: another rep's record is refused here
 * (403), before any run exists, as its steps would refuse it in SQL.
 */
import type pg from 'pg';
import { HttpError } from '../../errors.js';
import { checkRecordScope } from '../triggers/scope.js';
import type { StartRun, TriggerRecord } from '../triggers/start.js';
import { getUserAutomation, type AutomationViewer } from './store.js';

export interface AutomationStart {
  /** What the run reads as `{{trigger.x}}`. */
  input?: Record<string, unknown>;
  /** The record to run on (also read from `input.record`). */
  record?: TriggerRecord;
}

export async function startAutomationRun(
  pool: pg.Pool,
  startRun: StartRun,
  workspaceId: string,
  viewer: AutomationViewer,
  automationId: string,
  start: AutomationStart,
): Promise<{ runId: string }> {
  const automation = await getUserAutomation(pool, workspaceId, viewer, automationId);
  if (!automation.isActive) {
    throw new HttpError(409, 'automation_paused', 'This automation is paused: activate it first');
  }
  const record = start.record ?? asRecord(start.input?.record);
  if (record) {
    const check = await checkRecordScope(pool, workspaceId, automation.user.id, record);
    if (check === 'unknown') {
      throw new HttpError(404, 'not_found', `No ${record.type} ${record.id} in this workspace`);
    }
    if (check === 'not_owned') {
      throw new HttpError(
        403,
        'record_out_of_scope',
        `The ${record.type} ${record.id} is not one of ${automation.user.email}'s records: an automation runs only on its owner's records`,
      );
    }
  }
  return startRun(pool, {
    workspaceId,
    flowId: automation.id,
    version: automation.version,
    trigger: { type: 'manual', ...(record ? { record } : {}) },
    input: { ...start.input, ...(record ? { record } : {}) },
    startedBy: viewer.userId,
    scopeUserId: automation.user.id,
  });
}

const RECORD_TYPES = new Set(['deal', 'account', 'contact']);

/** `input.record` when it names a record; anything else there is left to the steps. */
function asRecord(value: unknown): TriggerRecord | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { type, id } = value as Record<string, unknown>;
  if (typeof type === 'string' && RECORD_TYPES.has(type) && typeof id === 'string') {
    return { type: type as TriggerRecord['type'], id };
  }
  return undefined;
}
