/**
 * What a step's config may refer to, for the variable picker: the trigger's fields, the
 * variables earlier steps set, earlier steps' outputs and the workspace's secrets, each
 * as the `{{...}}` template the engine resolves.
 */
import type { DraftStep, DraftTrigger } from './types';

export type VariableGroup = 'Trigger' | 'Variables' | 'Steps' | 'Secrets';

export interface VariableOption {
  group: VariableGroup;
  /** The template, `{{steps.check.output.result}}`. */
  template: string;
  /** What it is, shown beside it. */
  hint?: string;
}

/** Fields each step type's output is known to have (run_javascript's is whatever it returns). */
const KNOWN_OUTPUTS: Partial<Record<string, string[]>> = {
  set_variable: ['name', 'type', 'value'],
  condition: ['result'],
  send_webhook: ['status', 'body'],
  run_api_request: ['status', 'body', 'headers'],
  crm_integration: ['record.id', 'record.crmId', 'record.name', 'written', 'unchanged'],
  wait_for_approval: ['decision', 'decidedBy'],
  move_to_board: ['boardId', 'itemId'],
  add_tag: ['tag'],
  assign_agent: ['ownerId'],
};

/** What an event trigger's run reads: the subject record and the event's own fields. */
const EVENT_FIELDS = ['event', 'record.type', 'record.id'];

/** The dotted paths of a sample value's leaves and objects, `deal.amount`, up to a depth. */
export function samplePaths(value: unknown, prefix = '', depth = 3): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth === 0) {
    return prefix ? [prefix] : [];
  }
  const paths = prefix ? [prefix] : [];
  for (const [key, child] of Object.entries(value)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    paths.push(...samplePaths(child, prefix ? `${prefix}.${key}` : key, depth - 1));
  }
  return paths;
}

export interface PickerSources {
  trigger: DraftTrigger;
  steps: readonly DraftStep[];
  /** Which step is being edited: only earlier steps' outputs exist when it runs. */
  index: number;
  /** The test run's input: its fields are what `{{trigger.x}}` reads. */
  sampleInput?: unknown;
  /** Outputs of the last test run by step key, for their real fields. */
  outputs?: Record<string, unknown>;
  secretNames?: readonly string[];
}

export function variableOptions(sources: PickerSources): VariableOption[] {
  const options: VariableOption[] = [];
  const seen = new Set<string>();
  const add = (option: VariableOption) => {
    if (seen.has(option.template)) return;
    seen.add(option.template);
    options.push(option);
  };

  const triggerPaths = [
    ...(sources.trigger.type === 'event' ? EVENT_FIELDS : []),
    ...samplePaths(sources.sampleInput),
  ];
  for (const path of triggerPaths) add({ group: 'Trigger', template: `{{trigger.${path}}}` });

  const earlier = sources.steps.slice(0, Math.max(0, sources.index));
  for (const step of earlier) {
    const name = step.type === 'set_variable' ? step.config.name : undefined;
    if (typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      add({ group: 'Variables', template: `{{vars.${name}}}`, hint: `set by ${step.key}` });
    }
  }
  for (const step of earlier) {
    const base = `steps.${step.key}.output`;
    add({ group: 'Steps', template: `{{${base}}}`, hint: step.name ?? step.type });
    const observed = sources.outputs?.[step.key];
    const fields =
      observed !== undefined ? samplePaths(observed) : (KNOWN_OUTPUTS[step.type] ?? []);
    for (const field of fields) add({ group: 'Steps', template: `{{${base}.${field}}}` });
  }
  for (const name of sources.secretNames ?? []) {
    add({ group: 'Secrets', template: `{{secrets.${name}}}`, hint: 'never stored or logged' });
  }
  return options;
}

/**
 * `text` with `template` put where the cursor was (`selection`), or at the end; returns
 * the new text and where the cursor goes (after the template).
 */
export function insertTemplate(
  text: string,
  template: string,
  selection?: { start: number; end: number } | null,
): { text: string; cursor: number } {
  const start = Math.min(selection?.start ?? text.length, text.length);
  const end = Math.min(Math.max(selection?.end ?? start, start), text.length);
  return {
    text: text.slice(0, start) + template + text.slice(end),
    cursor: start + template.length,
  };
}
