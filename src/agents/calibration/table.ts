import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 277, next_step 301, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (792 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl; right/proposed: amount:final 160/175, amount:later 38/43, close_date:final 167/179, close_date:later 52/59, competitors:final 96/97, competitors:later 8/8, next_step:final 291/441, next_step:later 5/8, stage:final 95/135, stage:later 6/8): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 8 calls and the pooled hand-written share q = 0.796 worth v = 5 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.383, b = 1.123, the Platt scaling under which the proposals on calls written blind and never read are most likely (320 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl; 494/581 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.356, b = 1.079; amount a = 0.392, b = 1.099; stage a = 0.546, b = 0.75; next_step a = 0.444, b = 1.35; competitors a = 0.279, b = 1.108)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.861,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.787,
        n: 15,
      },
      {
        min: 0.66,
        p: 0.891,
        n: 15,
      },
      {
        min: 0.67,
        p: 0.905,
        n: 145,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.845,
        n: 44,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.838,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.858,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.872,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.789,
        n: 14,
      },
      {
        min: 0.68,
        p: 0.904,
        n: 165,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.82,
        n: 11,
      },
      {
        min: 0.75,
        p: 0.871,
        n: 48,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.856,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.901,
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
        p: 0.731,
        n: 99,
      },
      {
        min: 0.65,
        p: 0.913,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.699,
        n: 104,
      },
      {
        min: 0.5,
        p: 0.845,
        n: 128,
      },
      {
        min: 0.69,
        p: 0.866,
        n: 27,
      },
      {
        min: 0.7,
        p: 0.894,
        n: 155,
      },
      {
        min: 0.84,
        p: 0.918,
        n: 27,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.838,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.601,
        n: 41,
      },
      {
        min: 0.75,
        p: 0.732,
        n: 52,
      },
      {
        min: 0.8,
        p: 0.886,
        n: 184,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.691,
        n: 66,
      },
      {
        min: 0.8,
        p: 0.786,
        n: 30,
      },
      {
        min: 0.86,
        p: 0.932,
        n: 39,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.793,
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
