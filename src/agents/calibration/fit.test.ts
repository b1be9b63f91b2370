import { describe, expect, it } from 'vitest';
import { calibrateWith, UNFITTED_CAP, type CalibrationTable } from './calibration.js';
import { followUp } from './features.js';
import {
  fitIsotonic,
  fitLengthTerm,
  fitLevels,
  fitLogistic,
  fitPrior,
  shrinkSteps,
  type Observation,
  refineByHand,
  fitRecalibration,
  recalibrate,
} from './fit.js';
import { call } from '../extract/test-utterances.js';

const observe = (raw: number, right: number, wrong: number): Observation[] => [
  ...Array.from({ length: right }, () => ({ raw, right: true })),
  ...Array.from({ length: wrong }, () => ({ raw, right: false })),
];

describe('fitIsotonic', () => {
  it('maps raw scores to the smoothed share right, never falling as the score rises', () => {
    const steps = fitIsotonic([
      ...observe(0.5, 20, 30),
      ...observe(0.7, 45, 5),
      ...observe(0.9, 59, 1),
    ]);
    expect(steps).toEqual([
      { min: 0, p: 0.404, n: 50 },
      { min: 0.7, p: 0.885, n: 50 },
      { min: 0.9, p: 0.968, n: 60 },
    ]);
  });

  it('pools a higher score that is right less often with the one below it', () => {
    const steps = fitIsotonic([...observe(0.6, 40, 10), ...observe(0.8, 30, 20)]);
    expect(steps).toEqual([{ min: 0, p: 0.696, n: 100 }]);
  });

  it('merges a block thinner than the minimum into its neighbour', () => {
    const steps = fitIsotonic([
      ...observe(0.5, 10, 30),
      ...observe(0.6, 3, 2),
      ...observe(0.9, 40, 0),
    ]);
    expect(steps.map((s) => s.n)).toEqual([45, 40]);
    // 40 of 40 right is 41/42, not certainty.
    expect(steps[1]!.p).toBe(0.976);
  });
});

describe('shrinkSteps', () => {
  it('moves every step toward the hand-written evidence by one prior, keeping the map monotone', () => {
    const steps = [
      { min: 0, p: 0.5, n: 40 },
      { min: 0.8, p: 0.99, n: 200 },
    ];
    const shrunk = shrinkSteps(
      steps,
      { n: 10, right: 7 },
      { weight: 10, pooled: 0.9, pooledWeight: 5 },
    );
    // (10 * 0.99 + 5 * 0.9 + 7) / 25 and (10 * 0.5 + 5 * 0.9 + 7) / 25
    expect(shrunk).toEqual([
      { min: 0, p: 0.66, n: 40 },
      { min: 0.8, p: 0.856, n: 200 },
    ]);
    // Without hand-written evidence a step keeps between its generated value and the pool.
    expect(
      shrinkSteps(steps, { n: 0, right: 0 }, { weight: 5, pooled: 0.9, pooledWeight: 5 })[1]!.p,
    ).toBe(0.945);
  });
});

describe('fitPrior', () => {
  it('trusts the generated table when hand-written shares agree with it, and not when they do not', () => {
    const agree = fitPrior([
      { n: 20, right: 2, generated: 0.1 },
      { n: 20, right: 18, generated: 0.9 },
    ]);
    const disagree = fitPrior([
      { n: 20, right: 18, generated: 0.1 },
      { n: 20, right: 2, generated: 0.9 },
    ]);
    expect(agree.weight).toBeGreaterThan(disagree.weight);
    expect(disagree.weight).toBe(0);
    // The pool is the share right over all keys with the Beta(1, 1) prior: 21/42.
    expect(agree.pooled).toBe(0.5);
  });
});

