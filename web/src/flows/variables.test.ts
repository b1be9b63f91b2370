import { describe, expect, it } from 'vitest';
import type { DraftStep } from './types';
import { insertTemplate, samplePaths, variableOptions } from './variables';

const steps: DraftStep[] = [
  { key: 'amount', type: 'set_variable', config: { name: 'amount', type: 'number', value: 5 } },
  { key: 'check', type: 'condition', config: { rules: [], match: 'all' } },
  { key: 'notify', type: 'send_webhook', config: { url: 'https://example.com' } },
];

describe('the variable picker', () => {
  it('offers only what exists when the step runs: earlier steps, their variables, secrets', () => {
    const templates = variableOptions({
      trigger: { type: 'manual' },
      steps,
      index: 2,
      sampleInput: { dealId: 'd1', deal: { amount: 3 } },
      secretNames: ['hook_key'],
    }).map((o) => `${o.group}:${o.template}`);
    expect(templates).toEqual([
      'Trigger:{{trigger.dealId}}',
      'Trigger:{{trigger.deal}}',
      'Trigger:{{trigger.deal.amount}}',
      'Variables:{{vars.amount}}',
      'Steps:{{steps.amount.output}}',
      'Steps:{{steps.amount.output.name}}',
      'Steps:{{steps.amount.output.type}}',
      'Steps:{{steps.amount.output.value}}',
      'Steps:{{steps.check.output}}',
      'Steps:{{steps.check.output.result}}',
      'Secrets:{{secrets.hook_key}}',
    ]);
    // The first step sees no step output and no variable.
    const first = variableOptions({ trigger: { type: 'manual' }, steps, index: 0 });
    expect(first.filter((o) => o.group === 'Steps' || o.group === 'Variables')).toEqual([]);
  });

  it("lists a test run's real output fields, and an event's record", () => {
    const templates = variableOptions({
      trigger: { type: 'event', event: 'deal.stage_changed' },
      steps,
      index: 1,
      outputs: { amount: { total: 1, lines: [1] } },
    }).map((o) => o.template);
    expect(templates).toEqual([
      '{{trigger.event}}',
      '{{trigger.record.type}}',
      '{{trigger.record.id}}',
      '{{vars.amount}}',
      '{{steps.amount.output}}',
      '{{steps.amount.output.total}}',
      '{{steps.amount.output.lines}}',
    ]);
  });

  it('walks a sample only through names a template can spell', () => {
    expect(samplePaths({ ok: 1, 'not ok': 2, a: { b: { c: { d: 1 } } } })).toEqual([
      'ok',
      'a',
      'a.b',
      'a.b.c',
    ]);
    expect(samplePaths('text')).toEqual([]);
  });

  it('inserts at the cursor, replacing a selection', () => {
    expect(insertTemplate('Hi !', '{{vars.name}}', { start: 3, end: 3 })).toEqual({
      text: 'Hi {{vars.name}}!',
      cursor: 16,
    });
    expect(insertTemplate('Hi xx!', '{{vars.n}}', { start: 3, end: 5 }).text).toBe(
      'Hi {{vars.n}}!',
    );
    expect(insertTemplate('Hi', '{{vars.n}}').text).toBe('Hi{{vars.n}}');
  });
});
