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
}

/** A field without a table is never worth more than this: nothing shows it is right more often. */
export const UNFITTED_CAP = 0.8;

/**
 * No fitted value goes above this, under the default auto-apply bar (decide.ts): on sets
 * written blind after the fit, a stage mapped to 0.98 was right 5 times in 6, so a rule's
 * value never writes on its own; a field earns auto-apply in shadow mode (trust.ts).
 */
export const FITTED_CAP = 0.97;

/**
 * The table's value for a raw score: the field's steps for this follow-up (see
 * features.ts) when fitted, else the field's, else the raw score under UNFITTED_CAP.
 */
export function calibrateWith(
  table: CalibrationTable,
  field: string,
  raw: number,
  follow?: FollowUp,
): number {
  const steps = (follow && table.fields[`${field}:${follow}`]) ?? table.fields[field];
  if (!steps || steps.length === 0) return Math.min(raw, UNFITTED_CAP);
  return stepAt(steps, raw);
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

export function calibrate(field: string, raw: number, follow?: FollowUp): number {
  return calibrateWith(CALIBRATION, field, raw, follow);
}

/** How sure a match of this basis is right; 0 when no deal was matched. */
export function matchConfidenceFor(basis: MatchBasis): number {
  return basis === 'ambiguous' || basis === 'none' ? 0 : CALIBRATION.match[basis];
}
