import { describe, expect, it } from 'vitest';
import { bucketStart, fillBuckets, formatRate } from './chart-data';

const zero = (at: string) => ({ at, runs: 0 });

describe('fillBuckets', () => {
  it('fills the days the server left out with zeros, in order', () => {
    const points = [
      { at: '2026-03-01T00:00:00.000Z', runs: 4 },
      { at: '2026-03-03T00:00:00.000Z', runs: 2 },
    ];
    const filled = fillBuckets(
      points,
      {
        from: new Date('2026-03-01T10:00:00Z'),
        to: new Date('2026-03-04T09:00:00Z'),
        bucket: 'day',
      },
      zero,
    );
    expect(filled.map((p) => [p.at.slice(0, 10), p.runs])).toEqual([
      ['2026-03-01', 4],
      ['2026-03-02', 0],
      ['2026-03-03', 2],
      ['2026-03-04', 0],
    ]);
  });

  it('places an hourly point given mid-hour in its hour and drops points outside the range', () => {
    const filled = fillBuckets(
      [
        { at: '2026-03-01T11:30:00.000Z', runs: 7 },
        { at: '2026-02-01T11:00:00.000Z', runs: 9 },
      ],
      {
        from: new Date('2026-03-01T10:15:00Z'),
        to: new Date('2026-03-01T12:00:00Z'),
        bucket: 'hour',
      },
      zero,
    );
    expect(filled.map((p) => p.runs)).toEqual([0, 7, 0]);
  });

  it('stops at a year of hours for a range far too long', () => {
    const filled = fillBuckets(
      [],
      {
        from: new Date('2000-01-01T00:00:00Z'),
        to: new Date('2026-01-01T00:00:00Z'),
        bucket: 'hour',
      },
      zero,
    );
    expect(filled).toHaveLength(24 * 366);
  });
});

describe('bucketStart', () => {
  it('truncates to the UTC hour or day', () => {
    const at = new Date('2026-03-01T23:59:59.999Z');
    expect(bucketStart(at, 'hour').toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(bucketStart(at, 'day').toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('formatRate', () => {
  it('rounds to a whole percent and shows a dash for no data', () => {
    expect(formatRate(0.926)).toBe('93%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});
