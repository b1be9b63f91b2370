/**
 * What triggers need of the engine: a way to start a run inside the caller's
 * transaction. It is the engine's `startFlowRun` (src/flows/engine/runs.ts); triggers
 * take it as a dependency so each trigger can be tested on its own.
 */
import type { Queryable } from '../../db/pool.js';

export interface StartRunInput {
  workspaceId: string;
  flowId: string;
  /** Default: the latest published version. */
  version?: number;
  trigger: Record<string, unknown> & { type: string };
  input?: Record<string, unknown>;
  startedBy?: string | null;
  scopeUserId?: string | null;
}

export type StartRun = (db: Queryable, input: StartRunInput) => Promise<{ runId: string }>;

/** A record an event is about, by Pandora id. */
export interface TriggerRecord {
  type: 'deal' | 'account' | 'contact';
  id: string;
}

/**
 * Whether `record` is one the member owns (the steps' own scope check,
 * src/flows/steps/records.ts): false for another rep's or an unknown record.
 */
export type RecordScope = (
  db: Queryable,
  workspaceId: string,
  scopeUserId: string,
  record: TriggerRecord,
) => Promise<boolean>;
