import type { CrmPropertyType } from '../crm/port.js';

export type FieldObjectType = 'deal' | 'account';
export type FieldValueKind = 'score' | 'text' | 'datetime';
export type FieldSkill = 'deal-score' | 'account-score';

/** The skill computing an object type's fields. */
export const FIELD_SKILL: Record<FieldObjectType, FieldSkill> = {
  deal: 'deal-score',
  account: 'account-score',
};

/** A field Pandora computes and can write to a CRM property. */
export interface PandoraField {
  name: string;
  label: string;
  description: string;
  /** What a value looks like, for the console's pickers and previews. */
  example: string;
  objectTypes: FieldObjectType[];
  kind: FieldValueKind;
  /** CRM property types it can go into without loss. */
  compatibleTypes: CrmPropertyType[];
  /** Types it can go into with a loss the console warns about (a number as text...). */
  lossyTypes: CrmPropertyType[];
  /** The skill that computes it: deal-score for deal fields, account-score for account ones. */
  skills: FieldSkill[];
}

const SCORE_TYPES: Pick<PandoraField, 'kind' | 'compatibleTypes' | 'lossyTypes'> = {
  kind: 'score',
  compatibleTypes: ['number', 'percent'],
  // Text keeps the digits but loses sorting and reports; an enumeration needs score_label.
  lossyTypes: ['string', 'text', 'enumeration'],
};
const TEXT_TYPES: Pick<PandoraField, 'kind' | 'compatibleTypes' | 'lossyTypes'> = {
  kind: 'text',
  compatibleTypes: ['text', 'string'],
  lossyTypes: [],
};

/** Every field Pandora can write back, by name. */
export const FIELDS: readonly PandoraField[] = [
  {
    name: 'deal_score',
    label: 'Deal score',
    description:
      'How likely the deal is to close as planned, 0-100: time in stage against the ' +
      "workspace's typical duration, activity recency, close-date slippage, amount against " +
      'the pipeline, and contact engagement.',
    example: '72',
    objectTypes: ['deal'],
    skills: ['deal-score'],
    ...SCORE_TYPES,
  },
  {
    name: 'enhanced_deal_score',
    label: 'Enhanced deal score',
    description:
      'The deal score adjusted by conversation signals: recent meetings with the buyer ' +
      'raise it, weeks without one lower it.',
    example: '78',
    objectTypes: ['deal'],
    skills: ['deal-score'],
    ...SCORE_TYPES,
  },
  {
    name: 'deal_risk_summary',
    label: 'Deal risk summary',
    description: 'One sentence naming the factors that pull the deal score down most.',
    example: 'At risk: 41 days in Proposal (typical 14); no activity for 23 days.',
    objectTypes: ['deal'],
    skills: ['deal-score'],
    ...TEXT_TYPES,
  },
  {
    name: 'next_step_recommendation',
    label: 'Next step recommendation',
    description: 'The one thing to do next on the deal, from its weakest factor.',
    example: 'Confirm a new close date with Pat Buyer: 2025-04-30 has passed.',
    objectTypes: ['deal'],
    skills: ['deal-score'],
    ...TEXT_TYPES,
  },
  {
    name: 'account_score',
    label: 'Account score',
    description:
      "The account's health, 0-100, rolled up from its open deals' scores (weighted by " +
      'amount), deals won, and how many of its contacts are engaged.',
    example: '64',
    objectTypes: ['account'],
    skills: ['account-score'],
    ...SCORE_TYPES,
  },
  {
    name: 'enhanced_account_score',
    label: 'Enhanced account score',
    description: 'The account score adjusted by meetings with the account in the last 30 days.',
    example: '70',
    objectTypes: ['account'],
    skills: ['account-score'],
    ...SCORE_TYPES,
  },
  {
    name: 'account_signals_text',
    label: 'Account signals',
    description:
      "A line of the account's signals: open pipeline, last activity, contacts, meetings.",
    example: '3 open deals ($450K); last activity 5 days ago; 12 contacts; 2 meetings in 30 days.',
    objectTypes: ['account'],
    skills: ['account-score'],
    ...TEXT_TYPES,
  },
  {
    name: 'pandora_last_analyzed_at',
    label: 'Pandora last analyzed at',
    description: 'When Pandora last computed the record’s fields.',
    example: '2026-02-21T06:00:00.000Z',
    objectTypes: ['deal', 'account'],
    skills: ['deal-score', 'account-score'],
    kind: 'datetime',
    compatibleTypes: ['datetime', 'date'],
    lossyTypes: ['string', 'text'],
  },
];

export function fieldNamed(name: string): PandoraField | undefined {
  return FIELDS.find((field) => field.name === name);
}
