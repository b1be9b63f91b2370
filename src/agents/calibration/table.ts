import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 270, next_step 277, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (3352 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl, test/agent/labelled/eighteenth-check.jsonl, test/agent/labelled/nineteenth-check.jsonl, test/agent/labelled/twentieth-check.jsonl, test/agent/labelled/twenty-first-check.jsonl, test/agent/labelled/twenty-second-check.jsonl, test/agent/labelled/twenty-third-check.jsonl, test/agent/labelled/twenty-fourth-check.jsonl, test/agent/labelled/twenty-fifth-check.jsonl, test/agent/labelled/twenty-sixth-check.jsonl, test/agent/labelled/twenty-seventh-check.jsonl, test/agent/labelled/twenty-eighth-check.jsonl, test/agent/labelled/twenty-ninth-check.jsonl, test/agent/labelled/thirtieth-check.jsonl, test/agent/labelled/thirty-first-check.jsonl, test/agent/labelled/thirty-second-check.jsonl, test/agent/labelled/thirty-third-check.jsonl, test/agent/labelled/thirty-fourth-check.jsonl, test/agent/labelled/thirty-fifth-check.jsonl, test/agent/labelled/thirty-sixth-check.jsonl, test/agent/labelled/thirty-seventh-check.jsonl, test/agent/labelled/thirty-eighth-check.jsonl, test/agent/labelled/thirty-ninth-check.jsonl, test/agent/labelled/fortieth-check.jsonl, test/agent/labelled/forty-first-check.jsonl; right/proposed: amount:final 618/707, amount:later 119/136, close_date:final 641/717, close_date:later 241/281, competitors:final 497/536, competitors:later 42/46, next_step:final 1782/2254, next_step:later 10/19, stage:final 628/855, stage:later 19/32): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 13 calls and the pooled hand-written share q = 0.823 worth v = 20 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.696, b = 0.335, the Platt scaling under which the proposals on calls written blind and never read are most likely (4000 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl, test/agent/calibration/outside-fit-17.jsonl, test/agent/calibration/outside-fit-18.jsonl, test/agent/calibration/outside-fit-19.jsonl, test/agent/calibration/outside-fit-20.jsonl, test/agent/calibration/outside-fit-21.jsonl, test/agent/calibration/outside-fit-22.jsonl, test/agent/calibration/outside-fit-23.jsonl, test/agent/calibration/outside-fit-24.jsonl, test/agent/calibration/outside-fit-25.jsonl, test/agent/calibration/outside-fit-26.jsonl, test/agent/calibration/outside-fit-27.jsonl, test/agent/calibration/outside-fit-28.jsonl, test/agent/calibration/outside-fit-29.jsonl, test/agent/calibration/outside-fit-30.jsonl, test/agent/calibration/outside-fit-31.jsonl, test/agent/calibration/outside-fit-32.jsonl, test/agent/calibration/outside-fit-33.jsonl, test/agent/calibration/outside-fit-34.jsonl, test/agent/calibration/outside-fit-35.jsonl, test/agent/calibration/outside-fit-36.jsonl, test/agent/calibration/outside-fit-37.jsonl, test/agent/calibration/outside-fit-38.jsonl, test/agent/calibration/outside-fit-39.jsonl, test/agent/calibration/outside-fit-40.jsonl, test/agent/calibration/outside-fit-41.jsonl, test/agent/calibration/outside-fit-42.jsonl, test/agent/calibration/outside-fit-43.jsonl, test/agent/calibration/outside-fit-44.jsonl, test/agent/calibration/outside-fit-45.jsonl, test/agent/calibration/outside-fit-46.jsonl, test/agent/calibration/outside-fit-47.jsonl, test/agent/calibration/outside-fit-48.jsonl, test/agent/calibration/outside-fit-49.jsonl, test/agent/calibration/outside-fit-50.jsonl; 5592/6885 right), then per field pulled to that map as strongly as 1000 proposals (close_date a = 0.662, b = 0.312; amount a = 0.678, b = 0.315; stage a = 0.653, b = 0.302; next_step a = 0.808, b = 0.399; competitors a = 0.629, b = 0.307), then the mapped values in monotone blocks of at least 200 outside proposals, each worth its share right, (right+1)/(n+2) (0.562 on 779, 0.646 on 427, 0.714 on 796, 0.841 on 1064, 0.86 on 804, 0.884 on 811, 0.89 on 418, 0.912 on 1786), then, for the call's length, logit v + 0.147 + -0.37 * log2(w / 100), w the transcript's words held within [50, 400] (the steps hold the value at 100 words; the shift and the term per doubling fitted together on the outside proposals); the pull of 1, 3, 10, 30, 100, 1000, the block of 0, 50, 100, 200, 300, 400 and the length term or none under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.060); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.743,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.598,
        n: 24,
      },
      {
        min: 0.56,
        p: 0.743,
        n: 79,
      },
      {
        min: 0.67,
        p: 0.743,
        n: 27,
      },
      {
        min: 0.71,
        p: 0.898,
        n: 239,
      },
      {
        min: 0.77,
        p: 0.898,
        n: 121,
      },
      {
        min: 0.81,
        p: 0.904,
        n: 198,
      },
      {
        min: 0.92,
        p: 0.923,
        n: 19,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.598,
        n: 9,
      },
      {
        min: 0.63,
        p: 0.877,
        n: 127,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.743,
        n: 39,
      },
      {
        min: 0.87,
        p: 0.743,
        n: 150,
      },
      {
        min: 0.92,
        p: 0.86,
        n: 90,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.598,
        n: 10,
      },
      {
        min: 0.59,
        p: 0.743,
        n: 72,
      },
      {
        min: 0.68,
        p: 0.877,
        n: 194,
      },
      {
        min: 0.76,
        p: 0.898,
        n: 230,
      },
      {
        min: 0.83,
        p: 0.904,
        n: 211,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.743,
        n: 99,
      },
      {
        min: 0.75,
        p: 0.743,
        n: 13,
      },
      {
        min: 0.76,
        p: 0.86,
        n: 85,
      },
      {
        min: 0.83,
        p: 0.86,
        n: 32,
      },
      {
        min: 0.87,
        p: 0.898,
        n: 52,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.743,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.598,
        n: 19,
      },
      {
        min: 0.75,
        p: 0.743,
        n: 26,
      },
      {
        min: 0.78,
        p: 0.743,
        n: 12,
      },
      {
        min: 0.8,
        p: 0.923,
        n: 479,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.86,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.598,
        n: 70,
      },
      {
        min: 0.65,
        p: 0.898,
        n: 207,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.598,
        n: 458,
      },
      {
        min: 0.5,
        p: 0.743,
        n: 36,
      },
      {
        min: 0.55,
        p: 0.86,
        n: 586,
      },
      {
        min: 0.69,
        p: 0.877,
        n: 335,
      },
      {
        min: 0.8,
        p: 0.923,
        n: 667,
      },
      {
        min: 0.84,
        p: 0.923,
        n: 172,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.598,
        n: 8,
      },
      {
        min: 0.69,
        p: 0.743,
        n: 11,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.598,
        n: 89,
      },
      {
        min: 0.8,
        p: 0.86,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.598,
        n: 61,
      },
      {
        min: 0.7,
        p: 0.679,
        n: 369,
      },
      {
        min: 0.8,
        p: 0.743,
        n: 274,
      },
      {
        min: 0.86,
        p: 0.923,
        n: 90,
      },
      {
        min: 0.88,
        p: 0.923,
        n: 61,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.598,
        n: 24,
      },
      {
        min: 0.84,
        p: 0.743,
        n: 8,
      },
    ],
  },
  match: {
    'only-deal': 0.998,
    named: 0.983,
    participants: 0.984,
  },
  length: {
    reference: 100,
    min: 50,
    max: 400,
    perDoubling: -0.37,
  },
};
