import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 302, amount 216, stage 221, next_step 198, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (152 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl; right/proposed: amount:final 12/13, amount:later 10/10, close_date:final 9/9, close_date:later 10/10, competitors:final 7/7, next_step:final 10/16, stage:final 14/14): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 0 calls and the pooled hand-written share q = 0.901 worth v = 2 (the weights under which the hand-written proposals are most likely)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.901,
        n: 216,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.92,
        n: 156,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.984,
        n: 60,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.901,
        n: 32,
      },
      {
        min: 0.84,
        p: 0.901,
        n: 270,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.982,
        n: 27,
      },
      {
        min: 0.84,
        p: 0.982,
        n: 30,
      },
      {
        min: 0.87,
        p: 0.982,
        n: 38,
      },
      {
        min: 0.89,
        p: 0.982,
        n: 41,
      },
      {
        min: 0.9,
        p: 0.982,
        n: 51,
      },
      {
        min: 0.92,
        p: 0.982,
        n: 77,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.984,
        n: 38,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.901,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.978,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.901,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.901,
        n: 198,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.656,
        n: 176,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.901,
        n: 22,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.901,
        n: 221,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.988,
        n: 193,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.901,
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
