import { DAY, isOpen } from './deals.js';
import type { Random } from './random.js';
import {
  COMPETITORS,
  buildReviewTranscript,
  buildTranscript,
  meetingTitle,
  type MeetingKind,
  type ReviewItem,
} from './transcripts.js';
import type {
  DemoAccount,
  DemoContact,
  DemoConversation,
  DemoDeal,
  DemoOwner,
  DemoParticipant,
} from './types.js';

const HALF_HOUR = 30 * 60_000;

export interface AccountMeetingsInput {
  account: DemoAccount;
  contacts: DemoContact[];
  deals: DemoDeal[];
  owners: Map<string, DemoOwner>;
  managers: DemoOwner[];
  nowMs: number;
  nextId: () => string;
}

/**
 * An account's recorded meetings. With deals, each meeting belongs to one (dated
 * within its life, never after its last activity); without, they are the first calls
 * of a deal nobody has created yet.
 */
export function accountMeetings(random: Random, input: AccountMeetingsInput): DemoConversation[] {
  const { account, nowMs } = input;
  // A meeting is an activity: deals that never had one cannot have a meeting either.
  const active = input.deals.filter((deal) => deal.lastActivityAt !== null);
  const open = active.filter(isOpen);
  if (active.length === 0) {
    if (input.deals.length > 0 || random.chance(0.25)) return [];
    return Array.from({ length: random.int(1, 2) }, () => {
      const startedMs = halfHour(nowMs - random.int(1, 45) * DAY - random.int(0, 8) * 3_600_000);
      const kind = random.pick<MeetingKind>(['intro', 'discovery']);
      const owner = input.owners.get(account.ownerSourceId)!;
      return meeting(random, input, { kind, startedMs, owner, deal: null, newContact: 0.35 });
    });
  }
  return Array.from({ length: random.int(1, 3) }, () => {
    const deal = open.length > 0 && random.chance(0.75) ? random.pick(open) : random.pick(active);
    const created = Date.parse(deal.createdAt);
    const last = Date.parse(deal.lastActivityAt!);
    // Most meetings are recent in the deal's life.
    const startedMs = Math.max(created, halfHour(last - (last - created) * random.next() ** 2));
    const owner = input.owners.get(deal.ownerSourceId)!;
    return meeting(random, input, {
      kind: kindFor(random, deal),
      startedMs,
      owner,
      // Some recordings are not linked to their deal yet: work for the record matcher.
      deal: random.chance(0.1) ? null : deal,
      about: deal,
      newContact: 0.1,
    });
  });
}

interface MeetingPlan {
  kind: MeetingKind;
  startedMs: number;
  owner: DemoOwner;
  deal: DemoDeal | null;
  about?: DemoDeal;
  /** Chance that someone not yet in the CRM joins the call. */
  newContact: number;
}

function meeting(random: Random, input: AccountMeetingsInput, plan: MeetingPlan): DemoConversation {
  const { account } = input;
  const { startedMs } = plan;
  const sellers: DemoParticipant[] = [person(plan.owner)];
  if (plan.kind === 'negotiation' || random.chance(0.15))
    sellers.push(person(random.pick(input.managers)));
  const buyers = random.sample(input.contacts, random.int(1, 3)).map((c): DemoParticipant => ({
    name: `${c.firstName} ${c.lastName}`,
    email: c.email,
    isInternal: false,
  }));
  if (random.chance(plan.newContact)) {
    const first = random.faker.person.firstName();
    const last = random.faker.person.lastName();
    const email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    buyers.push({
      name: `${first} ${last}`,
      email: `${email}@${account.domain}`,
      isInternal: false,
    });
  }
  const deal = plan.about;
  const dueDate = dueDateFor(random, plan.kind, startedMs, deal);
  return {
    sourceId: input.nextId(),
    title: meetingTitle(plan.kind, account.name),
    startedAt: new Date(startedMs).toISOString(),
    durationSeconds: random.pick([15, 25, 30, 30, 45, 60]) * 60 - random.int(0, 240),
    participants: [...sellers, ...buyers],
    transcript: buildTranscript(random, {
      kind: plan.kind,
      accountName: account.name,
      sellers: sellers.map((p) => p.name),
      buyers: buyers.map((p) => p.name),
      amount: spokenAmountFor(random, deal),
      dueDate,
      competitor: random.chance(0.55) ? random.pick(COMPETITORS) : null,
    }),
    isInternal: false,
    accountSourceId: account.sourceId,
    dealSourceId: plan.deal?.sourceId ?? null,
  };
}

