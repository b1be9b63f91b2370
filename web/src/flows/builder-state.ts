/**
 * The builder's edits to a definition (add, move, remove, change a step) and where the
 * server's invalid_flow details belong on the page.
 */
import { initialConfig, type JsonSchema } from './schema-form';
import type { Definition, DraftStep, StepTypeId } from './types';

/** `send_webhook` → `send_webhook`, then `send_webhook_2`...: keys are unique in a flow. */
export function nextStepKey(steps: readonly DraftStep[], type: string): string {
  const base = type.replace(/[^a-z0-9_]/g, '_').slice(0, 60) || 'step';
  const taken = new Set(steps.map((step) => step.key));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

export function addStep(definition: Definition, type: StepTypeId, schema: JsonSchema): Definition {
  const step: DraftStep = {
    key: nextStepKey(definition.steps, type),
    type,
    config: initialConfig(schema),
  };
  return { ...definition, steps: [...definition.steps, step] };
}

export function replaceStep(definition: Definition, index: number, step: DraftStep): Definition {
  return { ...definition, steps: definition.steps.map((s, i) => (i === index ? step : s)) };
}

export function moveStep(definition: Definition, index: number, by: -1 | 1): Definition {
  const to = index + by;
  if (to < 0 || to >= definition.steps.length) return definition;
  const steps = [...definition.steps];
  [steps[index], steps[to]] = [steps[to]!, steps[index]!];
  return { ...definition, steps };
}

export function removeStep(definition: Definition, index: number): Definition {
  return { ...definition, steps: definition.steps.filter((_, i) => i !== index) };
}

export interface PlacedErrors {
  /** By trigger field (`cron`), or '' for the trigger as a whole. */
  trigger: Record<string, string>;
  /** By step index, then by config path under the step (`config.url`, `key`), '' for the step. */
  steps: Record<number, Record<string, string>>;
  /** What names no place on the page. */
  other: string[];
}

/** invalid_flow's `details: [{ path: 'steps[2].config.url', message }]`, by where they show. */
export function placeErrors(details: unknown): PlacedErrors {
  const placed: PlacedErrors = { trigger: {}, steps: {}, other: [] };
  if (!Array.isArray(details)) return placed;
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const where = typeof path === 'string' ? path : '';
    const step = /^steps\[(\d+)\](?:\.(.+))?$/.exec(where);
    const trigger = /^trigger(?:\.(.+))?$/.exec(where);
    if (step) {
      const index = Number(step[1]);
      (placed.steps[index] ??= {})[step[2] ?? ''] ??= message;
    } else if (trigger) {
      placed.trigger[trigger[1] ?? ''] ??= message;
    } else {
      placed.other.push(where ? `${where}: ${message}` : message);
    }
  }
  return placed;
}

/** The message for a config field, or for anything under it (`config.rules[0].left`). */
export function errorUnder(errors: Record<string, string> | undefined, path: string) {
  if (!errors) return undefined;
  if (errors[path]) return errors[path];
  const nested = Object.entries(errors).find(
    ([key]) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`),
  );
  return nested ? `${nested[0].slice(path.length).replace(/^\./, '')}: ${nested[1]}` : undefined;
}
