import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 280, amount 219, stage 221, next_step 202, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (632 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl; right/proposed: amount:final 102/113, amount:later 31/33, close_date:final 126/136, close_date:later 28/34, competitors:final 69/72, competitors:later 3/3, next_step:final 182/229, next_step:later 5/6, stage:final 56/69, stage:later 3/4): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 0 calls and the pooled hand-written share q = 0.864 worth v = 30 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.62, b = 0.651, the Platt scaling under which the proposals on calls written blind and never read are most likely (240 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl; 307/358 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.473, b = 0.68; amount a = 0.76, b = 0.765; stage a = 0.59, b = 0.508; next_step a = 0.666, b = 0.681; competitors a = 0.628, b = 0.661)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.898,
        n: 219,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.823,
        n: 12,
      },
      {
        min: 0.66,
        p: 0.89,
        n: 12,
      },
      {
        min: 0.68,
        p: 0.938,
        n: 59,
      },
      {
        min: 0.82,
        p: 0.957,
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
        p: 0.979,
        n: 23,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.826,
        n: 46,
      },
      {
        min: 0.86,
        p: 0.826,
        n: 157,
      },
      {
        min: 0.92,
        p: 0.826,
        n: 77,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.778,
        n: 10,
      },
      {
        min: 0.68,
        p: 0.882,
        n: 126,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.814,
        n: 21,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.861,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.908,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.869,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.871,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.758,
        n: 88,
      },
      {
        min: 0.69,
        p: 0.794,
        n: 21,
      },
      {
        min: 0.8,
        p: 0.898,
        n: 120,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.868,
        n: 25,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.832,
        n: 221,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.725,
        n: 20,
      },
      {
        min: 0.76,
        p: 0.753,
        n: 21,
      },
      {
        min: 0.86,
        p: 0.934,
        n: 28,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.823,
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
