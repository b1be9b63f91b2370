import { describe, expect, it } from 'vitest';
import {
  nextStep,
  verdictOf,
  type OpenFinding,
  type Thresholds,
  type Timing,
} from './lifecycle.js';

const failureRate: Thresholds = { direction: 'above', fireAt: 0.2, recoverAt: 0.1, minSample: 10 };
const confidence: Thresholds = { direction: 'below', fireAt: 0.6, recoverAt: 0.65, minSample: 10 };
const timing: Timing = { pendingMs: 10 * 60_000, renotifyMs: 4 * 3_600_000 };

/** A fake clock: minutes after a fixed start. */
const start = Date.UTC(2026, 10, 2, 9, 0);
const at = (minutes: number) => new Date(start + minutes * 60_000);

describe('verdictOf', () => {
  it('fires strictly past the threshold, with the minimum sample', () => {
    expect(verdictOf({ value: 0.21, sampleSize: 10 }, failureRate)).toBe('breach');
    expect(verdictOf({ value: 0.2, sampleSize: 10 }, failureRate)).toBe('hold');
    expect(verdictOf({ value: 0.9, sampleSize: 9 }, failureRate)).toBe('unknown');
    expect(verdictOf({ value: 0.59, sampleSize: 12 }, confidence)).toBe('breach');
  });

  it('clears only at the lower recovery threshold (hysteresis)', () => {
    expect(verdictOf({ value: 0.15, sampleSize: 20 }, failureRate)).toBe('hold');
    expect(verdictOf({ value: 0.1, sampleSize: 20 }, failureRate)).toBe('recover');
    expect(verdictOf({ value: 0.62, sampleSize: 20 }, confidence)).toBe('hold');
    expect(verdictOf({ value: 0.65, sampleSize: 20 }, confidence)).toBe('recover');
    expect(verdictOf({ value: 0, sampleSize: 3 }, failureRate)).toBe('unknown');
  });

  it('lets a rule clear on a smaller sample than it fires on', () => {
    const intake: Thresholds = {
      direction: 'below',
      fireAt: 1,
      recoverAt: 1,
      minSample: 5,
      minSampleToRecover: 0,
    };
    expect(verdictOf({ value: 0, sampleSize: 2 }, intake)).toBe('unknown');
    expect(verdictOf({ value: 0, sampleSize: 6 }, intake)).toBe('breach');
    expect(verdictOf({ value: 3, sampleSize: 0 }, intake)).toBe('recover');
  });
});

describe('nextStep over time', () => {
  it('opens pending, fires after the pending period, re-notifies at its interval, and resolves on recovery', () => {
    let open: OpenFinding | null = null;
    const steps: string[] = [];
    const run = (minutes: number, verdict: Parameters<typeof nextStep>[1]) => {
      const now = at(minutes);
      const step = nextStep(open, verdict, timing, now);
      steps.push(`${minutes}:${step}`);
      if (step === 'open') open = { status: 'pending', firstSeenAt: now, lastNotifiedAt: null };
      if (step === 'fire' || step === 'renotify')
        open = { ...open!, status: 'active', lastNotifiedAt: now };
      if (step === 'resolve') open = null;
    };
    run(0, 'recover');
    run(5, 'breach');
    run(10, 'breach');
    run(14, 'hold');
    run(15, 'breach');
    run(60, 'breach');
    run(15 + 239, 'breach');
    run(15 + 240, 'breach');
    run(300, 'hold');
    run(305, 'unknown');
    run(310, 'recover');
    run(315, 'hold');
    expect(steps).toEqual([
      '0:none',
      '5:open',
      '10:refresh',
      '14:refresh',
      '15:fire',
      '60:refresh',
      '254:refresh',
      '255:renotify',
      '300:refresh',
      '305:none',
      '310:resolve',
      '315:none',
    ]);
  });

  it('fires at once without a pending period, and never re-notifies an acknowledged finding', () => {
    expect(nextStep(null, 'breach', { pendingMs: 0, renotifyMs: 60_000 }, at(0))).toBe(
      'open_and_fire',
    );
    const acknowledged: OpenFinding = {
      status: 'acknowledged',
      firstSeenAt: at(0),
      lastNotifiedAt: at(0),
    };
    expect(nextStep(acknowledged, 'breach', timing, at(24 * 60))).toBe('refresh');
    expect(nextStep(acknowledged, 'recover', timing, at(24 * 60))).toBe('resolve');
  });

  it('drops a pending finding that recovers before it fires', () => {
    const pending: OpenFinding = { status: 'pending', firstSeenAt: at(0), lastNotifiedAt: null };
    expect(nextStep(pending, 'recover', timing, at(3))).toBe('resolve');
  });
});
