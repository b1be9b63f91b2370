import type { CrmErrorJson } from '../errors.js';
import type { CrmObjectType, CrmType, CrmValue } from '../port.js';

export type OriginType = 'action' | 'writeback' | 'flow' | 'person' | 'undo' | 'system';
export const ORIGIN_TYPES: readonly OriginType[] = [
  'action',
  'writeback',
  'flow',
  'person',
  'undo',
  'system',
];

export type WriteStatus = 'pending' | 'written' | 'unchanged' | 'failed';
export const WRITE_STATUSES: readonly WriteStatus[] = ['pending', 'written', 'unchanged', 'failed'];

/** One field of one CRM record to set, and why. Field names are the CRM's own. */
export interface FieldChange {
  objectType: CrmObjectType;
  recordId: string;
  field: string;
  value: CrmValue;
  /**
   * The CRM's current value when the caller has just read it; the ledger reads it
   * (one batch read per 100-200 records) when absent.
   */
  valueBefore?: CrmValue;
  /**
   * Names this change for exactly-once effect: submitting a change whose key the
   * ledger already holds returns the recorded outcome instead of writing again.
   * Defaults to a hash of origin, record, field and value.
   */
  idempotencyKey?: string;
  /**
   * The origin id of this change when one submission carries changes of several
   * origins of the submission's type (a batch of actions); the submission's otherwise.
   */
  originId?: string;
}

export interface WriteOrigin {
  type: OriginType;
  /** The action, run, flow step or person id. */
  id?: string | null;
  /** Who asked: a user id or email, `system` for schedules. */
  actor?: string | null;
}

/** A row of the ledger as the API shows it. */
export interface WriteLogEntry {
  id: number;
  workspaceId: string;
  connectionId: string | null;
  crmType: CrmType;
  objectType: CrmObjectType;
  recordId: string;
  field: string;
  valueBefore: CrmValue;
  valueToWrite: CrmValue;
  originType: OriginType;
  originId: string | null;
  actor: string | null;
  idempotencyKey: string;
  status: WriteStatus;
  batchId: string | null;
  attempts: number;
  error: CrmErrorJson | null;
  settledBy: 'response' | 'read_back' | 'no_call' | null;
  createdAt: string;
  updatedAt: string;
  settledAt: string | null;
}

export interface WriteReport {
  entries: WriteLogEntry[];
  written: number;
  unchanged: number;
  failed: number;
  pending: number;
  /** CRM calls this submission made (reads and writes). */
  calls: number;
}
