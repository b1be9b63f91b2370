/**
 * condition: tests rules over the run's values and goes on with `then` or `else` (a
 * later step's key; `null` ends the run; absent: the next step). Templates in `left`
 * and `right` keep their types, so numbers compare as numbers.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FlowStepError, type StepDefinition } from '../types.js';

export const CONDITION_OPERATORS = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_or_equal',
  'less_than',
  'less_or_equal',
  'contains',
  'not_contains',
  'is_empty',
  'is_not_empty',
  'in',
] as const;
type Operator = (typeof CONDITION_OPERATORS)[number];

const Target = Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }), Type.Null()]);

const configSchema = Type.Object(
  {
    rules: Type.Array(
      Type.Object(
        {
          left: Type.Unknown({ description: 'Usually a template: {{vars.amount}}' }),
          operator: Type.Union(CONDITION_OPERATORS.map((o) => Type.Literal(o))),
          right: Type.Optional(Type.Unknown()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    match: Type.Union([Type.Literal('all'), Type.Literal('any')], { default: 'all' }),
    then: Type.Optional(Target),
    else: Type.Optional(Target),
  },
  { additionalProperties: false },
);
type Config = Static<typeof configSchema>;

export const conditionStep: StepDefinition<Config> = {
  type: 'condition',
  category: 'control',
  title: 'Condition',
  description:
    'Tests rules over variables, the trigger and earlier outputs, and branches: a later step, the next one, or the end.',
  effect: 'read',
  configSchema,
  allowedInAutomations: true,
  defaultRetry: { attempts: 1, backoffMs: 0, maxDelayMs: 0 },
  defaultTimeoutMs: 5_000,
  jumpFields: ['then', 'else'],
  async run(_context, config) {
    const results = config.rules.map((rule) =>
      test(rule.operator as Operator, rule.left, rule.right),
    );
    const result = config.match === 'any' ? results.some(Boolean) : results.every(Boolean);
    const branch = result ? config.then : config.else;
    return {
      kind: 'completed',
      output: { result, rules: results },
      ...(branch !== undefined ? { next: branch } : {}),
    };
  },
};

export function test(operator: Operator, left: unknown, right: unknown): boolean {
  switch (operator) {
    case 'equals':
      return same(left, right);
    case 'not_equals':
      return !same(left, right);
    case 'greater_than':
      return compare(left, right, operator) > 0;
    case 'greater_or_equal':
      return compare(left, right, operator) >= 0;
    case 'less_than':
      return compare(left, right, operator) < 0;
    case 'less_or_equal':
      return compare(left, right, operator) <= 0;
    case 'contains':
      return contains(left, right);
    case 'not_contains':
      return !contains(left, right);
    case 'is_empty':
      return isEmpty(left);
    case 'is_not_empty':
      return !isEmpty(left);
    case 'in':
      return Array.isArray(right) && right.some((item) => same(left, item));
  }
}

/** Equal as JSON values; a number and its text form are equal ("5" = 5), as forms send text. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && a === Number(b);
  if (typeof a === 'string' && typeof b === 'number') return same(b, a);
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(a: unknown, b: unknown, operator: string): number {
  const na = typeof a === 'string' && a.trim() !== '' ? Number(a) : a;
  const nb = typeof b === 'string' && b.trim() !== '' ? Number(b) : b;
  if (typeof na === 'number' && typeof nb === 'number' && !Number.isNaN(na) && !Number.isNaN(nb)) {
    return na - nb;
  }
  // Dates and other text compare as text (ISO dates sort as they should).
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new FlowStepError(
    'validation',
    `${operator} compares numbers or text; it was given ${typeof a} and ${typeof b}`,
    { retryable: false },
  );
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (typeof haystack === 'string') return haystack.includes(String(needle ?? ''));
  if (Array.isArray(haystack)) return haystack.some((item) => same(item, needle));
  return false;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
