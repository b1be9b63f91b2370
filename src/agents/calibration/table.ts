import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 270, amount 219, stage 221, next_step 198, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (392 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl; right/proposed: amount:final 57/58, amount:later 22/22, close_date 12/12, close_date:final 69/73, competitors:final 27/27, competitors:later 1/1, next_step:final 37/57, next_step:later 1/1, stage:final 41/43, stage:later 2/2): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 0 calls and the pooled hand-written share q = 0.906 worth v = 5 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.405, b = 0.626, the Platt scaling under which the proposals on calls written blind and never read are most likely (80 cases in test/agent/calibration/outside-fit.jsonl; 85/101 right), then per field pulled to that map as strongly as 10 proposals (close_date a = 0.47, b = 0.615; amount a = 0.302, b = 0.607; stage a = 0.326, b = 0.572; next_step a = 0.342, b = 0.715; competitors a = 0.62, b = 0.685)",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.784,
        n: 219,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.851,
        n: 182,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.862,
        n: 37,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.907,
        n: 38,
      },
      {
        min: 0.86,
        p: 0.907,
        n: 232,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.806,
        n: 10,
      },
      {
        min: 0.71,
        p: 0.881,
        n: 41,
      },
      {
        min: 0.86,
        p: 0.939,
        n: 22,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.89,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.964,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.902,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.816,
        n: 198,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.679,
        n: 28,
      },
      {
        min: 0.69,
        p: 0.757,
        n: 29,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.826,
        n: 22,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.788,
        n: 221,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.794,
        n: 22,
      },
      {
        min: 0.86,
        p: 0.888,
        n: 21,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.807,
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
