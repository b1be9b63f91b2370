import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { validateFlowDefinition } from './definition.js';

/** The definition check with the real step registry: what a builder's flow meets. */
function pathsOf(steps: unknown[]): string[] {
  try {
    validateFlowDefinition({ trigger: { type: 'manual' }, steps }, { kind: 'flow' });
    return [];
  } catch (error) {
    return ((error as HttpError).details as { path: string }[]).map((issue) => issue.path);
  }
}

const setVar = (key: string) => ({
  key,
  type: 'set_variable',
  config: { name: key, type: 'number', value: 1 },
});

describe('flow definitions against the registry', () => {
  it('lets a condition and an approval jump forward only', () => {
    const condition = (then: string | null, otherwise: string | null) => ({
      key: 'check',
      type: 'condition',
      config: { rules: [{ left: '{{vars.a}}', operator: 'is_empty' }], then, else: otherwise },
    });
    expect(pathsOf([setVar('a'), condition('done', null), setVar('done')])).toEqual([]);
    expect(pathsOf([setVar('a'), condition('a', 'nowhere'), setVar('done')])).toEqual([
      'steps[1].config.then',
      'steps[1].config.else',
    ]);
    const approval = (onTimeout: string) => ({
      key: 'approve',
      type: 'wait_for_approval',
      config: { title: 'Change the amount?', onTimeout },
    });
    // timeoutMs has a default: the runner fills it in, so a draft may leave it out.
    expect(pathsOf([setVar('a'), approval('done'), setVar('done')])).toEqual([]);
    expect(pathsOf([setVar('a'), approval('approve'), setVar('done')])).toEqual([
      'steps[1].config.onTimeout',
    ]);
  });
});
