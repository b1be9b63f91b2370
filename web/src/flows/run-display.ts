/** How runs and step runs are shown: status colours, which can be cancelled or rerun, timing bars. */

export const RUN_STATUS_COLORS: Record<string, string> = {
  pending: 'gray',
  running: 'blue',
  waiting: 'yellow',
  completed: 'green',
  failed: 'red',
  cancelled: 'gray',
  timeout: 'orange',
  skipped: 'gray',
};

/** Statuses a run never leaves. */
export const FINISHED = new Set(['completed', 'failed', 'cancelled', 'timeout']);

export const canCancel = (status: string) => !FINISHED.has(status);
export const canRerun = (status: string) => ['failed', 'timeout', 'cancelled'].includes(status);

export interface TimedStep {
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

/**
 * Where each step's bar starts and how wide it is, as fractions of the run's span
 * (from the first step's start to the last end), so steps line up on one time axis.
 */
export function timingBars(steps: readonly TimedStep[], now = Date.now()) {
  if (steps.length === 0) return [];
  const starts = steps.map((s) => Date.parse(s.startedAt));
  const ends = steps.map((s, i) =>
    s.finishedAt
      ? Date.parse(s.finishedAt)
      : s.durationMs !== null
        ? starts[i]! + s.durationMs
        : now,
  );
  const from = Math.min(...starts);
  const span = Math.max(Math.max(...ends) - from, 1);
  return steps.map((_, i) => ({
    offset: (starts[i]! - from) / span,
    // At least a sliver: a 0 ms step still shows where it ran.
    width: Math.max((ends[i]! - starts[i]!) / span, 0.01),
  }));
}

/** A step's output or input as readable JSON. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}

export interface ApprovalRejection {
  stepKey: string;
  by: string | null;
  reason: string | null;
}

interface RunWithSteps {
  status: string;
  steps: readonly { key: string; type: string; status: string; output: unknown }[];
}

/**
 * The rejected approval that stopped a cancelled run: the run's last step to finish
 * (the ones it skipped aside) is a wait_for_approval whose decision was a rejection.
 * Null when the run was cancelled some other way, or is not cancelled.
 */
export function approvalRejection(run: RunWithSteps): ApprovalRejection | null {
  if (run.status !== 'cancelled') return null;
  const last = run.steps.filter((s) => s.status !== 'skipped').at(-1);
  if (!last || last.type !== 'wait_for_approval' || last.status !== 'completed') return null;
  const output = (last.output ?? {}) as {
    decision?: unknown;
    decidedBy?: unknown;
    reason?: unknown;
  };
  if (output.decision !== 'rejected') return null;
  return {
    stepKey: last.key,
    by: typeof output.decidedBy === 'string' ? output.decidedBy : null,
    reason: typeof output.reason === 'string' && output.reason !== '' ? output.reason : null,
  };
}
