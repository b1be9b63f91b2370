/**
 * The account score, 0-100: the mean of its open deals' scores weighted by amount
 * (a deal without an amount weighs as $1), 50 with no open deal; +10 with a deal won
 * in the last 365 days; +5 with 3 or more contacts. The enhanced score adds 5 per
 * external meeting with the account in 30 days (at most 15) and takes 10 off with
 * none in 90 days.
 */
import type { Factor } from './deal-score.js';

export interface AccountFacts {
  id: string;
  openDeals: { score: number; amount: number | null }[];
  wonLastYear: boolean;
  contacts: number;
  meetings30: number;
  meetings90: number;
  /** Days since the last activity on any of its deals; null with none. */
  idleDays: number | null;
}

export interface AccountScore {
  score: number;
  enhanced: number;
  signals: string;
  factors: { factor: string; points: number; detail: string }[];
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function scoreAccount(account: AccountFacts): AccountScore {
  const weight = (deal: { amount: number | null }) => Math.max(1, deal.amount ?? 0);
  const total = account.openDeals.reduce((sum, deal) => sum + weight(deal), 0);
  const base =
    account.openDeals.length === 0
      ? 50
      : Math.round(
          account.openDeals.reduce((sum, deal) => sum + deal.score * weight(deal), 0) / total,
        );
  const factors: AccountScore['factors'] = [
    {
      factor: 'deals',
      points: base,
      detail:
        account.openDeals.length === 0
          ? 'no open deal (50)'
          : `open deals score ${base} weighted by amount`,
    },
  ];
  let score = base;
  if (account.wonLastYear) {
    score += 10;
    factors.push({ factor: 'won', points: 10, detail: 'a deal won in the last year' });
  }
  if (account.contacts >= 3) {
    score += 5;
    factors.push({ factor: 'contacts', points: 5, detail: `${account.contacts} contacts` });
  }
  score = Math.min(100, Math.max(0, score));
  const meetingPoints = Math.min(15, account.meetings30 * 5) - (account.meetings90 === 0 ? 10 : 0);
  const enhanced = Math.min(100, Math.max(0, score + meetingPoints));
  const pipeline = account.openDeals.reduce((sum, deal) => sum + (deal.amount ?? 0), 0);
  const parts = [
    `${account.openDeals.length} open deal${account.openDeals.length === 1 ? '' : 's'}${
      pipeline > 0 ? ` ($${compact.format(pipeline)})` : ''
    }`,
    account.idleDays === null
      ? 'no activity recorded'
      : account.idleDays === 0
        ? 'activity today'
        : `last activity ${account.idleDays} day${account.idleDays === 1 ? '' : 's'} ago`,
    `${account.contacts} contact${account.contacts === 1 ? '' : 's'}`,
    `${account.meetings30} meeting${account.meetings30 === 1 ? '' : 's'} in 30 days`,
  ];
  return { score, enhanced, signals: `${parts.join('; ')}.`, factors };
}

export type { Factor };
