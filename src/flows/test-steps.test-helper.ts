/**
 * Step definitions for the API's tests, standing in for whichever real types have not
 * landed in the registry: a test mocks the registry with `registryWithTestSteps`.
 */
import { Type } from '@sinclair/typebox';
import { FlowStepError, type StepDefinition, type StepType } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each stand-in types its own config
function testStep(type: StepType, extra: Partial<StepDefinition<any>>): StepDefinition<any> {
  return {
    type,
    category: 'basic',
    title: `Test ${type}`,
    description: `A stand-in ${type} for API tests`,
    effect: 'read',
    configSchema: Type.Object({}),
    allowedInAutomations: true,
    defaultRetry: { attempts: 1, backoffMs: 0, maxDelayMs: 0 },
    defaultTimeoutMs: 1000,
    run: () => Promise.resolve({ kind: 'completed', output: null }),
    ...extra,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as the registry holds them
export const TEST_STEPS: StepDefinition<any>[] = [
  testStep('set_variable', {
    configSchema: Type.Object(
      { name: Type.String({ minLength: 1 }), value: Type.Unknown() },
      { additionalProperties: false },
    ),
    run: (_context, config: { value?: unknown }) =>
      Promise.resolve({ kind: 'completed', output: { value: config.value ?? null } }),
  }),
  // Fails when told to: a run to cancel, rerun and count as failed.
  testStep('run_javascript', {
    category: 'advanced',
    configSchema: Type.Object({ fail: Type.Optional(Type.Boolean()) }),
    run: (_context, config: { fail?: boolean }) =>
      config.fail
        ? Promise.reject(new FlowStepError('validation', 'told to fail'))
        : Promise.resolve({ kind: 'completed', output: { ok: true } }),
  }),
  testStep('condition', {
    category: 'control',
    jumpFields: ['else'],
    configSchema: Type.Object({ else: Type.Union([Type.String(), Type.Null()]) }),
  }),
  testStep('send_webhook', {
    category: 'integration',
    effect: 'write',
    allowedInAutomations: false,
    secretFields: ['secret'],
    configSchema: Type.Object({
      url: Type.String({ format: 'uri' }),
      secret: Type.Optional(Type.String()),
    }),
  }),
];

/**
 * The registry module with only the test steps, for
 * `vi.mock('.../steps/registry.js', async () => (await import('.../test-steps.test-helper.js')).testRegistry())`.
 */
export function testRegistry(): typeof import('./steps/registry.js') {
  const byType = new Map(TEST_STEPS.map((definition) => [definition.type, definition]));
  return {
    stepDefinition: (type: StepType) => byType.get(type),
    stepDefinitions: () => TEST_STEPS,
  };
}
