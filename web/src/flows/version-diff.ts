/**
 * What changed between two versions of a flow: the trigger, and each step by its key
 * (added, removed, changed, moved), with a line diff of the changed parts' JSON.
 */
import type { Definition, DraftStep } from './types';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type StepChange =
  | { kind: 'added'; key: string; type: string; lines: DiffLine[] }
  | { kind: 'removed'; key: string; type: string; lines: DiffLine[] }
  | { kind: 'changed'; key: string; type: string; lines: DiffLine[]; moved: boolean }
  | { kind: 'moved'; key: string; type: string; from: number; to: number };

export interface VersionDiff {
  trigger: DiffLine[] | null;
  steps: StepChange[];
  /** Nothing differs. */
  same: boolean;
}

/** Lines of `before` and `after`, in order, marked kept, removed or added (LCS). */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // lengths[i][j]: the longest common run of before[i..] and after[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] =
        before[i] === after[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      lines.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      lines.push({ kind: 'removed', text: before[i++]! });
    } else {
      lines.push({ kind: 'added', text: after[j++]! });
    }
  }
  while (i < n) lines.push({ kind: 'removed', text: before[i++]! });
  while (j < m) lines.push({ kind: 'added', text: after[j++]! });
  return lines;
}

/** JSON with keys sorted, so that key order never shows as a change. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export const jsonLines = (value: unknown): string[] =>
  value === undefined ? [] : JSON.stringify(stable(value), null, 2).split('\n');

/** A step as compared: everything but its key, which names it. */
const body = ({ key: _key, ...rest }: DraftStep) => rest;

export function diffVersions(before: Definition, after: Definition): VersionDiff {
  const triggerLines = diffLines(jsonLines(before.trigger), jsonLines(after.trigger));
  const trigger = triggerLines.some((l) => l.kind !== 'same') ? triggerLines : null;

  const oldIndex = new Map(before.steps.map((step, index) => [step.key, index]));
  const newKeys = new Set(after.steps.map((step) => step.key));
  // Order among the steps both versions have: a step moved when its rank among them changed.
  const keptOld = before.steps.filter((s) => newKeys.has(s.key)).map((s) => s.key);
  const keptNew = after.steps.filter((s) => oldIndex.has(s.key)).map((s) => s.key);

  const steps: StepChange[] = [];
  after.steps.forEach((step, index) => {
    const previousIndex = oldIndex.get(step.key);
    if (previousIndex === undefined) {
      steps.push({
        kind: 'added',
        key: step.key,
        type: step.type,
        lines: jsonLines(body(step)).map((text) => ({ kind: 'added', text })),
      });
      return;
    }
    const previous = before.steps[previousIndex]!;
    const moved = keptOld.indexOf(step.key) !== keptNew.indexOf(step.key);
    const lines = diffLines(jsonLines(body(previous)), jsonLines(body(step)));
    if (lines.some((line) => line.kind !== 'same')) {
      steps.push({ kind: 'changed', key: step.key, type: step.type, lines, moved });
    } else if (moved) {
      steps.push({ kind: 'moved', key: step.key, type: step.type, from: previousIndex, to: index });
    }
  });
  for (const step of before.steps) {
    if (newKeys.has(step.key)) continue;
    steps.push({
      kind: 'removed',
      key: step.key,
      type: step.type,
      lines: jsonLines(body(step)).map((text) => ({ kind: 'removed', text })),
    });
  }
  return { trigger, steps, same: trigger === null && steps.length === 0 };
}
