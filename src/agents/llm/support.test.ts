import { describe, expect, it } from 'vitest';
import { unsupported } from './support.js';

describe('unsupported', () => {
  it('accepts quotes that name a date, a figure or each competitor', () => {
    expect(unsupported('date', '2026-12-15', 'We can sign by December 15th')).toBeNull();
    expect(unsupported('date', '2026-10-23', 'Signature by Friday works.')).toBeNull();
    expect(unsupported('date', '2026-12-31', 'We will sign by end of quarter.')).toBeNull();
    expect(unsupported('date', '2026-12-31', 'Dec. close is fine')).toBeNull();
    expect(unsupported('amount', { amount: 150000 }, 'a hundred and fifty thousand')).toBeNull();
    expect(unsupported('amount', { amount: 64000 }, 'we can do 64k')).toBeNull();
    expect(unsupported('competitors', ['Clari'], 'clari is still in the running')).toBeNull();
    expect(unsupported('stage', 'negotiation', 'Legal has the redlines')).toBeNull();
    expect(unsupported('text', 'Maria', 'Maria signs off')).toBeNull();
  });

  it('refuses a value pinned on a sentence that cannot carry it', () => {
    expect(unsupported('date', '2026-12-15', 'That works for us, thanks.')).toBe(
      'the quote "That works for us, thanks." names no date',
    );
    // "may" alone is a month only to a careless reader; "mayor" is not one.
    expect(unsupported('date', '2026-05-31', 'The mayor signed it')).not.toBeNull();
    expect(unsupported('amount', { amount: 64000 }, 'The price works for us.')).toBe(
      'the quote "The price works for us." names no figure',
    );
    expect(unsupported('competitors', ['Clari', 'Gong'], 'Clari is still in the running')).toBe(
      'the quote "Clari is still in the running" does not name Gong',
    );
  });
});
