import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 270, next_step 280, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (5992 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl, test/agent/labelled/eighteenth-check.jsonl, test/agent/labelled/nineteenth-check.jsonl, test/agent/labelled/twentieth-check.jsonl, test/agent/labelled/twenty-first-check.jsonl, test/agent/labelled/twenty-second-check.jsonl, test/agent/labelled/twenty-third-check.jsonl, test/agent/labelled/twenty-fourth-check.jsonl, test/agent/labelled/twenty-fifth-check.jsonl, test/agent/labelled/twenty-sixth-check.jsonl, test/agent/labelled/twenty-seventh-check.jsonl, test/agent/labelled/twenty-eighth-check.jsonl, test/agent/labelled/twenty-ninth-check.jsonl, test/agent/labelled/thirtieth-check.jsonl, test/agent/labelled/thirty-first-check.jsonl, test/agent/labelled/thirty-second-check.jsonl, test/agent/labelled/thirty-third-check.jsonl, test/agent/labelled/thirty-fourth-check.jsonl, test/agent/labelled/thirty-fifth-check.jsonl, test/agent/labelled/thirty-sixth-check.jsonl, test/agent/labelled/thirty-seventh-check.jsonl, test/agent/labelled/thirty-eighth-check.jsonl, test/agent/labelled/thirty-ninth-check.jsonl, test/agent/labelled/fortieth-check.jsonl, test/agent/labelled/forty-first-check.jsonl, test/agent/labelled/forty-second-check.jsonl, test/agent/labelled/forty-third-check.jsonl, test/agent/labelled/forty-fourth-check.jsonl, test/agent/labelled/forty-fifth-check.jsonl, test/agent/labelled/forty-sixth-check.jsonl, test/agent/labelled/forty-seventh-check.jsonl, test/agent/labelled/forty-eighth-check.jsonl, test/agent/labelled/forty-ninth-check.jsonl, test/agent/labelled/fiftieth-check.jsonl, test/agent/labelled/fifty-first-check.jsonl, test/agent/labelled/fifty-second-check.jsonl, test/agent/labelled/fifty-third-check.jsonl, test/agent/labelled/fifty-fourth-check.jsonl, test/agent/labelled/fifty-fifth-check.jsonl, test/agent/labelled/fifty-sixth-check.jsonl, test/agent/labelled/fifty-seventh-check.jsonl, test/agent/labelled/fifty-eighth-check.jsonl, test/agent/labelled/fifty-ninth-check.jsonl, test/agent/labelled/sixtieth-check.jsonl, test/agent/labelled/sixty-first-check.jsonl, test/agent/labelled/sixty-second-check.jsonl, test/agent/labelled/sixty-third-check.jsonl, test/agent/labelled/sixty-fourth-check.jsonl, test/agent/labelled/sixty-fifth-check.jsonl, test/agent/labelled/sixty-sixth-check.jsonl, test/agent/labelled/sixty-seventh-check.jsonl, test/agent/labelled/sixty-eighth-check.jsonl, test/agent/labelled/sixty-ninth-check.jsonl, test/agent/labelled/seventieth-check.jsonl, test/agent/labelled/seventy-first-check.jsonl, test/agent/labelled/seventy-second-check.jsonl, test/agent/labelled/seventy-third-check.jsonl, test/agent/labelled/seventy-fourth-check.jsonl; right/proposed: amount:final 1035/1229, amount:later 227/280, close_date:final 978/1155, close_date:later 538/662, competitors:final 881/990, competitors:later 96/110, next_step:final 3501/4407, next_step:later 33/51, stage:final 1166/1572, stage:later 56/82): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 50 calls and the pooled hand-written share q = 0.808 worth v = 100 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.848, b = 0.224, the Platt scaling under which the proposals on calls written blind and never read are most likely (5840 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl, test/agent/calibration/outside-fit-17.jsonl, test/agent/calibration/outside-fit-18.jsonl, test/agent/calibration/outside-fit-19.jsonl, test/agent/calibration/outside-fit-20.jsonl, test/agent/calibration/outside-fit-21.jsonl, test/agent/calibration/outside-fit-22.jsonl, test/agent/calibration/outside-fit-23.jsonl, test/agent/calibration/outside-fit-24.jsonl, test/agent/calibration/outside-fit-25.jsonl, test/agent/calibration/outside-fit-26.jsonl, test/agent/calibration/outside-fit-27.jsonl, test/agent/calibration/outside-fit-28.jsonl, test/agent/calibration/outside-fit-29.jsonl, test/agent/calibration/outside-fit-30.jsonl, test/agent/calibration/outside-fit-31.jsonl, test/agent/calibration/outside-fit-32.jsonl, test/agent/calibration/outside-fit-33.jsonl, test/agent/calibration/outside-fit-34.jsonl, test/agent/calibration/outside-fit-35.jsonl, test/agent/calibration/outside-fit-36.jsonl, test/agent/calibration/outside-fit-37.jsonl, test/agent/calibration/outside-fit-38.jsonl, test/agent/calibration/outside-fit-39.jsonl, test/agent/calibration/outside-fit-40.jsonl, test/agent/calibration/outside-fit-41.jsonl, test/agent/calibration/outside-fit-42.jsonl, test/agent/calibration/outside-fit-43.jsonl, test/agent/calibration/outside-fit-44.jsonl, test/agent/calibration/outside-fit-45.jsonl, test/agent/calibration/outside-fit-46.jsonl, test/agent/calibration/outside-fit-47.jsonl, test/agent/calibration/outside-fit-48.jsonl, test/agent/calibration/outside-fit-49.jsonl, test/agent/calibration/outside-fit-50.jsonl, test/agent/calibration/outside-fit-51.jsonl, test/agent/calibration/outside-fit-52.jsonl, test/agent/calibration/outside-fit-53.jsonl, test/agent/calibration/outside-fit-54.jsonl, test/agent/calibration/outside-fit-55.jsonl, test/agent/calibration/outside-fit-56.jsonl, test/agent/calibration/outside-fit-57.jsonl, test/agent/calibration/outside-fit-58.jsonl, test/agent/calibration/outside-fit-59.jsonl, test/agent/calibration/outside-fit-60.jsonl, test/agent/calibration/outside-fit-61.jsonl, test/agent/calibration/outside-fit-62.jsonl, test/agent/calibration/outside-fit-63.jsonl, test/agent/calibration/outside-fit-64.jsonl, test/agent/calibration/outside-fit-65.jsonl, test/agent/calibration/outside-fit-66.jsonl, test/agent/calibration/outside-fit-67.jsonl, test/agent/calibration/outside-fit-68.jsonl, test/agent/calibration/outside-fit-69.jsonl, test/agent/calibration/outside-fit-70.jsonl, test/agent/calibration/outside-fit-71.jsonl, test/agent/calibration/outside-fit-72.jsonl, test/agent/calibration/outside-fit-73.jsonl; 8541/10493 right), then per field pulled to that map as strongly as 1 proposals (close_date a = 0.822, b = 0.056; amount a = 1.03, b = -0.209; stage a = 0.756, b = 0.053; next_step a = 0.929, b = 0.473; competitors a = 0.976, b = -0.447), then the mapped values in monotone blocks of at least 100 outside proposals, each worth its share right, (right+1)/(n+2) (0.286 on 180, 0.614 on 969, 0.658 on 835, 0.719 on 457, 0.724 on 255, 0.782 on 540, 0.82 on 165, 0.838 on 1238, 0.863 on 1442, 0.873 on 274, 0.877 on 834, 0.891 on 693, 0.904 on 634, 0.916 on 272, 0.923 on 1705), then, for the call's length, logit v + 0.215 + -0.328 * log2(w / 100), w the transcript's words held within [50, 400] (the steps hold the value at 100 words; the shift and the term per doubling fitted together on the outside proposals), then the values, as they come out, read off 4 levels of about equal numbers of outside proposals, each worth its share right, (right+1)/(n+2), pooled to stay monotone (from 0: 0.628 on 2618, from 0.75: 0.815 on 2604, from 0.86: 0.882 on 2577, from 0.902: 0.928 on 2694); the pull of 1, 3, 10, 30, 100, 1000, the block of 0, 50, 100, 200, 300, 400, the length term or none, then the final levels of 0, 3, 4, 5, 6, 8, under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.047); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.85,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.332,
        n: 37,
      },
      {
        min: 0.56,
        p: 0.332,
        n: 19,
      },
      {
        min: 0.61,
        p: 0.705,
        n: 61,
      },
      {
        min: 0.63,
        p: 0.705,
        n: 73,
      },
      {
        min: 0.67,
        p: 0.816,
        n: 14,
      },
      {
        min: 0.68,
        p: 0.816,
        n: 33,
      },
      {
        min: 0.71,
        p: 0.895,
        n: 246,
      },
      {
        min: 0.76,
        p: 0.91,
        n: 392,
      },
      {
        min: 0.81,
        p: 0.91,
        n: 354,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.332,
        n: 10,
      },
      {
        min: 0.61,
        p: 0.664,
        n: 36,
      },
      {
        min: 0.67,
        p: 0.85,
        n: 15,
      },
      {
        min: 0.71,
        p: 0.865,
        n: 205,
      },
      {
        min: 0.87,
        p: 0.937,
        n: 14,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.816,
        n: 39,
      },
      {
        min: 0.87,
        p: 0.85,
        n: 150,
      },
      {
        min: 0.92,
        p: 0.85,
        n: 90,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.332,
        n: 16,
      },
      {
        min: 0.59,
        p: 0.705,
        n: 34,
      },
      {
        min: 0.63,
        p: 0.765,
        n: 100,
      },
      {
        min: 0.68,
        p: 0.865,
        n: 1005,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.332,
        n: 9,
      },
      {
        min: 0.51,
        p: 0.765,
        n: 153,
      },
      {
        min: 0.7,
        p: 0.816,
        n: 374,
      },
      {
        min: 0.87,
        p: 0.886,
        n: 126,
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
        p: 0.332,
        n: 42,
      },
      {
        min: 0.75,
        p: 0.705,
        n: 53,
      },
      {
        min: 0.78,
        p: 0.816,
        n: 22,
      },
      {
        min: 0.8,
        p: 0.898,
        n: 873,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.85,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.705,
        n: 70,
      },
      {
        min: 0.65,
        p: 0.91,
        n: 210,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.664,
        n: 808,
      },
      {
        min: 0.5,
        p: 0.816,
        n: 55,
      },
      {
        min: 0.54,
        p: 0.886,
        n: 1165,
      },
      {
        min: 0.69,
        p: 0.921,
        n: 701,
      },
      {
        min: 0.74,
        p: 0.937,
        n: 1322,
      },
      {
        min: 0.84,
        p: 0.937,
        n: 356,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.664,
        n: 8,
      },
      {
        min: 0.55,
        p: 0.765,
        n: 13,
      },
      {
        min: 0.69,
        p: 0.85,
        n: 30,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.664,
        n: 89,
      },
      {
        min: 0.8,
        p: 0.85,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.332,
        n: 79,
      },
      {
        min: 0.65,
        p: 0.664,
        n: 14,
      },
      {
        min: 0.68,
        p: 0.664,
        n: 27,
      },
      {
        min: 0.7,
        p: 0.705,
        n: 694,
      },
      {
        min: 0.79,
        p: 0.76,
        n: 493,
      },
      {
        min: 0.86,
        p: 0.931,
        n: 265,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.664,
        n: 61,
      },
      {
        min: 0.84,
        p: 0.886,
        n: 21,
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
    perDoubling: -0.328,
  },
  final: [
    {
      min: 0,
      p: 0.628,
      n: 2618,
    },
    {
      min: 0.75,
      p: 0.815,
      n: 2604,
    },
    {
      min: 0.86,
      p: 0.882,
      n: 2577,
    },
    {
      min: 0.902,
      p: 0.928,
      n: 2694,
    },
  ],
};
