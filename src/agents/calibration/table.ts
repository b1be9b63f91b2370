import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 270, amount 219, stage 221, next_step 202, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (472 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl; right/proposed: amount:final 74/77, amount:later 27/29, close_date 17/19, close_date:final 93/96, competitors:final 46/46, competitors:later 3/3, next_step:final 107/143, next_step:later 2/2, stage:final 47/51, stage:later 2/2): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 1 calls and the pooled hand-written share q = 0.891 worth v = 8 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.441, b = 0.706, the Platt scaling under which the proposals on calls written blind and never read are most likely (160 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl; 193/229 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.341, b = 0.812; amount a = 0.592, b = 0.806; stage a = 0.231, b = 0.508; next_step a = 0.444, b = 0.761; competitors a = 0.638, b = 0.757)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.888,
        n: 219,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.873,
        n: 12,
      },
      {
        min: 0.68,
        p: 0.961,
        n: 65,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.849,
        n: 9,
      },
      {
        min: 0.68,
        p: 0.961,
        n: 20,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.822,
        n: 9,
      },
      {
        min: 0.82,
        p: 0.826,
        n: 10,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.866,
        n: 67,
      },
      {
        min: 0.86,
        p: 0.932,
        n: 29,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.898,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.967,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.914,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.85,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.722,
        n: 64,
      },
      {
        min: 0.69,
        p: 0.754,
        n: 12,
      },
      {
        min: 0.8,
        p: 0.85,
        n: 67,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.855,
        n: 25,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.736,
        n: 221,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.722,
        n: 14,
      },
      {
        min: 0.76,
        p: 0.722,
        n: 14,
      },
      {
        min: 0.86,
        p: 0.816,
        n: 23,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.744,
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
