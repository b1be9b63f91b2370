import { describe, expect, it } from 'vitest';
import {
  describeField,
  fieldsOf,
  formatValueText,
  humanize,
  initialConfig,
  mapValueSchema,
  parseValueText,
  type JsonSchema,
} from './schema-form';

// The JSON TypeBox gives for the shapes step schemas use (send_webhook, condition, crm_integration).
const webhook: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    method: {
      title: 'Method',
      default: 'POST',
      anyOf: [
        { const: 'POST', type: 'string' },
        { const: 'PUT', type: 'string' },
      ],
    },
    url: { type: 'string', title: 'URL', maxLength: 2048 },
    headers: {
      type: 'object',
      patternProperties: { '^[A-Za-z-]+$': { type: 'string' } },
    },
    payload: { description: 'The JSON body' },
    verify: { type: 'boolean' },
    timeoutMs: { type: 'integer', minimum: 1 },
  },
};

const condition: JsonSchema = {
  type: 'object',
  required: ['rules', 'match'],
  properties: {
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['left', 'operator'],
        properties: {
          left: {},
          operator: {
            anyOf: [
              { const: 'equals', type: 'string' },
              { const: 'greater_than', type: 'string' },
            ],
          },
          right: {},
        },
      },
    },
    match: {
      default: 'all',
      anyOf: [
        { const: 'all', type: 'string' },
        { const: 'any', type: 'string' },
      ],
    },
    then: { anyOf: [{ type: 'string', pattern: '^[a-z]+$' }, { type: 'null' }] },
  },
};

describe('a config form from a step schema', () => {
  it('gives each property the input its shape calls for, required first', () => {
    const fields = fieldsOf(webhook);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['url', 'text', true],
      ['method', 'select', false],
      ['headers', 'map', false],
      ['payload', 'value', false],
      ['verify', 'boolean', false],
      ['timeoutMs', 'number', false],
    ]);
    expect(fields[0]!.label).toBe('URL');
    expect(fields[1]!.options).toEqual(['POST', 'PUT']);
    expect(fields[5]!.label).toBe('Timeout ms');
  });

  it('edits a list of objects as rows, and a jump field as a target', () => {
    const fields = fieldsOf(condition, ['then']);
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['rules', 'list'],
      ['match', 'select'],
      ['then', 'target'],
    ]);
    // Without the jump marker: a nullable text.
    const then = describeField('then', condition.properties!.then!, false);
    expect([then.kind, then.nullable]).toEqual(['text', true]);
  });

  it('starts a new step with defaults and empty required values', () => {
    expect(initialConfig(webhook)).toEqual({ url: '', method: 'POST' });
    expect(initialConfig(condition)).toEqual({
      rules: [{ operator: 'equals' }],
      match: 'all',
    });
  });

  it("reads a map's value schema from a record or additionalProperties", () => {
    expect(mapValueSchema(webhook.properties!.headers!)).toEqual({ type: 'string' });
    expect(mapValueSchema({ type: 'object', additionalProperties: { type: 'number' } })).toEqual({
      type: 'number',
    });
  });

  it('labels names in words', () => {
    expect(humanize('recordId')).toBe('Record id');
    expect(humanize('max_delay_ms')).toBe('Max delay ms');
  });
});

describe('a value field', () => {
  it('reads JSON when the text parses, and text otherwise', () => {
    expect(parseValueText('42')).toBe(42);
    expect(parseValueText('true')).toBe(true);
    expect(parseValueText('{"a": [1]}')).toEqual({ a: [1] });
    expect(parseValueText('{{vars.amount}}')).toBe('{{vars.amount}}');
    expect(parseValueText('hello')).toBe('hello');
    expect(parseValueText('  ')).toBeUndefined();
  });

  it('shows a value so that reading it back gives the same value', () => {
    for (const value of [42, true, null, 'hello', '42', 'true', { a: [1] }, '{{trigger.x}}']) {
      expect(parseValueText(formatValueText(value))).toEqual(value);
    }
    expect(formatValueText('42')).toBe('"42"');
    expect(formatValueText('{{trigger.x}}')).toBe('{{trigger.x}}');
  });
});
