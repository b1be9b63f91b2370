import { describe, expect, it } from 'vitest';
import type { AgentTemplate } from './types';
import {
  applyTemplate,
  emptyDraft,
  orderTemplates,
  setFieldRule,
  stepProblem,
  templateRules,
} from './wizard-state';

describe('the wizard steps', () => {
  it('needs a connection, a name, a record type and one field the agent may propose', () => {
    const draft = emptyDraft();
    expect(stepProblem('crm', draft)).toMatch(/connection/);
    expect(stepProblem('crm', { ...draft, connectionId: 'c1' })).toBeNull();
    expect(stepProblem('purpose', { ...draft, name: '  ' })).toMatch(/Name/);
    expect(stepProblem('purpose', { ...draft, name: 'Deal desk' })).toBeNull();
    expect(stepProblem('scope', { ...draft, recordTypes: [] })).toMatch(/record type/);
    expect(stepProblem('fields', draft)).toMatch(/at least one/);
    const never = [{ field: 'amount', rule: 'never' as const, threshold: 0.9 }];
    expect(stepProblem('fields', { ...draft, fields: never })).toMatch(/at least one/);
    const ask = [{ field: 'amount', rule: 'ask' as const, threshold: 0.9 }];
    expect(stepProblem('fields', { ...draft, fields: ask })).toBeNull();
    expect(stepProblem('fields', { ...draft, fields: [{ ...ask[0]!, threshold: 0.4 }] })).toMatch(
      /Thresholds/,
    );
  });

  it("keeps the admin's rule for a field the new template also has", () => {
    const mine = [{ field: 'amount', rule: 'never' as const, threshold: 0.8 }];
    const template = [
      { field: 'amount', rule: 'auto' as const, threshold: 0.95 },
      { field: 'champion', rule: 'ask' as const, threshold: 0.9 },
    ];
    expect(applyTemplate(mine, template)).toEqual([
      { field: 'amount', rule: 'never', threshold: 0.8 },
      { field: 'champion', rule: 'ask', threshold: 0.9 },
    ]);
  });

  it('changes one rule in place and adds a field not there yet as "ask"', () => {
    const fields = [{ field: 'amount', rule: 'ask' as const, threshold: 0.9 }];
    expect(setFieldRule(fields, 'amount', { rule: 'auto' })[0]).toMatchObject({ rule: 'auto' });
    expect(setFieldRule(fields, 'stage', { threshold: 0.7 })).toEqual([
      fields[0],
      { field: 'stage', rule: 'ask', threshold: 0.7 },
    ]);
  });
});

describe('templates', () => {
  const template = (id: string, callTypes: string[]) =>
    ({
      id,
      name: id,
      description: '',
      callTypes,
      fields: [
        {
          field: 'amount',
          crmProperty: null,
          rule: 'ask',
          threshold: 0.9,
          autoApplyEnabled: false,
        },
      ],
    }) as unknown as AgentTemplate;

  it("lists the templates for the agent's calls first, then every-call ones, then the rest", () => {
    const list = [
      template('demo', ['demo']),
      template('meddicc', []),
      template('renewal', ['renewal']),
    ];
    expect(orderTemplates(list, ['renewal']).map((t) => t.id)).toEqual([
      'meddicc',
      'renewal',
      'demo',
    ]);
    expect(orderTemplates(list, []).map((t) => t.id)).toEqual(['demo', 'meddicc', 'renewal']);
  });

  it("takes a template's rules without its auto-apply switch, which is earned per agent", () => {
    expect(templateRules(template('demo', ['demo']))).toEqual([
      { field: 'amount', crmProperty: null, rule: 'ask', threshold: 0.9 },
    ]);
  });
});
