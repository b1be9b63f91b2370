import { describe, expect, it } from 'vitest';
import { defaultDealName } from './deal-name.js';

describe('default deal name', () => {
  it('is the account and the title when the title does not name the account', () => {
    expect(defaultDealName('Granite Labs', 'Discovery call')).toBe('Granite Labs – Discovery call');
  });

  it('is the title alone when it already names the account, whatever the case', () => {
    expect(defaultDealName('Granite Labs', 'Discovery – granite LABS')).toBe(
      'Discovery – granite LABS',
    );
    expect(defaultDealName(' Granite Labs ', 'Granite Labs renewal')).toBe('Granite Labs renewal');
  });

  it('says Account when the account has no name', () => {
    expect(defaultDealName(null, 'Intro')).toBe('Account – Intro');
    expect(defaultDealName('  ', 'Intro')).toBe('Account – Intro');
  });
});
