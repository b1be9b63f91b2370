import { describe, expect, it } from 'vitest';
import {
  addStep,
  errorUnder,
  moveStep,
  nextStepKey,
  placeErrors,
  removeStep,
} from './builder-state';
import type { Definition } from './types';

const empty: Definition = { trigger: { type: 'manual' }, steps: [] };

describe("the builder's edits", () => {
  it('gives each new step a key no other step has, and its schema defaults', () => {
    const schema = {
      type: 'object',
      required: ['url'],
      properties: {
        url: { type: 'string' },
        method: { anyOf: [{ const: 'POST' }], default: 'POST' },
      },
    };
    let flow = addStep(empty, 'send_webhook', schema);
    flow = addStep(flow, 'send_webhook', schema);
    flow = addStep(flow, 'send_webhook', schema);
    expect(flow.steps.map((s) => s.key)).toEqual([
      'send_webhook',
      'send_webhook_2',
      'send_webhook_3',
    ]);
    expect(flow.steps[0]!.config).toEqual({ url: '', method: 'POST' });
    expect(nextStepKey(removeStep(flow, 1).steps, 'send_webhook')).toBe('send_webhook_2');
  });

  it('moves a step within bounds only', () => {
    const flow = addStep(addStep(empty, 'delay', {}), 'condition', {});
    expect(moveStep(flow, 1, -1).steps.map((s) => s.key)).toEqual(['condition', 'delay']);
    expect(moveStep(flow, 0, -1)).toBe(flow);
    expect(moveStep(flow, 1, 1)).toBe(flow);
  });
});

describe("invalid_flow's details on the page", () => {
  it('puts each message on its step and field, the trigger, or the rest', () => {
    const placed = placeErrors([
      { path: 'steps[2].config.url', message: 'must be a URL' },
      { path: 'steps[2].key', message: 'is taken' },
      { path: 'steps[0]', message: 'unknown type' },
      { path: 'trigger.cron', message: 'five fields' },
      { path: 'steps', message: 'at least one step' },
      { message: 'no path' },
      'junk',
    ]);
    expect(placed).toEqual({
      trigger: { cron: 'five fields' },
      steps: { 2: { 'config.url': 'must be a URL', key: 'is taken' }, 0: { '': 'unknown type' } },
      other: ['steps: at least one step', 'no path'],
    });
    expect(placeErrors(undefined)).toEqual({ trigger: {}, steps: {}, other: [] });
  });

  it("shows a nested field's message on the field that holds it", () => {
    const errors = { 'rules[0].left': 'required', url: 'bad' };
    expect(errorUnder(errors, 'url')).toBe('bad');
    expect(errorUnder(errors, 'rules')).toBe('[0].left: required');
    expect(errorUnder(errors, 'rules[0].left')).toBe('required');
    expect(errorUnder(errors, 'method')).toBeUndefined();
  });
});
