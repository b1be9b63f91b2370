import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  "fittedOn": "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 302, amount 156, stage 221, next_step 198, competitors 166); match: share right per basis, same split",
  "fields": {
    "amount": [
      {
        "min": 0,
        "p": 0.816,
        "n": 156
      }
    ],
    "amount:final": [
      {
        "min": 0,
        "p": 0.991,
        "n": 115
      }
    ],
    "amount:later": [
      {
        "min": 0,
        "p": 0.326,
        "n": 41
      }
    ],
    "close_date": [
      {
        "min": 0,
        "p": 0.382,
        "n": 32
      },
      {
        "min": 0.84,
        "p": 0.93,
        "n": 270
      }
    ],
    "close_date:final": [
      {
        "min": 0,
        "p": 0.379,
        "n": 27
      },
      {
        "min": 0.84,
        "p": 0.969,
        "n": 30
      },
      {
        "min": 0.87,
        "p": 0.975,
        "n": 38
      },
      {
        "min": 0.89,
        "p": 0.977,
        "n": 41
      },
      {
        "min": 0.9,
        "p": 0.981,
        "n": 51
      },
      {
        "min": 0.92,
        "p": 0.987,
        "n": 77
      }
    ],
    "close_date:later": [
      {
        "min": 0,
        "p": 0.45,
        "n": 38
      }
    ],
    "competitors": [
      {
        "min": 0,
        "p": 0.994,
        "n": 166
      }
    ],
    "competitors:final": [
      {
        "min": 0,
        "p": 0.993,
        "n": 133
      }
    ],
    "competitors:later": [
      {
        "min": 0,
        "p": 0.971,
        "n": 33
      }
    ],
    "next_step": [
      {
        "min": 0,
        "p": 0.995,
        "n": 198
      }
    ],
    "next_step:final": [
      {
        "min": 0,
        "p": 0.994,
        "n": 176
      }
    ],
    "next_step:later": [
      {
        "min": 0,
        "p": 0.958,
        "n": 22
      }
    ],
    "stage": [
      {
        "min": 0,
        "p": 0.991,
        "n": 221
      }
    ],
    "stage:final": [
      {
        "min": 0,
        "p": 0.99,
        "n": 193
      }
    ],
    "stage:later": [
      {
        "min": 0,
        "p": 0.967,
        "n": 28
      }
    ]
  },
  "match": {
    "only-deal": 0.998,
    "named": 0.983,
    "participants": 0.984
  }
};
