import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 231, next_step 301, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (632 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl; right/proposed: amount:final 130/141, amount:later 30/32, close_date:final 129/138, close_date:later 28/33, competitors:final 75/75, competitors:later 4/4, next_step:final 212/330, next_step:later 5/7, stage:final 65/86, stage:later 4/5): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 5 calls and the pooled hand-written share q = 0.801 worth v = 3 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.319, b = 1.136, the Platt scaling under which the proposals on calls written blind and never read are most likely (240 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl; 365/432 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.208, b = 1.186; amount a = 0.449, b = 1.038; stage a = 0.288, b = 0.765; next_step a = 0.383, b = 1.37; competitors a = 0.258, b = 1.135)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.868,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.814,
        n: 11,
      },
      {
        min: 0.66,
        p: 0.88,
        n: 8,
      },
      {
        min: 0.67,
        p: 0.914,
        n: 122,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.839,
        n: 8,
      },
      {
        min: 0.72,
        p: 0.939,
        n: 24,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.82,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.834,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.844,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.803,
        n: 12,
      },
      {
        min: 0.68,
        p: 0.863,
        n: 126,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.823,
        n: 21,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.855,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.915,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.863,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.742,
        n: 99,
      },
      {
        min: 0.65,
        p: 0.904,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.685,
        n: 76,
      },
      {
        min: 0.5,
        p: 0.831,
        n: 101,
      },
      {
        min: 0.69,
        p: 0.855,
        n: 21,
      },
      {
        min: 0.7,
        p: 0.898,
        n: 111,
      },
      {
        min: 0.84,
        p: 0.899,
        n: 21,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.844,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.742,
        n: 34,
      },
      {
        min: 0.8,
        p: 0.812,
        n: 197,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.711,
        n: 37,
      },
      {
        min: 0.8,
        p: 0.737,
        n: 20,
      },
      {
        min: 0.86,
        p: 0.849,
        n: 29,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.776,
        n: 30,
      },
    ],
  },
  match: {
    'only-deal': 0.998,
    named: 0.983,
    participants: 0.984,
  },
};
