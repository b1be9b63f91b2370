/**
 * Calendar arithmetic for the generator's labels, written apart from the extractors'
 * (src/agents/extract/calendar.ts) so a shared mistake cannot label its own output right.
 */
export interface Day {
  y: number;
  m: number; // 1..12
  d: number;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The calendar day of an instant in an IANA zone. */
export function dayIn(instant: string, timeZone: string): Day {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
  const [y, m, d] = parts.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

export const iso = ({ y, m, d }: Day) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function plusDays({ y, m, d }: Day, days: number): Day {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export const lastDay = (y: number, m: number): Day => ({
  y,
  m,
  d: new Date(Date.UTC(y, m, 0)).getUTCDate(),
});

export const before = (a: Day, b: Day) => iso(a) < iso(b);

/** The last day of the fiscal quarter holding `day`, fiscal years starting in `start`. */
export function quarterEnd(day: Day, start: number): Day {
  const into = (day.m - start + 12) % 12; // months since the fiscal year began
  const endOffset = into - (into % 3) + 2; // last month of the quarter, from its start
  const months = day.y * 12 + (day.m - 1) - into + endOffset;
  return lastDay(Math.floor(months / 12), (months % 12) + 1);
}

/** Fiscal quarter number 1..4 of a day. */
export const quarterNumber = (day: Day, start: number) =>
  Math.floor(((day.m - start + 12) % 12) / 3) + 1;

export function ordinal(n: number): string {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${tail}`;
}
