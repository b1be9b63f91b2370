import type { FieldKind } from './fields.js';

/**
 * Whether a verbatim quote can carry the value at all. A quote copied from the
 * transcript proves the words were said, not that they say this: a model can pin an
 * invented figure on any real sentence. These checks are deliberately loose (a date
 * needs some date word, an amount some number, each competitor its name); a value
 * they refuse is dropped, which costs a proposal, never a wrong write.
 */
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|grand|k)\b/i;

const DATE_WORD = new RegExp(
  [
    '\\d',
    '\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b',
    '\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b',
    '\\b(?:today|tonight|tomorrow|week|weeks|weekend|month|months|quarter|quarters|year|years|eoq|eoy|eom|fy\\d*|q[1-4]|h[12])\\b',
    '\\b(?:christmas|thanksgiving|new year|holidays?)\\b',
  ].join('|'),
  'i',
);

/** Null when the quote can carry the value, else why not. */
export function unsupported(kind: FieldKind, value: unknown, quote: string): string | null {
  switch (kind) {
    case 'date':
      return DATE_WORD.test(quote) ? null : `the quote "${quote}" names no date`;
    case 'amount':
      return NUMBER.test(quote) ? null : `the quote "${quote}" names no figure`;
    case 'competitors': {
      const lower = quote.toLowerCase();
      const missing = (value as string[]).filter((name) => !lower.includes(name.toLowerCase()));
      return missing.length === 0
        ? null
        : `the quote "${quote}" does not name ${missing.join(', ')}`;
    }
    default:
      return null;
  }
}
