import { describe, expect, it } from 'vitest';
import { defaultDealName } from './create-deal.js';

describe('the default name of a deal made from a meeting', () => {
  it('is "Account – title", without naming the account twice', () => {
    expect(defaultDealName('Acme', 'Discovery call')).toBe('Acme – Discovery call');
    expect(defaultDealName('Granite Labs', 'Discovery – granite labs')).toBe(
      'Discovery – granite labs',
    );
    expect(defaultDealName(null, 'Intro')).toBe('Account – Intro');
  });
});
