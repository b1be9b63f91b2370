/**
 * set_variable: a typed run variable (`{{vars.name}}` for the steps after it). The
 * value is usually a template; it is converted to the declared type where that is
 * unambiguous ("42" to 42, "true" to true, JSON text to an object or array) and
 * refused otherwise, so a later step never gets a number where it expects text.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FlowStepError, type StepDefinition, type VariableType } from '../types.js';

const configSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$', description: 'vars.<name>' }),
    type: Type.Union(
      ['string', 'number', 'boolean', 'object', 'array'].map((t) => Type.Literal(t)),
      { default: 'string' },
    ),
    value: Type.Unknown({ description: 'A value or a template such as {{trigger.amount}}' }),
  },
  { additionalProperties: false },
);
type Config = Static<typeof configSchema> & { type: VariableType };

export const setVariableStep: StepDefinition<Config> = {
  type: 'set_variable',
  category: 'basic',
  title: 'Set variable',
  description: 'Stores a typed value the next steps read as {{vars.name}}.',
  effect: 'read',
  configSchema,
  allowedInAutomations: true,
  defaultRetry: { attempts: 1, backoffMs: 0, maxDelayMs: 0 },
  defaultTimeoutMs: 5_000,
  async run(_context, config) {
    const value = toType(config.type, config.value, config.name);
    return {
      kind: 'completed',
      output: { name: config.name, type: config.type, value },
      variables: { [config.name]: { type: config.type, value } },
    };
  },
};

/** `value` as `type`; a validation error naming the variable when it cannot be. */
export function toType(type: VariableType, value: unknown, name: string): unknown {
  const refuse = (): never => {
    throw new FlowStepError(
      'validation',
      `vars.${name} is declared ${type}, but the value is ${describe(value)}`,
      { retryable: false, suggestion: `Give vars.${name} a ${type}, or declare another type.` },
    );
  };
  switch (type) {
    case 'string':
      if (value === null || value === undefined) return '';
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return JSON.stringify(value);
    case 'number': {
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '') {
        const parsed = Number(value.trim());
        if (Number.isFinite(parsed)) return parsed;
      }
      return refuse();
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true') return true;
      if (value === 'false') return false;
      return refuse();
    case 'object':
    case 'array': {
      const parsed = typeof value === 'string' ? parseJson(value) : value;
      const ok =
        type === 'array'
          ? Array.isArray(parsed)
          : parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
      return ok ? parsed : refuse();
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : '';
  return `${typeof value}${text ? ` ${text}` : ''}`;
}
