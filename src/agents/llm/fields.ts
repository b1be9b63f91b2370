import { STAGES } from '../cases.js';

/**
 * The fields the LLM extractor can read, by kind. Ids are those of the deterministic
 * extractor (the five eval fields, MEDDICC and BANT), and values take the same forms:
 * a date `YYYY-MM-DD`, an amount `{ amount, currency }`, a stage from STAGES, a list
 * of the workspace's competitor names, or text.
 */
export type FieldKind = 'date' | 'amount' | 'stage' | 'competitors' | 'text';

export interface LlmField {
  kind: FieldKind;
  /** What the model is told the field is; the rules that guard it are in the prompt. */
  meaning: string;
}

export const LLM_FIELDS: Readonly<Record<string, LlmField>> = {
  close_date: {
    kind: 'date',
    meaning:
      'the date the customer committed to sign or close the deal (not the next meeting, not a go-live, not a hypothetical)',
  },
  amount: {
    kind: 'amount',
    meaning:
      'the deal amount both sides now talk about (not headcount, discounts, budgets hedged, or another vendor’s price)',
  },
  stage: {
    kind: 'stage',
    meaning: `the sales stage the deal has reached, one of ${STAGES.join(', ')}; politeness is not a stage change`,
  },
  next_step: { kind: 'text', meaning: 'the next step both sides agreed on, in a short sentence' },
  competitors: {
    kind: 'competitors',
    meaning: 'the competing vendors still in play now (not ones mentioned in the past tense)',
  },
  metrics: { kind: 'text', meaning: 'MEDDICC metrics: the measurable gain the customer expects' },
  economic_buyer: { kind: 'text', meaning: 'MEDDICC economic buyer: who signs off the spend' },
  decision_criteria: { kind: 'text', meaning: 'MEDDICC decision criteria: how they will choose' },
  decision_process: {
    kind: 'text',
    meaning: 'MEDDICC decision process: the steps and people between now and signature',
  },
  identify_pain: { kind: 'text', meaning: 'MEDDICC identified pain: the problem they need solved' },
  champion: { kind: 'text', meaning: 'MEDDICC champion: who pushes for the deal on their side' },
  budget: { kind: 'text', meaning: 'BANT budget: what they said about the money set aside' },
  authority: { kind: 'text', meaning: 'BANT authority: who decides' },
  need: { kind: 'text', meaning: 'BANT need: why they are buying' },
  timeline: { kind: 'text', meaning: 'BANT timeline: when they want it in place' },
};

export const LLM_FIELD_IDS: readonly string[] = Object.keys(LLM_FIELDS);
