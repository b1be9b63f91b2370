import { describe, expect, it } from 'vitest';
import type { AgentCase, Expected, ExpectedFields, Prediction, ProposedField } from './cases.js';
import { calibrationError, isRight, scorePredictions } from './score.js';

function labelled(id: string, expected?: Expected): AgentCase {
  return {
    id,
    meeting: {
      title: 'Call',
      startedAt: '2026-10-14T16:00:00Z',
      durationSeconds: 60,
      participants: [],
      transcript: [],
    },
    crm: { accounts: [], contacts: [], deals: [] },
    ...(expected ? { expected } : {}),
  };
}

const proposal = (
  field: ProposedField['field'],
  value: ProposedField['value'],
  confidence: number,
  decision: ProposedField['decision'] = 'inbox',
) => ({ field, value, confidence, decision, quote: 'q' }) as ProposedField;

describe('isRight', () => {
  const expected: ExpectedFields = {
    close_date: '2026-12-15',
    amount: { value: 90000, currency: 'EUR' },
    stage: 'negotiation',
    next_step: { contains: ['security review', 'Friday'] },
    competitors: ['Gong', 'Clari'],
  };

  it('compares dates and stages exactly', () => {
    expect(isRight(proposal('close_date', '2026-12-15', 1), expected)).toBe(true);
    expect(isRight(proposal('close_date', '2026-12-16', 1), expected)).toBe(false);
    expect(isRight(proposal('stage', 'negotiation', 1), expected)).toBe(true);
    expect(isRight(proposal('stage', 'proposal', 1), expected)).toBe(false);
  });

  it('compares amounts exactly, and their currency when the label gives one', () => {
    expect(isRight(proposal('amount', { value: 90000, currency: 'EUR' }, 1), expected)).toBe(true);
    expect(isRight(proposal('amount', { value: 90000, currency: 'USD' }, 1), expected)).toBe(false);
    expect(isRight(proposal('amount', 90000, 1), expected)).toBe(false);
    expect(isRight(proposal('amount', { value: 90001, currency: 'EUR' }, 1), expected)).toBe(false);
    const plain: ExpectedFields = { amount: 64000 };
    expect(isRight(proposal('amount', 64000, 1), plain)).toBe(true);
    expect(isRight(proposal('amount', { value: 64000, currency: 'GBP' }, 1), plain)).toBe(true);
    expect(isRight(proposal('amount', 64000.5, 1), plain)).toBe(false);
  });

  it('compares competitors as a set', () => {
    expect(isRight(proposal('competitors', ['Clari', 'Gong'], 1), expected)).toBe(true);
    expect(isRight(proposal('competitors', ['Clari', 'Gong', 'Gong'], 1), expected)).toBe(true);
    expect(isRight(proposal('competitors', ['Clari'], 1), expected)).toBe(false);
    expect(isRight(proposal('competitors', ['Clari', 'Gong', 'Chorus'], 1), expected)).toBe(false);
    expect(isRight(proposal('competitors', [], 1), { competitors: [] })).toBe(true);
  });

  it('wants every expected word in the next step, whatever the case', () => {
    const text = 'Send the SECURITY REVIEW pack by friday';
    expect(isRight(proposal('next_step', text, 1), expected)).toBe(true);
    expect(isRight(proposal('next_step', 'Send the security review pack', 1), expected)).toBe(
      false,
    );
  });

  it('counts a proposal wrong where the label expects nothing, null or absent', () => {
    expect(isRight(proposal('stage', 'negotiation', 1), { stage: null })).toBe(false);
    expect(isRight(proposal('stage', 'negotiation', 1), {})).toBe(false);
    expect(isRight(proposal('close_date', '2026-12-15', 1), null)).toBe(false);
    expect(isRight(proposal('next_step', 'anything', 1), { next_step: null })).toBe(false);
    expect(isRight(proposal('competitors', [], 1), {})).toBe(false);
    expect(isRight(proposal('amount', 1, 1), { amount: null })).toBe(false);
  });
});

describe('calibrationError', () => {
  it('is zero when each bin is right as often as it is confident', () => {
    const judged = [
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.8, right: i < 8 })),
      ...Array.from({ length: 4 }, (_, i) => ({ confidence: 0.25, right: i < 1 })),
    ];
    expect(calibrationError(judged)).toBeCloseTo(0, 12);
  });

  it('puts a confidence of 1 in the last bin, with 0.9', () => {
    // One bin: mean confidence 0.95, half right.
    expect(
      calibrationError([
        { confidence: 1, right: true },
        { confidence: 0.9, right: false },
      ]),
    ).toBeCloseTo(0.45, 12);
  });

  it('keeps neighbouring bins apart, a lower edge belonging to the bin above', () => {
    // Bins 1 and 2: (|0.1 - 0| + |0.2 - 1|) / 2; one bin would give |0.15 - 0.5| = 0.35.
    expect(
      calibrationError([
        { confidence: 0.1, right: false },
        { confidence: 0.2, right: true },
      ]),
    ).toBeCloseTo(0.45, 12);
  });

  it('weights each bin by its share of the proposals', () => {
    // Bin 9: 3 of 4 at 0.9, all right -> |0.9 - 1| * 3/4; bin 0: 0.0 wrong -> 0 * 1/4.
    expect(
      calibrationError([
        { confidence: 0.9, right: true },
        { confidence: 0.9, right: true },
        { confidence: 0.9, right: true },
        { confidence: 0, right: false },
      ]),
    ).toBeCloseTo(0.075, 12);
  });

  it('is undefined without proposals', () => {
    expect(calibrationError([])).toBeNull();
  });
});

