/**
 * The anomaly lifecycle as pure decisions, so the timing is tested with a fake clock:
 * pending (the condition holds, not yet for long enough) -> active (fired: people are
 * told) -> acknowledged (a person is on it) -> resolved (by a person, or by recovery).
 */

export const ANOMALY_STATUSES = ['pending', 'active', 'acknowledged', 'resolved'] as const;
export type AnomalyStatus = (typeof ANOMALY_STATUSES)[number];
export const ANOMALY_SEVERITIES = ['info', 'warning', 'error'] as const;
export type AnomalySeverity = (typeof ANOMALY_SEVERITIES)[number];

/** Which side of the threshold is bad. */
export type Direction = 'above' | 'below';

export interface Thresholds {
  direction: Direction;
  /** Fires past this (strictly): above it for `above`, below it for `below`. */
  fireAt: number;
  /**
   * Clears only once back at or past this, on the good side of `fireAt` (hysteresis): a
   * value between the two leaves the finding as it is, so it does not flap at the line.
   */
  recoverAt: number;
  /** Fewer observations than this decide nothing. */
  minSample: number;
  /** Recovery may need fewer (intake: one meeting delivered ends "stopped"). */
  minSampleToRecover?: number;
}

export interface Timing {
  /** How long the condition must hold before the finding fires. */
  pendingMs: number;
  /** While active, people are told again this often. */
  renotifyMs: number;
}

export type Verdict = 'breach' | 'hold' | 'recover' | 'unknown';

/** What one measurement says against the thresholds. */
export function verdictOf(measure: { value: number; sampleSize: number }, t: Thresholds): Verdict {
  const bad = t.direction === 'above' ? measure.value > t.fireAt : measure.value < t.fireAt;
  const good =
    t.direction === 'above' ? measure.value <= t.recoverAt : measure.value >= t.recoverAt;
  if (bad) return measure.sampleSize >= t.minSample ? 'breach' : 'unknown';
  if (good)
    return measure.sampleSize >= (t.minSampleToRecover ?? t.minSample) ? 'recover' : 'unknown';
  return measure.sampleSize >= t.minSample ? 'hold' : 'unknown';
}

export interface OpenFinding {
  status: Exclude<AnomalyStatus, 'resolved'>;
  firstSeenAt: Date;
  lastNotifiedAt: Date | null;
}

export type Step =
  /** Nothing to do (nothing open and nothing wrong, or too little data). */
  | 'none'
  /** Open a pending finding. */
  | 'open'
  /** Open it and fire at once (a rule without a pending period). */
  | 'open_and_fire'
  /** Keep it open with the new measurement. */
  | 'refresh'
  /** Pending long enough: fire. */
  | 'fire'
  /** Active, still wrong, and not told for `renotifyMs`: tell again. */
  | 'renotify'
  /** Back on the good side: resolved by recovery. */
  | 'resolve';

/** The next step for one rule and scope, from what is open and what was just measured. */
export function nextStep(
  open: OpenFinding | null,
  verdict: Verdict,
  timing: Timing,
  now: Date,
): Step {
  if (verdict === 'unknown') return 'none';
  if (!open) {
    if (verdict !== 'breach') return 'none';
    return timing.pendingMs <= 0 ? 'open_and_fire' : 'open';
  }
  if (verdict === 'recover') return 'resolve';
  if (verdict === 'hold') return 'refresh';
  switch (open.status) {
    case 'pending':
      return now.getTime() - open.firstSeenAt.getTime() >= timing.pendingMs ? 'fire' : 'refresh';
    case 'active':
      return !open.lastNotifiedAt ||
        now.getTime() - open.lastNotifiedAt.getTime() >= timing.renotifyMs
        ? 'renotify'
        : 'refresh';
    case 'acknowledged':
      // Someone is on it: keep the data fresh, tell nobody again.
      return 'refresh';
  }
}
