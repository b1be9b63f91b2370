import {
  FIELDS,
  type AgentCase,
  type Amount,
  type ExpectedFields,
  type FieldName,
  type Prediction,
  type ProposedField,
} from './cases.js';

/**
 * Scores predictions against labelled cases as ../shared/agent-cases.md says under
 * "How predictions are scored". Pure: figures in, figures out; printing is the CLI's.
 */

/** A share with what it is made of; `rate` is null when there is nothing to divide by. */
export interface Ratio {
  right: number;
  total: number;
  rate: number | null;
}

export interface FieldScore {
  /** Right proposals of this field / all proposals of it. */
  precision: Ratio;
  /** Expected non-null values of this field proposed rightly / all of them. */
  recall: Ratio;
}

export interface Scores {
  /** Labelled cases scored (cases without `expected` are skipped). */
  cases: number;
  matchAccuracy: Ratio;
  fields: Record<FieldName, FieldScore>;
  autoApplyPrecision: Ratio;
  recall: Ratio;
  /** Expected calibration error over ten bins; null when nothing was proposed. */
  calibrationError: number | null;
}

const ratio = (right: number, total: number): Ratio => ({
  right,
  total,
  rate: total === 0 ? null : right / total,
});

/** The expected value of one field; absent and null both mean "nothing to change". */
function expectedValue<F extends FieldName>(
  fields: ExpectedFields | null,
  field: F,
): NonNullable<ExpectedFields[F]> | null {
  return fields?.[field] ?? null;
}

const amountOf = (amount: Amount) =>
  typeof amount === 'number' ? { value: amount, currency: null } : amount;

/** Whether a proposed value is right, by the document's rules for its field. */
export function isRight(proposal: ProposedField, expected: ExpectedFields | null): boolean {
  switch (proposal.field) {
    case 'close_date':
    case 'stage': {
      const want = expectedValue(expected, proposal.field);
      return want !== null && proposal.value === want;
    }
    case 'amount': {
      const want = expectedValue(expected, 'amount');
      if (want === null) return false;
      const got = amountOf(proposal.value);
      const { value, currency } = amountOf(want);
      return got.value === value && (currency === null || got.currency === currency);
    }
    case 'competitors': {
      const want = expectedValue(expected, 'competitors');
      if (want === null) return false;
      const got = new Set(proposal.value);
      const wanted = new Set(want);
      return got.size === wanted.size && [...wanted].every((name) => got.has(name));
    }
    case 'next_step': {
      const want = expectedValue(expected, 'next_step');
      if (want === null) return false;
      const text = proposal.value.toLowerCase();
      return want.contains.every((word) => text.includes(word.toLowerCase()));
    }
  }
}

interface Judged {
  confidence: number;
  right: boolean;
}

/**
 * Expected calibration error: proposals put in ten equal confidence bins
 * ([0, 0.1), ..., [0.9, 1], a confidence of 1 in the last), then the mean over bins of
 * |mean confidence - share right|, each bin weighted by its share of the proposals.
 */
export function calibrationError(judged: readonly Judged[]): number | null {
  if (judged.length === 0) return null;
  const bins = Array.from({ length: 10 }, () => ({ count: 0, confidence: 0, right: 0 }));
  for (const { confidence, right } of judged) {
    const bin = bins[Math.min(Math.floor(confidence * 10), 9)]!;
    bin.count += 1;
    bin.confidence += confidence;
    bin.right += right ? 1 : 0;
  }
  return bins.reduce(
    (sum, bin) =>
      bin.count === 0
        ? sum
        : sum +
          (bin.count / judged.length) *
            Math.abs(bin.confidence / bin.count - bin.right / bin.count),
    0,
  );
}

/**
 * Scores every labelled case against the prediction with its id. A labelled case
 * without a prediction counts as no match (unless none was expected) and no proposals.
 */
export function scorePredictions(
  cases: readonly AgentCase[],
  predictions: readonly Prediction[],
): Scores {
  const byId = new Map(predictions.map((prediction) => [prediction.id, prediction]));
  let labelled = 0;
  let matched = 0;
  const perField = Object.fromEntries(
    FIELDS.map((field) => [field, { proposed: 0, proposedRight: 0, expected: 0, found: 0 }]),
  ) as Record<
    FieldName,
    { proposed: number; proposedRight: number; expected: number; found: number }
  >;
  let autoApplied = 0;
  let autoAppliedRight = 0;
  const judged: Judged[] = [];

  for (const agentCase of cases) {
    const expected = agentCase.expected;
    if (!expected) continue;
    labelled += 1;
    const prediction = byId.get(agentCase.id);
    if ((prediction?.dealId ?? null) === expected.dealId) matched += 1;
    for (const field of FIELDS) {
      if (expectedValue(expected.fields, field) !== null) perField[field].expected += 1;
    }
    for (const proposal of prediction?.fields ?? []) {
      const right = isRight(proposal, expected.fields);
      const counts = perField[proposal.field];
      counts.proposed += 1;
      if (right) {
        counts.proposedRight += 1;
        counts.found += 1;
      }
      if (proposal.decision === 'auto_apply') {
        autoApplied += 1;
        if (right) autoAppliedRight += 1;
      }
      judged.push({ confidence: proposal.confidence, right });
    }
  }

  const fields = Object.fromEntries(
    FIELDS.map((field) => {
      const counts = perField[field];
      return [
        field,
        {
          precision: ratio(counts.proposedRight, counts.proposed),
          recall: ratio(counts.found, counts.expected),
        },
      ];
    }),
  ) as Record<FieldName, FieldScore>;
  const found = FIELDS.reduce((sum, field) => sum + perField[field].found, 0);
  const expectedTotal = FIELDS.reduce((sum, field) => sum + perField[field].expected, 0);

  return {
    cases: labelled,
    matchAccuracy: ratio(matched, labelled),
    fields,
    autoApplyPrecision: ratio(autoAppliedRight, autoApplied),
    recall: ratio(found, expectedTotal),
    calibrationError: calibrationError(judged),
  };
}
