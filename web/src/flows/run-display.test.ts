import { describe, expect, it } from 'vitest';
import { canCancel, canRerun, timingBars } from './run-display';

describe('run display', () => {
  it('lays steps on one time axis, from the first start to the last end', () => {
    const bars = timingBars([
      {
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:01.000Z',
        durationMs: 1000,
      },
      {
        startedAt: '2026-01-01T00:00:01.000Z',
        finishedAt: '2026-01-01T00:00:04.000Z',
        durationMs: 3000,
      },
      {
        startedAt: '2026-01-01T00:00:04.000Z',
        finishedAt: '2026-01-01T00:00:04.000Z',
        durationMs: 0,
      },
    ]);
    expect(bars).toEqual([
      { offset: 0, width: 0.25 },
      { offset: 0.25, width: 0.75 },
      // A 0 ms step still shows where it ran.
      { offset: 1, width: 0.01 },
    ]);
  });

  it('runs an open step up to now', () => {
    const now = Date.parse('2026-01-01T00:00:10.000Z');
    const [bar] = timingBars(
      [{ startedAt: '2026-01-01T00:00:00.000Z', finishedAt: null, durationMs: null }],
      now,
    );
    expect(bar).toEqual({ offset: 0, width: 1 });
  });

  it('offers cancel while a run is open and rerun once it failed, timed out or was cancelled', () => {
    expect(['pending', 'running', 'waiting'].every(canCancel)).toBe(true);
    expect(['completed', 'failed', 'cancelled', 'timeout'].some(canCancel)).toBe(false);
    expect(['failed', 'timeout', 'cancelled'].every(canRerun)).toBe(true);
    expect(['completed', 'waiting', 'running'].some(canRerun)).toBe(false);
  });
});
