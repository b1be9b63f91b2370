import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 270, amount 219, stage 221, next_step 202, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (632 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl; right/proposed: amount:final 102/113, amount:later 31/33, close_date 24/32, close_date:final 116/130, competitors:final 69/72, competitors:later 3/3, next_step:final 182/229, next_step:later 5/6, stage:final 56/69, stage:later 3/4): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 0 calls and the pooled hand-written share q = 0.854 worth v = 30 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.716, b = 0.584, the Platt scaling under which the proposals on calls written blind and never read are most likely (240 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl; 303/353 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.622, b = 0.657; amount a = 0.817, b = 0.686; stage a = 0.664, b = 0.437; next_step a = 0.715, b = 0.618; competitors a = 0.691, b = 0.581)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.894,
        n: 219,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.819,
        n: 12,
      },
      {
        min: 0.66,
        p: 0.892,
        n: 12,
      },
      {
        min: 0.68,
        p: 0.942,
        n: 59,
      },
      {
        min: 0.82,
        p: 0.961,
        n: 30,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.881,
        n: 10,
      },
      {
        min: 0.68,
        p: 0.981,
        n: 23,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.776,
        n: 20,
      },
      {
        min: 0.82,
        p: 0.834,
        n: 12,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.779,
        n: 8,
      },
      {
        min: 0.68,
        p: 0.88,
        n: 87,
      },
      {
        min: 0.86,
        p: 0.911,
        n: 35,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.858,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.913,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.868,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.868,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.753,
        n: 88,
      },
      {
        min: 0.69,
        p: 0.791,
        n: 21,
      },
      {
        min: 0.8,
        p: 0.902,
        n: 120,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.866,
        n: 25,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.833,
        n: 221,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.722,
        n: 20,
      },
      {
        min: 0.76,
        p: 0.754,
        n: 21,
      },
      {
        min: 0.86,
        p: 0.944,
        n: 28,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.825,
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
