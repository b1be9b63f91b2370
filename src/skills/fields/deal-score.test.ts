import { describe, expect, it } from 'vitest';
import { scoreAccount } from './account-score.js';
import { scoreDeal, type DealFacts } from './deal-score.js';

const TODAY = '2026-02-21';
const base: DealFacts = {
  id: 'd1',
  name: 'Acme',
  amount: 50_000,
  closeDate: '2026-03-31',
  stage: 'Proposal',
  stageDays: 10,
  typicalStageDays: 14,
  idleDays: 3,
  contacts: 3,
  primaryContact: 'Pat Buyer',
  meetings30: 1,
  meetings60: 1,
};
const spread = { p10: 10_000, p90: 200_000 };
const points = (deal: Partial<DealFacts>, factor: string) =>
  scoreDeal({ ...base, ...deal }, spread, TODAY).factors.find((f) => f.factor === factor)!.points;

describe('deal score', () => {
  it('gives full marks to a healthy deal, and a meeting bonus on top', () => {
    const result = scoreDeal(base, spread, TODAY);
    expect(result.score).toBe(100);
    expect(result.enhanced).toBe(100);
    expect(result.risk).toMatch(/^On track: /);
    expect(result.nextStep).toBe('Keep the next meeting with Pat Buyer on the calendar.');
  });

  it('stage age: full at the typical days, half at 2x, none at 3x', () => {
    expect(points({ stageDays: 14 }, 'stage_age')).toBe(25);
    expect(points({ stageDays: 28 }, 'stage_age')).toBe(13); // 12.5 rounds up
    expect(points({ stageDays: 42 }, 'stage_age')).toBe(0);
    expect(points({ stageDays: 100 }, 'stage_age')).toBe(0);
  });

  it('activity: full within 7 days, none at 45, linear between', () => {
    expect(points({ idleDays: 7 }, 'activity')).toBe(25);
    expect(points({ idleDays: 26 }, 'activity')).toBe(13); // 12.5
    expect(points({ idleDays: 45 }, 'activity')).toBe(0);
  });

  it('close date, amount and contacts bands', () => {
    expect(points({ closeDate: '2026-02-20' }, 'close_date')).toBe(0);
    expect(points({ closeDate: TODAY }, 'close_date')).toBe(20);
    expect(points({ closeDate: null }, 'close_date')).toBe(5);
    expect(points({ amount: 250_000 }, 'amount')).toBe(8);
    expect(points({ amount: 5_000 }, 'amount')).toBe(10);
    expect(points({ amount: null }, 'amount')).toBe(5);
    expect([0, 1, 2, 3, 7].map((contacts) => points({ contacts }, 'contacts'))).toEqual([
      0, 8, 12, 15, 15,
    ]);
  });

  it('names the two biggest losses and the step for the weakest', () => {
    const result = scoreDeal(
      {
        ...base,
        stageDays: 41,
        idleDays: 23,
        closeDate: '2026-01-31',
        meetings30: 0,
        meetings60: 0,
      },
      spread,
      TODAY,
    );
    // stage 41/14: 25 * (1 - 1.93 / 2) = 0.9 -> 1; activity 23 days: 25 * (1 - 16 / 38)
    // = 14.5 -> 14; close date passed 0; amount 15; contacts 15.
    expect(result.score).toBe(1 + 14 + 0 + 15 + 15);
    // No meeting in 60 days: -10.
    expect(result.enhanced).toBe(45 - 10);
    expect(result.risk).toBe(
      'At risk: 41 days in Proposal (typical 14); close date 2026-01-31 has passed.',
    );
    expect(result.nextStep).toBe(
      'Agree with Pat Buyer the step that moves the deal out of Proposal.',
    );
    const noContacts = scoreDeal({ ...base, contacts: 0, primaryContact: null }, spread, TODAY);
    expect(noContacts.nextStep).toBe('Add the buyer and the decision maker to the deal.');
  });
});

describe('account score', () => {
  it('weights open deals by amount, adds a recent win and contacts, and meetings', () => {
    const result = scoreAccount({
      id: 'a1',
      openDeals: [
        { score: 80, amount: 300_000 },
        { score: 40, amount: 100_000 },
      ],
      wonLastYear: true,
      contacts: 4,
      meetings30: 2,
      meetings90: 2,
      idleDays: 5,
    });
    expect(result.score).toBe(70 + 10 + 5);
    expect(result.enhanced).toBe(95);
    expect(result.signals).toBe(
      '2 open deals ($400K); last activity 5 days ago; 4 contacts; 2 meetings in 30 days.',
    );
  });

  it('is 50 with no open deal, and loses 10 with no meeting in 90 days', () => {
    const result = scoreAccount({
      id: 'a2',
      openDeals: [],
      wonLastYear: false,
      contacts: 1,
      meetings30: 0,
      meetings90: 0,
      idleDays: null,
    });
    expect(result).toMatchObject({ score: 50, enhanced: 40 });
    expect(result.signals).toBe(
      '0 open deals; no activity recorded; 1 contact; 0 meetings in 30 days.',
    );
  });
});
