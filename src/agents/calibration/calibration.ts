import type { MatchBasis } from '../match/match-deal.js';
import type { FollowUp } from './features.js';
import { CALIBRATION } from './table.js';

/**
 * Raw extractor scores -> calibrated confidences, per field, from a monotone table
 * fitted on the generated labelled set (scripts/agent-calibrate.ts; how in README.md).
 */

/** One step of a monotone map: raw scores from `min` up are worth `p`. */
export interface Step {
  min: number;
  p: number;
  /** Proposals of the fit split in this step, for whoever judges the table. */
  n: number;
}

export interface CalibrationTable {
  /** How and on what the table was fitted, in words. */
  fittedOn: string;
  /** Keyed by field, or by `field:final` / `field:later` when fitted apart. */
  fields: Record<string, readonly Step[]>;
  /** How often a match of each basis was right on the fit split. */
  match: Record<Exclude<MatchBasis, 'ambiguous' | 'none'>, number>;
  /** How a call's length moves a fitted value; the steps are worth `reference` words. */
  length?: LengthTerm;
  /**
   * The last step: the value, after the length term, read off a few wide levels, each
   * worth its share right on the outside proposals (README.md, "Final levels").
   */
  final?: readonly Step[];
}

/**
 * Longer calls are read wrong more often at the same raw score: more figures, dates and
 * names to take the wrong one from (README.md, "Call length"). A fitted value p becomes
 * 1 / (1 + exp(-(logit(p) + perDoubling * log2(w / reference)))), w the call's words
 * held within [min, max]: outside that range the fit saw too few calls to say more.
 */
export interface LengthTerm {
  perDoubling: number;
  reference: number;
  min: number;
  max: number;
}

/** log(p / (1 - p)), with p held within [0.001, 0.999] so that it stays finite. */
export function logit(p: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
}

/** The logit shift a call of `words` words gets under `term`. */
export function lengthShift(term: LengthTerm, words: number): number {
  const held = Math.min(term.max, Math.max(term.min, words));
  return term.perDoubling * Math.log2(held / term.reference);
}

/** A field without a table is never worth more than this: nothing shows it is right more often. */
export const UNFITTED_CAP = 0.8;

/**
 * No fitted value goes above this, under the default auto-apply bar (decide.ts): on sets
 * written blind after the fit, a stage mapped to 0.98 was right 5 times in 6, so a rule's
 * value never writes on its own; a field earns auto-apply in shadow mode (trust.ts).
 */
export const FITTED_CAP = 0.97;

/** What the table reads of the call besides the raw score (features.ts). */
export interface CallFeatures {
  follow?: FollowUp;
  /** Words in the transcript (`callWords`). */
  words?: number;
}

/**
 * The table's value for a raw score: the field's steps for this follow-up (see
 * features.ts) when fitted, else the field's, moved by the call's length when the table
 * has a length term; else the raw score under UNFITTED_CAP.
 */
export function calibrateWith(
  table: CalibrationTable,
  field: string,
  raw: number,
  { follow, words }: CallFeatures = {},
): number {
  const steps = (follow && table.fields[`${field}:${follow}`]) ?? table.fields[field];
  if (!steps || steps.length === 0) return Math.min(raw, UNFITTED_CAP);
  const p = stepAt(steps, raw);
  const v =
    table.length && words !== undefined
      ? Math.round(1000 / (1 + Math.exp(-(logit(p) + lengthShift(table.length, words))))) / 1000
      : p;
  return Math.min(FITTED_CAP, table.final?.length ? stepAt(table.final, v) : v);
}

/** The value of a monotone step map at `x`: the last step whose `min` is at most `x`. */
export function stepAt(steps: readonly Pick<Step, 'min' | 'p'>[], x: number): number {
  let p = steps[0]?.p ?? x;
  for (const step of steps) {
    if (x >= step.min) p = step.p;
    else break;
  }
  return p;
}

export function calibrate(field: string, raw: number, features?: CallFeatures): number {
  return calibrateWith(CALIBRATION, field, raw, features);
}

/** How sure a match of this basis is right; 0 when no deal was matched. */
export function matchConfidenceFor(basis: MatchBasis): number {
  return basis === 'ambiguous' || basis === 'none' ? 0 : CALIBRATION.match[basis];
}
