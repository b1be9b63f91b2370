/**
 * The check a flow's definition passes before it is saved as a draft and again before
 * it is published: a trigger that can fire, step keys that are unique and well formed,
 * types the registry knows, each config valid against its type's schema, templates that
 * name something that exists by then, and jumps that only go forward (so a run always
 * ends). Every problem is reported at once, by its path, for the builder to show.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { badRequest } from '../errors.js';
import { textIssues } from '../http/sane-values.js';
import { stepDefinition } from './steps/registry.js';
import { checkSchedule } from './triggers/schedule.js';
import {
  FLOW_EVENT_TYPES,
  STEP_TYPES,
  type FlowDefinition,
  type FlowStep,
  type FlowTrigger,
  type RetryPolicy,
  type StepDefinition,
  type StepType,
} from './types.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

export const MAX_STEPS = 100;
export const STEP_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_FILTER_FIELDS = 20;
const LIMITS = {
  attempts: [1, 10],
  backoffMs: [0, 3_600_000],
  maxDelayMs: [0, 86_400_000],
  timeoutMs: [1, 3_600_000],
} as const;

export interface FlowIssue {
  /** Where, as the builder addresses it: `steps[2].config.url`, `trigger.cron`. */
  path: string;
  message: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition types its own config
export type StepLookup = (type: StepType) => StepDefinition<any> | undefined;

export interface ValidateOptions {
  kind: 'flow' | 'automation';
  /** The step registry by default; tests hand in their own definitions. */
  lookup?: StepLookup;
}

// Not the request validator's Ajv: no coercion, and defaults go into a copy only.
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, useDefaults: true });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

function configValidator(definition: StepDefinition<unknown>): ValidateFunction {
  let validate = compiled.get(definition.configSchema);
  if (!validate) {
    validate = ajv.compile(definition.configSchema);
    compiled.set(definition.configSchema, validate);
  }
  return validate;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** `a.b[2].c` from ajv's `/a/b/2/c`, under `prefix`. */
function pathOf(prefix: string, pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), prefix);
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function ajvMessage(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown field "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'required') return `"${String(error.params.missingProperty)}" is required`;
  return error.message ?? 'is not valid';
}

