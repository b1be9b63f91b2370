import { describe, expect, it } from 'vitest';
import type { AgentCase } from './cases.js';
import type { AgentCore, CoreInput } from './core-types.js';
import { CoreOutputError, predictCases, scoreLines } from './eval.js';
import { scorePredictions } from './score.js';

const agentCase = (id: string, config?: AgentCase['config']): AgentCase => ({
  id,
  meeting: {
    title: 'Call',
    startedAt: '2026-10-14T16:00:00Z',
    durationSeconds: 60,
    participants: [],
    transcript: [],
  },
  ...(config ? { config } : {}),
  crm: { accounts: [], contacts: [], deals: [] },
  expected: { dealId: null, fields: { stage: 'negotiation' } },
});

describe('predictCases', () => {
  it("gives the core the meeting's start and the case's config over the file's, and keeps the case id", () => {
    const seen: CoreInput[] = [];
    const core: AgentCore = (input) => {
      seen.push(input);
      return { dealId: null, matchConfidence: 0, fields: [] };
    };
    const predictions = predictCases(
      [agentCase('a', { timeZone: 'Asia/Tokyo' }), agentCase('b')],
      core,
      {
        timeZone: 'Europe/Paris',
        competitors: ['Gong'],
      },
    );
    expect(predictions.map((p) => p.id)).toEqual(['a', 'b']);
    expect(
      seen.map((input) => [input.referenceTime, input.config.timeZone, input.config.competitors]),
    ).toEqual([
      ['2026-10-14T16:00:00Z', 'Asia/Tokyo', ['Gong']],
      ['2026-10-14T16:00:00Z', 'Europe/Paris', ['Gong']],
    ]);
  });

  it('refuses a core output outside the prediction format, naming the case and field', () => {
    const badConfidence: AgentCore = () => ({
      dealId: 'd1',
      matchConfidence: 0.5,
      fields: [
        { field: 'stage', value: 'negotiation', confidence: 1.5, decision: 'inbox', quote: 'q' },
      ],
    });
    expect(() => predictCases([agentCase('a')], badConfidence)).toThrow(
      new CoreOutputError(
        "The core's prediction for case a is invalid: fields.0.confidence: Expected number to be less or equal to 1",
      ),
    );
    const twice: AgentCore = () => ({
      dealId: null,
      matchConfidence: 0,
      fields: [
        { field: 'stage', value: 'negotiation', confidence: 0.5, decision: 'inbox', quote: 'q' },
        { field: 'stage', value: 'proposal', confidence: 0.5, decision: 'inbox', quote: 'q' },
      ],
    });
    expect(() => predictCases([agentCase('a')], twice)).toThrow('fields: stage is proposed twice');
  });
});

describe('scoreLines', () => {
  it('prints each figure on its line, n/a where nothing was there to divide', () => {
    const core: AgentCore = () => ({
      dealId: null,
      matchConfidence: 0,
      fields: [
        {
          field: 'stage',
          value: 'negotiation',
          confidence: 0.8,
          decision: 'auto_apply',
          quote: 'q',
        },
      ],
    });
    const cases = [agentCase('a'), agentCase('b')];
    const lines = scoreLines(scorePredictions(cases, predictCases(cases, core)));
    expect(lines).toEqual([
      'cases scored: 2',
      'match accuracy: 2/2 (100.0%)',
      'close_date: precision 0/0 (n/a), recall 0/0 (n/a)',
      'amount: precision 0/0 (n/a), recall 0/0 (n/a)',
      'stage: precision 2/2 (100.0%), recall 2/2 (100.0%)',
      'next_step: precision 0/0 (n/a), recall 0/0 (n/a)',
      'competitors: precision 0/0 (n/a), recall 0/0 (n/a)',
      'auto-apply precision: 2/2 (100.0%)',
      'recall: 2/2 (100.0%)',
      'calibration error (ECE, 10 bins): 0.2000',
    ]);
  });
});
