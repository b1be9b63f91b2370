import type { ActionStatus, Severity } from '../actions/store.js';
import type { ActionRow, BatchRow, SkillRunCounts } from './action-output.js';

/** What a command hears while a batch runs. */
export interface BatchWatcher {
  progress(done: number, total: number): void;
  /** A server took the batch: it goes on there even if the CLI stops following it. */
  started?(batchId: string): void;
  /** The batch has waited in the queue a while: no worker may be running. */
  stillQueued?(batchId: string): void;
}

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
  execute(actionIds: string[], actor: string, watcher: BatchWatcher): Promise<BatchRow>;
  /** Follows a batch, whoever runs it, until it finishes. */
  watch(batchId: string, watcher: BatchWatcher): Promise<BatchRow>;
}

export interface FollowTiming {
  intervalMs: number;
  /** How long a batch may sit queued before the watcher hears of it. */
  queuedNoticeMs: number;
}

const TIMING: FollowTiming = { intervalMs: 500, queuedNoticeMs: 15_000 };

/** Polls a batch until it has finished, reporting its progress at each look. */
export async function followBatch(
  getBatch: () => Promise<BatchRow>,
  watcher: BatchWatcher,
  timing: FollowTiming = TIMING,
): Promise<BatchRow> {
  const since = Date.now();
  let noticed = false;
  for (;;) {
    const batch = await getBatch();
    watcher.progress(batch.done, batch.total);
    if (batch.finishedAt) return batch;
    if (!noticed && batch.status === 'queued' && Date.now() - since >= timing.queuedNoticeMs) {
      noticed = true;
      watcher.stillQueued?.(batch.id);
    }
    await new Promise((resolve) => setTimeout(resolve, timing.intervalMs));
  }
}
