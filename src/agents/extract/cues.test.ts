import { describe, expect, it } from 'vitest';
import { LATER_DAY, agreementAfter, dayToCome, inStoryOfThePast, sellerNames } from './cues.js';
import { call } from './test-utterances.js';

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

describe('agreementAfter', () => {
  it('is the other side saying yes in the next reply', () => {
    const said = call(['internal', 'I can send the proposal today.'], ['external', 'Yes, please.']);
    expect(agreementAfter(said, 0)).toBe(1);
    expect(agreementAfter(call(['internal', 'A demo next week?'], ['external', 'Maybe.']), 0)).toBe(
      null,
    );
  });

  it('waits for the answer to a question the other side asks first', () => {
    // After k263: the sandbox offered, a question on it, its answer, then the yes.
    const said = call(
      ['internal', 'We can set up a sandbox with your real inventory.'],
      ['external', 'In parallel, with real staff?'],
      ['internal', 'With real staff, fake bookings. So nothing breaks.'],
      ['external', 'Good. Do it.'],
    );
    expect(agreementAfter(said, 0)).toBe(3);
  });

  it('takes no yes after a question answered with another question, or a refusal', () => {
    const asked = call(
      ['internal', 'We can set up a sandbox.'],
      ['external', 'With real staff?'],
      ['internal', 'Would you want that?'],
      ['external', 'Yes.'],
    );
    expect(agreementAfter(asked, 0)).toBe(null);
    const refused = call(
      ['internal', 'We can set up a sandbox.'],
      ['external', 'With real staff?'],
      ['internal', 'With real staff.'],
      ['external', 'No, not yet.'],
    );
    expect(agreementAfter(refused, 0)).toBe(null);
    // A reply that is not a question is the answer itself: no later yes is read.
    const declined = call(
      ['internal', 'We can set up a sandbox.'],
      ['external', 'We have no time for that.'],
      ['internal', 'Understood.'],
      ['external', 'Yes.'],
    );
    expect(agreementAfter(declined, 0)).toBe(null);
  });
});
