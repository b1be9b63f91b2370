import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 270, next_step 274, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (1432 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl; right/proposed: amount:final 281/322, amount:later 60/70, close_date:final 295/331, close_date:later 100/115, competitors:final 183/189, competitors:later 12/12, next_step:final 654/890, next_step:later 6/11, stage:final 223/315, stage:later 8/15): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 13 calls and the pooled hand-written share q = 0.802 worth v = 8 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.649, b = 0.475, the Platt scaling under which the proposals on calls written blind and never read are most likely (1280 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl; 1717/2128 right), then per field pulled to that map as strongly as 1 proposals (close_date a = 0.71, b = 0.011; amount a = 1.082, b = -0.389; stage a = 0.964, b = -0.118; next_step a = 0.77, b = 0.722; competitors a = 0.454, b = 0.542), then the mapped values in monotone blocks of at least 300 outside proposals, each worth its share right, (right+1)/(n+2) (0.606 on 533, 0.841 on 698, 0.873 on 328, 0.911 on 569), the pull of 1, 3, 10, 30, 100, 1000 and the block of 0, 50, 100, 200, 300, 400 under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.057); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.841,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.606,
        n: 12,
      },
      {
        min: 0.61,
        p: 0.841,
        n: 18,
      },
      {
        min: 0.66,
        p: 0.841,
        n: 32,
      },
      {
        min: 0.71,
        p: 0.873,
        n: 144,
      },
      {
        min: 0.81,
        p: 0.911,
        n: 103,
      },
      {
        min: 0.87,
        p: 0.911,
        n: 13,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.606,
        n: 12,
      },
      {
        min: 0.67,
        p: 0.841,
        n: 48,
      },
      {
        min: 0.86,
        p: 0.911,
        n: 10,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.606,
        n: 45,
      },
      {
        min: 0.86,
        p: 0.841,
        n: 156,
      },
      {
        min: 0.92,
        p: 0.841,
        n: 78,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.606,
        n: 26,
      },
      {
        min: 0.68,
        p: 0.841,
        n: 88,
      },
      {
        min: 0.76,
        p: 0.841,
        n: 217,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.606,
        n: 22,
      },
      {
        min: 0.73,
        p: 0.606,
        n: 12,
      },
      {
        min: 0.76,
        p: 0.841,
        n: 81,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.841,
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
        p: 0.873,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.606,
        n: 72,
      },
      {
        min: 0.65,
        p: 0.911,
        n: 202,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.606,
        n: 211,
      },
      {
        min: 0.5,
        p: 0.606,
        n: 10,
      },
      {
        min: 0.54,
        p: 0.841,
        n: 224,
      },
      {
        min: 0.69,
        p: 0.911,
        n: 59,
      },
      {
        min: 0.7,
        p: 0.911,
        n: 318,
      },
      {
        min: 0.84,
        p: 0.911,
        n: 68,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.606,
        n: 35,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.606,
        n: 89,
      },
      {
        min: 0.8,
        p: 0.911,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.606,
        n: 20,
      },
      {
        min: 0.7,
        p: 0.606,
        n: 165,
      },
      {
        min: 0.8,
        p: 0.606,
        n: 64,
      },
      {
        min: 0.86,
        p: 0.911,
        n: 66,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.606,
        n: 27,
      },
    ],
  },
  match: {
    'only-deal': 0.998,
    named: 0.983,
    participants: 0.984,
  },
};
