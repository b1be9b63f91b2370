import { describe, expect, it } from 'vitest';
import { trustBlocker, type FieldTrustView } from './trust-panel';

const base: FieldTrustView = {
  field: 'amount',
  rule: 'auto',
  autoApplyEnabled: false,
  samples: 25,
  precision: 0.96,
  threshold: 0.95,
  minSamples: 20,
  autoApplyAllowed: true,
};

describe('trustBlocker', () => {
  it('lets an earned auto field be switched on', () => {
    expect(trustBlocker(base)).toBeNull();
  });

  it('says how many samples are still missing, then how far precision is below', () => {
    expect(trustBlocker({ ...base, samples: 7, autoApplyAllowed: false })).toBe(
      '7 of 20 samples measured in shadow',
    );
    expect(trustBlocker({ ...base, precision: 0.8, autoApplyAllowed: false })).toBe(
      'Precision 80% is below the 95% required',
    );
  });

  it('blocks a field whose rule is not auto, however precise', () => {
    expect(trustBlocker({ ...base, rule: 'ask' })).toMatch(/Always ask/);
  });
});
