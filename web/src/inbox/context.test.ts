import { describe, expect, it } from 'vitest';
import { readContext } from './context';

describe('readContext', () => {
  it("reads an agent approval's meeting, record and fields with their quotes", () => {
    const view = readContext({
      meeting: { id: 'm1', title: 'Pricing call', startedAt: '2026-12-01T15:00:00Z' },
      record: { type: 'deal', id: 'd1', crmId: '42', name: 'Acme - Platform' },
      agent: { id: 'a1', name: 'Deal desk' },
      fields: [
        {
          field: 'amount',
          crmProperty: 'amount',
          before: 50000,
          after: 150000,
          confidence: 0.93,
          quote: 'we agreed on $150,000 a year',
          startSeconds: 12,
        },
      ],
    });
    expect(view.meeting).toEqual({ id: 'm1', title: 'Pricing call' });
    expect(view.record).toEqual({ type: 'deal', id: 'd1', name: 'Acme - Platform' });
    expect(view.fields).toEqual([
      {
        field: 'amount',
        crmProperty: 'amount',
        before: 50000,
        after: 150000,
        confidence: 0.93,
        quote: 'we agreed on $150,000 a year',
        startSeconds: 12,
      },
    ]);
  });

  it("reads a question's candidates and leaves out parts of the wrong shape", () => {
    const view = readContext({
      question: 'Which deal was this call about?',
      candidates: [{ dealId: 'd1', name: 'Acme A', score: 0.5 }, { name: 'no id' }, 'junk'],
      fields: 'not a list',
      meeting: { title: 'no id' },
    });
    expect(view).toEqual({
      question: 'Which deal was this call about?',
      candidates: [{ dealId: 'd1', name: 'Acme A', score: 0.5 }],
      fields: [],
    });
  });
});
