import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 277, next_step 301, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (952 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl; right/proposed: amount:final 187/210, amount:later 41/49, close_date:final 210/230, close_date:later 62/69, competitors:final 117/119, competitors:later 8/8, next_step:final 372/537, next_step:later 5/8, stage:final 130/180, stage:later 6/10): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 13 calls and the pooled hand-written share q = 0.801 worth v = 8 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.593, b = 0.761, the Platt scaling under which the proposals on calls written blind and never read are most likely (480 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl; 722/858 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.556, b = 0.723; amount a = 0.612, b = 0.642; stage a = 0.677, b = 0.245; next_step a = 0.695, b = 1.031; competitors a = 0.464, b = 0.746), the pull of 1, 3, 10, 30, 100, 1000 under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.054)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.856,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.633,
        n: 9,
      },
      {
        min: 0.61,
        p: 0.818,
        n: 13,
      },
      {
        min: 0.66,
        p: 0.89,
        n: 13,
      },
      {
        min: 0.67,
        p: 0.899,
        n: 164,
      },
      {
        min: 0.87,
        p: 0.938,
        n: 11,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.799,
        n: 44,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.834,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.865,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.887,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.768,
        n: 10,
      },
      {
        min: 0.65,
        p: 0.822,
        n: 8,
      },
      {
        min: 0.68,
        p: 0.889,
        n: 26,
      },
      {
        min: 0.71,
        p: 0.894,
        n: 29,
      },
      {
        min: 0.76,
        p: 0.901,
        n: 157,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.844,
        n: 19,
      },
      {
        min: 0.76,
        p: 0.886,
        n: 50,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.868,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.919,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.877,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.617,
        n: 99,
      },
      {
        min: 0.65,
        p: 0.931,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.639,
        n: 128,
      },
      {
        min: 0.5,
        p: 0.835,
        n: 154,
      },
      {
        min: 0.69,
        p: 0.89,
        n: 37,
      },
      {
        min: 0.7,
        p: 0.907,
        n: 182,
      },
      {
        min: 0.84,
        p: 0.936,
        n: 36,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.819,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.454,
        n: 42,
      },
      {
        min: 0.75,
        p: 0.644,
        n: 54,
      },
      {
        min: 0.8,
        p: 0.867,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.533,
        n: 9,
      },
      {
        min: 0.7,
        p: 0.624,
        n: 88,
      },
      {
        min: 0.8,
        p: 0.75,
        n: 37,
      },
      {
        min: 0.86,
        p: 0.938,
        n: 46,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.694,
        n: 26,
      },
    ],
  },
  match: {
    'only-deal': 0.998,
    named: 0.983,
    participants: 0.984,
  },
};
