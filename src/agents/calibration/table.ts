import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 280, amount 219, stage 221, next_step 202, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (632 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl; right/proposed: amount:final 102/113, amount:later 31/33, close_date:final 126/136, close_date:later 28/34, competitors:final 72/72, competitors:later 3/3, next_step:final 182/229, next_step:later 5/6, stage:final 56/69, stage:later 3/4): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 0 calls and the pooled hand-written share q = 0.869 worth v = 13 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.53, b = 0.764, the Platt scaling under which the proposals on calls written blind and never read are most likely (240 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl; 307/358 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.415, b = 0.807; amount a = 0.691, b = 0.88; stage a = 0.513, b = 0.613; next_step a = 0.607, b = 0.77; competitors a = 0.426, b = 0.752)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.899,
        n: 219,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.83,
        n: 12,
      },
      {
        min: 0.66,
        p: 0.89,
        n: 12,
      },
      {
        min: 0.68,
        p: 0.935,
        n: 59,
      },
      {
        min: 0.82,
        p: 0.954,
        n: 30,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.883,
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
        p: 0.831,
        n: 46,
      },
      {
        min: 0.86,
        p: 0.831,
        n: 157,
      },
      {
        min: 0.92,
        p: 0.831,
        n: 77,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.789,
        n: 10,
      },
      {
        min: 0.68,
        p: 0.879,
        n: 126,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.815,
        n: 21,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.826,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.918,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.84,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.872,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.767,
        n: 88,
      },
      {
        min: 0.69,
        p: 0.798,
        n: 21,
      },
      {
        min: 0.8,
        p: 0.894,
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
        p: 0.83,
        n: 221,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.733,
        n: 20,
      },
      {
        min: 0.76,
        p: 0.757,
        n: 21,
      },
      {
        min: 0.86,
        p: 0.921,
        n: 28,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.813,
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
