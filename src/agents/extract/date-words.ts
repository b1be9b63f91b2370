/**
 * The words dates are spoken in, shared by the readers' patterns: the months, the days
 * of the week and the days of a month said as words. A pattern then says what it looks
 * for ("a month, then a day") rather than the thirty words that takes, and a word added
 * here reaches every reader.
 *
 * Each is an alternation, meant to sit inside a group of the pattern that uses it.
 */

/** The months in full. */
export const MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december';

/** A month in full or cut short: "Jan", "Sept", "December". */
export const MONTH_OR_SHORT =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** The days of the week. */
export const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/** The working days, Monday to Friday. */
export const WORKDAY = 'monday|tuesday|wednesday|thursday|friday';

/** The days of a month said as ordinals, the first to the twentieth: its index plus one. */
export const DAY_ORDINALS: readonly string[] = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** An ordinal that can follow "twenty-" or "thirty-": "first" to "ninth". */
export const ORDINAL_ONES = DAY_ORDINALS.slice(0, 9).join('|');

/** An ordinal that is a day on its own, "first" to "twentieth", and "thirtieth". */
export const ORDINAL_DAY = [...DAY_ORDINALS, 'thirtieth'].join('|');

/** An ordinal from the tenth up, which says a day of the month even without "the". */
export const ORDINAL_TENTH_UP = [...DAY_ORDINALS.slice(9), 'thirtieth'].join('|');

/** A day of the month said as a cardinal, "thirty-one" down to "one". */
export const CARDINAL_DAY =
  'thirty[- ]one|thirty|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one';

const MONTH_STARTS = MONTH.split('|').map((name) => name.slice(0, 3));

/** The month a name says, 1 to 12, from its first three letters ("Sept" is 9); 0 for none. */
export function monthNumber(word: string): number {
  return MONTH_STARTS.indexOf(word.toLowerCase().slice(0, 3)) + 1;
}
