import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_AUTO_THRESHOLD, ruleFor } from './decide.js';
import { AGENT_TEMPLATES } from './templates.js';

describe('decide', () => {
  it('asks a person about a next step, an amount or a close date unless the rules say otherwise, whatever its confidence', () => {
    expect(ruleFor('next_step', undefined)).toEqual({ rule: 'ask', threshold: 1 });
    expect(decide('next_step', 0.999, 1, undefined)).toBe('inbox');
    expect(decide('amount', 0.999, 1, undefined)).toBe('inbox');
    expect(decide('close_date', 0.999, 1, undefined)).toBe('inbox');
    expect(decide('amount', 0.97, 1, { amount: { rule: 'auto', threshold: 0.95 } })).toBe(
      'auto_apply',
    );
    expect(decide('next_step', 0.97, 1, { next_step: { rule: 'auto', threshold: 0.95 } })).toBe(
      'auto_apply',
    );
  });

  it('applies the other eval fields at the default threshold with a sure match, else asks', () => {
    expect(ruleFor('stage', undefined)).toEqual({
      rule: 'auto',
      threshold: DEFAULT_AUTO_THRESHOLD,
    });
    expect(decide('stage', DEFAULT_AUTO_THRESHOLD, 0.95, undefined)).toBe('auto_apply');
    expect(decide('competitors', DEFAULT_AUTO_THRESHOLD - 0.01, 0.95, undefined)).toBe('inbox');
    expect(decide('stage', 0.99, 0.5, undefined)).toBe('inbox');
    expect(decide('champion', 0.99, 1, undefined)).toBe('inbox');
    expect(decide('stage', 0.99, 1, { stage: { rule: 'never', threshold: 0 } })).toBeNull();
  });

  it('starts every template that proposes a next step with a person confirming it', () => {
    const rules = AGENT_TEMPLATES.flatMap((t) => t.fields.filter((f) => f.field === 'next_step'));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((f) => f.rule === 'ask')).toBe(true);
  });
});
