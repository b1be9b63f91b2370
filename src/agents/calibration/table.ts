import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 277, next_step 301, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (712 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl; right/proposed: amount:final 150/162, amount:later 34/36, close_date:final 149/158, close_date:later 39/45, competitors:final 86/86, competitors:later 7/7, next_step:final 256/396, next_step:later 5/7, stage:final 84/119, stage:later 5/7): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 5 calls and the pooled hand-written share q = 0.796 worth v = 2 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.281, b = 1.069, the Platt scaling under which the proposals on calls written blind and never read are most likely (400 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl; 575/695 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.281, b = 1.123; amount a = 0.266, b = 1.017; stage a = 0.32, b = 0.509; next_step a = 0.362, b = 1.331; competitors a = 0.214, b = 1.079)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.823,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.76,
        n: 12,
      },
      {
        min: 0.66,
        p: 0.847,
        n: 15,
      },
      {
        min: 0.67,
        p: 0.867,
        n: 135,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.8,
        n: 8,
      },
      {
        min: 0.71,
        p: 0.891,
        n: 28,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.829,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.85,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.866,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.806,
        n: 12,
      },
      {
        min: 0.68,
        p: 0.886,
        n: 146,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.837,
        n: 21,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.84,
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
        p: 0.854,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.712,
        n: 99,
      },
      {
        min: 0.65,
        p: 0.902,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.694,
        n: 93,
      },
      {
        min: 0.5,
        p: 0.83,
        n: 119,
      },
      {
        min: 0.69,
        p: 0.845,
        n: 24,
      },
      {
        min: 0.7,
        p: 0.866,
        n: 15,
      },
      {
        min: 0.8,
        p: 0.881,
        n: 120,
      },
      {
        min: 0.84,
        p: 0.897,
        n: 25,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.834,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.55,
        n: 41,
      },
      {
        min: 0.75,
        p: 0.65,
        n: 52,
      },
      {
        min: 0.8,
        p: 0.795,
        n: 184,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.638,
        n: 60,
      },
      {
        min: 0.8,
        p: 0.695,
        n: 26,
      },
      {
        min: 0.86,
        p: 0.825,
        n: 33,
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
