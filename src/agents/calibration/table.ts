import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 290, next_step 301, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (1032 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl; right/proposed: amount:final 199/232, amount:later 42/51, close_date:final 225/247, close_date:later 63/70, competitors:final 123/126, competitors:later 8/8, next_step:final 415/594, next_step:later 5/8, stage:final 151/213, stage:later 7/12): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 13 calls and the pooled hand-written share q = 0.793 worth v = 8 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.522, b = 0.702, the Platt scaling under which the proposals on calls written blind and never read are most likely (720 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl; 1030/1265 right), then per field pulled to that map as strongly as 1 proposals (close_date a = 0.544, b = 0.326; amount a = 0.98, b = -0.358; stage a = 0.862, b = 0.076; next_step a = 0.721, b = 1.006; competitors a = 0.311, b = 0.865), the pull of 1, 3, 10, 30, 100, 1000 under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.075); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.809,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.338,
        n: 10,
      },
      {
        min: 0.61,
        p: 0.626,
        n: 18,
      },
      {
        min: 0.66,
        p: 0.803,
        n: 14,
      },
      {
        min: 0.67,
        p: 0.844,
        n: 47,
      },
      {
        min: 0.76,
        p: 0.851,
        n: 59,
      },
      {
        min: 0.81,
        p: 0.876,
        n: 73,
      },
      {
        min: 0.87,
        p: 0.936,
        n: 11,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.54,
        n: 9,
      },
      {
        min: 0.67,
        p: 0.816,
        n: 42,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.766,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.805,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.834,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.698,
        n: 11,
      },
      {
        min: 0.65,
        p: 0.752,
        n: 8,
      },
      {
        min: 0.68,
        p: 0.842,
        n: 27,
      },
      {
        min: 0.71,
        p: 0.85,
        n: 201,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.781,
        n: 19,
      },
      {
        min: 0.76,
        p: 0.838,
        n: 51,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.834,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.873,
        n: 143,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.842,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.604,
        n: 99,
      },
      {
        min: 0.65,
        p: 0.932,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.634,
        n: 146,
      },
      {
        min: 0.5,
        p: 0.84,
        n: 160,
      },
      {
        min: 0.69,
        p: 0.899,
        n: 41,
      },
      {
        min: 0.7,
        p: 0.91,
        n: 206,
      },
      {
        min: 0.84,
        p: 0.944,
        n: 41,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.816,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.382,
        n: 42,
      },
      {
        min: 0.75,
        p: 0.572,
        n: 67,
      },
      {
        min: 0.8,
        p: 0.892,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.405,
        n: 15,
      },
      {
        min: 0.7,
        p: 0.628,
        n: 112,
      },
      {
        min: 0.8,
        p: 0.744,
        n: 38,
      },
      {
        min: 0.86,
        p: 0.961,
        n: 48,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.655,
        n: 29,
      },
    ],
  },
  match: {
    'only-deal': 0.998,
    named: 0.983,
    participants: 0.984,
  },
};
