import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 241, stage 270, next_step 280, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (9592 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl, test/agent/labelled/eighteenth-check.jsonl, test/agent/labelled/nineteenth-check.jsonl, test/agent/labelled/twentieth-check.jsonl, test/agent/labelled/twenty-first-check.jsonl, test/agent/labelled/twenty-second-check.jsonl, test/agent/labelled/twenty-third-check.jsonl, test/agent/labelled/twenty-fourth-check.jsonl, test/agent/labelled/twenty-fifth-check.jsonl, test/agent/labelled/twenty-sixth-check.jsonl, test/agent/labelled/twenty-seventh-check.jsonl, test/agent/labelled/twenty-eighth-check.jsonl, test/agent/labelled/twenty-ninth-check.jsonl, test/agent/labelled/thirtieth-check.jsonl, test/agent/labelled/thirty-first-check.jsonl, test/agent/labelled/thirty-second-check.jsonl, test/agent/labelled/thirty-third-check.jsonl, test/agent/labelled/thirty-fourth-check.jsonl, test/agent/labelled/thirty-fifth-check.jsonl, test/agent/labelled/thirty-sixth-check.jsonl, test/agent/labelled/thirty-seventh-check.jsonl, test/agent/labelled/thirty-eighth-check.jsonl, test/agent/labelled/thirty-ninth-check.jsonl, test/agent/labelled/fortieth-check.jsonl, test/agent/labelled/forty-first-check.jsonl, test/agent/labelled/forty-second-check.jsonl, test/agent/labelled/forty-third-check.jsonl, test/agent/labelled/forty-fourth-check.jsonl, test/agent/labelled/forty-fifth-check.jsonl, test/agent/labelled/forty-sixth-check.jsonl, test/agent/labelled/forty-seventh-check.jsonl, test/agent/labelled/forty-eighth-check.jsonl, test/agent/labelled/forty-ninth-check.jsonl, test/agent/labelled/fiftieth-check.jsonl, test/agent/labelled/fifty-first-check.jsonl, test/agent/labelled/fifty-second-check.jsonl, test/agent/labelled/fifty-third-check.jsonl, test/agent/labelled/fifty-fourth-check.jsonl, test/agent/labelled/fifty-fifth-check.jsonl, test/agent/labelled/fifty-sixth-check.jsonl, test/agent/labelled/fifty-seventh-check.jsonl, test/agent/labelled/fifty-eighth-check.jsonl, test/agent/labelled/fifty-ninth-check.jsonl, test/agent/labelled/sixtieth-check.jsonl, test/agent/labelled/sixty-first-check.jsonl, test/agent/labelled/sixty-second-check.jsonl, test/agent/labelled/sixty-third-check.jsonl, test/agent/labelled/sixty-fourth-check.jsonl, test/agent/labelled/sixty-fifth-check.jsonl, test/agent/labelled/sixty-sixth-check.jsonl, test/agent/labelled/sixty-seventh-check.jsonl, test/agent/labelled/sixty-eighth-check.jsonl, test/agent/labelled/sixty-ninth-check.jsonl, test/agent/labelled/seventieth-check.jsonl, test/agent/labelled/seventy-first-check.jsonl, test/agent/labelled/seventy-second-check.jsonl, test/agent/labelled/seventy-third-check.jsonl, test/agent/labelled/seventy-fourth-check.jsonl, test/agent/labelled/seventy-fifth-check.jsonl, test/agent/labelled/seventy-sixth-check.jsonl, test/agent/labelled/seventy-seventh-check.jsonl, test/agent/labelled/seventy-eighth-check.jsonl, test/agent/labelled/seventy-ninth-check.jsonl, test/agent/labelled/eightieth-check.jsonl, test/agent/labelled/eighty-first-check.jsonl, test/agent/labelled/eighty-second-check.jsonl, test/agent/labelled/eighty-third-check.jsonl, test/agent/labelled/eighty-fourth-check.jsonl, test/agent/labelled/eighty-fifth-check.jsonl, test/agent/labelled/eighty-sixth-check.jsonl, test/agent/labelled/eighty-seventh-check.jsonl, test/agent/labelled/eighty-eighth-check.jsonl, test/agent/labelled/eighty-ninth-check.jsonl, test/agent/labelled/ninetieth-check.jsonl, test/agent/labelled/ninety-first-check.jsonl, test/agent/labelled/ninety-second-check.jsonl, test/agent/labelled/ninety-third-check.jsonl, test/agent/labelled/ninety-fourth-check.jsonl, test/agent/labelled/ninety-fifth-check.jsonl, test/agent/labelled/ninety-sixth-check.jsonl, test/agent/labelled/ninety-seventh-check.jsonl, test/agent/labelled/ninety-eighth-check.jsonl, test/agent/labelled/ninety-ninth-check.jsonl, test/agent/labelled/hundredth-check.jsonl, test/agent/labelled/hundred-first-check.jsonl, test/agent/labelled/hundred-second-check.jsonl, test/agent/labelled/hundred-third-check.jsonl, test/agent/labelled/hundred-fourth-check.jsonl, test/agent/labelled/hundred-fifth-check.jsonl, test/agent/labelled/hundred-sixth-check.jsonl, test/agent/labelled/hundred-seventh-check.jsonl, test/agent/labelled/hundred-eighth-check.jsonl, test/agent/labelled/hundred-ninth-check.jsonl, test/agent/labelled/hundred-tenth-check.jsonl, test/agent/labelled/hundred-eleventh-check.jsonl, test/agent/labelled/hundred-twelfth-check.jsonl, test/agent/labelled/hundred-thirteenth-check.jsonl, test/agent/labelled/hundred-fourteenth-check.jsonl, test/agent/labelled/hundred-fifteenth-check.jsonl, test/agent/labelled/hundred-sixteenth-check.jsonl, test/agent/labelled/hundred-seventeenth-check.jsonl, test/agent/labelled/hundred-eighteenth-check.jsonl, test/agent/labelled/hundred-nineteenth-check.jsonl; right/proposed: amount:final 1681/2024, amount:later 378/473, close_date:final 1496/1801, close_date:later 961/1202, competitors:final 1366/1526, competitors:later 192/214, next_step:final 5810/7280, next_step:later 68/97, stage:final 1905/2554, stage:later 109/158): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 50 calls and the pooled hand-written share q = 0.806 worth v = 100 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.88, b = 0.213, the Platt scaling under which the proposals on calls written blind and never read are most likely (8560 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl, test/agent/calibration/outside-fit-17.jsonl, test/agent/calibration/outside-fit-18.jsonl, test/agent/calibration/outside-fit-19.jsonl, test/agent/calibration/outside-fit-20.jsonl, test/agent/calibration/outside-fit-21.jsonl, test/agent/calibration/outside-fit-22.jsonl, test/agent/calibration/outside-fit-23.jsonl, test/agent/calibration/outside-fit-24.jsonl, test/agent/calibration/outside-fit-25.jsonl, test/agent/calibration/outside-fit-26.jsonl, test/agent/calibration/outside-fit-27.jsonl, test/agent/calibration/outside-fit-28.jsonl, test/agent/calibration/outside-fit-29.jsonl, test/agent/calibration/outside-fit-30.jsonl, test/agent/calibration/outside-fit-31.jsonl, test/agent/calibration/outside-fit-32.jsonl, test/agent/calibration/outside-fit-33.jsonl, test/agent/calibration/outside-fit-34.jsonl, test/agent/calibration/outside-fit-35.jsonl, test/agent/calibration/outside-fit-36.jsonl, test/agent/calibration/outside-fit-37.jsonl, test/agent/calibration/outside-fit-38.jsonl, test/agent/calibration/outside-fit-39.jsonl, test/agent/calibration/outside-fit-40.jsonl, test/agent/calibration/outside-fit-41.jsonl, test/agent/calibration/outside-fit-42.jsonl, test/agent/calibration/outside-fit-43.jsonl, test/agent/calibration/outside-fit-44.jsonl, test/agent/calibration/outside-fit-45.jsonl, test/agent/calibration/outside-fit-46.jsonl, test/agent/calibration/outside-fit-47.jsonl, test/agent/calibration/outside-fit-48.jsonl, test/agent/calibration/outside-fit-49.jsonl, test/agent/calibration/outside-fit-50.jsonl, test/agent/calibration/outside-fit-51.jsonl, test/agent/calibration/outside-fit-52.jsonl, test/agent/calibration/outside-fit-53.jsonl, test/agent/calibration/outside-fit-54.jsonl, test/agent/calibration/outside-fit-55.jsonl, test/agent/calibration/outside-fit-56.jsonl, test/agent/calibration/outside-fit-57.jsonl, test/agent/calibration/outside-fit-58.jsonl, test/agent/calibration/outside-fit-59.jsonl, test/agent/calibration/outside-fit-60.jsonl, test/agent/calibration/outside-fit-61.jsonl, test/agent/calibration/outside-fit-62.jsonl, test/agent/calibration/outside-fit-63.jsonl, test/agent/calibration/outside-fit-64.jsonl, test/agent/calibration/outside-fit-65.jsonl, test/agent/calibration/outside-fit-66.jsonl, test/agent/calibration/outside-fit-67.jsonl, test/agent/calibration/outside-fit-68.jsonl, test/agent/calibration/outside-fit-69.jsonl, test/agent/calibration/outside-fit-70.jsonl, test/agent/calibration/outside-fit-71.jsonl, test/agent/calibration/outside-fit-72.jsonl, test/agent/calibration/outside-fit-73.jsonl, test/agent/calibration/outside-fit-74.jsonl, test/agent/calibration/outside-fit-75.jsonl, test/agent/calibration/outside-fit-76.jsonl, test/agent/calibration/outside-fit-77.jsonl, test/agent/calibration/outside-fit-78.jsonl, test/agent/calibration/outside-fit-79.jsonl, test/agent/calibration/outside-fit-80.jsonl, test/agent/calibration/outside-fit-81.jsonl, test/agent/calibration/outside-fit-82.jsonl, test/agent/calibration/outside-fit-83.jsonl, test/agent/calibration/outside-fit-84.jsonl, test/agent/calibration/outside-fit-85.jsonl, test/agent/calibration/outside-fit-86.jsonl, test/agent/calibration/outside-fit-87.jsonl, test/agent/calibration/outside-fit-88.jsonl, test/agent/calibration/outside-fit-89.jsonl, test/agent/calibration/outside-fit-90.jsonl, test/agent/calibration/outside-fit-91.jsonl, test/agent/calibration/outside-fit-92.jsonl, test/agent/calibration/outside-fit-93.jsonl, test/agent/calibration/outside-fit-94.jsonl, test/agent/calibration/outside-fit-95.jsonl, test/agent/calibration/outside-fit-96.jsonl, test/agent/calibration/outside-fit-97.jsonl, test/agent/calibration/outside-fit-98.jsonl, test/agent/calibration/outside-fit-99.jsonl, test/agent/calibration/outside-fit-100.jsonl, test/agent/calibration/outside-fit-101.jsonl, test/agent/calibration/outside-fit-104.jsonl, test/agent/calibration/outside-fit-105.jsonl, test/agent/calibration/outside-fit-106.jsonl, test/agent/calibration/outside-fit-107.jsonl, test/agent/calibration/outside-fit-108.jsonl, test/agent/calibration/outside-fit-109.jsonl; 12729/15555 right), then per field pulled to that map as strongly as 3 proposals (close_date a = 0.918, b = -0.044; amount a = 0.925, b = 0.027; stage a = 0.877, b = 0.067; next_step a = 0.923, b = 0.396; competitors a = 0.908, b = -0.064), every mapped value kept (no blocks), then, for the call's length, logit v + 0.217 + -0.275 * log2(w / 100), w the transcript's words held within [50, 400] (the steps hold the value at 100 words; the shift and the term per doubling fitted together on the outside proposals), then the values, as they come out, read off 4 levels of about equal numbers of outside proposals, each worth its share right, (right+1)/(n+2), pooled to stay monotone (from 0: 0.652 on 3876, from 0.753: 0.818 on 3893, from 0.858: 0.873 on 3863, from 0.903: 0.929 on 3923); the pull of 1, 3, 10, 30, 100, 1000, the block of 0, 50, 100, 200, 300, 400, the length term or none, then the final levels of 0, 3, 4, 5, 6, 8, under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.050); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.854,
        n: 241,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.202,
        n: 73,
      },
      {
        min: 0.56,
        p: 0.423,
        n: 35,
      },
      {
        min: 0.61,
        p: 0.593,
        n: 83,
      },
      {
        min: 0.63,
        p: 0.745,
        n: 122,
      },
      {
        min: 0.68,
        p: 0.818,
        n: 82,
      },
      {
        min: 0.71,
        p: 0.907,
        n: 475,
      },
      {
        min: 0.76,
        p: 0.911,
        n: 1154,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.345,
        n: 9,
      },
      {
        min: 0.51,
        p: 0.43,
        n: 14,
      },
      {
        min: 0.61,
        p: 0.575,
        n: 20,
      },
      {
        min: 0.63,
        p: 0.777,
        n: 39,
      },
      {
        min: 0.68,
        p: 0.869,
        n: 371,
      },
      {
        min: 0.87,
        p: 0.92,
        n: 20,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.822,
        n: 39,
      },
      {
        min: 0.87,
        p: 0.853,
        n: 150,
      },
      {
        min: 0.92,
        p: 0.87,
        n: 90,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.372,
        n: 8,
      },
      {
        min: 0.53,
        p: 0.465,
        n: 17,
      },
      {
        min: 0.59,
        p: 0.686,
        n: 24,
      },
      {
        min: 0.6,
        p: 0.724,
        n: 35,
      },
      {
        min: 0.63,
        p: 0.759,
        n: 154,
      },
      {
        min: 0.68,
        p: 0.843,
        n: 148,
      },
      {
        min: 0.7,
        p: 0.854,
        n: 355,
      },
      {
        min: 0.76,
        p: 0.863,
        n: 1060,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.478,
        n: 16,
      },
      {
        min: 0.54,
        p: 0.672,
        n: 9,
      },
      {
        min: 0.59,
        p: 0.729,
        n: 19,
      },
      {
        min: 0.6,
        p: 0.755,
        n: 225,
      },
      {
        min: 0.69,
        p: 0.804,
        n: 24,
      },
      {
        min: 0.7,
        p: 0.808,
        n: 693,
      },
      {
        min: 0.87,
        p: 0.886,
        n: 21,
      },
      {
        min: 0.89,
        p: 0.923,
        n: 195,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.866,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.66,
        n: 24,
      },
      {
        min: 0.75,
        p: 0.756,
        n: 119,
      },
      {
        min: 0.8,
        p: 0.909,
        n: 1383,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.839,
        n: 11,
      },
      {
        min: 0.85,
        p: 0.896,
        n: 203,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.683,
        n: 70,
      },
      {
        min: 0.65,
        p: 0.901,
        n: 210,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.668,
        n: 1326,
      },
      {
        min: 0.4,
        p: 0.766,
        n: 84,
      },
      {
        min: 0.54,
        p: 0.866,
        n: 1943,
      },
      {
        min: 0.69,
        p: 0.915,
        n: 1184,
      },
      {
        min: 0.8,
        p: 0.936,
        n: 2131,
      },
      {
        min: 0.84,
        p: 0.941,
        n: 612,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.705,
        n: 17,
      },
      {
        min: 0.5,
        p: 0.788,
        n: 31,
      },
      {
        min: 0.69,
        p: 0.813,
        n: 39,
      },
      {
        min: 0.84,
        p: 0.935,
        n: 10,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.7,
        n: 85,
      },
      {
        min: 0.8,
        p: 0.854,
        n: 60,
      },
      {
        min: 0.81,
        p: 0.871,
        n: 125,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.646,
        n: 125,
      },
      {
        min: 0.65,
        p: 0.722,
        n: 62,
      },
      {
        min: 0.69,
        p: 0.733,
        n: 1159,
      },
      {
        min: 0.8,
        p: 0.753,
        n: 516,
      },
      {
        min: 0.84,
        p: 0.792,
        n: 264,
      },
      {
        min: 0.86,
        p: 0.947,
        n: 428,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.67,
        n: 119,
      },
      {
        min: 0.84,
        p: 0.902,
        n: 39,
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
    perDoubling: -0.275,
  },
  final: [
    {
      min: 0,
      p: 0.652,
      n: 3876,
    },
    {
      min: 0.753,
      p: 0.818,
      n: 3893,
    },
    {
      min: 0.858,
      p: 0.873,
      n: 3863,
    },
    {
      min: 0.903,
      p: 0.929,
      n: 3923,
    },
  ],
};
