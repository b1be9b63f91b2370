import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 277, next_step 301, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (632 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl; right/proposed: amount:final 131/141, amount:later 30/32, close_date:final 129/138, close_date:later 28/33, competitors:final 75/75, competitors:later 4/4, next_step:final 212/330, next_step:later 5/7, stage:final 67/101, stage:later 4/6): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 5 calls and the pooled hand-written share q = 0.789 worth v = 2 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.363, b = 1.011, the Platt scaling under which the proposals on calls written blind and never read are most likely (240 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl; 369/443 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.249, b = 1.068; amount a = 0.479, b = 0.919; stage a = 0.459, b = 0.544; next_step a = 0.4, b = 1.328; competitors a = 0.273, b = 1.005)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.863,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.793,
        n: 10,
      },
      {
        min: 0.66,
        p: 0.879,
        n: 9,
      },
      {
        min: 0.67,
        p: 0.918,
        n: 122,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.829,
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
        p: 0.813,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.832,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.848,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.791,
        n: 12,
      },
      {
        min: 0.68,
        p: 0.864,
        n: 126,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.816,
        n: 21,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.85,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.917,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.859,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.701,
        n: 99,
      },
      {
        min: 0.65,
        p: 0.909,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.67,
        n: 76,
      },
      {
        min: 0.5,
        p: 0.827,
        n: 101,
      },
      {
        min: 0.69,
        p: 0.851,
        n: 21,
      },
      {
        min: 0.7,
        p: 0.897,
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
        p: 0.838,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.525,
        n: 41,
      },
      {
        min: 0.75,
        p: 0.668,
        n: 52,
      },
      {
        min: 0.8,
        p: 0.851,
        n: 184,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.622,
        n: 50,
      },
      {
        min: 0.8,
        p: 0.715,
        n: 23,
      },
      {
        min: 0.86,
        p: 0.872,
        n: 28,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.719,
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
