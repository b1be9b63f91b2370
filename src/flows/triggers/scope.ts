/**
 * The scope check triggers apply before starting a member's automation: the steps' own
 * (`resolveRecord` in src/flows/steps/records.ts, one SQL query per record type), so a
 * trigger and a step can never disagree about whose record it is.
 */
import type { Queryable } from '../../db/pool.js';
import { resolveRecord } from '../steps/records.js';
import { FlowStepError } from '../types.js';
import type { RecordScope, TriggerRecord } from './start.js';

export type RecordCheck = 'owned' | 'not_owned' | 'unknown';

/** Whether the member owns `record` ('unknown': no such record in the workspace). */
export async function checkRecordScope(
  db: Queryable,
  workspaceId: string,
  scopeUserId: string,
  record: TriggerRecord,
): Promise<RecordCheck> {
  try {
    await resolveRecord(db, { workspaceId, scopeUserId }, record.type, record.id);
    return 'owned';
  } catch (error) {
    if (!(error instanceof FlowStepError)) throw error;
    return error.category === 'permission' ? 'not_owned' : 'unknown';
  }
}

export const recordInScope: RecordScope = async (db, workspaceId, scopeUserId, record) =>
  (await checkRecordScope(db, workspaceId, scopeUserId, record)) === 'owned';
