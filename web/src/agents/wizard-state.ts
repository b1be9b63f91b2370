/**
 * The onboarding wizard's draft agent and what each step needs before the next: pure, so
 * the steps' rules are tested without a browser.
 */
import type { AgentTemplate } from './types';

export type FieldRule = 'auto' | 'ask' | 'never';

export interface FieldRuleDraft {
  field: string;
  crmProperty?: string | null;
  rule: FieldRule;
  /** Auto-apply only at or above this confidence. */
  threshold: number;
}

export interface AgentDraft {
  connectionId: string | null;
  name: string;
  callTypes: string[];
  ownerIds: string[];
  pipelines: string[];
  recordTypes: string[];
  templateId: string | null;
  fields: FieldRuleDraft[];
}

export const WIZARD_STEPS = [
  'crm',
  'purpose',
  'scope',
  'template',
  'fields',
  'preview',
  'activate',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const DEFAULT_THRESHOLD = 0.9;

export function emptyDraft(): AgentDraft {
  return {
    connectionId: null,
    name: '',
    callTypes: [],
    ownerIds: [],
    pipelines: [],
    recordTypes: ['deal'],
    templateId: null,
    fields: [],
  };
}

/** Why the wizard cannot leave `step` yet, or null when it can. */
export function stepProblem(step: WizardStep, draft: AgentDraft): string | null {
  switch (step) {
    case 'crm':
      return draft.connectionId ? null : 'Pick the CRM connection the agent updates';
    case 'purpose':
      if (!draft.name.trim()) return 'Name the agent';
      if (draft.name.trim().length > 200) return 'Keep the name under 200 characters';
      return null;
    case 'scope':
      return draft.recordTypes.length ? null : 'Pick at least one record type';
    case 'template':
      return null;
    case 'fields':
      if (!draft.fields.some((f) => f.rule !== 'never')) {
        return 'Let the agent propose at least one field';
      }
      if (draft.fields.some((f) => !(f.threshold >= 0.5 && f.threshold <= 1))) {
        // The API's bounds: below 50% "sure" means nothing.
        return 'Thresholds are between 50% and 100%';
      }
      return null;
    default:
      return null;
  }
}

/**
 * The fields a template proposes, keeping what the admin already set for a field both
 * have, so picking a template after editing rules does not throw the edits away.
 */
export function applyTemplate(
  current: readonly FieldRuleDraft[],
  templateFields: readonly FieldRuleDraft[],
): FieldRuleDraft[] {
  const mine = new Map(current.map((rule) => [rule.field, rule]));
  return templateFields.map((rule) => mine.get(rule.field) ?? { ...rule });
}

/** Sets one field's rule or threshold, adding the field when it is new. */
export function setFieldRule(
  fields: readonly FieldRuleDraft[],
  field: string,
  change: Partial<Omit<FieldRuleDraft, 'field'>>,
): FieldRuleDraft[] {
  const at = fields.findIndex((rule) => rule.field === field);
  if (at === -1) {
    return [...fields, { field, rule: 'ask', threshold: DEFAULT_THRESHOLD, ...change }];
  }
  return fields.map((rule, index) => (index === at ? { ...rule, ...change } : rule));
}

export function templateRules(template: AgentTemplate): FieldRuleDraft[] {
  return template.fields.map(({ field, crmProperty, rule, threshold }) => ({
    field,
    crmProperty,
    rule,
    threshold,
  }));
}

/** Templates for the calls the agent listens to first, then the rest (MEDDICC, BANT...). */
export function orderTemplates(
  templates: readonly AgentTemplate[],
  callTypes: readonly string[],
): AgentTemplate[] {
  const fits = (t: AgentTemplate) =>
    callTypes.length === 0 ||
    t.callTypes.length === 0 ||
    t.callTypes.some((c) => callTypes.includes(c));
  return [...templates.filter(fits), ...templates.filter((t) => !fits(t))];
}
