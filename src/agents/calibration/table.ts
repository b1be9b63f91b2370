import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 270, next_step 280, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (5272 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl, test/agent/labelled/eighteenth-check.jsonl, test/agent/labelled/nineteenth-check.jsonl, test/agent/labelled/twentieth-check.jsonl, test/agent/labelled/twenty-first-check.jsonl, test/agent/labelled/twenty-second-check.jsonl, test/agent/labelled/twenty-third-check.jsonl, test/agent/labelled/twenty-fourth-check.jsonl, test/agent/labelled/twenty-fifth-check.jsonl, test/agent/labelled/twenty-sixth-check.jsonl, test/agent/labelled/twenty-seventh-check.jsonl, test/agent/labelled/twenty-eighth-check.jsonl, test/agent/labelled/twenty-ninth-check.jsonl, test/agent/labelled/thirtieth-check.jsonl, test/agent/labelled/thirty-first-check.jsonl, test/agent/labelled/thirty-second-check.jsonl, test/agent/labelled/thirty-third-check.jsonl, test/agent/labelled/thirty-fourth-check.jsonl, test/agent/labelled/thirty-fifth-check.jsonl, test/agent/labelled/thirty-sixth-check.jsonl, test/agent/labelled/thirty-seventh-check.jsonl, test/agent/labelled/thirty-eighth-check.jsonl, test/agent/labelled/thirty-ninth-check.jsonl, test/agent/labelled/fortieth-check.jsonl, test/agent/labelled/forty-first-check.jsonl, test/agent/labelled/forty-second-check.jsonl, test/agent/labelled/forty-third-check.jsonl, test/agent/labelled/forty-fourth-check.jsonl, test/agent/labelled/forty-fifth-check.jsonl, test/agent/labelled/forty-sixth-check.jsonl, test/agent/labelled/forty-seventh-check.jsonl, test/agent/labelled/forty-eighth-check.jsonl, test/agent/labelled/forty-ninth-check.jsonl, test/agent/labelled/fiftieth-check.jsonl, test/agent/labelled/fifty-first-check.jsonl, test/agent/labelled/fifty-second-check.jsonl, test/agent/labelled/fifty-third-check.jsonl, test/agent/labelled/fifty-fourth-check.jsonl, test/agent/labelled/fifty-fifth-check.jsonl, test/agent/labelled/fifty-sixth-check.jsonl, test/agent/labelled/fifty-seventh-check.jsonl, test/agent/labelled/fifty-eighth-check.jsonl, test/agent/labelled/fifty-ninth-check.jsonl, test/agent/labelled/sixtieth-check.jsonl, test/agent/labelled/sixty-first-check.jsonl, test/agent/labelled/sixty-second-check.jsonl, test/agent/labelled/sixty-third-check.jsonl, test/agent/labelled/sixty-fourth-check.jsonl, test/agent/labelled/sixty-fifth-check.jsonl; right/proposed: amount:final 905/1075, amount:later 199/243, close_date:final 879/1035, close_date:later 470/571, competitors:final 750/849, competitors:later 78/89, next_step:final 3012/3812, next_step:later 27/43, stage:final 984/1336, stage:later 45/67): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 50 calls and the pooled hand-written share q = 0.806 worth v = 100 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.816, b = 0.247, the Platt scaling under which the proposals on calls written blind and never read are most likely (5600 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl, test/agent/calibration/outside-fit-17.jsonl, test/agent/calibration/outside-fit-18.jsonl, test/agent/calibration/outside-fit-19.jsonl, test/agent/calibration/outside-fit-20.jsonl, test/agent/calibration/outside-fit-21.jsonl, test/agent/calibration/outside-fit-22.jsonl, test/agent/calibration/outside-fit-23.jsonl, test/agent/calibration/outside-fit-24.jsonl, test/agent/calibration/outside-fit-25.jsonl, test/agent/calibration/outside-fit-26.jsonl, test/agent/calibration/outside-fit-27.jsonl, test/agent/calibration/outside-fit-28.jsonl, test/agent/calibration/outside-fit-29.jsonl, test/agent/calibration/outside-fit-30.jsonl, test/agent/calibration/outside-fit-31.jsonl, test/agent/calibration/outside-fit-32.jsonl, test/agent/calibration/outside-fit-33.jsonl, test/agent/calibration/outside-fit-34.jsonl, test/agent/calibration/outside-fit-35.jsonl, test/agent/calibration/outside-fit-36.jsonl, test/agent/calibration/outside-fit-37.jsonl, test/agent/calibration/outside-fit-38.jsonl, test/agent/calibration/outside-fit-39.jsonl, test/agent/calibration/outside-fit-40.jsonl, test/agent/calibration/outside-fit-41.jsonl, test/agent/calibration/outside-fit-42.jsonl, test/agent/calibration/outside-fit-43.jsonl, test/agent/calibration/outside-fit-44.jsonl, test/agent/calibration/outside-fit-45.jsonl, test/agent/calibration/outside-fit-46.jsonl, test/agent/calibration/outside-fit-47.jsonl, test/agent/calibration/outside-fit-48.jsonl, test/agent/calibration/outside-fit-49.jsonl, test/agent/calibration/outside-fit-50.jsonl, test/agent/calibration/outside-fit-51.jsonl, test/agent/calibration/outside-fit-52.jsonl, test/agent/calibration/outside-fit-53.jsonl, test/agent/calibration/outside-fit-54.jsonl, test/agent/calibration/outside-fit-55.jsonl, test/agent/calibration/outside-fit-56.jsonl, test/agent/calibration/outside-fit-57.jsonl, test/agent/calibration/outside-fit-58.jsonl, test/agent/calibration/outside-fit-59.jsonl, test/agent/calibration/outside-fit-60.jsonl, test/agent/calibration/outside-fit-61.jsonl, test/agent/calibration/outside-fit-62.jsonl, test/agent/calibration/outside-fit-63.jsonl, test/agent/calibration/outside-fit-64.jsonl, test/agent/calibration/outside-fit-65.jsonl, test/agent/calibration/outside-fit-66.jsonl, test/agent/calibration/outside-fit-67.jsonl, test/agent/calibration/outside-fit-68.jsonl, test/agent/calibration/outside-fit-69.jsonl, test/agent/calibration/outside-fit-70.jsonl; 8078/9975 right), then per field pulled to that map as strongly as 1000 proposals (close_date a = 0.763, b = 0.219; amount a = 0.801, b = 0.222; stage a = 0.764, b = 0.2; next_step a = 0.921, b = 0.332; competitors a = 0.764, b = 0.215), then the mapped values in monotone blocks of at least 400 outside proposals, each worth its share right, (right+1)/(n+2) (0.551 on 950, 0.646 on 817, 0.711 on 670, 0.771 on 679, 0.845 on 2557, 0.869 on 1825, 0.903 on 614, 0.923 on 1863), then, for the call's length, logit v + 0.209 + -0.336 * log2(w / 100), w the transcript's words held within [50, 400] (the steps hold the value at 100 words; the shift and the term per doubling fitted together on the outside proposals), then the values, as they come out, read off 4 levels of about equal numbers of outside proposals, each worth its share right, (right+1)/(n+2), pooled to stay monotone (from 0: 0.623 on 2480, from 0.75: 0.81 on 2489, from 0.852: 0.879 on 2499, from 0.897: 0.925 on 2507); the pull of 1, 3, 10, 30, 100, 1000, the block of 0, 50, 100, 200, 300, 400, the length term or none, then the final levels of 0, 3, 4, 5, 6, 8, under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.049); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.806,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.602,
        n: 25,
      },
      {
        min: 0.52,
        p: 0.602,
        n: 22,
      },
      {
        min: 0.61,
        p: 0.752,
        n: 122,
      },
      {
        min: 0.67,
        p: 0.806,
        n: 42,
      },
      {
        min: 0.71,
        p: 0.891,
        n: 218,
      },
      {
        min: 0.76,
        p: 0.891,
        n: 141,
      },
      {
        min: 0.77,
        p: 0.891,
        n: 193,
      },
      {
        min: 0.81,
        p: 0.891,
        n: 312,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.692,
        n: 38,
      },
      {
        min: 0.67,
        p: 0.806,
        n: 13,
      },
      {
        min: 0.71,
        p: 0.87,
        n: 180,
      },
      {
        min: 0.87,
        p: 0.92,
        n: 12,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.806,
        n: 39,
      },
      {
        min: 0.87,
        p: 0.806,
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
        p: 0.602,
        n: 16,
      },
      {
        min: 0.59,
        p: 0.692,
        n: 32,
      },
      {
        min: 0.63,
        p: 0.752,
        n: 89,
      },
      {
        min: 0.68,
        p: 0.87,
        n: 898,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.602,
        n: 8,
      },
      {
        min: 0.51,
        p: 0.752,
        n: 16,
      },
      {
        min: 0.6,
        p: 0.806,
        n: 119,
      },
      {
        min: 0.7,
        p: 0.806,
        n: 317,
      },
      {
        min: 0.87,
        p: 0.891,
        n: 111,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.87,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.602,
        n: 36,
      },
      {
        min: 0.75,
        p: 0.752,
        n: 49,
      },
      {
        min: 0.78,
        p: 0.806,
        n: 17,
      },
      {
        min: 0.8,
        p: 0.891,
        n: 747,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.87,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.692,
        n: 70,
      },
      {
        min: 0.65,
        p: 0.891,
        n: 210,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.602,
        n: 720,
      },
      {
        min: 0.5,
        p: 0.806,
        n: 47,
      },
      {
        min: 0.54,
        p: 0.87,
        n: 1030,
      },
      {
        min: 0.69,
        p: 0.92,
        n: 578,
      },
      {
        min: 0.74,
        p: 0.937,
        n: 1127,
      },
      {
        min: 0.84,
        p: 0.937,
        n: 310,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.602,
        n: 8,
      },
      {
        min: 0.55,
        p: 0.806,
        n: 35,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.692,
        n: 89,
      },
      {
        min: 0.8,
        p: 0.87,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.602,
        n: 72,
      },
      {
        min: 0.65,
        p: 0.692,
        n: 33,
      },
      {
        min: 0.7,
        p: 0.692,
        n: 595,
      },
      {
        min: 0.8,
        p: 0.752,
        n: 412,
      },
      {
        min: 0.86,
        p: 0.937,
        n: 224,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.692,
        n: 49,
      },
      {
        min: 0.84,
        p: 0.891,
        n: 18,
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
    perDoubling: -0.336,
  },
  final: [
    {
      min: 0,
      p: 0.623,
      n: 2480,
    },
    {
      min: 0.75,
      p: 0.81,
      n: 2489,
    },
    {
      min: 0.852,
      p: 0.879,
      n: 2499,
    },
    {
      min: 0.897,
      p: 0.925,
      n: 2507,
    },
  ],
};
