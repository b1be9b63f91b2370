import { describe, expect, it } from 'vitest';
import {
  WEEKDAY_WEEK,
  weekdayWeek,
  endOfFiscalYear,
  endOfQuarter,
  fiscalYearOf,
  formatDate,
  localDate,
  nextEndOfQuarter,
  offsetMinutes,
  quarterOf,
} from './calendar.js';

describe('fiscal calendar', () => {
  it('names a fiscal year by the calendar year it ends in', () => {
    expect(fiscalYearOf({ year: 2026, month: 6, day: 30 }, 7)).toBe(2026);
    expect(fiscalYearOf({ year: 2026, month: 7, day: 1 }, 7)).toBe(2027);
    expect(fiscalYearOf({ year: 2026, month: 12, day: 31 }, 1)).toBe(2026);
    expect(formatDate(endOfFiscalYear(2027, 7))).toBe('2027-06-30');
    expect(formatDate(endOfFiscalYear(2027, 1))).toBe('2027-12-31');
  });

  it('counts quarters from the fiscal start month', () => {
    expect(quarterOf({ year: 2026, month: 10, day: 14 }, 1)).toBe(4);
    expect(quarterOf({ year: 2026, month: 10, day: 14 }, 10)).toBe(1);
    expect(quarterOf({ year: 2026, month: 1, day: 14 }, 2)).toBe(4);
    // Q4 of FY27 with an October start runs July to September 2027.
    expect(formatDate(endOfQuarter(2027, 4, 10))).toBe('2027-09-30');
    expect(formatDate(endOfQuarter(2027, 1, 10))).toBe('2026-12-31');
    expect(formatDate(endOfQuarter(2028, 1, 1))).toBe('2028-03-31');
  });

  it('reads a bare quarter as the next one not yet over, the current one included', () => {
    const today = { year: 2026, month: 10, day: 14 };
    expect(formatDate(nextEndOfQuarter(today, 4, 1))).toBe('2026-12-31');
    expect(formatDate(nextEndOfQuarter(today, 3, 1))).toBe('2027-09-30');
    expect(formatDate(nextEndOfQuarter({ year: 2026, month: 12, day: 31 }, 4, 1))).toBe(
      '2026-12-31',
    );
  });

  it("reads the day and offset in the workspace's zone, daylight saving included", () => {
    const instant = new Date('2026-11-01T03:30:00Z');
    expect(localDate(instant, 'America/New_York')).toEqual({ year: 2026, month: 10, day: 31 });
    expect(offsetMinutes(instant, 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2026-11-02T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(instant, 'Asia/Kolkata')).toBe(330);
  });

  it('reads "Friday week" and "a week on Friday" as the weekday a week after the coming one', () => {
    const monday = { year: 2026, month: 12, day: 7 };
    const read = (text: string, today = monday) =>
      [...text.matchAll(WEEKDAY_WEEK)].map((m) => formatDate(weekdayWeek(m, today)));
    expect(read("So you'll have the signed contract and the PO Friday week.")).toEqual([
      '2026-12-18',
    ]);
    expect(read("Let's speak a week on Monday.")).toEqual(['2026-12-14']);
    expect(read('Thursday week, then.', { year: 2026, month: 12, day: 10 })).toEqual([
      '2026-12-17',
    ]);
    expect(read('Friday works, and next week is quiet.')).toEqual([]);
  });

  it('counts "a week today", "a week from tomorrow" and "a fortnight on Friday" from their day', () => {
    const monday = { year: 2026, month: 11, day: 2 };
    const read = (text: string) =>
      [...text.matchAll(WEEKDAY_WEEK)].map((m) => formatDate(weekdayWeek(m, monday)));
    expect(read("I'll have it signed a week today. Monday.")).toEqual(['2026-11-09']);
    expect(read("I'll have it signed a week from tomorrow. Tuesday.")).toEqual(['2026-11-10']);
    expect(read('Then we sign two weeks today.')).toEqual(['2026-11-16']);
    expect(read("So we'll sign a fortnight on Friday.")).toEqual(['2026-11-20']);
    expect(read('A week from today works.')).toEqual(['2026-11-09']);
    expect(read('It takes a week, today is busy.')).toEqual([]);
  });
});
