import { FIELDS } from './cases.js';
import type { FieldRule, FieldRules } from './core-types.js';

/**
 * What happens to a proposed value: applied, sent to a person, or dropped. A wrong
 * automatic write is worse than none, so 'auto' needs a calibrated confidence at the
 * threshold and a match the core is as sure of.
 */

/**
 * Default auto-apply threshold on calibrated confidence: the 98% an automatic write
 * needs. A calibrated 0.93 is right 93 times in 100, so any lower bar would write wrong
 * values more often than the agent promises. The calibration table never goes above
 * 0.97 (`FITTED_CAP`: on sets written blind, a stage mapped to 0.98 was right 5 times in
 * 6), so by default nothing is written without a person; an admin turns a field to auto
 * once its shadow precision has earned it (trust.ts), with the threshold they choose.
 */
export const DEFAULT_AUTO_THRESHOLD = 0.98;

/** A matched deal below this is never updated automatically, whatever the field. */
export const MIN_AUTO_MATCH_CONFIDENCE = 0.9;

/**
 * Eval fields a person confirms unless the agent's rules say otherwise. A next step is
 * free text: the scorer, and the CRM, can check a date or a figure but not whether a
 * sentence says what was agreed, and on hand-written calls it was the field most often
 * wrong at a confidence the generated set calls certain (calibration/README.md). An
 * amount was wrong in 4 of its 26 hand-written values (another budget, a figure read
 * in the wrong locale) and a close date in 20 of 283 on the generated holdout (0.936
 * calibrated): below the 98% an automatic write needs, so a person confirms them.
 */
export const ASK_BY_DEFAULT: readonly string[] = ['next_step', 'amount', 'close_date'];

/**
 * The rule of a field: its own, else 'ask' for ASK_BY_DEFAULT and fields outside the
 * eval's five, else 'auto' at the default threshold.
 */
export function ruleFor(field: string, rules: FieldRules | undefined): FieldRule {
  const own = rules?.[field];
  if (own) return own;
  return (FIELDS as readonly string[]).includes(field) && !ASK_BY_DEFAULT.includes(field)
    ? { rule: 'auto', threshold: DEFAULT_AUTO_THRESHOLD }
    : { rule: 'ask', threshold: 1 };
}

/** 'auto_apply', 'inbox', or null when the field is never to be touched. */
export function decide(
  field: string,
  confidence: number,
  matchConfidence: number,
  rules: FieldRules | undefined,
): 'auto_apply' | 'inbox' | null {
  const { rule, threshold } = ruleFor(field, rules);
  if (rule === 'never') return null;
  if (rule === 'ask') return 'inbox';
  return confidence >= threshold && matchConfidence >= MIN_AUTO_MATCH_CONFIDENCE
    ? 'auto_apply'
    : 'inbox';
}
