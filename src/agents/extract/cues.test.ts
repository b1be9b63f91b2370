import { describe, expect, it } from 'vitest';
import { LATER_DAY, dayToCome, inStoryOfThePast, sellerNames } from './cues.js';

describe('sellerNames', () => {
  it('reads the name before the public suffix of each internal domain', () => {
    expect(sellerNames(['compraxis.es', 'mail.qirtas.ae', 'acme.co.uk'])).toEqual([
      'compraxis',
      'qirtas',
      'acme',
    ]);
    expect(sellerNames(['wagtailvet.com.au', 'get-foyer.io'])).toEqual(['wagtailvet', 'get-foyer']);
  });

  it('leaves out names too short to be told from a word, and repeats', () => {
    expect(sellerNames(['abc.com', 'acme.com', 'eu.acme.com', 'localhost'])).toEqual(['acme']);
  });
});

describe('inStoryOfThePast', () => {
  it('reads a signing after a sentence of another time as a story', () => {
    expect(
      inStoryOfThePast('Last year we changed the PMS.', 'We signed on the thirty-first of March.'),
    ).toBe(true);
    expect(
      inStoryOfThePast(
        'We did exactly that with the document people last year.',
        'Signed on the thirtieth of December and regretted it for a year.',
      ),
    ).toBe(true);
    // "It has. Two years almost. We chose Crowdin, you remember." (k256)
    expect(inStoryOfThePast('It has. Two years almost.', 'We chose Crowdin, you remember.')).toBe(
      true,
    );
    expect(inStoryOfThePast('You remember the audit?', 'We chose Crowdin.')).toBe(true);
  });

  it('keeps a signing the sentence brings back to now', () => {
    expect(inStoryOfThePast('Last year we rushed it.', "This time we'll sign by the 15th.")).toBe(
      false,
    );
    expect(inStoryOfThePast('We used to sign in June.', 'We signed this morning.')).toBe(false);
  });

  it('needs a sentence before that tells of another time', () => {
    expect(inStoryOfThePast(undefined, 'We signed on the thirty-first of March.')).toBe(false);
    expect(inStoryOfThePast('Good call.', 'We signed on the thirty-first of March.')).toBe(false);
  });
});

describe('a day still to come', () => {
  it('is heard in a plan, not in a time already past', () => {
    for (const text of [
      "Then Thursday it's signed.",
      'By EOQ.',
      'End of next month.',
      'In two weeks.',
    ])
      expect(LATER_DAY.test(text), text).toBe(true);
    for (const text of ['Signed yesterday.', 'This morning.', 'Last week, on the call.'])
      expect(LATER_DAY.test(text), text).toBe(false);
  });

  it('is all a short sentence says, for dayToCome', () => {
    expect(dayToCome('Ja, end of next month.')).toBe(true);
    expect(dayToCome('It went out on Friday.')).toBe(false);
    expect(
      dayToCome('We would like to have the whole thing settled by the end of next month.'),
    ).toBe(false);
  });
});
