import {
  duplicateField,
  FIELDS,
  firstProblem,
  PredictionSchema,
  resolveConfig,
  type AgentCase,
  type CaseConfig,
  type Prediction,
} from './cases.js';
import type { AgentCore } from './core-types.js';
import type { Ratio, Scores } from './score.js';

/** The core returned something the prediction format does not allow. */
export class CoreOutputError extends Error {
  override readonly name = 'CoreOutputError';
}

/**
 * Runs the core on each case, the meeting's start as the reference time and the case's
 * config over the file's. Each prediction is checked against the format before it is
 * written, so a core bug is reported by case, not scored as a miss.
 */
export function predictCases(
  cases: readonly AgentCase[],
  core: AgentCore,
  fileConfig: CaseConfig = {},
): Prediction[] {
  return cases.map((agentCase) => {
    const result = core({
      meeting: agentCase.meeting,
      crm: agentCase.crm,
      config: resolveConfig(fileConfig, agentCase.config),
      referenceTime: agentCase.meeting.startedAt,
    });
    // The id is the case's whatever the core returns: predictions are joined to cases by it.
    const prediction: Prediction = Object.assign({ id: agentCase.id }, result, {
      id: agentCase.id,
    });
    const problem =
      firstProblem(PredictionSchema, prediction) ??
      (duplicateField(prediction)
        ? `fields: ${duplicateField(prediction)} is proposed twice`
        : null);
    if (problem) {
      throw new CoreOutputError(
        `The core's prediction for case ${agentCase.id} is invalid: ${problem}`,
      );
    }
    return prediction;
  });
}

const share = ({ right, total, rate }: Ratio) =>
  `${right}/${total} (${rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`})`;

/** One line per figure, for people; the JSON summary follows them for scripts. */
export function scoreLines(scores: Scores): string[] {
  return [
    `cases scored: ${scores.cases}`,
    `match accuracy: ${share(scores.matchAccuracy)}`,
    ...FIELDS.map(
      (field) =>
        `${field}: precision ${share(scores.fields[field].precision)}, recall ${share(scores.fields[field].recall)}`,
    ),
    `auto-apply precision: ${share(scores.autoApplyPrecision)}`,
    `recall: ${share(scores.recall)}`,
    `calibration error (ECE, 10 bins): ${scores.calibrationError === null ? 'n/a (nothing proposed)' : scores.calibrationError.toFixed(4)}`,
  ];
}
