import { describe, expect, it } from 'vitest';
import { bucketLabel, formatRate } from './chart-data';

describe('bucketLabel', () => {
  it('names a day by its date and an hour by its hour', () => {
    expect(bucketLabel('2026-03-04T00:00:00.000Z', 'day')).toMatch(/4/);
    expect(bucketLabel('2026-03-04T15:00:00.000Z', 'hour')).not.toBe(
      bucketLabel('2026-03-04T16:00:00.000Z', 'hour'),
    );
  });

  it('tells the minutes of one hour apart (the flows performance view)', () => {
    expect(bucketLabel('2026-03-04T15:04:00.000Z', 'minute')).not.toBe(
      bucketLabel('2026-03-04T15:05:00.000Z', 'minute'),
    );
  });
});

describe('formatRate', () => {
  it('rounds to a whole percent and shows a dash for no data', () => {
    expect(formatRate(0.926)).toBe('93%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
});
