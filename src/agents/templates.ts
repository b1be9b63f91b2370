import type { AgentFieldConfig, CallType } from './config-schema.js';
import { DEFAULT_CONFIDENCE_THRESHOLD } from './config-schema.js';

/**
 * Starting points for an agent, one per kind of call, plus MEDDICC and BANT ones that
 * keep a qualification framework up to date on every call. Rules start cautious: only
 * the values a call of that kind settles plainly are `auto` (and even those wait in
 * the inbox until the field has earned trust in shadow mode); what reps phrase loosely
 * is `ask`; what the call cannot settle is `never`.
 */
export interface AgentTemplate {
  id: string;
  name: string;
  description: string;
  /** Empty: every call. */
  callTypes: CallType[];
  fields: AgentFieldConfig[];
}

const auto = (field: string, threshold = DEFAULT_CONFIDENCE_THRESHOLD): AgentFieldConfig => ({
  field,
  crmProperty: null,
  rule: 'auto',
  threshold,
  autoApplyEnabled: false,
});
const ask = (field: string): AgentFieldConfig => ({ ...auto(field), rule: 'ask' });
const never = (field: string): AgentFieldConfig => ({ ...auto(field), rule: 'never' });

export const AGENT_TEMPLATES: readonly AgentTemplate[] = [
  {
    id: 'discovery',
    name: 'Discovery calls',
    description:
      'First calls: records the next step and the competitors the buyer names, and asks ' +
      'before moving the stage; amounts and dates said this early are rarely commitments.',
    callTypes: ['discovery'],
    fields: [
      ask('stage'),
      ask('next_step'),
      ask('competitors'),
      never('amount'),
      never('close_date'),
    ],
  },
  {
    id: 'demo',
    name: 'Demo calls',
    description:
      'Product demos: the next step and competitors, the stage once the buyer is evaluating, ' +
      'and a first amount or close date for a person to confirm.',
    callTypes: ['demo'],
    fields: [ask('stage'), ask('next_step'), ask('competitors'), ask('amount'), ask('close_date')],
  },
  {
    id: 'negotiation',
    name: 'Negotiation calls',
    description:
      'Pricing and contract calls: the agreed amount and close date are what these calls ' +
      'settle, so they may be applied once trusted; the stage is confirmed by a person.',
    callTypes: ['negotiation'],
    fields: [
      auto('amount', 0.95),
      auto('close_date', 0.95),
      ask('stage'),
      ask('next_step'),
      ask('competitors'),
    ],
  },
  {
    id: 'renewal',
    name: 'Renewal calls',
    description:
      'Renewals: the renewal amount and date and the next step; competitors named on a ' +
      'renewal are a risk a person should see.',
    callTypes: ['renewal'],
    fields: [
      auto('amount', 0.95),
      auto('close_date', 0.95),
      ask('stage'),
      ask('next_step'),
      ask('competitors'),
    ],
  },
  {
    id: 'meddicc',
    name: 'MEDDICC qualification',
    description:
      'On every call, proposes the MEDDICC fields the buyer speaks to (metrics, economic ' +
      'buyer, decision criteria and process, pain, champion) for a person to confirm. ' +
      'Choose the CRM property each one writes.',
    callTypes: [],
    fields: [
      'metrics',
      'economic_buyer',
      'decision_criteria',
      'decision_process',
      'identify_pain',
      'champion',
    ].map(ask),
  },
  {
    id: 'bant',
    name: 'BANT qualification',
    description:
      'On every call, proposes budget, authority, need and timeline for a person to confirm. ' +
      'Choose the CRM property each one writes.',
    callTypes: [],
    fields: ['budget', 'authority', 'need', 'timeline'].map(ask),
  },
];

export function templateNamed(id: string): AgentTemplate | undefined {
  return AGENT_TEMPLATES.find((template) => template.id === id);
}