describe('calibrateWith', () => {
  const table: CalibrationTable = {
    fittedOn: 'test',
    fields: {
      amount: [
        { min: 0, p: 0.3, n: 30 },
        { min: 0.8, p: 0.9, n: 30 },
      ],
      'amount:later': [{ min: 0, p: 0.2, n: 30 }],
    },
    match: { 'only-deal': 0.99, named: 0.95, participants: 0.9 },
  };

  it('takes the step the raw score falls in, the follow-up table first, and caps an unfitted field', () => {
    expect(calibrateWith(table, 'amount', 0.85)).toBe(0.9);
    expect(calibrateWith(table, 'amount', 0.79, { follow: 'final' })).toBe(0.3);
    expect(calibrateWith(table, 'amount', 0.85, { follow: 'later' })).toBe(0.2);
    expect(calibrateWith(table, 'champion', 0.99)).toBe(UNFITTED_CAP);
    expect(calibrateWith(table, 'champion', 0.5)).toBe(0.5);
  });

  it('moves a fitted value by the call length when the table has a length term', () => {
    const withLength: CalibrationTable = {
      ...table,
      length: { perDoubling: -0.5, reference: 100, min: 50, max: 400 },
    };
    // logit(0.9) = 2.197; at 200 words, one doubling: 1.697 -> 0.845.
    expect(calibrateWith(withLength, 'amount', 0.85, { words: 200 })).toBe(0.845);
    expect(calibrateWith(withLength, 'amount', 0.85, { words: 100 })).toBe(0.9);
    // Held within [50, 400]: 3,200 words count as 400, two doublings.
    expect(calibrateWith(withLength, 'amount', 0.85, { words: 3200 })).toBe(
      calibrateWith(withLength, 'amount', 0.85, { words: 400 }),
    );
    expect(calibrateWith(withLength, 'amount', 0.85, { words: 400 })).toBe(0.768);
    // Shorter calls are moved up, never past the cap of a fitted value.
    expect(calibrateWith(withLength, 'amount', 0.85, { words: 50 })).toBe(0.937);
    // No words, no move; an unfitted field is not moved.
    expect(calibrateWith(withLength, 'amount', 0.85)).toBe(0.9);
    expect(calibrateWith(withLength, 'champion', 0.5, { words: 400 })).toBe(0.5);
  });

  it('reads the value, after the length term, off the final levels', () => {
    const withLevels: CalibrationTable = {
      ...table,
      length: { perDoubling: -0.5, reference: 100, min: 50, max: 400 },
      final: [
        { min: 0, p: 0.6, n: 100 },
        { min: 0.85, p: 0.88, n: 100 },
      ],
    };
    // 0.9 at 100 words is in the upper level; moved to 0.845 at 200 words, the lower.
    expect(calibrateWith(withLevels, 'amount', 0.85, { words: 100 })).toBe(0.88);
    expect(calibrateWith(withLevels, 'amount', 0.85, { words: 200 })).toBe(0.6);
    expect(calibrateWith(withLevels, 'amount', 0.5)).toBe(0.6);
    // An unfitted field has no levels to be read off.
    expect(calibrateWith(withLevels, 'champion', 0.7)).toBe(0.7);
  });
});

describe('fitLevels', () => {
  const points = (p: number, n: number, right: number) =>
    Array.from({ length: n }, (_, i) => ({ p, right: i < right }));

  it('cuts the values into levels of about equal numbers, each worth its share right', () => {
    const levels = fitLevels(
      [...points(0.5, 100, 50), ...points(0.7, 100, 70), ...points(0.9, 100, 90)],
      3,
    );
    expect(levels).toEqual([
      { min: 0, p: 0.5, n: 100 },
      { min: 0.7, p: 0.696, n: 100 },
      { min: 0.9, p: 0.892, n: 100 },
    ]);
  });

  it('keeps tied values in one level and pools a level right less often than the one below', () => {
    const tied = fitLevels(points(0.8, 90, 72), 3);
    expect(tied).toEqual([{ min: 0, p: 0.793, n: 90 }]);
    const crossed = fitLevels([...points(0.6, 50, 40), ...points(0.9, 50, 30)], 2);
    expect(crossed).toEqual([{ min: 0, p: 0.696, n: 100 }]);
    expect(fitLevels([], 4)).toEqual([]);
  });
});

describe('fitLengthTerm', () => {
  it('finds the term per doubling that calls of each length show', () => {
    // Values of 0.8 right 90% of the time on 100-word calls and 60% on 400-word ones.
    const observations = [
      ...Array.from({ length: 100 }, (_, i) => ({ p: 0.8, right: i < 90, words: 100 })),
      ...Array.from({ length: 100 }, (_, i) => ({ p: 0.8, right: i < 60, words: 400 })),
    ];
    const { shift, term } = fitLengthTerm(observations, { reference: 100, min: 50, max: 400 });
    const at = (x: number) =>
      1 / (1 + Math.exp(-(Math.log(0.8 / 0.2) + shift + term.perDoubling * x)));
    expect(at(0)).toBeCloseTo(0.9, 2);
    expect(at(2)).toBeCloseTo(0.6, 2);
    expect(term.perDoubling).toBeLessThan(0);
  });

  it('has an answer when every call is of one length', () => {
    const observations = Array.from({ length: 100 }, (_, i) => ({
      p: 0.8,
      right: i < 60,
      words: 100,
    }));
    const { shift, term } = fitLengthTerm(observations, { reference: 100, min: 50, max: 400 });
    expect(1 / (1 + Math.exp(-(Math.log(0.8 / 0.2) + shift)))).toBeCloseTo(0.6, 2);
    expect(term.perDoubling).toBe(0);
  });
});

