import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 277, next_step 301, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (872 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl; right/proposed: amount:final 176/195, amount:later 39/46, close_date:final 181/200, close_date:later 60/68, competitors:final 105/107, competitors:later 8/8, next_step:final 335/497, next_step:later 5/8, stage:final 120/166, stage:later 6/9): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 20 calls and the pooled hand-written share q = 0.793 worth v = 8 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.459, b = 1.013, the Platt scaling under which the proposals on calls written blind and never read are most likely (400 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl; 613/723 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.393, b = 0.96; amount a = 0.511, b = 0.964; stage a = 0.64, b = 0.533; next_step a = 0.518, b = 1.274; competitors a = 0.341, b = 0.992)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.876,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.692,
        n: 8,
      },
      {
        min: 0.61,
        p: 0.862,
        n: 11,
      },
      {
        min: 0.66,
        p: 0.916,
        n: 176,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.821,
        n: 44,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.832,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.859,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.88,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.766,
        n: 16,
      },
      {
        min: 0.68,
        p: 0.877,
        n: 44,
      },
      {
        min: 0.76,
        p: 0.881,
        n: 140,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.817,
        n: 18,
      },
      {
        min: 0.76,
        p: 0.869,
        n: 50,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.871,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.9,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.873,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.659,
        n: 99,
      },
      {
        min: 0.65,
        p: 0.927,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.692,
        n: 120,
      },
      {
        min: 0.5,
        p: 0.841,
        n: 142,
      },
      {
        min: 0.69,
        p: 0.882,
        n: 34,
      },
      {
        min: 0.7,
        p: 0.901,
        n: 168,
      },
      {
        min: 0.84,
        p: 0.933,
        n: 33,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.832,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.478,
        n: 42,
      },
      {
        min: 0.75,
        p: 0.687,
        n: 54,
      },
      {
        min: 0.8,
        p: 0.902,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.621,
        n: 8,
      },
      {
        min: 0.7,
        p: 0.678,
        n: 78,
      },
      {
        min: 0.8,
        p: 0.79,
        n: 36,
      },
      {
        min: 0.86,
        p: 0.947,
        n: 44,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.757,
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
