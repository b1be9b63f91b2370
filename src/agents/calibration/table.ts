import type { CalibrationTable } from './calibration.js';

// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.
export const CALIBRATION: CalibrationTable = {
  "fittedOn": "isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl (800 cases; proposals: close_date 300, amount 163, stage 158, next_step 157, competitors 181); match: share right per basis, same split",
  "fields": {
    "amount": [
      {
        "min": 0,
        "p": 0.83,
        "n": 163
      }
    ],
    "amount:final": [
      {
        "min": 0,
        "p": 0.992,
        "n": 127
      }
    ],
    "amount:later": [
      {
        "min": 0,
        "p": 0.263,
        "n": 36
      }
    ],
    "close_date": [
      {
        "min": 0,
        "p": 0.037,
        "n": 25
      },
      {
        "min": 0.82,
        "p": 0.939,
        "n": 275
      }
    ],
    "close_date:final": [
      {
        "min": 0,
        "p": 0.2,
        "n": 28
      },
      {
        "min": 0.84,
        "p": 0.967,
        "n": 28
      },
      {
        "min": 0.87,
        "p": 0.974,
        "n": 36
      },
      {
        "min": 0.89,
        "p": 0.994,
        "n": 174
      }
    ],
    "close_date:later": [
      {
        "min": 0,
        "p": 0.472,
        "n": 34
      }
    ],
    "competitors": [
      {
        "min": 0,
        "p": 0.995,
        "n": 181
      }
    ],
    "competitors:final": [
      {
        "min": 0,
        "p": 0.994,
        "n": 164
      }
    ],
    "next_step": [
      {
        "min": 0,
        "p": 0.943,
        "n": 157
      }
    ],
    "next_step:final": [
      {
        "min": 0,
        "p": 0.951,
        "n": 142
      }
    ],
    "stage": [
      {
        "min": 0,
        "p": 0.618,
        "n": 66
      },
      {
        "min": 0.86,
        "p": 0.979,
        "n": 92
      }
    ],
    "stage:final": [
      {
        "min": 0,
        "p": 0.6,
        "n": 63
      },
      {
        "min": 0.86,
        "p": 0.977,
        "n": 85
      }
    ]
  },
  "match": {
    "only-deal": 0.998,
    "named": 0.976,
    "participants": 0.981
  }
};
