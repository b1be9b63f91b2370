/** A calendar day in the workspace's zone, month 1-12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar day an instant falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Minutes the zone is ahead of UTC at `instant` (chrono's `timezone` reference). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(year: number, month: number): LocalDate {
  return { year, month, day: daysInMonth(year, month) };
}

export function formatDate(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Fiscal years are named by the calendar year they end in (FY27 with a July start
 * runs July 2026 - June 2027), the default of both CRMs' fiscal settings.
 */
export function fiscalYearOf(d: LocalDate, startMonth: number): number {
  return startMonth === 1 || d.month < startMonth ? d.year : d.year + 1;
}

export function endOfFiscalYear(fiscalYear: number, startMonth: number): LocalDate {
  if (startMonth === 1) return endOfMonth(fiscalYear, 12);
  return endOfMonth(fiscalYear, startMonth - 1);
}

/** Fiscal quarter (1-4) a day falls in. */
export function quarterOf(d: LocalDate, startMonth: number): number {
  const monthsIn = (d.month - startMonth + 12) % 12;
  return Math.floor(monthsIn / 3) + 1;
}

/** Last day of quarter `q` of fiscal year `fiscalYear`. */
export function endOfQuarter(fiscalYear: number, q: number, startMonth: number): LocalDate {
  const firstYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const monthIndex = startMonth - 1 + q * 3 - 1; // 0-based from January of firstYear
  return endOfMonth(firstYear + Math.floor(monthIndex / 12), (monthIndex % 12) + 1);
}

/** The end of the next quarter `q` that has not ended before `today` (the current one counts). */
export function nextEndOfQuarter(today: LocalDate, q: number, startMonth: number): LocalDate {
  const fy = fiscalYearOf(today, startMonth);
  const thisYears = endOfQuarter(fy, q, startMonth);
  return compareDates(thisYears, today) >= 0 ? thisYears : endOfQuarter(fy + 1, q, startMonth);
}

export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Day of the week, 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Weekdays by the first three letters of their names, Sunday first as `dayOfWeek` counts. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Weeks counted on from a day (British and Irish English): "Friday week" and "a week on
 * Friday" are the weekday a week after the coming one, today counting as the coming one;
 * "a week today", "a week from tomorrow", "two weeks today" and "a fortnight on Friday"
 * count their weeks from that day. Matches carry the weekday-week's weekday in group 1;
 * else the count (2), the unit (3) and the weekday (4) or "today"/"tomorrow" (5).
 */
export const WEEKDAY_WEEK =
  /\b(?:(mon|tues|wednes|thurs|fri|satur|sun)day week|(a|one|two|three) (weeks?|fortnight) (?:on |from )?(?:(mon|tues|wednes|thurs|fri|satur|sun)day|(today|tomorrow)))\b/gi;

const WEEK_COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3 };

/** The day a `WEEKDAY_WEEK` match means, said on `today`. */
export function weekdayWeek(match: RegExpMatchArray, today: LocalDate): LocalDate {
  const count = match[1] ? 1 : WEEK_COUNTS[match[2]!.toLowerCase()]!;
  const weeks = /fortnight/i.test(match[3] ?? '') ? 2 * count : count;
  const name = match[1] ?? match[4];
  if (name === undefined) return addDays(today, 7 * weeks + (/tomorrow/i.test(match[5]!) ? 1 : 0));
  const weekday = WEEKDAYS.indexOf(name.toLowerCase().slice(0, 3));
  return addDays(today, ((weekday - dayOfWeek(today) + 7) % 7) + 7 * weeks);
}