describe('fitLogistic', () => {
  it('finds the coefficient that made the outcomes, beside a fixed offset', () => {
    // Outcomes drawn as 1 / (1 + exp(-(0.5 + 1.5 x))) over x in [-2, 2], offset 0.5 given.
    const points = Array.from({ length: 4001 }, (_, i) => {
      const x = -2 + i / 1000;
      const q = 1 / (1 + Math.exp(-(0.5 + 1.5 * x)));
      return { offset: 0.5, x: [x], right: (i * 0.618034) % 1 < q };
    });
    expect(fitLogistic(points, [0])[0]).toBeCloseTo(1.5, 1);
  });
});

describe('followUp', () => {
  it('is later when a correction word or another figure comes after the quote', () => {
    const lines = call(
      ['external', 'We can approve $80,000 for the first year.'],
      ['internal', 'Great.'],
      ['external', 'After the finance review we can only do 70k.'],
    );
    expect(followUp('amount', lines, 0)).toBe('later');
    expect(followUp('amount', lines, 2)).toBe('final');
    expect(followUp('close_date', lines, 0)).toBe('final');
    expect(
      followUp(
        'close_date',
        call(['external', 'Sign by May 3.'], ['external', 'Scratch that.']),
        0,
      ),
    ).toBe('later');
  });
});

describe('refineByHand', () => {
  const obs = (raw: number, right: number, wrong: number) => [
    ...Array.from({ length: right }, () => ({ raw, right: true })),
    ...Array.from({ length: wrong }, () => ({ raw, right: false })),
  ];
  const flat = [{ min: 0, p: 0.5, n: 100 }];

  it('splits a key where hand-written proposals tell raw scores apart', () => {
    const refined = refineByHand(flat, [...obs(0.65, 2, 8), ...obs(0.8, 8, 2)]);
    expect(refined).toEqual([
      { min: 0, p: 0.3, n: 10 },
      { min: 0.8, p: 0.7, n: 10 },
    ]);
  });

  it('leaves a key with too few hand-written proposals as it is, and equal shares flat', () => {
    expect(refineByHand(flat, obs(0.8, 5, 2))).toEqual(flat);
    const same = refineByHand(flat, [...obs(0.65, 5, 5), ...obs(0.8, 5, 5)]);
    expect(new Set(same.map((step) => step.p))).toEqual(new Set([0.5]));
  });

  it('stays monotone when shrinking would cross the blocks over', () => {
    const rising = [
      { min: 0, p: 0.2, n: 50 },
      { min: 0.7, p: 0.9, n: 50 },
    ];
    const refined = refineByHand(rising, [...obs(0.65, 7, 3), ...obs(0.8, 8, 2)]);
    for (let i = 1; i < refined.length; i++)
      expect(refined[i]!.p).toBeGreaterThanOrEqual(refined[i - 1]!.p);
  });
});

describe('fitRecalibration', () => {
  const at = (p: number, right: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ p, right: i < right }));

  it('leaves a table that is right as often as it says about where it was', () => {
    const fit = fitRecalibration([...at(0.9, 90, 100), ...at(0.6, 60, 100)]);
    expect(recalibrate(0.9, fit)).toBeCloseTo(0.9, 1);
    expect(recalibrate(0.6, fit)).toBeCloseTo(0.6, 1);
  });

  it('pulls an over-confident table down to what the unseen calls show', () => {
    const fit = fitRecalibration([...at(0.98, 85, 100), ...at(0.7, 50, 100)]);
    expect(recalibrate(0.98, fit)).toBeGreaterThan(0.8);
    expect(recalibrate(0.98, fit)).toBeLessThan(0.9);
    // Order is kept: a higher value stays higher.
    expect(recalibrate(0.98, fit)).toBeGreaterThan(recalibrate(0.7, fit));
  });

  it('moves a field seen a few times only part of the way from the shared map', () => {
    const shared = { slope: 0.5, shift: 0.5 };
    const alone = fitRecalibration(at(0.98, 12, 12), 0.001, shared);
    const pulled = fitRecalibration(at(0.98, 12, 12), 10, shared);
    expect(recalibrate(0.98, pulled)).toBeGreaterThan(recalibrate(0.98, shared));
    expect(recalibrate(0.98, pulled)).toBeLessThan(recalibrate(0.98, alone));
  });
});
