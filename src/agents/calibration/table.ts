import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  fittedOn:
    "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 279, amount 243, stage 270, next_step 280, competitors 178); match: share right per basis, same split; then each key's steps shrunk toward the hand-written calls (5512 cases in test/agent/labelled/cases.jsonl, test/agent/labelled/core-phrasings.jsonl, test/agent/labelled/calib-phrasings.jsonl, test/agent/labelled/first-check.jsonl, test/agent/labelled/second-check.jsonl, test/agent/labelled/third-check.jsonl, test/agent/labelled/fourth-check.jsonl, test/agent/labelled/fifth-check.jsonl, test/agent/labelled/sixth-check.jsonl, test/agent/labelled/seventh-check.jsonl, test/agent/labelled/eighth-check.jsonl, test/agent/labelled/ninth-check.jsonl, test/agent/labelled/tenth-check.jsonl, test/agent/labelled/eleventh-check.jsonl, test/agent/labelled/twelfth-check.jsonl, test/agent/labelled/thirteenth-check.jsonl, test/agent/labelled/fourteenth-check.jsonl, test/agent/labelled/fifteenth-check.jsonl, test/agent/labelled/sixteenth-check.jsonl, test/agent/labelled/seventeenth-check.jsonl, test/agent/labelled/eighteenth-check.jsonl, test/agent/labelled/nineteenth-check.jsonl, test/agent/labelled/twentieth-check.jsonl, test/agent/labelled/twenty-first-check.jsonl, test/agent/labelled/twenty-second-check.jsonl, test/agent/labelled/twenty-third-check.jsonl, test/agent/labelled/twenty-fourth-check.jsonl, test/agent/labelled/twenty-fifth-check.jsonl, test/agent/labelled/twenty-sixth-check.jsonl, test/agent/labelled/twenty-seventh-check.jsonl, test/agent/labelled/twenty-eighth-check.jsonl, test/agent/labelled/twenty-ninth-check.jsonl, test/agent/labelled/thirtieth-check.jsonl, test/agent/labelled/thirty-first-check.jsonl, test/agent/labelled/thirty-second-check.jsonl, test/agent/labelled/thirty-third-check.jsonl, test/agent/labelled/thirty-fourth-check.jsonl, test/agent/labelled/thirty-fifth-check.jsonl, test/agent/labelled/thirty-sixth-check.jsonl, test/agent/labelled/thirty-seventh-check.jsonl, test/agent/labelled/thirty-eighth-check.jsonl, test/agent/labelled/thirty-ninth-check.jsonl, test/agent/labelled/fortieth-check.jsonl, test/agent/labelled/forty-first-check.jsonl, test/agent/labelled/forty-second-check.jsonl, test/agent/labelled/forty-third-check.jsonl, test/agent/labelled/forty-fourth-check.jsonl, test/agent/labelled/forty-fifth-check.jsonl, test/agent/labelled/forty-sixth-check.jsonl, test/agent/labelled/forty-seventh-check.jsonl, test/agent/labelled/forty-eighth-check.jsonl, test/agent/labelled/forty-ninth-check.jsonl, test/agent/labelled/fiftieth-check.jsonl, test/agent/labelled/fifty-first-check.jsonl, test/agent/labelled/fifty-second-check.jsonl, test/agent/labelled/fifty-third-check.jsonl, test/agent/labelled/fifty-fourth-check.jsonl, test/agent/labelled/fifty-fifth-check.jsonl, test/agent/labelled/fifty-sixth-check.jsonl, test/agent/labelled/fifty-seventh-check.jsonl, test/agent/labelled/fifty-eighth-check.jsonl, test/agent/labelled/fifty-ninth-check.jsonl, test/agent/labelled/sixtieth-check.jsonl, test/agent/labelled/sixty-first-check.jsonl, test/agent/labelled/sixty-second-check.jsonl, test/agent/labelled/sixty-third-check.jsonl, test/agent/labelled/sixty-fourth-check.jsonl, test/agent/labelled/sixty-fifth-check.jsonl, test/agent/labelled/sixty-sixth-check.jsonl, test/agent/labelled/sixty-seventh-check.jsonl, test/agent/labelled/sixty-eighth-check.jsonl; right/proposed: amount:final 963/1140, amount:later 209/255, close_date:final 919/1078, close_date:later 495/601, competitors:final 777/882, competitors:later 81/92, next_step:final 3182/4011, next_step:later 28/44, stage:final 1071/1447, stage:later 52/74): p = (w * p + v * q + right) / (w + v + n), the generated table worth w = 50 calls and the pooled hand-written share q = 0.808 worth v = 100 (the weights under which the hand-written proposals are most likely); then, where the hand-written proposals of a key split into isotonic blocks of at least 8, each block worth (5 * p + right) / (5 + n), pooled again to stay monotone; then every value v mapped to 1 / (1 + exp(-(a * logit(v) + b))) with a = 0.824, b = 0.24, the Platt scaling under which the proposals on calls written blind and never read are most likely (5680 cases in test/agent/calibration/outside-fit.jsonl, test/agent/calibration/outside-fit-2.jsonl, test/agent/calibration/outside-fit-3.jsonl, test/agent/calibration/outside-fit-4.jsonl, test/agent/calibration/outside-fit-5.jsonl, test/agent/calibration/outside-fit-6.jsonl, test/agent/calibration/outside-fit-7.jsonl, test/agent/calibration/outside-fit-8.jsonl, test/agent/calibration/outside-fit-9.jsonl, test/agent/calibration/outside-fit-10.jsonl, test/agent/calibration/outside-fit-11.jsonl, test/agent/calibration/outside-fit-12.jsonl, test/agent/calibration/outside-fit-13.jsonl, test/agent/calibration/outside-fit-14.jsonl, test/agent/calibration/outside-fit-15.jsonl, test/agent/calibration/outside-fit-16.jsonl, test/agent/calibration/outside-fit-17.jsonl, test/agent/calibration/outside-fit-18.jsonl, test/agent/calibration/outside-fit-19.jsonl, test/agent/calibration/outside-fit-20.jsonl, test/agent/calibration/outside-fit-21.jsonl, test/agent/calibration/outside-fit-22.jsonl, test/agent/calibration/outside-fit-23.jsonl, test/agent/calibration/outside-fit-24.jsonl, test/agent/calibration/outside-fit-25.jsonl, test/agent/calibration/outside-fit-26.jsonl, test/agent/calibration/outside-fit-27.jsonl, test/agent/calibration/outside-fit-28.jsonl, test/agent/calibration/outside-fit-29.jsonl, test/agent/calibration/outside-fit-30.jsonl, test/agent/calibration/outside-fit-31.jsonl, test/agent/calibration/outside-fit-32.jsonl, test/agent/calibration/outside-fit-33.jsonl, test/agent/calibration/outside-fit-34.jsonl, test/agent/calibration/outside-fit-35.jsonl, test/agent/calibration/outside-fit-36.jsonl, test/agent/calibration/outside-fit-37.jsonl, test/agent/calibration/outside-fit-38.jsonl, test/agent/calibration/outside-fit-39.jsonl, test/agent/calibration/outside-fit-40.jsonl, test/agent/calibration/outside-fit-41.jsonl, test/agent/calibration/outside-fit-42.jsonl, test/agent/calibration/outside-fit-43.jsonl, test/agent/calibration/outside-fit-44.jsonl, test/agent/calibration/outside-fit-45.jsonl, test/agent/calibration/outside-fit-46.jsonl, test/agent/calibration/outside-fit-47.jsonl, test/agent/calibration/outside-fit-48.jsonl, test/agent/calibration/outside-fit-49.jsonl, test/agent/calibration/outside-fit-50.jsonl, test/agent/calibration/outside-fit-51.jsonl, test/agent/calibration/outside-fit-52.jsonl, test/agent/calibration/outside-fit-53.jsonl, test/agent/calibration/outside-fit-54.jsonl, test/agent/calibration/outside-fit-55.jsonl, test/agent/calibration/outside-fit-56.jsonl, test/agent/calibration/outside-fit-57.jsonl, test/agent/calibration/outside-fit-58.jsonl, test/agent/calibration/outside-fit-59.jsonl, test/agent/calibration/outside-fit-60.jsonl, test/agent/calibration/outside-fit-61.jsonl, test/agent/calibration/outside-fit-62.jsonl, test/agent/calibration/outside-fit-63.jsonl, test/agent/calibration/outside-fit-64.jsonl, test/agent/calibration/outside-fit-65.jsonl, test/agent/calibration/outside-fit-66.jsonl, test/agent/calibration/outside-fit-67.jsonl, test/agent/calibration/outside-fit-68.jsonl, test/agent/calibration/outside-fit-69.jsonl, test/agent/calibration/outside-fit-70.jsonl, test/agent/calibration/outside-fit-71.jsonl; 8242/10148 right), then per field pulled to that map as strongly as 30 proposals (close_date a = 0.72, b = 0.194; amount a = 0.918, b = 0.005; stage a = 0.722, b = 0.088; next_step a = 0.939, b = 0.445; competitors a = 0.764, b = -0.013), then the mapped values in monotone blocks of at least 300 outside proposals, each worth its share right, (right+1)/(n+2) (0.551 on 1023, 0.662 on 910, 0.721 on 671, 0.786 on 695, 0.839 on 1212, 0.858 on 1276, 0.862 on 887, 0.888 on 947, 0.903 on 628, 0.924 on 1899), then, for the call's length, logit v + 0.207 + -0.326 * log2(w / 100), w the transcript's words held within [50, 400] (the steps hold the value at 100 words; the shift and the term per doubling fitted together on the outside proposals), then the values, as they come out, read off 4 levels of about equal numbers of outside proposals, each worth its share right, (right+1)/(n+2), pooled to stay monotone (from 0: 0.628 on 2534, from 0.75: 0.812 on 2495, from 0.855: 0.878 on 2551, from 0.9: 0.928 on 2568); the pull of 1, 3, 10, 30, 100, 1000, the block of 0, 50, 100, 200, 300, 400, the length term or none, then the final levels of 0, 3, 4, 5, 6, 8, under which each outside set, predicted by the maps fitted on the others, has the lowest calibration error on average (0.048); no value above 0.97",
  fields: {
    amount: [
      {
        min: 0,
        p: 0.819,
        n: 243,
      },
    ],
    'amount:final': [
      {
        min: 0,
        p: 0.601,
        n: 26,
      },
      {
        min: 0.52,
        p: 0.601,
        n: 24,
      },
      {
        min: 0.61,
        p: 0.707,
        n: 125,
      },
      {
        min: 0.67,
        p: 0.819,
        n: 42,
      },
      {
        min: 0.71,
        p: 0.907,
        n: 230,
      },
      {
        min: 0.76,
        p: 0.907,
        n: 693,
      },
    ],
    'amount:later': [
      {
        min: 0,
        p: 0.601,
        n: 41,
      },
      {
        min: 0.67,
        p: 0.819,
        n: 13,
      },
      {
        min: 0.71,
        p: 0.865,
        n: 188,
      },
      {
        min: 0.87,
        p: 0.92,
        n: 13,
      },
    ],
    close_date: [
      {
        min: 0,
        p: 0.819,
        n: 39,
      },
      {
        min: 0.87,
        p: 0.819,
        n: 150,
      },
      {
        min: 0.92,
        p: 0.819,
        n: 90,
      },
    ],
    'close_date:final': [
      {
        min: 0,
        p: 0.601,
        n: 16,
      },
      {
        min: 0.59,
        p: 0.707,
        n: 32,
      },
      {
        min: 0.63,
        p: 0.761,
        n: 92,
      },
      {
        min: 0.68,
        p: 0.865,
        n: 297,
      },
      {
        min: 0.76,
        p: 0.865,
        n: 641,
      },
    ],
    'close_date:later': [
      {
        min: 0,
        p: 0.601,
        n: 8,
      },
      {
        min: 0.51,
        p: 0.761,
        n: 17,
      },
      {
        min: 0.6,
        p: 0.761,
        n: 125,
      },
      {
        min: 0.7,
        p: 0.819,
        n: 336,
      },
      {
        min: 0.87,
        p: 0.885,
        n: 115,
      },
    ],
    competitors: [
      {
        min: 0,
        p: 0.819,
        n: 178,
      },
    ],
    'competitors:final': [
      {
        min: 0,
        p: 0.601,
        n: 39,
      },
      {
        min: 0.75,
        p: 0.707,
        n: 49,
      },
      {
        min: 0.78,
        p: 0.819,
        n: 19,
      },
      {
        min: 0.8,
        p: 0.885,
        n: 775,
      },
    ],
    'competitors:later': [
      {
        min: 0,
        p: 0.819,
        n: 35,
      },
    ],
    next_step: [
      {
        min: 0,
        p: 0.707,
        n: 70,
      },
      {
        min: 0.65,
        p: 0.907,
        n: 210,
      },
    ],
    'next_step:final': [
      {
        min: 0,
        p: 0.601,
        n: 745,
      },
      {
        min: 0.5,
        p: 0.819,
        n: 49,
      },
      {
        min: 0.54,
        p: 0.881,
        n: 1070,
      },
      {
        min: 0.69,
        p: 0.92,
        n: 621,
      },
      {
        min: 0.74,
        p: 0.937,
        n: 1198,
      },
      {
        min: 0.84,
        p: 0.937,
        n: 328,
      },
    ],
    'next_step:later': [
      {
        min: 0,
        p: 0.601,
        n: 8,
      },
      {
        min: 0.55,
        p: 0.819,
        n: 36,
      },
    ],
    stage: [
      {
        min: 0,
        p: 0.707,
        n: 89,
      },
      {
        min: 0.8,
        p: 0.819,
        n: 181,
      },
    ],
    'stage:final': [
      {
        min: 0,
        p: 0.601,
        n: 8,
      },
      {
        min: 0.53,
        p: 0.601,
        n: 68,
      },
      {
        min: 0.65,
        p: 0.707,
        n: 42,
      },
      {
        min: 0.7,
        p: 0.707,
        n: 642,
      },
      {
        min: 0.79,
        p: 0.761,
        n: 446,
      },
      {
        min: 0.86,
        p: 0.937,
        n: 241,
      },
    ],
    'stage:later': [
      {
        min: 0,
        p: 0.707,
        n: 55,
      },
      {
        min: 0.84,
        p: 0.881,
        n: 19,
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
    perDoubling: -0.326,
  },
  final: [
    {
      min: 0,
      p: 0.628,
      n: 2534,
    },
    {
      min: 0.75,
      p: 0.812,
      n: 2495,
    },
    {
      min: 0.855,
      p: 0.878,
      n: 2551,
    },
    {
      min: 0.9,
      p: 0.928,
      n: 2568,
    },
  ],
};
