import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 270, next_step 277, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (4552 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl, test/agent/labelled/eighteenth-check.jsonl, test/agent/labelled/nineteenth-check.jsonl, test/agent/labelled/twentieth-check.jsonl, test/agent/labelled/twenty-first-check.jsonl, test/agent/labelled/twenty-second-check.jsonl, test/agent/labelled/twenty-third-check.jsonl, test/agent/labelled/twenty-fourth-check.jsonl, test/agent/labelled/twenty-fifth-check.jsonl, test/agent/labelled/twenty-sixth-check.jsonl, test/agent/labelled/twenty-seventh-check.jsonl, test/agent/labelled/twenty-eighth-check.jsonl, test/agent/labelled/twenty-ninth-check.jsonl, test/agent/labelled/thirtieth-check.jsonl, test/agent/labelled/thirty-first-check.jsonl, test/agent/labelled/thirty-second-check.jsonl, test/agent/labelled/thirty-third-check.jsonl, test/agent/labelled/thirty-fourth-check.jsonl, test/agent/labelled/thirty-fifth-check.jsonl, test/agent/labelled/thirty-sixth-check.jsonl, test/agent/labelled/thirty-seventh-check.jsonl, test/agent/labelled/thirty-eighth-check.jsonl, test/agent/labelled/thirty-ninth-check.jsonl, test/agent/labelled/fortieth-check.jsonl, test/agent/labelled/forty-first-check.jsonl, test/agent/labelled/forty-second-check.jsonl, test/agent/labelled/forty-third-check.jsonl, test/agent/labelled/forty-fourth-check.jsonl, test/agent/labelled/forty-fifth-check.jsonl, test/agent/labelled/forty-sixth-check.jsonl, test/agent/labelled/forty-seventh-check.jsonl, test/agent/labelled/forty-eighth-check.jsonl, test/agent/labelled/forty-ninth-check.jsonl, test/agent/labelled/fiftieth-check.jsonl, test/agent/labelled/fifty-first-check.jsonl, test/agent/labelled/fifty-second-check.jsonl, test/agent/labelled/fifty-third-check.jsonl, test/agent/labelled/fifty-fourth-check.jsonl, test/agent/labelled/fifty-fifth-check.jsonl, test/agent/labelled/fifty-sixth-check.jsonl; right/proposed: amount:final 784/925, amount:later 170/204, close_date:final 792/916, close_date:later 374/448, competitors:final 646/723, competitors:later 63/74, next_step:final 2517/3194, next_step:later 21/37, stage:final 859/1160, stage:later 33/51): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 20 calls and the pooled hand-written share q = 0.809 worth v = 50 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.797, b = 0.223, the Platt scaling under which the proposals on calls written blind and never read are most likely (5200 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl, test/agent/calibration/outside-fit-17.jsonl, test/agent/calibration/outside-fit-18.jsonl, test/agent/calibration/outside-fit-19.jsonl, test/agent/calibration/outside-fit-20.jsonl, test/agent/calibration/outside-fit-21.jsonl, test/agent/calibration/outside-fit-22.jsonl, test/agent/calibration/outside-fit-23.jsonl, test/agent/calibration/outside-fit-24.jsonl, test/agent/calibration/outside-fit-25.jsonl, test/agent/calibration/outside-fit-26.jsonl, test/agent/calibration/outside-fit-27.jsonl, test/agent/calibration/outside-fit-28.jsonl, test/agent/calibration/outside-fit-29.jsonl, test/agent/calibration/outside-fit-30.jsonl, test/agent/calibration/outside-fit-31.jsonl, test/agent/calibration/outside-fit-32.jsonl, test/agent/calibration/outside-fit-33.jsonl, test/agent/calibration/outside-fit-34.jsonl, test/agent/calibration/outside-fit-35.jsonl, test/agent/calibration/outside-fit-36.jsonl, test/agent/calibration/outside-fit-37.jsonl, test/agent/calibration/outside-fit-38.jsonl, test/agent/calibration/outside-fit-39.jsonl, test/agent/calibration/outside-fit-40.jsonl, test/agent/calibration/outside-fit-41.jsonl, test/agent/calibration/outside-fit-42.jsonl, test/agent/calibration/outside-fit-43.jsonl, test/agent/calibration/outside-fit-44.jsonl, test/agent/calibration/outside-fit-45.jsonl, test/agent/calibration/outside-fit-46.jsonl, test/agent/calibration/outside-fit-47.jsonl, test/agent/calibration/outside-fit-48.jsonl, test/agent/calibration/outside-fit-49.jsonl, test/agent/calibration/outside-fit-50.jsonl, test/agent/calibration/outside-fit-51.jsonl, test/agent/calibration/outside-fit-52.jsonl, test/agent/calibration/outside-fit-53.jsonl, test/agent/calibration/outside-fit-54.jsonl, test/agent/calibration/outside-fit-55.jsonl, test/agent/calibration/outside-fit-56.jsonl, test/agent/calibration/outside-fit-57.jsonl, test/agent/calibration/outside-fit-58.jsonl, test/agent/calibration/outside-fit-59.jsonl, test/agent/calibration/outside-fit-60.jsonl, test/agent/calibration/outside-fit-61.jsonl, test/agent/calibration/outside-fit-62.jsonl, test/agent/calibration/outside-fit-63.jsonl, test/agent/calibration/outside-fit-64.jsonl, test/agent/calibration/outside-fit-65.jsonl; 7381/9161 right), then per field pulled to that map as strongly as 100 proposals (close_date a = 0.725, b = 0.128; amount a = 0.819, b = 0.1; stage a = 0.683, b = 0.127; next_step a = 0.92, b = 0.395; competitors a = 0.719, b = 0.099), then the mapped values in monotone blocks of at least 300 outside proposals, each worth its share right, (right+1)/(n+2) (0.539 on 959, 0.644 on 692, 0.718 on 469, 0.74 on 522, 0.787 on 388, 0.845 on 2306, 0.876 on 1574, 0.899 on 582, 0.919 on 1669), then, for the call's length, logit v + 0.197 + -0.342 * log2(w / 100), w the transcript's words held within [50, 400] (the steps hold the value at 100 words; the shift and the term per doubling fitted together on the outside proposals), then the values, as they come out, read off 4 levels of about equal numbers of outside proposals, each worth its share right, (right+1)/(n+2), pooled to stay monotone (from 0: 0.614 on 2283, from 0.739: 0.806 on 2263, from 0.854: 0.877 on 2289, from 0.897: 0.922 on 2326); the pull of 1, 3, 10, 30, 100, 1000, the block of 0, 50, 100, 200, 300, 400, the length term or none, then the final levels of 0, 3, 4, 5, 6, 8, under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.047); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.818,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.587,
        n: 23,
      },
      {
        min: 0.52,
        p: 0.587,
        n: 19,
      },
      {
        min: 0.61,
        p: 0.776,
        n: 103,
      },
      {
        min: 0.67,
        p: 0.776,
        n: 36,
      },
      {
        min: 0.71,
        p: 0.896,
        n: 193,
      },
      {
        min: 0.76,
        p: 0.896,
        n: 131,
      },
      {
        min: 0.77,
        p: 0.896,
        n: 420,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.587,
        n: 22,
      },
      {
        min: 0.63,
        p: 0.688,
        n: 12,
      },
      {
        min: 0.67,
        p: 0.818,
        n: 8,
      },
      {
        min: 0.71,
        p: 0.869,
        n: 154,
      },
      {
        min: 0.87,
        p: 0.916,
        n: 8,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.776,
        n: 39,
      },
      {
        min: 0.87,
        p: 0.818,
        n: 150,
      },
      {
        min: 0.92,
        p: 0.818,
        n: 90,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.587,
        n: 14,
      },
      {
        min: 0.59,
        p: 0.688,
        n: 10,
      },
      {
        min: 0.61,
        p: 0.756,
        n: 14,
      },
      {
        min: 0.63,
        p: 0.776,
        n: 79,
      },
      {
        min: 0.68,
        p: 0.869,
        n: 251,
      },
      {
        min: 0.76,
        p: 0.869,
        n: 339,
      },
      {
        min: 0.86,
        p: 0.869,
        n: 209,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.688,
        n: 13,
      },
      {
        min: 0.6,
        p: 0.776,
        n: 169,
      },
      {
        min: 0.75,
        p: 0.818,
        n: 147,
      },
      {
        min: 0.83,
        p: 0.818,
        n: 43,
      },
      {
        min: 0.87,
        p: 0.869,
        n: 76,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.818,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.587,
        n: 32,
      },
      {
        min: 0.75,
        p: 0.756,
        n: 41,
      },
      {
        min: 0.78,
        p: 0.818,
        n: 14,
      },
      {
        min: 0.8,
        p: 0.896,
        n: 636,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.818,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.688,
        n: 70,
      },
      {
        min: 0.65,
        p: 0.896,
        n: 207,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.587,
        n: 624,
      },
      {
        min: 0.5,
        p: 0.776,
        n: 42,
      },
      {
        min: 0.54,
        p: 0.869,
        n: 14,
      },
      {
        min: 0.55,
        p: 0.869,
        n: 847,
      },
      {
        min: 0.69,
        p: 0.916,
        n: 480,
      },
      {
        min: 0.8,
        p: 0.933,
        n: 941,
      },
      {
        min: 0.84,
        p: 0.933,
        n: 246,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.587,
        n: 8,
      },
      {
        min: 0.55,
        p: 0.756,
        n: 10,
      },
      {
        min: 0.69,
        p: 0.776,
        n: 19,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.688,
        n: 89,
      },
      {
        min: 0.8,
        p: 0.818,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.587,
        n: 55,
      },
      {
        min: 0.65,
        p: 0.688,
        n: 25,
      },
      {
        min: 0.7,
        p: 0.688,
        n: 519,
      },
      {
        min: 0.8,
        p: 0.756,
        n: 361,
      },
      {
        min: 0.86,
        p: 0.933,
        n: 200,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.688,
        n: 41,
      },
      {
        min: 0.84,
        p: 0.776,
        n: 10,
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
    perDoubling: -0.342,
  },
  final: [
    {
      min: 0,
      p: 0.614,
      n: 2283,
    },
    {
      min: 0.739,
      p: 0.806,
      n: 2263,
    },
    {
      min: 0.854,
      p: 0.877,
      n: 2289,
    },
    {
      min: 0.897,
      p: 0.922,
      n: 2326,
    },
  ],
};
