import { describe, expect, it } from 'vitest';
import { asksQuestion, splitSentences, withoutQuestionTag } from './sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at sentence ends, keeping each one its punctuation and place', () => {
    const text = 'Signing. Done! Did you get it?';
    expect(texts(text)).toEqual(['Signing.', 'Done!', 'Did you get it?']);
    for (const s of splitSentences(text))
      expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('does not split after an initial, a month, a title or a street saint', () => {
    expect(texts('Send it to J. Smith by Dec. 15 please.')).toHaveLength(1);
    expect(texts('Yes, send the St. Thomas quote to me and Dr. Vega.')).toHaveLength(1);
    expect(texts('The price is $1.2M.')).toHaveLength(1);
  });

  it("splits after a word that ends on an apostrophe's letter", () => {
    expect(texts("You won't. Our onboarding person will email you tomorrow.")).toEqual([
      "You won't.",
      'Our onboarding person will email you tomorrow.',
    ]);
    expect(texts("We can't. Send the quote.")).toHaveLength(2);
  });
});

describe('question tags', () => {
  it('reads a statement with a tag as the statement, and only a real question as asking', () => {
    expect(withoutQuestionTag("The contract was signed on Friday, didn't you get it?")).toBe(
      'The contract was signed on Friday.',
    );
    expect(withoutQuestionTag('You know Heinsohn quoted us 140 million, right?')).toBe(
      'You know Heinsohn quoted us 140 million.',
    );
    expect(asksQuestion('We sign on the 15th, correct?')).toBe(false);
    expect(asksQuestion('Can we sign on the 15th?')).toBe(true);
    expect(asksQuestion('Is it signed, or not yet?')).toBe(true);
    expect(withoutQuestionTag('Which one, the 6th?')).toBe('Which one, the 6th?');
    expect(withoutQuestionTag("Then we can sign this week, can't we?")).toBe(
      'Then we can sign this week.',
    );
  });
});
