/**
 * The step types as the API and the builder see them: the registry's definitions
 * without their `run`, each config schema as plain JSON Schema.
 */
import { stepDefinitions } from './steps/registry.js';
import type { RetryPolicy, StepCategory, StepType } from './types.js';

export interface StepTypeInfo {
  id: StepType;
  category: StepCategory;
  title: string;
  description: string;
  effect: 'read' | 'write';
  configSchema: unknown;
  allowedInAutomations: boolean;
  defaultRetry: RetryPolicy;
  defaultTimeoutMs: number;
  secretFields: string[];
  jumpFields: string[];
  /** Used as written: no `{{...}}` templates there (a script's code). */
  literalFields: string[];
}

export function stepCatalogue(options: { automations?: boolean } = {}): StepTypeInfo[] {
  return stepDefinitions()
    .filter((definition) => !options.automations || definition.allowedInAutomations)
    .map((definition) => ({
      id: definition.type,
      category: definition.category,
      title: definition.title,
      description: definition.description,
      effect: definition.effect,
      // TypeBox marks its schemas with symbols; JSON keeps what a client reads.
      configSchema: JSON.parse(JSON.stringify(definition.configSchema)) as unknown,
      allowedInAutomations: definition.allowedInAutomations,
      defaultRetry: definition.defaultRetry,
      defaultTimeoutMs: definition.defaultTimeoutMs,
      secretFields: [...(definition.secretFields ?? [])],
      jumpFields: [...(definition.jumpFields ?? [])],
      literalFields: [...(definition.literalFields ?? [])],
    }));
}
