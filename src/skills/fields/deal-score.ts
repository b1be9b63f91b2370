/**
 * The deal score, 0-100, and what follows from it: five factors, each worth points,
 * each with the reason a person reads. Pure: the runner brings the facts.
 *
 * | factor          | max | full points                 | none                          |
 * | --------------- | --- | --------------------------- | ----------------------------- |
 * | stage age       | 25  | at or under the typical days | 3x the typical days or more  |
 * | activity        | 25  | within 7 days               | 45 days or more (linear)      |
 * | close date      | 20  | in the future               | passed (5 when missing)       |
 * | amount          | 15  | within p10..p90 of the open pipeline; above p90 8, below p10 10, none 5 |
 * | contacts        | 15  | 3 or more (2: 12, 1: 8, 0: 0) |                             |
 *
 * The enhanced score adds 5 per external meeting on the deal in the last 30 days (at
 * most 15) and takes 10 off when there was none in 60 days.
 */

export interface DealFacts {
  id: string;
  name: string;
  amount: number | null;
  closeDate: string | null;
  stage: string | null;
  /** Days in the current stage. */
  stageDays: number;
  /** The workspace's typical days in this stage. */
  typicalStageDays: number;
  /** Days since the last activity (or stage change, or creation). */
  idleDays: number;
  contacts: number;
  primaryContact: string | null;
  meetings30: number;
  meetings60: number;
}

export interface Distribution {
  p10: number | null;
  p90: number | null;
}

export interface Factor {
  factor: 'stage_age' | 'activity' | 'close_date' | 'amount' | 'contacts' | 'meetings';
  points: number;
  max: number;
  detail: string;
}

export interface DealScore {
  score: number;
  enhanced: number;
  factors: Factor[];
  risk: string;
  nextStep: string;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number) => Math.round(value);

function stageFactor(deal: DealFacts): Factor {
  const ratio = deal.typicalStageDays > 0 ? deal.stageDays / deal.typicalStageDays : 0;
  const points = ratio <= 1 ? 25 : round(25 * clamp(1 - (ratio - 1) / 2, 0, 1));
  const stage = deal.stage ?? 'its stage';
  return {
    factor: 'stage_age',
    points,
    max: 25,
    detail: `${deal.stageDays} days in ${stage} (typical ${deal.typicalStageDays})`,
  };
}

function activityFactor(deal: DealFacts): Factor {
  const points =
    deal.idleDays <= 7 ? 25 : round(25 * clamp(1 - (deal.idleDays - 7) / (45 - 7), 0, 1));
  return {
    factor: 'activity',
    points,
    max: 25,
    detail: deal.idleDays === 0 ? 'activity today' : `no activity for ${deal.idleDays} days`,
  };
}

function closeDateFactor(deal: DealFacts, today: string): Factor {
  if (!deal.closeDate) return { factor: 'close_date', points: 5, max: 20, detail: 'no close date' };
  if (deal.closeDate < today)
    return {
      factor: 'close_date',
      points: 0,
      max: 20,
      detail: `close date ${deal.closeDate} has passed`,
    };
  return { factor: 'close_date', points: 20, max: 20, detail: `closes ${deal.closeDate}` };
}

function amountFactor(deal: DealFacts, distribution: Distribution): Factor {
  if (deal.amount === null) return { factor: 'amount', points: 5, max: 15, detail: 'no amount' };
  const { p10, p90 } = distribution;
  if (p90 !== null && deal.amount > p90)
    return { factor: 'amount', points: 8, max: 15, detail: 'larger than 90% of the open pipeline' };
  if (p10 !== null && deal.amount < p10)
    return {
      factor: 'amount',
      points: 10,
      max: 15,
      detail: 'smaller than 90% of the open pipeline',
    };
  return { factor: 'amount', points: 15, max: 15, detail: 'a typical size for the pipeline' };
}

function contactsFactor(deal: DealFacts): Factor {
  const points = deal.contacts >= 3 ? 15 : [0, 8, 12][deal.contacts]!;
  const detail =
    deal.contacts === 0
      ? 'no contact on the deal'
      : `${deal.contacts} contact${deal.contacts === 1 ? '' : 's'} on the deal`;
  return { factor: 'contacts', points, max: 15, detail };
}

/** The score of one open deal on `today` (YYYY-MM-DD, UTC). */
export function scoreDeal(deal: DealFacts, distribution: Distribution, today: string): DealScore {
  const factors = [
    stageFactor(deal),
    activityFactor(deal),
    closeDateFactor(deal, today),
    amountFactor(deal, distribution),
    contactsFactor(deal),
  ];
  const score = factors.reduce((sum, factor) => sum + factor.points, 0);
  const bonus = Math.min(15, deal.meetings30 * 5) - (deal.meetings60 === 0 ? 10 : 0);
  const enhanced = clamp(score + bonus, 0, 100);
  const meetings: Factor = {
    factor: 'meetings',
    points: bonus,
    max: 15,
    detail:
      deal.meetings30 > 0
        ? `${deal.meetings30} meeting${deal.meetings30 === 1 ? '' : 's'} in 30 days`
        : deal.meetings60 === 0
          ? 'no meeting in 60 days'
          : 'no meeting in 30 days',
  };
  return {
    score,
    enhanced,
    factors: [...factors, meetings],
    risk: riskSummary(factors),
    nextStep: nextStep(deal, factors),
  };
}

/** The two factors that lost the most points, as a sentence; "On track" when none lost many. */
export function riskSummary(factors: Factor[]): string {
  const losses = factors
    .map((factor) => ({ factor, lost: factor.max - factor.points }))
    .filter(({ lost }) => lost >= 5)
    .sort((a, b) => b.lost - a.lost || a.factor.factor.localeCompare(b.factor.factor))
    .slice(0, 2);
  if (losses.length === 0) {
    const best = [...factors].sort((a, b) => b.points / b.max - a.points / a.max)[0]!;
    return `On track: ${best.detail}.`;
  }
  return `At risk: ${losses.map(({ factor }) => factor.detail).join('; ')}.`;
}

/** The one thing to do next, from the weakest factor. */
export function nextStep(deal: DealFacts, factors: Factor[]): string {
  const who = deal.primaryContact ?? 'the buyer';
  const weakest = [...factors].sort(
    (a, b) => b.max - b.points - (a.max - a.points) || a.factor.localeCompare(b.factor),
  )[0]!;
  if (weakest.points === weakest.max) return `Keep the next meeting with ${who} on the calendar.`;
  switch (weakest.factor) {
    case 'close_date':
      return deal.closeDate
        ? `Confirm a new close date with ${who}: ${deal.closeDate} has passed.`
        : `Agree a close date with ${who}.`;
    case 'activity':
      return `Re-engage ${who}: ${weakest.detail}.`;
    case 'contacts':
      return deal.contacts === 0
        ? 'Add the buyer and the decision maker to the deal.'
        : `Multi-thread: bring in another stakeholder besides ${who}.`;
    case 'stage_age':
      return `Agree with ${who} the step that moves the deal out of ${deal.stage ?? 'its stage'}.`;
    default:
      return `Check the amount with ${who}: ${weakest.detail}.`;
  }
}
