/**
 * A step's config checked against its type's schema once its templates are resolved
 * (a template may stand for a number, an object...). The checkers are compiled once
 * per step type, as every run of every flow goes through here.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { FlowStepError, type StepDefinition } from '../types.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

const ajv = new Ajv({ useDefaults: true, allErrors: true, allowUnionTypes: true, strict: false });
addFormats(ajv);

const CHECKERS = new WeakMap<TSchema, ValidateFunction>();

/** The config, with the schema's defaults filled in; a validation FlowStepError if it is not valid. */
export function checkConfig<Config>(definition: StepDefinition<Config>, config: unknown): Config {
  let check = CHECKERS.get(definition.configSchema);
  if (!check) {
    check = ajv.compile(definition.configSchema);
    CHECKERS.set(definition.configSchema, check);
  }
  if (check(config)) return config as Config;
  const problems = (check.errors ?? [])
    .slice(0, 5)
    .map((e) => `config${e.instancePath.replaceAll('/', '.')} ${e.message ?? 'is not valid'}`);
  throw new FlowStepError('validation', `The step's config is not valid: ${problems.join('; ')}`, {
    retryable: false,
    suggestion: "Fix the step's config (or the values its templates read) and rerun.",
  });
}
