import type { Faker } from '@faker-js/faker';

/** Competitors a meeting may mention; a later extractor looks for these names. */
export const COMPETITORS = ['Gong', 'Clari', 'Outreach', 'Salesloft', 'People.ai', 'Aviso'];

export type MeetingKind = 'discovery' | 'demo' | 'negotiation' | 'renewal' | 'intro' | 'internal';

export interface Speaker {
  name: string;
  isInternal: boolean;
}

export interface TranscriptFacts {
  kind: MeetingKind;
  accountName: string;
  /** The deal's amount, when there is one; else a plausible budget. */
  amount: number;
  /** A date after the meeting that people commit to. */
  dueDate: Date;
  competitor: string;
  seller: Speaker;
  buyers: Speaker[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function spokenDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

export function spokenAmount(amount: number): string {
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}

type Line = (facts: TranscriptFacts, buyer: string) => [speaker: 'seller' | 'buyer', text: string];

// Each kind of meeting is a script of lines; the facts (amount, date, competitor) are
// woven in so that an extractor has real things to find, and some lines are optional.
const SCRIPTS: Record<Exclude<MeetingKind, 'internal'>, Line[]> = {
  intro: [
    (f) => [
      'seller',
      `Thanks for making time today. I'd love to understand how ${f.accountName} runs forecasting now.`,
    ],
    () => ['buyer', 'Sure. Right now it is mostly spreadsheets and a weekly call with each rep.'],
    () => ['seller', 'How much time does the team spend cleaning up the CRM before that call?'],
    () => ['buyer', 'Honestly a few hours a week per manager. Close dates are always stale.'],
    (f) => ['buyer', `We looked at ${f.competitor} last year but it felt heavy for our size.`],
    () => ['seller', 'That is common. Pandora proposes the fixes and your team approves them.'],
    (f) => [
      'buyer',
      `If it saves that time, a budget around ${spokenAmount(f.amount)} is realistic.`,
    ],
    (f) => [
      'seller',
      `Great. Next step: I'll send a short deck and we book a discovery call before ${spokenDate(f.dueDate)}.`,
    ],
    () => ['buyer', 'Works for me. Loop in our RevOps lead too.'],
  ],
  discovery: [
    () => [
      'seller',
      'Last time you mentioned stale close dates. Can you walk me through the pipeline review?',
    ],
    () => ['buyer', 'Every Monday we go deal by deal. Half the time the amount or stage is wrong.'],
    () => ['seller', 'Who owns the data hygiene today?'],
    () => ['buyer', 'Our RevOps manager, but she is stretched thin across three teams.'],
    (f) => ['buyer', `We are also talking to ${f.competitor}, to be transparent.`],
    () => [
      'seller',
      'Appreciated. The difference is that every change here is previewed and can be undone.',
    ],
    (f) => ['buyer', `Our budget for this is about ${spokenAmount(f.amount)} for the first year.`],
    () => ['seller', 'Which CRM objects matter most: deals only, or contacts and companies too?'],
    () => ['buyer', 'Deals first. Contacts later in the year.'],
    (f) => [
      'seller',
      `Next step: a tailored demo with your RevOps manager by ${spokenDate(f.dueDate)}.`,
    ],
    () => ['buyer', 'I will send the invite to her today.'],
  ],
  demo: [
    () => ['seller', 'Here is the inbox: each proposed change shows the value before and after.'],
    () => ['buyer', 'Can managers approve changes for their own reps only?'],
    () => ['seller', 'Yes, policies route each change by owner, amount and field.'],
    (f) => ['buyer', `How does this compare with ${f.competitor} on Salesforce?`],
    () => [
      'seller',
      'We write through the official APIs in batches and log every write, so it is auditable.',
    ],
    () => ['buyer', 'Security will ask about where credentials are stored.'],
    () => ['seller', 'They are encrypted at rest; I will send our security overview.'],
    (f) => ['buyer', `If the pilot goes well we would sign for ${spokenAmount(f.amount)}.`],
    (f) => [
      'seller',
      `Next step: start a two-week pilot on ${spokenDate(f.dueDate)} with the West team.`,
    ],
    () => ['buyer', 'Agreed. I will get legal the MSA in parallel.'],
  ],
  negotiation: [
    (f) => ['seller', `We have the order form at ${spokenAmount(f.amount)} for twelve months.`],
    () => ['buyer', 'Procurement asked for a multi-year discount.'],
    () => ['seller', 'We can do eight percent off for a two-year term.'],
    (f) => ['buyer', `${f.competitor} offered a lower number, but we prefer your approval flow.`],
    () => ['seller', 'Understood. Is there anything blocking signature besides price?'],
    () => ['buyer', 'Legal has two redlines on the data processing addendum.'],
    (f) => ['buyer', `We aim to sign by ${spokenDate(f.dueDate)}, end of our quarter.`],
    () => [
      'seller',
      'Next step: I send the revised order form and our counsel reviews the redlines tomorrow.',
    ],
  ],
  renewal: [
    () => ['seller', 'Thanks for a great first year. Let us look at usage before the renewal.'],
    () => ['buyer', 'Adoption is good on the East team, weaker on West.'],
    () => ['seller', 'We can run an enablement session for West next month.'],
    (f) => ['buyer', `Finance wants the renewal at or below ${spokenAmount(f.amount)}.`],
    (f) => ['buyer', `${f.competitor} reached out to our VP, so price matters.`],
    () => ['seller', 'We can add the Salesforce connector at no extra cost for the next term.'],
    (f) => [
      'seller',
      `Next step: renewal quote by ${spokenDate(f.dueDate)}, and the enablement session booked.`,
    ],
    () => ['buyer', 'Send it over and I will get it approved.'],
  ],
};

const INTERNAL_LINES: ((manager: string, rep: string, f: TranscriptFacts) => [string, string])[] = [
  (manager) => [manager, 'Let us go through commit for the quarter.'],
  (_manager, rep, f) => [
    rep,
    `${f.accountName} is still at ${spokenAmount(f.amount)}; they want to sign by ${spokenDate(f.dueDate)}.`,
  ],
  (manager) => [manager, 'Is the close date in the CRM right? It says last month.'],
  (_manager, rep) => [rep, 'No, I need to update it. I will fix it after this call.'],
  (_manager, rep, f) => [rep, `${f.competitor} is in the deal at a lower price.`],
  (manager) => [manager, 'Then let us get their champion to the exec sponsor this week.'],
  (manager) => [
    manager,
    'Two deals have had no activity in over two months. Re-engage or close them.',
  ],
  (_manager, rep) => [rep, 'Understood. Next step on my side: re-engagement emails by Friday.'],
];

/** A transcript, one "Speaker: text" line each, from the meeting's facts. */
export function buildTranscript(faker: Faker, facts: TranscriptFacts): string {
  if (facts.kind === 'internal') {
    const manager = facts.seller.name;
    const rep = facts.buyers[0]?.name ?? 'Rep';
    return INTERNAL_LINES.filter((_, index) => index < 3 || faker.number.float() < 0.8)
      .map((line) => line(manager, rep, facts))
      .map(([speaker, text]) => `${speaker}: ${text}`)
      .join('\n');
  }
  const lines: string[] = [];
  for (const line of SCRIPTS[facts.kind]) {
    const buyer = faker.helpers.arrayElement(facts.buyers).name;
    const [who, text] = line(facts, buyer);
    // Keep most lines; dropping a few makes each meeting read a little differently.
    if (lines.length > 3 && faker.number.float() < 0.12) continue;
    lines.push(`${who === 'seller' ? facts.seller.name : buyer}: ${text}`);
  }
  return lines.join('\n');
}

export function meetingTitle(kind: MeetingKind, accountName: string): string {
  switch (kind) {
    case 'intro':
      return `Intro call – ${accountName}`;
    case 'discovery':
      return `Discovery – ${accountName}`;
    case 'demo':
      return `Product demo – ${accountName}`;
    case 'negotiation':
      return `Commercials – ${accountName}`;
    case 'renewal':
      return `Renewal check-in – ${accountName}`;
    case 'internal':
      return 'Weekly pipeline review';
  }
}
