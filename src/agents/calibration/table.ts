import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 289, amount 219, stage 221, next_step 198, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (312 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl; right/proposed: amount:final 41/42, amount:later 20/20, close_date:final 49/51, close_date:later 8/8, competitors:final 17/17, competitors:later 1/1, next_step:final 14/30, stage:final 29/31, stage:later 1/1): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 0 calls and the pooled hand-written share q = 0.892 worth v = 3 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.892,
        n: 219,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.971,
        n: 182,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.986,
        n: 37,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.892,
        n: 25,
      },
      {
        min: 0.83,
        p: 0.892,
        n: 264,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.913,
        n: 9,
      },
      {
        min: 0.71,
        p: 0.953,
        n: 21,
      },
      {
        min: 0.81,
        p: 0.992,
        n: 21,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.97,
        n: 20,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.892,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.984,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.919,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.892,
        n: 198,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.376,
        n: 15,
      },
      {
        min: 0.69,
        p: 0.576,
        n: 15,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.892,
        n: 22,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.892,
        n: 221,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.883,
        n: 15,
      },
      {
        min: 0.86,
        p: 0.984,
        n: 16,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.919,
        n: 28,
      },
    ],
  },
  match: {
    'only-deal': 0.998,
    named: 0.983,
    participants: 0.984,
  },
};
