/**
 * delay: the run waits, holding no worker, for a duration or until a moment (a
 * template such as `{{trigger.followUpAt}}`), then goes on. The wake-up is a job at
 * that time; a wake-up that comes early (a retry, the sweep) just waits again.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FlowStepError, type StepDefinition } from '../types.js';

/** Longer waits are better served by a scheduled flow. */
export const MAX_DELAY_MS = 90 * 24 * 3_600_000;

const configSchema = Type.Object(
  {
    durationMs: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DELAY_MS })),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'An ISO-8601 moment' })),
  },
  { additionalProperties: false },
);
type Config = Static<typeof configSchema>;

interface DelayState {
  wakeAt: string;
}

export const delayStep: StepDefinition<Config> = {
  type: 'delay',
  category: 'control',
  title: 'Delay',
  description: 'Waits for a duration or until a moment, then goes on; nothing runs meanwhile.',
  effect: 'read',
  configSchema,
  allowedInAutomations: true,
  defaultRetry: { attempts: 1, backoffMs: 0, maxDelayMs: 0 },
  defaultTimeoutMs: 5_000,
  async run(context, config) {
    const now = context.now();
    const state = context.state as DelayState | null;
    const wakeAt = state ? new Date(state.wakeAt) : wakeTime(config, now);
    if (wakeAt.getTime() <= now.getTime()) {
      return { kind: 'completed', output: { waitedUntil: wakeAt.toISOString() } };
    }
    return { kind: 'suspended', state: { wakeAt: wakeAt.toISOString() }, wakeAt };
  },
};

function wakeTime(config: Config, now: Date): Date {
  if ((config.durationMs === undefined) === (config.until === undefined)) {
    throw new FlowStepError('validation', 'A delay takes either durationMs or until, not both', {
      retryable: false,
    });
  }
  if (config.durationMs !== undefined) return new Date(now.getTime() + config.durationMs);
  const until = new Date(config.until!);
  if (until.getTime() - now.getTime() > MAX_DELAY_MS) {
    throw new FlowStepError('validation', `until is more than 90 days away (${config.until})`, {
      retryable: false,
    });
  }
  return until;
}
