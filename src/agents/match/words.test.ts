import { describe, expect, it } from 'vitest';
import { numberedParts } from './words.js';

describe('numberedParts', () => {
  it('reads a part and its figure however the figure is said', () => {
    expect(numberedParts('Evropa Market - Phase 2 (regional stores)')).toEqual(['phase 2']);
    expect(numberedParts('phase two, then the third wave')).toEqual(['phase 2', 'wave 3']);
    expect(numberedParts('Lot II Mali, Tranche 1')).toEqual(['lot 2', 'tranche 1']);
  });

  it('reads no part from a lower-case "i", a year or a word alone', () => {
    expect(numberedParts('that phase i think is over')).toEqual([]);
    expect(numberedParts('Pilot 2025, release 2026, the phase after')).toEqual([]);
  });
});
