const UNITS: Record<string, number> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Scale words said after a number, here and in figures ("650 juta", "1.2 million"). */
export const SPOKEN_SCALES: Readonly<Record<string, number>> = {
  grand: 1_000,
  thousand: 1_000,
  // Indian numbering: "forty-two lakh", "three point six crore"; "lac" is lakh too.
  lakh: 100_000,
  lakhs: 100_000,
  lac: 100_000,
  crore: 10_000_000,
  crores: 10_000_000,
  // Indonesian and Malay: "dua ratus juta" is said in English as "two hundred juta".
  ribu: 1_000,
  juta: 1_000_000,
  miliar: 1_000_000_000,
  milyar: 1_000_000_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  // Russian, French and German count a thousand million as a milliard.
  milliard: 1_000_000_000,
  milliards: 1_000_000_000,
};

/** What "and a half" and "and a quarter" add: "two and a half million", "one and a quarter million". */
const FRACTIONS: Readonly<Record<string, number>> = { half: 0.5, quarter: 0.25 };

/** Longest first, so an alternation takes "seventeen" whole rather than "seven". */
const alternation = (words: readonly string[]): string =>
  [...words].sort((x, y) => y.length - x.length).join('|');

/** The words a number begins with, and those that may follow ("a hundred and fifty thousand"). */
const NUMBER_START = [...Object.keys(UNITS), 'hundred', ...Object.keys(SPOKEN_SCALES)];
const NUMBER_GOES_ON = `(?:[\\s-]+(?:${alternation([
  ...NUMBER_START,
  'point',
  'and',
  'half',
  'a',
  // Only as a whole: "one and a quarter million"; "forty thousand a quarter" is a price
  // per quarter.
  'and a quarter',
])})\\b)*\\b`;

/** Words a spoken number is made of; a run of them is handed to `wordsToNumber`. */
export const NUMBER_WORDS = new RegExp(
  `\\b(?:${alternation([...NUMBER_START, 'point', 'and', 'half'])})${NUMBER_GOES_ON}`,
  'gi',
);

/**
 * A spoken number as a pattern's source, for finding one beside other words ("thirty-five or
 * twenty-five", "another two hundred"). It starts at a number itself, not at "a", "and" or
 * "point", so "another point" and "plan A or" are no numbers.
 */
export const SPOKEN_NUMBER = `\\b(?:${alternation(
  NUMBER_START.filter((w) => w !== 'a' && w !== 'an'),
)})${NUMBER_GOES_ON}`;

/**
 * Reads a spoken number: "a hundred and fifty thousand", "one point two million",
 * "two and a half million", "twelve hundred", and the hundreds said without the word
 * ("one forty-six thousand" is 146,000, "two seventy-six" 276). A single digit after a
 * full pair ("eighty-four five", "nineteen five", "one sixty-two five") is its tenth:
 * 84.5, 19.5, 162.5, the way a price in thousands is said. Returns null for anything it cannot read whole, so
 * a misheard phrase never becomes a number.
 */
export function wordsToNumber(phrase: string): number | null {
  const words = phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w.length > 0);
  let total = 0;
  let group = 0;
  let seen = false;
  /** The scale the words last named: "one million eighty" leaves its thousand unsaid. */
  let lastScale = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'and') {
      // "two and a half million": the half belongs to the group being built.
      const part = words[i + 1] === 'a' ? FRACTIONS[words[i + 2] ?? ''] : undefined;
      if (part !== undefined) {
        // "a million and a half": half of the scale just said.
        if (group === 0 && lastScale > 0) total += lastScale * part;
        else group += part;
        i += 2;
      }
      continue;
    }
    if (w === 'point') {
      const digits: number[] = [];
      while (
        i + 1 < words.length &&
        UNITS[words[i + 1]!] !== undefined &&
        UNITS[words[i + 1]!]! < 10 &&
        words[i + 1] !== 'a' &&
        words[i + 1] !== 'an'
      ) {
        digits.push(UNITS[words[++i]!]!);
      }
      if (digits.length === 0) return null;
      group += Number(`0.${digits.join('')}`);
      continue;
    }
    if (w === 'half') {
      if (group !== 0 || (words[i - 1] !== 'a' && words[i - 1] !== 'an')) return null;
      group = 0.5;
      continue;
    }
    const unit = UNITS[w];
    if (unit !== undefined) {
      if ((w === 'a' || w === 'an') && words[i + 1] === 'half') continue;
      // "Fifty-fifty", "twenty twenty": tens after tens are no number.
      if (unit >= 20 && unit % 10 === 0 && group % 100 >= 20) return null;
      const next = UNITS[words[i + 1] ?? ''];
      if (unit >= 1 && unit <= 9 && group % 100 === 0 && next !== undefined && next >= 10) {
        // "one forty-six": a digit before tens or a teen is the hundreds.
        group += unit * 100;
        seen = true;
        continue;
      }
      // "eighty-four five" (84.5), "nineteen five" (19.5) and "a hundred and eighteen
      // eight" (118.8): a teen, or a tens with its unit, is a full pair.
      const pairDone =
        (group % 10 !== 0 && group % 100 > 20) || (group % 100 >= 10 && group % 100 < 20);
      if (unit >= 1 && unit <= 9 && pairDone && i === words.length - 1) {
        // "eighty-four five": the tenth after a full pair, at the end of the figure.
        group += unit / 10;
        seen = true;
        continue;
      }
      if (unit <= 9 && pairDone) return null;
      // "One one eight.": digits read out one by one are no number said.
      if (unit <= 9 && w !== 'a' && w !== 'an' && (UNITS[words[i - 1] ?? ''] ?? 10) <= 9)
        return null;
      group += unit;
      seen = true;
      continue;
    }
    if (w === 'hundred') {
      group = (group || 1) * 100;
      seen = true;
      continue;
    }
    const scale = SPOKEN_SCALES[w];
    if (scale !== undefined) {
      total += (group || 1) * scale;
      group = 0;
      lastScale = scale;
      seen = true;
      continue;
    }
    return null;
  }
  if (!seen) return null;
  // "One million eighty", "one million eight hundred": what follows a million is its
  // thousands (1,080,000; 1,800,000); a lone digit after it ("two million three") is
  // either 2.3 million or 2,003,000 and is read as neither.
  // "Twenty-eight lakh fifty" is 28.5 lakh: what follows a lakh or a crore is its
  // thousands, as the Indian system groups them.
  if ((lastScale === 100_000 || lastScale === 10_000_000) && group > 0 && group < 100) {
    if (!Number.isInteger(group)) return null;
    group *= lastScale / 100;
  }
  if (lastScale >= 1_000_000 && group > 0 && group < 1000 && Number.isInteger(group)) {
    if (group < 10) return null;
    group *= lastScale / 1000;
  }
  return Math.round((total + group) * 100) / 100;
}

/** A number said either way: in digits ("42", "1,250", "4.5") or in words ("forty-two"). */
export const ANY_NUMBER = new RegExp(`\\d[\\d,]*(?:\\.\\d+)?|${NUMBER_WORDS.source}`, 'gi');

/**
 * The value of a number `ANY_NUMBER` found: digits with their thousands commas, or words
 * read by `wordsToNumber` once a trailing "and" or "a" ("forty and a", cut off before the
 * rest) is dropped. Null for anything it cannot read whole.
 */
export function numberValue(said: string): number | null {
  const text = said.trim().replace(/[.,!?]+$/, '');
  if (/^\d/.test(text)) {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return wordsToNumber(text.replace(/(\s+(and|an?))+\s*$/i, ''));
}
