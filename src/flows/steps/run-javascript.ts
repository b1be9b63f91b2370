/**
 * run_javascript: the body of an async function, run in the QuickJS sandbox with the
 * run's values as `input` ({ trigger, vars, steps }); what it returns is the output.
 * Nothing of the host is reachable from it, so it is a read step and members'
 * automations may use it.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_MS,
  MAX_MEMORY_MB,
  MAX_TIMEOUT_MS,
  MIN_MEMORY_MB,
  MIN_TIMEOUT_MS,
} from '../sandbox/limits.js';
import { sharedSandboxPool } from '../sandbox/pool.js';
import type { StepDefinition } from '../types.js';

const ConfigSchema = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 100_000,
      contentMediaType: 'text/javascript',
      title: 'Code',
      description:
        'The body of an async function: read `input.trigger`, `input.vars` and `input.steps.<key>.output`, `await` promises it makes, and `return` the output (JSON). No require, import, fetch or timers.',
    }),
    timeoutMs: Type.Optional(
      Type.Integer({
        minimum: MIN_TIMEOUT_MS,
        maximum: MAX_TIMEOUT_MS,
        default: DEFAULT_TIMEOUT_MS,
        title: 'Time limit (ms)',
      }),
    ),
    memoryMb: Type.Optional(
      Type.Integer({
        minimum: MIN_MEMORY_MB,
        maximum: MAX_MEMORY_MB,
        default: DEFAULT_MEMORY_MB,
        title: 'Memory limit (MB)',
      }),
    ),
  },
  { additionalProperties: false },
);

export type RunJavascriptConfig = Static<typeof ConfigSchema>;

export const runJavascriptStep: StepDefinition<RunJavascriptConfig> = {
  type: 'run_javascript',
  category: 'advanced',
  title: 'Run JavaScript',
  description:
    "Runs your code in a sandbox with the run's values as `input` and makes its return value the step's output.",
  effect: 'read',
  configSchema: ConfigSchema,
  allowedInAutomations: true,
  // Its failures are the code's own and come out the same each time; only a thread that
  // died under it or a full queue (retryable SandboxErrors) is worth one more try.
  defaultRetry: { attempts: 2, backoffMs: 500, maxDelayMs: 5_000 },
  // Above the longest time limit a step may ask for, leaving time to wait for a thread.
  defaultTimeoutMs: MAX_TIMEOUT_MS + 30_000,
  literalFields: ['code'],
  async run(context, config) {
    const { trigger, vars, steps } = context.scope;
    const result = await sharedSandboxPool().run({
      code: config.code,
      input: { trigger, vars, steps },
      timeoutMs: config.timeoutMs,
      memoryMb: config.memoryMb,
      signal: context.signal,
    });
    return { kind: 'completed', output: result.output };
  },
};
