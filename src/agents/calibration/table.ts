import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 270, next_step 280, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (9592 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl, test/agent/labelled/eighteenth-check.jsonl, test/agent/labelled/nineteenth-check.jsonl, test/agent/labelled/twentieth-check.jsonl, test/agent/labelled/twenty-first-check.jsonl, test/agent/labelled/twenty-second-check.jsonl, test/agent/labelled/twenty-third-check.jsonl, test/agent/labelled/twenty-fourth-check.jsonl, test/agent/labelled/twenty-fifth-check.jsonl, test/agent/labelled/twenty-sixth-check.jsonl, test/agent/labelled/twenty-seventh-check.jsonl, test/agent/labelled/twenty-eighth-check.jsonl, test/agent/labelled/twenty-ninth-check.jsonl, test/agent/labelled/thirtieth-check.jsonl, test/agent/labelled/thirty-first-check.jsonl, test/agent/labelled/thirty-second-check.jsonl, test/agent/labelled/thirty-third-check.jsonl, test/agent/labelled/thirty-fourth-check.jsonl, test/agent/labelled/thirty-fifth-check.jsonl, test/agent/labelled/thirty-sixth-check.jsonl, test/agent/labelled/thirty-seventh-check.jsonl, test/agent/labelled/thirty-eighth-check.jsonl, test/agent/labelled/thirty-ninth-check.jsonl, test/agent/labelled/fortieth-check.jsonl, test/agent/labelled/forty-first-check.jsonl, test/agent/labelled/forty-second-check.jsonl, test/agent/labelled/forty-third-check.jsonl, test/agent/labelled/forty-fourth-check.jsonl, test/agent/labelled/forty-fifth-check.jsonl, test/agent/labelled/forty-sixth-check.jsonl, test/agent/labelled/forty-seventh-check.jsonl, test/agent/labelled/forty-eighth-check.jsonl, test/agent/labelled/forty-ninth-check.jsonl, test/agent/labelled/fiftieth-check.jsonl, test/agent/labelled/fifty-first-check.jsonl, test/agent/labelled/fifty-second-check.jsonl, test/agent/labelled/fifty-third-check.jsonl, test/agent/labelled/fifty-fourth-check.jsonl, test/agent/labelled/fifty-fifth-check.jsonl, test/agent/labelled/fifty-sixth-check.jsonl, test/agent/labelled/fifty-seventh-check.jsonl, test/agent/labelled/fifty-eighth-check.jsonl, test/agent/labelled/fifty-ninth-check.jsonl, test/agent/labelled/sixtieth-check.jsonl, test/agent/labelled/sixty-first-check.jsonl, test/agent/labelled/sixty-second-check.jsonl, test/agent/labelled/sixty-third-check.jsonl, test/agent/labelled/sixty-fourth-check.jsonl, test/agent/labelled/sixty-fifth-check.jsonl, test/agent/labelled/sixty-sixth-check.jsonl, test/agent/labelled/sixty-seventh-check.jsonl, test/agent/labelled/sixty-eighth-check.jsonl, test/agent/labelled/sixty-ninth-check.jsonl, test/agent/labelled/seventieth-check.jsonl, test/agent/labelled/seventy-first-check.jsonl, test/agent/labelled/seventy-second-check.jsonl, test/agent/labelled/seventy-third-check.jsonl, test/agent/labelled/seventy-fourth-check.jsonl, test/agent/labelled/seventy-fifth-check.jsonl, test/agent/labelled/seventy-sixth-check.jsonl, test/agent/labelled/seventy-seventh-check.jsonl, test/agent/labelled/seventy-eighth-check.jsonl, test/agent/labelled/seventy-ninth-check.jsonl, test/agent/labelled/eightieth-check.jsonl, test/agent/labelled/eighty-first-check.jsonl, test/agent/labelled/eighty-second-check.jsonl, test/agent/labelled/eighty-third-check.jsonl, test/agent/labelled/eighty-fourth-check.jsonl, test/agent/labelled/eighty-fifth-check.jsonl, test/agent/labelled/eighty-sixth-check.jsonl, test/agent/labelled/eighty-seventh-check.jsonl, test/agent/labelled/eighty-eighth-check.jsonl, test/agent/labelled/eighty-ninth-check.jsonl, test/agent/labelled/ninetieth-check.jsonl, test/agent/labelled/ninety-first-check.jsonl, test/agent/labelled/ninety-second-check.jsonl, test/agent/labelled/ninety-third-check.jsonl, test/agent/labelled/ninety-fourth-check.jsonl, test/agent/labelled/ninety-fifth-check.jsonl, test/agent/labelled/ninety-sixth-check.jsonl, test/agent/labelled/ninety-seventh-check.jsonl, test/agent/labelled/ninety-eighth-check.jsonl, test/agent/labelled/ninety-ninth-check.jsonl, test/agent/labelled/hundredth-check.jsonl, test/agent/labelled/hundred-first-check.jsonl, test/agent/labelled/hundred-second-check.jsonl, test/agent/labelled/hundred-third-check.jsonl, test/agent/labelled/hundred-fourth-check.jsonl, test/agent/labelled/hundred-fifth-check.jsonl, test/agent/labelled/hundred-sixth-check.jsonl, test/agent/labelled/hundred-seventh-check.jsonl, test/agent/labelled/hundred-eighth-check.jsonl, test/agent/labelled/hundred-ninth-check.jsonl, test/agent/labelled/hundred-tenth-check.jsonl, test/agent/labelled/hundred-eleventh-check.jsonl, test/agent/labelled/hundred-twelfth-check.jsonl, test/agent/labelled/hundred-thirteenth-check.jsonl, test/agent/labelled/hundred-fourteenth-check.jsonl, test/agent/labelled/hundred-fifteenth-check.jsonl, test/agent/labelled/hundred-sixteenth-check.jsonl, test/agent/labelled/hundred-seventeenth-check.jsonl, test/agent/labelled/hundred-eighteenth-check.jsonl, test/agent/labelled/hundred-nineteenth-check.jsonl; right/proposed: amount:final 1679/2031, amount:later 377/473, close_date:final 1495/1801, close_date:later 960/1202, competitors:final 1361/1520, competitors:later 189/211, next_step:final 5810/7280, next_step:later 68/97, stage:final 1905/2554, stage:later 109/158): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 50 calls and the pooled hand-written share q = 0.805 worth v = 100 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.901, b = 0.211, the Platt scaling under which the proposals on calls written blind and never read are most likely (7920 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl, test/agent/calibration/outside-fit-17.jsonl, test/agent/calibration/outside-fit-18.jsonl, test/agent/calibration/outside-fit-19.jsonl, test/agent/calibration/outside-fit-20.jsonl, test/agent/calibration/outside-fit-21.jsonl, test/agent/calibration/outside-fit-22.jsonl, test/agent/calibration/outside-fit-23.jsonl, test/agent/calibration/outside-fit-24.jsonl, test/agent/calibration/outside-fit-25.jsonl, test/agent/calibration/outside-fit-26.jsonl, test/agent/calibration/outside-fit-27.jsonl, test/agent/calibration/outside-fit-28.jsonl, test/agent/calibration/outside-fit-29.jsonl, test/agent/calibration/outside-fit-30.jsonl, test/agent/calibration/outside-fit-31.jsonl, test/agent/calibration/outside-fit-32.jsonl, test/agent/calibration/outside-fit-33.jsonl, test/agent/calibration/outside-fit-34.jsonl, test/agent/calibration/outside-fit-35.jsonl, test/agent/calibration/outside-fit-36.jsonl, test/agent/calibration/outside-fit-37.jsonl, test/agent/calibration/outside-fit-38.jsonl, test/agent/calibration/outside-fit-39.jsonl, test/agent/calibration/outside-fit-40.jsonl, test/agent/calibration/outside-fit-41.jsonl, test/agent/calibration/outside-fit-42.jsonl, test/agent/calibration/outside-fit-43.jsonl, test/agent/calibration/outside-fit-44.jsonl, test/agent/calibration/outside-fit-45.jsonl, test/agent/calibration/outside-fit-46.jsonl, test/agent/calibration/outside-fit-47.jsonl, test/agent/calibration/outside-fit-48.jsonl, test/agent/calibration/outside-fit-49.jsonl, test/agent/calibration/outside-fit-50.jsonl, test/agent/calibration/outside-fit-51.jsonl, test/agent/calibration/outside-fit-52.jsonl, test/agent/calibration/outside-fit-53.jsonl, test/agent/calibration/outside-fit-54.jsonl, test/agent/calibration/outside-fit-55.jsonl, test/agent/calibration/outside-fit-56.jsonl, test/agent/calibration/outside-fit-57.jsonl, test/agent/calibration/outside-fit-58.jsonl, test/agent/calibration/outside-fit-59.jsonl, test/agent/calibration/outside-fit-60.jsonl, test/agent/calibration/outside-fit-61.jsonl, test/agent/calibration/outside-fit-62.jsonl, test/agent/calibration/outside-fit-63.jsonl, test/agent/calibration/outside-fit-64.jsonl, test/agent/calibration/outside-fit-65.jsonl, test/agent/calibration/outside-fit-66.jsonl, test/agent/calibration/outside-fit-67.jsonl, test/agent/calibration/outside-fit-68.jsonl, test/agent/calibration/outside-fit-69.jsonl, test/agent/calibration/outside-fit-70.jsonl, test/agent/calibration/outside-fit-71.jsonl, test/agent/calibration/outside-fit-72.jsonl, test/agent/calibration/outside-fit-73.jsonl, test/agent/calibration/outside-fit-74.jsonl, test/agent/calibration/outside-fit-75.jsonl, test/agent/calibration/outside-fit-76.jsonl, test/agent/calibration/outside-fit-77.jsonl, test/agent/calibration/outside-fit-78.jsonl, test/agent/calibration/outside-fit-79.jsonl, test/agent/calibration/outside-fit-80.jsonl, test/agent/calibration/outside-fit-81.jsonl, test/agent/calibration/outside-fit-82.jsonl, test/agent/calibration/outside-fit-83.jsonl, test/agent/calibration/outside-fit-84.jsonl, test/agent/calibration/outside-fit-85.jsonl, test/agent/calibration/outside-fit-86.jsonl, test/agent/calibration/outside-fit-87.jsonl, test/agent/calibration/outside-fit-88.jsonl, test/agent/calibration/outside-fit-89.jsonl, test/agent/calibration/outside-fit-90.jsonl, test/agent/calibration/outside-fit-91.jsonl, test/agent/calibration/outside-fit-92.jsonl, test/agent/calibration/outside-fit-93.jsonl, test/agent/calibration/outside-fit-94.jsonl, test/agent/calibration/outside-fit-95.jsonl, test/agent/calibration/outside-fit-96.jsonl, test/agent/calibration/outside-fit-97.jsonl, test/agent/calibration/outside-fit-98.jsonl, test/agent/calibration/outside-fit-99.jsonl; 11811/14385 right), then per field pulled to that map as strongly as 1000 proposals (close_date a = 0.854, b = 0.175; amount a = 0.9, b = 0.202; stage a = 0.868, b = 0.172; next_step a = 0.967, b = 0.279; competitors a = 0.857, b = 0.189), then the mapped values in monotone blocks of at least 100 outside proposals, each worth its share right, (right+1)/(n+2) (0.206 on 124, 0.603 on 1194, 0.639 on 117, 0.689 on 1169, 0.706 on 461, 0.713 on 155, 0.745 on 261, 0.782 on 884, 0.846 on 3156, 0.849 on 315, 0.886 on 593, 0.888 on 899, 0.889 on 2286, 0.924 on 2408, 0.934 on 363), then, for the call's length, logit v + 0.208 + -0.27 * log2(w / 100), w the transcript's words held within [50, 400] (the steps hold the value at 100 words; the shift and the term per doubling fitted together on the outside proposals), then the values, as they come out, read off 4 levels of about equal numbers of outside proposals, each worth its share right, (right+1)/(n+2), pooled to stay monotone (from 0: 0.653 on 3590, from 0.764: 0.822 on 3556, from 0.864: 0.874 on 3617, from 0.901: 0.932 on 3622); the pull of 1, 3, 10, 30, 100, 1000, the block of 0, 50, 100, 200, 300, 400, the length term or none, then the final levels of 0, 3, 4, 5, 6, 8, under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.049); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.871,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.242,
        n: 57,
      },
      {
        min: 0.55,
        p: 0.242,
        n: 39,
      },
      {
        min: 0.61,
        p: 0.652,
        n: 81,
      },
      {
        min: 0.63,
        p: 0.732,
        n: 105,
      },
      {
        min: 0.67,
        p: 0.815,
        n: 21,
      },
      {
        min: 0.68,
        p: 0.871,
        n: 80,
      },
      {
        min: 0.71,
        p: 0.905,
        n: 482,
      },
      {
        min: 0.76,
        p: 0.908,
        n: 1166,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.242,
        n: 23,
      },
      {
        min: 0.61,
        p: 0.652,
        n: 20,
      },
      {
        min: 0.63,
        p: 0.782,
        n: 40,
      },
      {
        min: 0.68,
        p: 0.874,
        n: 370,
      },
      {
        min: 0.87,
        p: 0.908,
        n: 20,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.871,
        n: 39,
      },
      {
        min: 0.87,
        p: 0.871,
        n: 150,
      },
      {
        min: 0.92,
        p: 0.871,
        n: 90,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.242,
        n: 8,
      },
      {
        min: 0.53,
        p: 0.242,
        n: 17,
      },
      {
        min: 0.59,
        p: 0.732,
        n: 24,
      },
      {
        min: 0.6,
        p: 0.732,
        n: 35,
      },
      {
        min: 0.63,
        p: 0.782,
        n: 154,
      },
      {
        min: 0.68,
        p: 0.871,
        n: 148,
      },
      {
        min: 0.7,
        p: 0.871,
        n: 355,
      },
      {
        min: 0.76,
        p: 0.871,
        n: 1060,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.242,
        n: 16,
      },
      {
        min: 0.54,
        p: 0.685,
        n: 9,
      },
      {
        min: 0.59,
        p: 0.732,
        n: 19,
      },
      {
        min: 0.6,
        p: 0.754,
        n: 225,
      },
      {
        min: 0.69,
        p: 0.815,
        n: 24,
      },
      {
        min: 0.7,
        p: 0.815,
        n: 693,
      },
      {
        min: 0.87,
        p: 0.905,
        n: 21,
      },
      {
        min: 0.89,
        p: 0.908,
        n: 195,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.874,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.685,
        n: 24,
      },
      {
        min: 0.75,
        p: 0.782,
        n: 119,
      },
      {
        min: 0.8,
        p: 0.908,
        n: 1377,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.871,
        n: 11,
      },
      {
        min: 0.85,
        p: 0.905,
        n: 200,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.652,
        n: 70,
      },
      {
        min: 0.65,
        p: 0.905,
        n: 210,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.652,
        n: 1326,
      },
      {
        min: 0.4,
        p: 0.732,
        n: 84,
      },
      {
        min: 0.54,
        p: 0.871,
        n: 1943,
      },
      {
        min: 0.69,
        p: 0.907,
        n: 1184,
      },
      {
        min: 0.8,
        p: 0.937,
        n: 2131,
      },
      {
        min: 0.84,
        p: 0.937,
        n: 612,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.652,
        n: 17,
      },
      {
        min: 0.5,
        p: 0.747,
        n: 31,
      },
      {
        min: 0.69,
        p: 0.815,
        n: 39,
      },
      {
        min: 0.84,
        p: 0.937,
        n: 10,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.685,
        n: 85,
      },
      {
        min: 0.8,
        p: 0.871,
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
        p: 0.652,
        n: 125,
      },
      {
        min: 0.65,
        p: 0.732,
        n: 62,
      },
      {
        min: 0.69,
        p: 0.732,
        n: 1159,
      },
      {
        min: 0.8,
        p: 0.747,
        n: 516,
      },
      {
        min: 0.84,
        p: 0.815,
        n: 264,
      },
      {
        min: 0.86,
        p: 0.946,
        n: 428,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.685,
        n: 119,
      },
      {
        min: 0.84,
        p: 0.905,
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
    perDoubling: -0.27,
  },
  final: [
    {
      min: 0,
      p: 0.653,
      n: 3590,
    },
    {
      min: 0.764,
      p: 0.822,
      n: 3556,
    },
    {
      min: 0.864,
      p: 0.874,
      n: 3617,
    },
    {
      min: 0.901,
      p: 0.932,
      n: 3622,
    },
  ],
};
