import type { SyncRun } from '../api';

export const SYNC_POLL_MS = 2_000;

// A queued sync can wait behind other jobs; after this long the console stops waiting for it.
const WATCH_MS = 5 * 60_000;

/** What "Sync now" waits for: a run that was not in the list at the click, finished. */
export interface SyncWatch {
  knownRunIds: readonly string[];
  until: number;
}

/**
 * Starts waiting for the run a click queues. Known runs are remembered by id rather
 * than compared by start time, so a clock that differs from the server's does not matter.
 */
export function startSyncWatch(runs: readonly SyncRun[] | undefined, now: number): SyncWatch {
  return { knownRunIds: (runs ?? []).map((run) => run.id), until: now + WATCH_MS };
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