describe('scorePredictions', () => {
  const cases: AgentCase[] = [
    labelled('c1', {
      dealId: 'd1',
      fields: {
        close_date: '2026-12-15',
        amount: 64000,
        stage: null,
        next_step: { contains: ['security review'] },
        competitors: ['Clari'],
      },
    }),
    labelled('c2', { dealId: null, fields: null }),
    labelled('c3', {
      dealId: 'd3',
      fields: { amount: { value: 90000, currency: 'EUR' }, competitors: ['Gong', 'Clari'] },
    }),
    labelled('c4', { dealId: null, fields: null }),
    labelled('c5'),
  ];
  const predictions: Prediction[] = [
    {
      id: 'c1',
      dealId: 'd1',
      matchConfidence: 0.9,
      fields: [
        proposal('close_date', '2026-12-15', 0.95, 'auto_apply'), // right
        proposal('amount', 64000, 0.85), // right
        proposal('stage', 'negotiation', 0.75, 'auto_apply'), // wrong: expected null
        proposal('next_step', 'Send the Security Review pack', 0.65), // right
        proposal('competitors', ['Gong'], 0.95, 'auto_apply'), // wrong
      ],
    },
    {
      id: 'c2',
      dealId: 'd2', // wrong: no deal expected
      matchConfidence: 0.5,
      fields: [proposal('close_date', '2027-01-01', 0.15)], // wrong
    },
    {
      id: 'c3',
      dealId: 'd3',
      matchConfidence: 0.9,
      fields: [
        proposal('amount', { value: 90000, currency: 'USD' }, 0.92, 'auto_apply'), // wrong
        proposal('competitors', ['Clari', 'Gong', 'Gong'], 0.55), // right
      ],
    },
    // c4 has no prediction: no deal, as expected. c5 is unlabelled and not scored.
    {
      id: 'c5',
      dealId: 'd9',
      matchConfidence: 1,
      fields: [proposal('stage', 'proposal', 0.99, 'auto_apply')],
    },
  ];

  it('gives the hand-computed figures', () => {
    const scores = scorePredictions(cases, predictions);
    expect(scores.cases).toBe(4);
    expect(scores.matchAccuracy).toEqual({ right: 3, total: 4, rate: 0.75 });
    expect(scores.fields.close_date).toEqual({
      precision: { right: 1, total: 2, rate: 0.5 },
      recall: { right: 1, total: 1, rate: 1 },
    });
    expect(scores.fields.amount).toEqual({
      precision: { right: 1, total: 2, rate: 0.5 },
      recall: { right: 1, total: 2, rate: 0.5 },
    });
    expect(scores.fields.stage).toEqual({
      precision: { right: 0, total: 1, rate: 0 },
      recall: { right: 0, total: 0, rate: null },
    });
    expect(scores.fields.next_step).toEqual({
      precision: { right: 1, total: 1, rate: 1 },
      recall: { right: 1, total: 1, rate: 1 },
    });
    expect(scores.fields.competitors).toEqual({
      precision: { right: 1, total: 2, rate: 0.5 },
      recall: { right: 1, total: 2, rate: 0.5 },
    });
    expect(scores.autoApplyPrecision).toEqual({ right: 1, total: 4, rate: 0.25 });
    expect(scores.recall).toEqual({ right: 4, total: 6, rate: 4 / 6 });
    // Bins: 9 {0.95 R, 0.95 W, 0.92 W} 3/8 * |0.94 - 1/3|; 8 {0.85 R} 0.15/8;
    // 7 {0.75 W} 0.75/8; 6 {0.65 R} 0.35/8; 5 {0.55 R} 0.45/8; 1 {0.15 W} 0.15/8.
    expect(scores.calibrationError).toBeCloseTo(0.45875, 12);
  });

  it('leaves precision undefined when nothing is proposed', () => {
    const scores = scorePredictions(cases, []);
    expect(scores.matchAccuracy).toEqual({ right: 2, total: 4, rate: 0.5 });
    expect(scores.autoApplyPrecision).toEqual({ right: 0, total: 0, rate: null });
    expect(scores.recall).toEqual({ right: 0, total: 6, rate: 0 });
    expect(scores.calibrationError).toBeNull();
  });
});
