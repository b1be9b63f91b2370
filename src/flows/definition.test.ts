import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { validateFlowDefinition, type StepLookup } from './definition.js';
import type { StepDefinition, StepType } from './types.js';

function step(type: StepType, extra: Partial<StepDefinition>): StepDefinition {
  return {
    type,
    category: 'basic',
    title: type,
    description: type,
    effect: 'read',
    configSchema: Type.Object({}),
    allowedInAutomations: true,
    defaultRetry: { attempts: 1, backoffMs: 0, maxDelayMs: 0 },
    defaultTimeoutMs: 1000,
    run: () => Promise.resolve({ kind: 'completed', output: null }),
    ...extra,
  };
}

const TYPES = new Map<StepType, StepDefinition>([
  [
    'set_variable',
    step('set_variable', {
      configSchema: Type.Object(
        { name: Type.String({ minLength: 1 }), value: Type.Unknown() },
        { additionalProperties: false },
      ),
    }),
  ],
  [
    'send_webhook',
    step('send_webhook', {
      effect: 'write',
      allowedInAutomations: false,
      configSchema: Type.Object({
        url: Type.String({ format: 'uri' }),
        retries: Type.Optional(Type.Integer({ minimum: 0 })),
      }),
    }),
  ],
  [
    'run_javascript',
    step('run_javascript', {
      literalFields: ['code'],
      configSchema: Type.Object({ code: Type.String(), note: Type.Optional(Type.String()) }),
    }),
  ],
  [
    'condition',
    step('condition', {
      category: 'control',
      jumpFields: ['else', 'branches[].next'],
      configSchema: Type.Object({
        else: Type.Union([Type.String(), Type.Null()]),
        branches: Type.Optional(Type.Array(Type.Object({ next: Type.String() }))),
      }),
    }),
  ],
]);
const lookup: StepLookup = (type) => TYPES.get(type);

/** The issues of an invalid definition, by path. */
function issuesOf(definition: unknown, kind: 'flow' | 'automation' = 'flow') {
  try {
    validateFlowDefinition(definition, { kind, lookup });
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).code).toBe('invalid_flow');
    return (error as HttpError).details as { path: string; message: string }[];
  }
  throw new Error('the definition was accepted');
}

const manual = { type: 'manual' };
const setVar = { key: 'first', type: 'set_variable', config: { name: 'x', value: 1 } };

