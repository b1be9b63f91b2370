import { describe, expect, it } from 'vitest';
import {
  QUALIFICATION_FIELDS,
  extractQualification,
  type QualificationField,
} from './qualification.js';
import { baseContext, call } from './test-utterances.js';
import type { SpeakerSide } from './types.js';

interface Case {
  name: string;
  lines: [SpeakerSide, string][];
  field: QualificationField;
  /** The quote expected as the value; null when nothing should be read. */
  expected: string | null;
}

const ext = (text: string): [SpeakerSide, string] => ['external', text];
const int = (text: string): [SpeakerSide, string] => ['internal', text];
const unk = (text: string): [SpeakerSide, string] => ['unknown', text];

const cases: Case[] = [
  // Said outright by the customer
  {
    name: 'metrics: a target with a number',
    lines: [ext('Hi all. We want to cut ramp time by 30% this year.')],
    field: 'metrics',
    expected: 'We want to cut ramp time by 30% this year.',
  },
  {
    name: 'economic buyer: a role that signs',
    lines: [ext('Our CFO signs anything over $50k.')],
    field: 'economic_buyer',
    expected: 'Our CFO signs anything over $50k.',
  },
  {
    name: 'decision criteria',
    lines: [ext('Our main criteria are Salesforce sync and forecast accuracy.')],
    field: 'decision_criteria',
    expected: 'Our main criteria are Salesforce sync and forecast accuracy.',
  },
  {
    name: 'decision process',
    lines: [ext('After legal, it has to go to the steering committee.')],
    field: 'decision_process',
    expected: 'After legal, it has to go to the steering committee.',
  },
  {
    name: 'pain, negation and all',
    lines: [ext("Honestly we can't trust the forecast, it's a mess.")],
    field: 'identify_pain',
    expected: "Honestly we can't trust the forecast, it's a mess.",
  },
  {
    name: 'champion',
    lines: [ext("I'll make the case to our CRO next week.")],
    field: 'champion',
    expected: "I'll make the case to our CRO next week.",
  },
  {
    name: 'budget',
    lines: [ext('We had budgeted 120k for this.')],
    field: 'budget',
    expected: 'We had budgeted 120k for this.',
  },
  {
    name: 'no budget is a budget finding',
    lines: [ext("There's no budget until next year.")],
    field: 'budget',
    expected: "There's no budget until next year.",
  },
  {
    name: 'authority',
    lines: [ext("I can't sign this alone, it needs to be approved by finance.")],
    field: 'authority',
    expected: "I can't sign this alone, it needs to be approved by finance.",
  },
  {
    name: 'need',
    lines: [ext('We need one place to see every rep’s pipeline.')],
    field: 'need',
    expected: 'We need one place to see every rep’s pipeline.',
  },
  {
    name: 'timeline',
    lines: [ext('We need this live before our sales kickoff in January.')],
    field: 'timeline',
    expected: 'We need this live before our sales kickoff in January.',
  },
  // The answer to the rep's question
  {
    name: 'criteria as an answer',
    lines: [
      int('Thanks. What matters most to you in the comparison?'),
      ext('Forecast accuracy, mostly. And price.'),
    ],
    field: 'decision_criteria',
    expected: 'Forecast accuracy, mostly.',
  },
  {
    name: 'economic buyer as an answer',
    lines: [int('Who signs off on this?'), ext('That would be Priya, our COO.')],
    field: 'economic_buyer',
    expected: 'That would be Priya, our COO.',
  },
  {
    name: 'a dodged question is nothing',
    lines: [int('What budget are you working with?'), ext("I'm not sure yet, to be honest.")],
    field: 'budget',
    expected: null,
  },
  // Never
  {
    name: 'the rep saying it',
    lines: [int('Most teams cut ramp time by 30% with us.')],
    field: 'metrics',
    expected: null,
  },
  {
    name: 'an unknown speaker',
    lines: [unk('Our CFO signs anything over $50k.')],
    field: 'economic_buyer',
    expected: null,
  },
  {
    name: "the customer's question",
    lines: [ext('Does your CFO usually sign these?')],
    field: 'economic_buyer',
    expected: null,
  },
  {
    name: 'a hypothetical',
    lines: [ext('If we had a budget of 100k, we could do it.')],
    field: 'budget',
    expected: null,
  },
  {
    name: "a competitor's claim",
    lines: [ext('Gong says they cut ramp time by 30%.')],
    field: 'metrics',
    expected: null,
  },
  {
    name: 'a negated champion',
    lines: [ext("I don't think I'll push for this internally.")],
    field: 'champion',
    expected: null,
  },
  {
    name: 'politeness',
    lines: [ext('This is exciting, we love it!')],
    field: 'need',
    expected: null,
  },
  // The last word counts
  {
    name: 'a later budget statement wins',
    lines: [ext('We had budgeted 120k for this.'), ext('Finance approved a budget of 95k.')],
    field: 'budget',
    expected: 'Finance approved a budget of 95k.',
  },
];

describe('extractQualification', () => {
  for (const c of cases) {
    it(c.name, () => {
      const utterances = call(...c.lines);
      const got = extractQualification(utterances, baseContext)[c.field] ?? null;
      expect(got?.value ?? null).toBe(c.expected);
      if (!got) return;
      expect(got.quote).toBe(got.value);
      expect(utterances[got.utteranceIndex]!.text).toContain(got.quote);
      expect(got.confidence).toBeLessThanOrEqual(0.75);
    });
  }

  it('returns every asked field, null when undecided, and only those', () => {
    const got = extractQualification(call(ext('Our CFO signs anything over $50k.')), baseContext, [
      'economic_buyer',
      'champion',
    ]);
    expect(Object.keys(got).sort()).toEqual(['champion', 'economic_buyer']);
    expect(got.champion).toBeNull();
  });

  it('knows the ten MEDDICC and BANT fields', () => {
    expect(QUALIFICATION_FIELDS).toHaveLength(10);
  });
});