/** Calendar meetings start on the hour or the half hour. */
function halfHour(ms: number): number {
  return Math.floor(ms / HALF_HOUR) * HALF_HOUR;
}

function person(owner: DemoOwner): DemoParticipant {
  return { name: owner.name, email: owner.email, isInternal: true };
}

function kindFor(random: Random, deal: DemoDeal): MeetingKind {
  if (deal.pipeline === 'renewals') return 'renewal';
  switch (deal.stageNormalized) {
    case 'prospecting':
    case 'qualification':
      return random.pick<MeetingKind>(['intro', 'discovery']);
    case 'discovery':
    case 'evaluation':
      return random.pick<MeetingKind>(['discovery', 'demo']);
    default:
      return random.pick<MeetingKind>(['demo', 'negotiation']);
  }
}

// What people say about money differs from the CRM now and then: that gap is what
// the meeting agent proposes to fix.
function spokenAmountFor(random: Random, deal: DemoDeal | undefined): number | null {
  if (deal?.amount != null && random.chance(0.75)) return deal.amount;
  if (deal?.amount != null) return Math.round((deal.amount * random.int(80, 125)) / 100_000) * 1000;
  return random.chance(0.6) ? random.int(20, 150) * 1000 : null;
}

function dueDateFor(
  random: Random,
  kind: MeetingKind,
  startedMs: number,
  deal: DemoDeal | undefined,
): Date {
  if (kind === 'negotiation' && deal?.closeDate && random.chance(0.6)) {
    const closeMs = Date.parse(deal.closeDate);
    if (closeMs > startedMs) return new Date(closeMs);
  }
  return new Date(startedMs + random.int(3, 30) * DAY);
}

export interface ReviewInput {
  managers: DemoOwner[];
  reps: DemoOwner[];
  accounts: Map<string, DemoAccount>;
  /** Open deals by owner source id. */
  openDeals: Map<string, DemoDeal[]>;
  nowMs: number;
  nextId: () => string;
}

/** Internal pipeline reviews: only sellers on the call, no account, no deal. */
export function reviewMeeting(random: Random, input: ReviewInput): DemoConversation | null {
  const manager = random.pick(input.managers);
  const reps = random.sample(input.reps, random.int(1, 3));
  const items: ReviewItem[] = [];
  const startedMs = input.nowMs - random.int(1, 60) * DAY - random.int(0, 6) * 3_600_000;
  for (const rep of reps) {
    const deals = input.openDeals.get(rep.sourceId);
    if (!deals?.length) continue;
    const deal = random.pick(deals);
    items.push({
      rep: rep.name,
      accountName: input.accounts.get(deal.accountSourceId)?.name ?? 'a new account',
      amount: deal.amount,
      dueDate: new Date(startedMs + random.int(5, 40) * DAY),
      competitor: random.chance(0.4) ? random.pick(COMPETITORS) : null,
    });
  }
  if (items.length === 0) return null;
  return {
    sourceId: input.nextId(),
    title: random.pick(['Weekly pipeline review', 'Forecast call', 'Deal review']),
    startedAt: new Date(halfHour(startedMs)).toISOString(),
    durationSeconds: random.pick([30, 45, 60]) * 60 - random.int(0, 180),
    participants: [person(manager), ...reps.map(person)],
    transcript: buildReviewTranscript(random, manager.name, items),
    isInternal: true,
    accountSourceId: null,
    dealSourceId: null,
  };
}
