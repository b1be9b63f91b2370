import { describe, expect, it } from 'vitest';
import { approvalRejection, canCancel, canRerun, timingBars } from './run-display';

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

  it('says a cancelled run was stopped by a rejected approval, and by whom', () => {
    const approve = {
      key: 'approve',
      type: 'wait_for_approval',
      status: 'completed',
      output: { decision: 'rejected', decidedBy: 'bo@example.com', reason: 'too much' },
    };
    const skipped = { key: 'raise', type: 'crm_integration', status: 'skipped', output: null };
    expect(approvalRejection({ status: 'cancelled', steps: [approve, skipped] })).toEqual({
      stepKey: 'approve',
      by: 'bo@example.com',
      reason: 'too much',
    });
    // Cancelled by hand while waiting, approved, or not cancelled: something else.
    expect(
      approvalRejection({
        status: 'cancelled',
        steps: [{ ...approve, status: 'cancelled', output: null }],
      }),
    ).toBeNull();
    expect(
      approvalRejection({
        status: 'cancelled',
        steps: [{ ...approve, output: { decision: 'approved' } }],
      }),
    ).toBeNull();
    expect(approvalRejection({ status: 'completed', steps: [approve, skipped] })).toBeNull();
  });
});
