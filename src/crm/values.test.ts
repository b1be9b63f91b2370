import { describe, expect, it } from 'vitest';
import { canonicalValue, sameCrmValue } from './values.js';

describe('sameCrmValue', () => {
  it('treats the two CRMs spellings of one value as equal', () => {
    expect(sameCrmValue('450000.0', 450000)).toBe(true);
    expect(sameCrmValue('2026-12-31T00:00:00Z', '2026-12-31')).toBe(true);
    expect(sameCrmValue('2026-12-31T00:00:00.000Z', '2026-12-31')).toBe(true);
    expect(sameCrmValue('true', true)).toBe(true);
    expect(sameCrmValue('', null)).toBe(true);
    expect(sameCrmValue(undefined, null)).toBe(true);
  });

  it('tells different values apart', () => {
    expect(sameCrmValue('450000', 450001)).toBe(false);
    expect(sameCrmValue('2026-12-31T05:00:00Z', '2026-12-31')).toBe(false);
    expect(sameCrmValue('Closed Won', 'closed won')).toBe(false);
    expect(sameCrmValue('0', null)).toBe(false);
    expect(sameCrmValue(false, null)).toBe(false);
  });

  it('keeps text as it is', () => {
    expect(canonicalValue('  Call the CFO ')).toBe('  Call the CFO ');
    expect(canonicalValue('1e3')).toBe('1000');
  });
});
