import { describe, expect, it } from 'vitest';
import { fieldEntries, warningText } from './activity-entry';

describe('fieldEntries', () => {
  it("reads each field's before, after, confidence, decision and quote", () => {
    expect(
      fieldEntries({
        amount: {
          before: 50000,
          after: 64000,
          confidence: '0.93',
          decision: 'inbox',
          status: 'pending',
          quote: 'we can do 64k',
        },
      }),
    ).toEqual([
      {
        field: 'amount',
        before: 50000,
        after: 64000,
        confidence: 0.93,
        decision: 'inbox',
        status: 'pending',
        quote: 'we can do 64k',
      },
    ]);
  });

  it('survives an entry that is not an object and a missing confidence', () => {
    expect(fieldEntries({ stage: 'odd' })).toEqual([
      {
        field: 'stage',
        before: undefined,
        after: undefined,
        confidence: null,
        decision: null,
        status: null,
        quote: null,
      },
    ]);
  });
});

describe('warningText', () => {
  it('reads strings and objects with a message', () => {
    expect(warningText('two deals match')).toBe('two deals match');
    expect(warningText({ code: 'x', message: 'no transcript' })).toBe('no transcript');
    expect(warningText({ code: 'x' })).toBe('{"code":"x"}');
  });
});
