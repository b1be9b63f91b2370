import type { Random } from './random.js';

/** Competitors a meeting may mention; the meeting extractor looks for these names. */
export const COMPETITORS = ['Gong', 'Clari', 'Outreach', 'Salesloft', 'People.ai', 'Aviso'];

export type MeetingKind = 'intro' | 'discovery' | 'demo' | 'negotiation' | 'renewal';

/** What a customer meeting is about; the transcript states these facts in passing. */
export interface TranscriptFacts {
  kind: MeetingKind;
  accountName: string;
  /** Full names; the first seller leads the call. */
  sellers: string[];
  buyers: string[];
  /** An amount someone says out loud, when the conversation gets to money. */
  amount: number | null;
  /** The date the next step is promised for. */
  dueDate: Date;
  competitor: string | null;
}

/** One deal discussed in an internal pipeline review. */
export interface ReviewItem {
  rep: string;
  accountName: string;
  amount: number | null;
  dueDate: Date;
  competitor: string | null;
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

/** "March 14": how people say a date on a call (no year). */
export function spokenDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

// One formatter for all: toLocaleString builds a new one per call, too slow for 100k meetings.
const DOLLARS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "$85,000". */
export function spokenAmount(amount: number): string {
  return `$${DOLLARS.format(amount)}`;
}

interface Context {
  facts: TranscriptFacts;
  /** First name of the buyer being addressed. */
  buyer: string;
}

interface ScriptLine {
  who: 'seller' | 'buyer';
  say: (c: Context) => string;
  /** Lines that need a fact are only said when the meeting has it. */
  needs?: 'amount' | 'competitor';
  /** Optional lines are sometimes skipped, so no two meetings read alike. */
  optional?: boolean;
}

const amountOf = (c: Context): string => spokenAmount(c.facts.amount ?? 0);
const dateOf = (c: Context): string => spokenDate(c.facts.dueDate);
const competitorOf = (c: Context): string => c.facts.competitor ?? '';

const OPENERS: ((c: Context) => string)[] = [
  (c) => `Hi ${c.buyer}, thanks for making the time today.`,
  (c) => `Good to see you again, ${c.buyer}. Can everyone hear me okay?`,
  (c) => `Thanks for joining, ${c.buyer}. I know it is a busy week.`,
];
const REPLIES = [
  'Happy to. We have about thirty minutes.',
  'Yes, all good on our side.',
  'No problem, glad we could make it work.',
];
const CLOSERS: ((c: Context) => string)[] = [
  (c) => `Thanks ${c.buyer}, I will send a recap by email this afternoon.`,
  () => 'Great, thanks everyone. Talk soon.',
  () => 'Perfect. I will put it in the calendar right after this call.',
];

// Each kind of meeting is a script; the facts are woven in so that an extractor has
// real next steps, dates, amounts and competitors to find.
const SCRIPTS: Record<MeetingKind, ScriptLine[]> = {
  intro: [
    { who: 'seller', say: (c) => `How does ${c.facts.accountName} run forecasting today?` },
    { who: 'buyer', say: () => 'Mostly spreadsheets and a weekly call with each rep.' },
    { who: 'seller', say: () => 'How much time goes into cleaning up the CRM before that call?' },
    { who: 'buyer', say: () => 'A few hours a week per manager. Close dates are always stale.' },
    {
      who: 'buyer',
      say: (c) => `We looked at ${competitorOf(c)} last year but it felt heavy for our size.`,
      needs: 'competitor',
    },
    {
      who: 'seller',
      say: () => 'That is common. Pandora proposes the fixes and your team approves them.',
      optional: true,
    },
    {
      who: 'buyer',
      say: (c) => `If it saves that time, a budget around ${amountOf(c)} is realistic.`,
      needs: 'amount',
    },
    {
      who: 'seller',
      say: (c) => `Next step: I send a short deck and we book a discovery call by ${dateOf(c)}.`,
    },
    { who: 'buyer', say: () => 'Works for me. Please loop in our RevOps lead too.' },
  ],
  discovery: [
    { who: 'seller', say: () => 'Last time you mentioned stale close dates. Walk me through it?' },
    { who: 'buyer', say: () => 'Every Monday we go deal by deal. Half the amounts are wrong.' },
    { who: 'seller', say: () => 'Who owns data hygiene today?', optional: true },
    { who: 'buyer', say: () => 'Our RevOps manager, but she covers three teams.', optional: true },
    {
      who: 'buyer',
      say: (c) => `To be transparent, we are also talking to ${competitorOf(c)}.`,
      needs: 'competitor',
    },
    { who: 'seller', say: () => 'Appreciated. Here every change is previewed and can be undone.' },
    {
      who: 'buyer',
      say: (c) => `Our budget for this is about ${amountOf(c)} for the first year.`,
      needs: 'amount',
    },
    { who: 'seller', say: () => 'Deals only, or contacts and companies too?', optional: true },
    { who: 'buyer', say: () => 'Deals first. Contacts later in the year.', optional: true },
    {
      who: 'seller',
      say: (c) => `Next step: a tailored demo with your RevOps manager by ${dateOf(c)}.`,
    },
    { who: 'buyer', say: () => 'I will send her the invite today.' },
  ],
  demo: [
    {
      who: 'seller',
      say: () => 'Here is the inbox: each change shows the value before and after.',
    },
    { who: 'buyer', say: () => 'Can managers approve changes for their own reps only?' },
    { who: 'seller', say: () => 'Yes, policies route each change by owner, amount and field.' },
    {
      who: 'buyer',
      say: (c) => `How does this compare with ${competitorOf(c)} on Salesforce?`,
      needs: 'competitor',
    },
    { who: 'seller', say: () => 'Every write is batched and logged, so it is auditable.' },
    { who: 'buyer', say: () => 'Security will ask where credentials are stored.', optional: true },
    { who: 'seller', say: () => 'Encrypted at rest. I will send our security overview.' },
    {
      who: 'buyer',
      say: (c) => `If the pilot goes well we would sign for ${amountOf(c)}.`,
      needs: 'amount',
    },
    { who: 'seller', say: (c) => `Next step: start a two-week pilot on ${dateOf(c)}.` },
    { who: 'buyer', say: () => 'Agreed. I will get legal the MSA in parallel.', optional: true },
  ],
  negotiation: [
    {
      who: 'seller',
      say: (c) => `The order form is at ${amountOf(c)} for twelve months.`,
      needs: 'amount',
    },
    { who: 'buyer', say: () => 'Procurement asked for a multi-year discount.' },
    { who: 'seller', say: () => 'We can do eight percent off for a two-year term.' },
    {
      who: 'buyer',
      say: (c) => `${competitorOf(c)} came in lower, but we prefer your approval flow.`,
      needs: 'competitor',
    },
    { who: 'seller', say: () => 'Understood. Anything blocking signature besides price?' },
    { who: 'buyer', say: () => 'Legal has two redlines on the data processing addendum.' },
    { who: 'buyer', say: (c) => `We aim to sign by ${dateOf(c)}, end of our quarter.` },
    { who: 'seller', say: () => 'Next step: I send the revised order form tomorrow.' },
  ],
  renewal: [
    { who: 'seller', say: () => 'Thanks for a great year. Let us look at usage before renewal.' },
    { who: 'buyer', say: () => 'Adoption is good on the East team, weaker on West.' },
    { who: 'seller', say: () => 'We can run an enablement session for West next month.' },
    {
      who: 'buyer',
      say: (c) => `Finance wants the renewal at or below ${amountOf(c)}.`,
      needs: 'amount',
    },
    {
      who: 'buyer',
      say: (c) => `${competitorOf(c)} reached out to our VP, so price matters.`,
      needs: 'competitor',
    },
    { who: 'seller', say: () => 'We can add the Salesforce connector for the next term.' },
    { who: 'seller', say: (c) => `Next step: renewal quote by ${dateOf(c)}.` },
    { who: 'buyer', say: () => 'Send it over and I will get it approved.' },
  ],
};

const firstName = (fullName: string): string => fullName.split(' ')[0] ?? fullName;

/** A customer meeting's transcript: 8 to 20 "Speaker Name: text" lines. */
export function buildTranscript(random: Random, facts: TranscriptFacts): string {
  const lead = facts.sellers[0] ?? 'Seller';
  const buyer = (): string => random.pick(facts.buyers);
  const lines: string[] = [];
  const addressed = buyer();
  const context: Context = { facts, buyer: firstName(addressed) };
  lines.push(`${lead}: ${random.pick(OPENERS)(context)}`);
  lines.push(`${addressed}: ${random.pick(REPLIES)}`);
  for (const line of SCRIPTS[facts.kind]) {
    if (line.needs === 'amount' && facts.amount === null) continue;
    if (line.needs === 'competitor' && facts.competitor === null) continue;
    if (line.optional && random.chance(0.3)) continue;
    // A second seller (a manager or an SE) sometimes answers the product questions.
    const speaker =
      line.who === 'buyer' ? buyer() : random.chance(0.2) ? random.pick(facts.sellers) : lead;
    lines.push(`${speaker}: ${line.say({ facts, buyer: firstName(buyer()) })}`);
  }
  lines.push(`${lead}: ${random.pick(CLOSERS)(context)}`);
  return lines.join('\n');
}

const REVIEW_QUESTIONS = [
  'When do they sign? The close date in the CRM looks off.',
  'Is the close date right? It has moved twice already.',
  'What has to happen for this to close?',
];

/** An internal pipeline review between a manager and reps: 8 to 20 lines. */
export function buildReviewTranscript(
  random: Random,
  manager: string,
  items: ReviewItem[],
): string {
  const discussed = items.slice(0, 3);
  const lastRep = discussed[discussed.length - 1]?.rep ?? manager;
  const lines = [
    `${manager}: Let us go through the forecast for the quarter, deal by deal.`,
    `${discussed[0]?.rep ?? manager}: Sure, I will start.`,
  ];
  for (const item of discussed) {
    const amount = item.amount === null ? 'no amount yet' : spokenAmount(item.amount);
    lines.push(`${item.rep}: ${item.accountName} is at ${amount}.`);
    lines.push(`${manager}: ${random.pick(REVIEW_QUESTIONS)}`);
    lines.push(`${item.rep}: They said ${spokenDate(item.dueDate)}. I will update it after this.`);
    if (item.competitor) {
      lines.push(`${item.rep}: ${item.competitor} is in the deal at a lower price.`);
    }
  }
  lines.push(`${manager}: Anything else at risk this week?`);
  lines.push(`${lastRep}: Nothing new on my side.`);
  lines.push(
    `${manager}: A few deals have had no activity in two months. Re-engage or close them.`,
  );
  lines.push(`${manager}: Next step: everyone updates close dates by Friday.`);
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
  }
}
