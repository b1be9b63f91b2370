import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchRow } from './action-output.js';
import { followBatch } from './actions-backend.js';

/** A batch that waits in the queue for `queuedMs`, then runs a second, then has finished. */
function batchAfter(queuedMs: number) {
  const start = Date.now();
  return async (): Promise<BatchRow> => {
    const elapsed = Date.now() - start;
    const base = { id: 'b1', total: 2, crmCalls: 0, results: {} };
    if (elapsed < queuedMs) return { ...base, status: 'queued', done: 0, finishedAt: null };
    if (elapsed < queuedMs + 1_000)
      return { ...base, status: 'running', done: 1, finishedAt: null };
    return { ...base, status: 'succeeded', done: 2, finishedAt: new Date().toISOString() };
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('following a batch', () => {
  it('says once that a batch sits in the queue, and follows it to the end', async () => {
    vi.useFakeTimers();
    const watcher = { progress: vi.fn(), stillQueued: vi.fn() };
    const followed = followBatch(batchAfter(40_000), watcher, {
      intervalMs: 500,
      queuedNoticeMs: 15_000,
    });
    await vi.advanceTimersByTimeAsync(14_000);
    expect(watcher.stillQueued).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    const batch = await followed;
    expect(batch.status).toBe('succeeded');
    expect(watcher.stillQueued.mock.calls).toEqual([['b1']]);
    expect(watcher.progress.mock.calls[0]).toEqual([0, 2]);
    expect(watcher.progress.mock.calls).toContainEqual([1, 2]);
    expect(watcher.progress.mock.calls.at(-1)).toEqual([2, 2]);
  });

  it('says nothing of the queue when a worker takes the batch in time', async () => {
    vi.useFakeTimers();
    const watcher = { progress: vi.fn(), stillQueued: vi.fn() };
    const followed = followBatch(batchAfter(10_000), watcher, {
      intervalMs: 500,
      queuedNoticeMs: 15_000,
    });
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await followed).status).toBe('succeeded');
    expect(watcher.stillQueued).not.toHaveBeenCalled();
  });
});