describe('validateFlowDefinition', () => {
  it('accepts a valid flow and keeps only what a definition holds', () => {
    const definition = validateFlowDefinition(
      {
        trigger: {
          type: 'schedule',
          cron: '*/15 9-17 * JAN-DEC MON-FRI',
          timezone: 'Europe/Paris',
        },
        steps: [
          { ...setVar, name: 'Set x', retry: { attempts: 3 }, timeoutMs: 5000 },
          {
            key: 'hook',
            type: 'send_webhook',
            // A template stands for any type: known at run time.
            config: {
              url: 'https://example.com/{{vars.path}}',
              retries: '{{steps.first.output.n}}',
            },
          },
        ],
      },
      { kind: 'flow', lookup },
    );
    expect(definition.steps[0]).toEqual({
      ...setVar,
      name: 'Set x',
      retry: { attempts: 3 },
      timeoutMs: 5000,
    });
    expect(definition.trigger).toEqual({
      type: 'schedule',
      cron: '*/15 9-17 * JAN-DEC MON-FRI',
      timezone: 'Europe/Paris',
    });
  });

  it('names every problem by its path', () => {
    const issues = issuesOf({
      trigger: manual,
      steps: [
        setVar,
        { key: 'first', type: 'set_variable', config: { name: '', extra: 1, value: 2 } },
        { key: 'Bad-Key', type: 'no_such', config: {} },
        { key: 'hook', type: 'send_webhook', config: { url: 'not a url', retries: -1 } },
        { key: 'later', type: 'delay', config: {}, retry: { attempts: 0 }, timeoutMs: 0 },
      ],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'steps[1].key', message: '"first" is used by an earlier step' },
        { path: 'steps[1].config.name', message: expect.stringContaining('fewer than 1') },
        { path: 'steps[1].config', message: 'unknown field "extra"' },
        { path: 'steps[2].key', message: expect.stringContaining('lowercase letter') },
        { path: 'steps[2].type', message: expect.stringContaining('is not a step type') },
        { path: 'steps[3].config.url', message: expect.stringContaining('uri') },
        { path: 'steps[3].config.retries', message: expect.stringContaining('>= 0') },
        { path: 'steps[4].type', message: '"delay" is not available on this server yet' },
        { path: 'steps[4].retry.attempts', message: 'must be an integer from 1 to 10' },
        { path: 'steps[4].timeoutMs', message: 'must be an integer from 1 to 3600000' },
      ]),
    );
    expect(issues).toHaveLength(10);
  });

  it('refuses templates naming a later step, an unknown root or a bad secret name', () => {
    const issues = issuesOf({
      trigger: manual,
      steps: [
        { key: 'a', type: 'set_variable', config: { name: 'x', value: '{{steps.b.output}}' } },
        {
          key: 'b',
          type: 'set_variable',
          config: { name: '{{env.HOME}}', value: ['{{secrets.bad-name}}', '{{steps.b.output}}'] },
        },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'steps[0].config.value',
      'steps[1].config.name',
      'steps[1].config.value[0]',
      'steps[1].config.value[1]',
    ]);
  });

  it('leaves literal fields (a script) as written, templates elsewhere checked', () => {
    const code = 'return {{steps.later}} ?? `${input}`';
    const flow = (note: string) => ({
      trigger: manual,
      steps: [{ key: 'script', type: 'run_javascript', config: { code, note } }],
    });
    expect(
      validateFlowDefinition(flow('plain'), { kind: 'flow', lookup }).steps[0]?.config,
    ).toEqual({ code, note: 'plain' });
    expect(issuesOf(flow('{{steps.later}}')).map((issue) => issue.path)).toEqual([
      'steps[0].config.note',
    ]);
  });

  it('lets conditions jump forward only, to a step that exists', () => {
    const steps = (target: string | null, branch: string) => [
      setVar,
      { key: 'check', type: 'condition', config: { else: target, branches: [{ next: branch }] } },
      { key: 'end', type: 'set_variable', config: { name: 'y', value: 2 } },
    ];
    expect(
      validateFlowDefinition(
        { trigger: manual, steps: steps(null, 'end') },
        { kind: 'flow', lookup },
      ).steps,
    ).toHaveLength(3);
    expect(issuesOf({ trigger: manual, steps: steps('first', 'nowhere') })).toEqual([
      { path: 'steps[1].config.else', message: '"first" is not further on: jumps go forward' },
      { path: 'steps[1].config.branches[0].next', message: 'no step has the key "nowhere"' },
    ]);
    expect(issuesOf({ trigger: manual, steps: steps('check', 'end') })[0]?.path).toBe(
      'steps[1].config.else',
    );
  });

  it('keeps steps a member may not use out of an automation', () => {
    const flow = {
      trigger: manual,
      steps: [{ key: 'hook', type: 'send_webhook', config: { url: 'https://example.com' } }],
    };
    expect(validateFlowDefinition(flow, { kind: 'flow', lookup }).steps).toHaveLength(1);
    expect(issuesOf(flow, 'automation')).toEqual([
      { path: 'steps[0].type', message: "send_webhook is not allowed in a member's automation" },
    ]);
  });

  it('checks triggers: cron, time zone, event names and filters', () => {
    const check = (trigger: unknown) => issuesOf({ trigger, steps: [setVar] });
    expect(check({ type: 'schedule', cron: '* * * *', timezone: 'UTC' })[0]?.path).toBe(
      'trigger.cron',
    );
    expect(check({ type: 'schedule', cron: '61 * * * *', timezone: 'UTC' })).toEqual([
      { path: 'trigger.cron', message: expect.stringContaining("'61 * * * *' is not valid") },
    ]);
    expect(check({ type: 'schedule', cron: '0 9 * * 1', timezone: 'Mars/Olympus' })).toEqual([
      {
        path: 'trigger.timezone',
        message: expect.stringContaining("'Mars/Olympus' is not an IANA"),
      },
    ]);
    expect(check({ type: 'event', event: 'deal.created' })[0]?.path).toBe('trigger.event');
    expect(
      check({ type: 'event', event: 'deal.stage_changed', filter: { toStage: { $ne: 1 } } })[0]
        ?.path,
    ).toBe('trigger.filter');
    expect(check({ type: 'webhook', secret: 'x' })).toEqual([
      { path: 'trigger.secret', message: 'unknown field' },
    ]);
    expect(check({ type: 'sometimes' })[0]?.path).toBe('trigger.type');
    expect(
      validateFlowDefinition(
        {
          trigger: { type: 'event', event: 'deal.stage_changed', filter: { toStage: 'won' } },
          steps: [setVar],
        },
        { kind: 'flow', lookup },
      ).trigger,
    ).toEqual({ type: 'event', event: 'deal.stage_changed', filter: { toStage: 'won' } });
  });

  it('refuses an empty flow, a missing trigger and unknown top-level fields', () => {
    expect(issuesOf({ steps: [], extra: true })).toEqual([
      { path: 'extra', message: 'unknown field' },
      { path: 'trigger', message: 'must be an object with a type' },
      { path: 'steps', message: 'must hold 1 to 100 steps' },
    ]);
    expect(issuesOf('flow')[0]).toEqual({ path: '', message: 'must be an object' });
    // Text Postgres cannot store, anywhere in a config.
    expect(
      issuesOf({
        trigger: manual,
        steps: [{ ...setVar, config: { name: 'x', value: { 'a\u0000': ['\ud800'] } } }],
      }).map((issue) => issue.path),
    ).toEqual(['steps[0].config.value', 'steps[0].config.value.a\u0000[0]']);
  });
});
