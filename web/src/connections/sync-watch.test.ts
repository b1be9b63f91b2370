import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../api';
import { shouldPollSyncRuns, startSyncWatch, watchedRunFinished } from './sync-watch';

function run(id: string, status: SyncRun['status']): SyncRun {
  return {
    id,
    connectionId: 'c1',
    mode: 'incremental',
    trigger: 'manual',
    status,
    counts: {},
    crmCalls: 0,
    errors: [],
    startedAt: '2025-01-01T00:00:00Z',
    finishedAt: status === 'running' ? null : '2025-01-01T00:00:05Z',
    durationMs: status === 'running' ? null : 5_000,
  };
}

describe('shouldPollSyncRuns', () => {
  it('polls while any run is running, and not otherwise without a watch', () => {
    expect(shouldPollSyncRuns([run('a', 'running'), run('b', 'succeeded')], null, 0)).toBe(true);
    expect(shouldPollSyncRuns([run('b', 'succeeded')], null, 0)).toBe(false);
    expect(shouldPollSyncRuns(undefined, null, 0)).toBe(false);
  });

  it('after a click, polls until a run newer than the click has finished', () => {
    const before = [run('old', 'succeeded')];
    const watch = startSyncWatch(before, 1_000);

    expect(shouldPollSyncRuns(before, watch, 2_000)).toBe(true);
    expect(shouldPollSyncRuns([run('new', 'running'), ...before], watch, 3_000)).toBe(true);
    const after = [run('new', 'failed'), ...before];
    expect(shouldPollSyncRuns(after, watch, 4_000)).toBe(false);
    expect(watchedRunFinished(after, watch)?.id).toBe('new');
  });

  it('counts a run that was going at the click once it finishes', () => {
    const watch = startSyncWatch([run('going', 'running'), run('old', 'succeeded')], 0);
    expect(shouldPollSyncRuns([run('going', 'running')], watch, 1_000)).toBe(true);
    const after = [run('going', 'partial'), run('old', 'succeeded')];
    expect(watchedRunFinished(after, watch)?.id).toBe('going');
    expect(shouldPollSyncRuns(after, watch, 2_000)).toBe(false);
  });

  it('gives up waiting once the watch has expired', () => {
    const watch = startSyncWatch([], 0);
    expect(shouldPollSyncRuns([], watch, watch.until)).toBe(false);
  });
});
