import { describe, expect, it } from 'vitest';
import { ANY_NUMBER, numberValue, wordsToNumber } from './words-to-number.js';
import { findMoney } from './amount.js';

describe('wordsToNumber', () => {
  const cases: [string, number | null][] = [
    ['a hundred and fifty thousand', 150_000],
    ['one hundred fifty thousand', 150_000],
    ['one point two million', 1_200_000],
    ['two and a half million', 2_500_000],
    ['a million and a half', 1_500_000],
    ['twenty-eight lakh fifty', 2_850_000],
    ['two crore fifty', 25_000_000],
    ['a million', 1_000_000],
    ['twelve hundred', 1_200],
    ['ninety-five thousand', 95_000],
    ['three hundred and twenty-five thousand', 325_000],
    ['fifty', 50],
    // The hundreds said without the word, and a price's tenth after a full pair.
    ['one forty-six thousand', 146_000],
    ['two seventy-six', 276],
    ['one ten', 110],
    ['eighty-four five', 84.5],
    ['one sixty-two five', 162.5],
    // What follows a million is its thousands; digits read one by one are no number.
    ['one million eighty', 1_080_000],
    ['one million eight hundred', 1_800_000],
    ['one million two hundred fifty', 1_250_000],
    ['one million eighty thousand', 1_080_000],
    ['two million three', null],
    ['one one eight', null],
    ['a hundred and eighteen eight', 118.8],
    ['one fifteen five', 115.5],
    ['twenty five', 25],
    // A teen is a full pair too: "nineteen five" is 19.5, never 24.
    ['nineteen five', 19.5],
    ['fourteen four', 14.4],
    ['twelve five', 12.5],
    ['sixty-two five thousand', null],
    ['point', null],
    ['and', null],
  ];
  for (const [phrase, expected] of cases) {
    it(`reads "${phrase}"`, () => expect(wordsToNumber(phrase)).toBe(expected));
  }
});

describe('tens after tens', () => {
  it('are no number', () => {
    expect(wordsToNumber('fifty-fifty')).toBeNull();
    expect(wordsToNumber('twenty twenty')).toBeNull();
    expect(wordsToNumber('fifty-five')).toBe(55);
  });
});

describe('a quarter (k202)', () => {
  it('adds a quarter of the group or the scale said with "and a quarter"', () => {
    expect(wordsToNumber('one and a quarter million')).toBe(1_250_000);
    expect(wordsToNumber('a million and a quarter')).toBe(1_250_000);
  });

  it('leaves "a quarter" as a period to the money reader', () => {
    expect(findMoney('forty thousand a quarter')).toEqual([
      { amount: 40_000, currency: null, index: 0, length: 14 },
    ]);
  });
});

describe('a number said either way', () => {
  const values = (text: string) => [...text.matchAll(ANY_NUMBER)].map((m) => numberValue(m[0]));

  it('reads digits with their commas and decimals, and words', () => {
    expect(values('based on 1,250 seats and forty-two trucks, 4.5 per cent')).toEqual([
      1250, 42, 4.5,
    ]);
  });

  it('drops a trailing "and" or "a" and the closing mark', () => {
    expect(numberValue('forty and a')).toBe(40);
    expect(numberValue('Forty-four.')).toBe(44);
  });

  it('is null for what it cannot read whole', () => {
    expect(numberValue('fifty-fifty')).toBeNull();
    expect(numberValue('and')).toBeNull();
  });
});
