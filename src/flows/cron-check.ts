/**
 * Whether a schedule trigger can fire: a five-field cron (minute hour day-of-month month
 * day-of-week; numbers, `*`, ranges, steps, lists, JAN..DEC and SUN..SAT) read in an
 * IANA time zone. A saved flow never holds a schedule the tick job cannot read.
 */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC' },
  // 7 is Sunday too, as in Vixie cron.
  { name: 'day of week', min: 0, max: 7, names: 'SUN MON TUE WED THU FRI SAT' },
] as const;

function numberIn(text: string, field: (typeof FIELDS)[number]): number | null {
  const names = 'names' in field ? field.names.split(' ') : [];
  const named = names.indexOf(text.toUpperCase());
  if (named >= 0) return named + (field.min === 1 ? 1 : 0);
  if (!/^\d{1,2}$/.test(text)) return null;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : null;
}

function fieldValid(text: string, field: (typeof FIELDS)[number]): boolean {
  return text.split(',').every((part) => {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined) return false;
    if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) >= 1)) return false;
    if (range === '*') return true;
    const [from, to, more] = (range ?? '').split('-');
    if (more !== undefined) return false;
    const start = numberIn(from ?? '', field);
    if (start === null) return false;
    if (to === undefined) return true;
    const end = numberIn(to, field);
    return end !== null && end >= start;
  });
}

export function timeZoneValid(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return timezone.length > 0;
  } catch {
    return false;
  }
}

/** Null when the schedule can fire, else which field is wrong and why. */
export function checkCron(
  cron: string,
  timezone: string,
): { field: 'cron' | 'timezone'; message: string } | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    return {
      field: 'cron',
      message: 'must have five fields: minute hour day-of-month month day-of-week',
    };
  }
  const wrong = FIELDS.find((field, index) => !fieldValid(parts[index]!, field));
  if (wrong) {
    return {
      field: 'cron',
      message: `the ${wrong.name} field "${parts[FIELDS.indexOf(wrong)]}" must be *, a number from ${wrong.min} to ${wrong.max}, a range, a step or a list`,
    };
  }
  if (!timeZoneValid(timezone)) {
    return { field: 'timezone', message: `"${timezone}" is not an IANA time zone (Europe/Paris)` };
  }
  return null;
}
