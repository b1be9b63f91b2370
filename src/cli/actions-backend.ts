import type { ActionStatus, Severity } from '../actions/store.js';
import type { ActionRow, BatchRow, SkillRunCounts } from './action-output.js';

export type ProgressReport = (done: number, total: number) => void;

/**
 * What `pandora actions` does, on one workspace, either on the local database or
 * through a server's REST API; the commands do not care which.
 */
export interface ActionsBackend {
  /** The workspace as the user knows it, for messages. */
  readonly workspace: { id: string; slug: string };
  /** Actions, largest impact first. */
  list(filter: { status?: ActionStatus; severity?: Severity; limit: number }): Promise<ActionRow[]>;
  /** Every open action's id matching the filters. */
  openActionIds(filter: { severity?: Severity; actionType?: string }): Promise<string[]>;
  runSkill(name: string): Promise<SkillRunCounts>;
  /** Executes the actions as one batch; resolves once it has finished. */
  execute(actionIds: string[], actor: string, onProgress: ProgressReport): Promise<BatchRow>;
  /** Follows a batch, whoever runs it, until it finishes. */
  watch(batchId: string, onProgress: ProgressReport): Promise<BatchRow>;
}

/** Polls a batch until it has finished, reporting its progress at each look. */
export async function followBatch(
  getBatch: () => Promise<BatchRow>,
  onProgress: ProgressReport,
  intervalMs = 500,
): Promise<BatchRow> {
  for (;;) {
    const batch = await getBatch();
    onProgress(batch.done, batch.total);
    if (batch.finishedAt) return batch;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