/** Each string leaf of a config with its path, for the template check. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
  }
}

/** What a `{{...}}` may name, given the steps before this one. */
function templateIssue(expression: string, earlier: ReadonlySet<string>): string | null {
  const [root, name] = expression.split(/[.[]/, 2);
  if (!/^(trigger|vars|steps|secrets)([.[]|$)/.test(expression)) {
    return `{{${expression}}} must start with trigger, vars, steps or secrets`;
  }
  if (root === 'steps' && (!name || !earlier.has(name))) {
    return `{{${expression}}} names no earlier step ("${name ?? ''}")`;
  }
  if (root === 'secrets' && (!name || !SECRET_NAME.test(name))) {
    return `{{${expression}}} must name a secret: letters, digits and _`;
  }
  if (root === 'vars' && !name) return `{{${expression}}} must name a variable`;
  return null;
}

/** The values at a jump field's path (`next`, `branches[].next`), with their paths. */
function jumpTargets(config: Record<string, unknown>, field: string, prefix: string) {
  let found: [string, unknown][] = [[prefix, config]];
  for (const segment of field.split('.')) {
    const many = segment.endsWith('[]');
    const name = many ? segment.slice(0, -2) : segment;
    found = found.flatMap(([path, value]) => {
      if (!isObject(value) || !(name in value)) return [];
      const inner = value[name];
      if (!many) return [[`${path}.${name}`, inner] as [string, unknown]];
      return Array.isArray(inner)
        ? inner.map((item, index) => [`${path}.${name}[${index}]`, item] as [string, unknown])
        : [];
    });
  }
  return found;
}

/** Whether `field` (`code`, `mapping.to`, `list[0]`) is `name` or inside it. */
function within(field: string, name: string): boolean {
  return field === name || (field.startsWith(name) && /^[.[]/.test(field.slice(name.length)));
}

function integerIn(value: unknown, [min, max]: readonly [number, number]): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function unknownFields(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: FlowIssue[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.push({ path: `${path}.${key}`, message: 'unknown field' });
  }
}

function checkTrigger(value: unknown, issues: FlowIssue[]): FlowTrigger | undefined {
  if (!isObject(value)) {
    issues.push({ path: 'trigger', message: 'must be an object with a type' });
    return undefined;
  }
  switch (value.type) {
    case 'manual':
    case 'webhook':
      unknownFields(value, ['type'], 'trigger', issues);
      return { type: value.type };
    case 'schedule': {
      unknownFields(value, ['type', 'cron', 'timezone'], 'trigger', issues);
      const { cron, timezone } = value;
      if (typeof cron !== 'string') issues.push({ path: 'trigger.cron', message: 'is required' });
      if (typeof timezone !== 'string') {
        issues.push({ path: 'trigger.timezone', message: 'is required (an IANA time zone)' });
      }
      if (typeof cron !== 'string' || typeof timezone !== 'string') return undefined;
      // The tick's own check, so a saved flow never holds a schedule it cannot read.
      const problem = checkSchedule(cron, timezone);
      if (problem) {
        const field = problem.startsWith('timezone') ? 'timezone' : 'cron';
        issues.push({ path: `trigger.${field}`, message: problem });
      }
      return { type: 'schedule', cron, timezone };
    }
    case 'event': {
      unknownFields(value, ['type', 'event', 'filter'], 'trigger', issues);
      const event = value.event as (typeof FLOW_EVENT_TYPES)[number];
      if (!FLOW_EVENT_TYPES.includes(event)) {
        issues.push({
          path: 'trigger.event',
          message: `must be one of ${FLOW_EVENT_TYPES.join(', ')}`,
        });
      }
      const filter = value.filter;
      if (filter === undefined) return { type: 'event', event };
      if (
        !isObject(filter) ||
        Object.keys(filter).length > MAX_FILTER_FIELDS ||
        !Object.values(filter).every((v) => ['string', 'number', 'boolean'].includes(typeof v))
      ) {
        issues.push({
          path: 'trigger.filter',
          message: `must be an object of up to ${MAX_FILTER_FIELDS} fields, each a string, number or boolean`,
        });
        return undefined;
      }
      return { type: 'event', event, filter: filter as Record<string, string | number | boolean> };
    }
    default:
      issues.push({ path: 'trigger.type', message: 'must be manual, schedule, event or webhook' });
      return undefined;
  }
}

function checkRetry(value: unknown, path: string, issues: FlowIssue[]) {
  if (!isObject(value)) {
    issues.push({ path, message: 'must be an object' });
    return undefined;
  }
  unknownFields(value, ['attempts', 'backoffMs', 'maxDelayMs'], path, issues);
  const retry: Partial<RetryPolicy> = {};
  for (const field of ['attempts', 'backoffMs', 'maxDelayMs'] as const) {
    if (value[field] === undefined) continue;
    if (!integerIn(value[field], LIMITS[field])) {
      const [min, max] = LIMITS[field];
      issues.push({
        path: `${path}.${field}`,
        message: `must be an integer from ${min} to ${max}`,
      });
    } else retry[field] = value[field] as number;
  }
  return retry;
}

function checkConfig(
  definition: StepDefinition<unknown>,
  config: Record<string, unknown>,
  path: string,
  issues: FlowIssue[],
): void {
  const validate = configValidator(definition);
  // On a copy: the runner fills defaults in (a field with one may be left out), and the
  // draft keeps what its author wrote.
  const copy = structuredClone(config);
  if (validate(copy)) return;
  for (const error of validate.errors ?? []) {
    // A template's value is only known at run time: it may stand for any type.
    const value = valueAt(copy, error.instancePath);
    if (typeof value === 'string' && /\{\{[^{}]*\}\}/.test(value)) continue;
    issues.push({ path: pathOf(path, error.instancePath), message: ajvMessage(error) });
  }
}

function checkStep(
  value: unknown,
  index: number,
  options: Required<ValidateOptions>,
  earlier: Set<string>,
  issues: FlowIssue[],
): FlowStep | undefined {
  const path = `steps[${index}]`;
  if (!isObject(value)) {
    issues.push({ path, message: 'must be an object with key, type and config' });
    return undefined;
  }
  unknownFields(value, ['key', 'type', 'config', 'name', 'retry', 'timeoutMs'], path, issues);
  const { key, type, config, name, retry, timeoutMs } = value;
  if (typeof key !== 'string' || !STEP_KEY.test(key)) {
    issues.push({
      path: `${path}.key`,
      message:
        'must start with a lowercase letter, then lowercase letters, digits or _ (64 at most)',
    });
  } else if (earlier.has(key)) {
    issues.push({ path: `${path}.key`, message: `"${key}" is used by an earlier step` });
  }
  const definition = STEP_TYPES.includes(type as StepType)
    ? options.lookup(type as StepType)
    : undefined;
  if (!definition) {
    const known = STEP_TYPES.includes(type as StepType);
    issues.push({
      path: `${path}.type`,
      message: known
        ? `"${String(type)}" is not available on this server yet`
        : `"${String(type)}" is not a step type (${STEP_TYPES.join(', ')})`,
    });
  } else if (options.kind === 'automation' && !definition.allowedInAutomations) {
    issues.push({
      path: `${path}.type`,
      message: `${definition.title} is not allowed in a member's automation`,
    });
  }
  if (name !== undefined && (typeof name !== 'string' || name.length > 200)) {
    issues.push({ path: `${path}.name`, message: 'must be text of 200 characters at most' });
  }
  if (timeoutMs !== undefined && !integerIn(timeoutMs, LIMITS.timeoutMs)) {
    const [min, max] = LIMITS.timeoutMs;
    issues.push({
      path: `${path}.timeoutMs`,
      message: `must be an integer from ${min} to ${max}`,
    });
  }
  const checkedRetry = retry === undefined ? undefined : checkRetry(retry, `${path}.retry`, issues);
  if (!isObject(config)) {
    issues.push({ path: `${path}.config`, message: 'must be an object' });
  } else {
    if (definition) checkConfig(definition, config, `${path}.config`, issues);
    const literal = definition?.literalFields ?? [];
    for (const [where, text] of strings(config, `${path}.config`)) {
      // Used as written (a script's code): `{{` there is the script's own text.
      const field = where.slice(`${path}.config.`.length);
      if (literal.some((name) => within(field, name))) {
        continue;
      }
      for (const match of text.matchAll(TEMPLATE)) {
        const problem = templateIssue(match[1]!, earlier);
        if (problem) issues.push({ path: where, message: problem });
      }
    }
  }
  if (typeof key === 'string') earlier.add(key);
  if (!definition || !isObject(config) || typeof key !== 'string') return undefined;
  return {
    key,
    type: definition.type,
    config,
    ...(typeof name === 'string' ? { name } : {}),
    ...(checkedRetry ? { retry: checkedRetry } : {}),
    ...(typeof timeoutMs === 'number' ? { timeoutMs } : {}),
  };
}

/** Jumps name a step further on (or null: the run ends), so every run ends. */
function checkJumps(steps: unknown[], options: Required<ValidateOptions>, issues: FlowIssue[]) {
  const keys = steps.map((step) => (isObject(step) ? step.key : undefined));
  steps.forEach((step, index) => {
    if (!isObject(step) || !isObject(step.config)) return;
    const definition = STEP_TYPES.includes(step.type as StepType)
      ? options.lookup(step.type as StepType)
      : undefined;
    for (const field of definition?.jumpFields ?? []) {
      for (const [path, target] of jumpTargets(step.config, field, `steps[${index}].config`)) {
        if (target === null || target === undefined) continue;
        const at = keys.indexOf(target);
        if (at < 0) issues.push({ path, message: `no step has the key "${String(target)}"` });
        else if (at <= index) {
          issues.push({ path, message: `"${String(target)}" is not further on: jumps go forward` });
        }
      }
    }
  });
}

/**
 * The definition, checked whole; or 400 `invalid_flow` with every problem in
 * `details: [{ path, message }]`.
 */
export function validateFlowDefinition(value: unknown, options: ValidateOptions): FlowDefinition {
  const resolved: Required<ValidateOptions> = { lookup: stepDefinition, ...options };
  // Text Postgres cannot store (NUL, lone surrogates) is refused here, not by a 500 there.
  const issues: FlowIssue[] = textIssues(value).map((issue) => ({
    path: pathOf('', issue.instancePath),
    message: issue.message,
  }));
  const input = isObject(value) ? value : {};
  if (!isObject(value)) issues.push({ path: '', message: 'must be an object' });
  else unknownFields(value, ['trigger', 'steps'], '', issues);
  const trigger = checkTrigger(input.trigger, issues);
  const steps: FlowStep[] = [];
  if (!Array.isArray(input.steps)) {
    issues.push({ path: 'steps', message: 'must be a list of steps' });
  } else if (input.steps.length === 0 || input.steps.length > MAX_STEPS) {
    issues.push({ path: 'steps', message: `must hold 1 to ${MAX_STEPS} steps` });
  } else {
    const earlier = new Set<string>();
    input.steps.forEach((step, index) => {
      const checked = checkStep(step, index, resolved, earlier, issues);
      if (checked) steps.push(checked);
    });
    checkJumps(input.steps, resolved, issues);
  }
  if (issues.length || !trigger) {
    const [first] = issues.map((issue) => issue.path.replace(/^\./, ''));
    const fixed = issues.map((issue) => ({ ...issue, path: issue.path.replace(/^\./, '') }));
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw badRequest(
      'invalid_flow',
      `The flow is not valid: ${first || 'flow'}: ${issues[0]?.message ?? 'is not valid'}${more}`,
      fixed,
    );
  }
  return { trigger, steps };
}
