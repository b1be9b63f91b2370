import type { SyncRun } from '../api';

export const SYNC_POLL_MS = 2_000;

// A queued sync can wait behind other jobs; after this long the console stops waiting for it.
const WATCH_MS = 5 * 60_000;

/**
 * What a queued sync waits for: a run that had not finished when the watch started
 * (new, or still going), finished.
 */
export interface SyncWatch {
  /** Runs already finished at the start; they say nothing about the queued sync. */
  knownRunIds: readonly string[];
  until: number;
}

/**
 * Starts waiting for the run a click queues. Known runs are remembered by id rather
 * than compared by start time, so a clock that differs from the server's does not
 * matter. A run going at the click counts: the queue holds one sync per connection, so
 * a click while one runs may well be answered by that run.
 */
export function startSyncWatch(runs: readonly SyncRun[] | undefined, now: number): SyncWatch {
  return {
    knownRunIds: (runs ?? []).filter((run) => run.status !== 'running').map((run) => run.id),
    until: now + WATCH_MS,
  };
}

/** The run the watch waited for, once it has finished. */
export function watchedRunFinished(
  runs: readonly SyncRun[] | undefined,
  watch: SyncWatch,
): SyncRun | undefined {
  return runs?.find((run) => !watch.knownRunIds.includes(run.id) && run.status !== 'running');
}

/** Poll while a run is going, or while a click's run has not appeared and finished yet. */
export function shouldPollSyncRuns(
  runs: readonly SyncRun[] | undefined,
  watch: SyncWatch | null,
  now: number,
): boolean {
  if (runs?.some((run) => run.status === 'running')) return true;
  if (!watch || now >= watch.until) return false;
  return !watchedRunFinished(runs, watch);
}
