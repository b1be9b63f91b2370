import { Faker, base, en } from '@faker-js/faker';
import {
  DEMO_PIPELINES,
  type DemoPipeline,
  type DemoStage,
  type NormalizedStage,
} from './pipelines.js';
import {
  COMPETITORS,
  buildTranscript,
  meetingTitle,
  type MeetingKind,
  type Speaker,
} from './transcripts.js';

export interface DemoOwner {
  sourceId: string;
  email: string;
  name: string;
  title: string;
}

export interface DemoAccount {
  sourceId: string;
  name: string;
  domain: string;
  industry: string;
  employeeCount: number;
  annualRevenue: number;
  ownerSourceId: string;
}

export interface DemoContact {
  sourceId: string;
  accountSourceId: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  phone: string;
}

export interface DemoDeal {
  sourceId: string;
  accountSourceId: string;
  ownerSourceId: string;
  name: string;
  amount: number | null;
  closeDate: string | null;
  pipeline: string;
  stage: string;
  stageNormalized: NormalizedStage;
  probability: number;
  forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
  nextStep: string | null;
  lastActivityAt: string | null;
  createdAt: string;
}

export interface DemoDealContact {
  dealSourceId: string;
  contactSourceId: string;
  role: string;
  isPrimary: boolean;
}

export interface DemoStageChange {
  dealSourceId: string;
  fromStage: string | null;
  toStage: string;
  changedAt: string;
}

export interface DemoParticipant {
  name: string;
  email: string;
  isInternal: boolean;
}

export interface DemoConversation {
  sourceId: string;
  title: string;
  startedAt: string;
  durationSeconds: number;
  participants: DemoParticipant[];
  transcript: string;
  isInternal: boolean;
  accountSourceId: string | null;
  dealSourceId: string | null;
}

export interface DemoDataset {
  seed: number;
  generatedAt: string;
  sellerDomain: string;
  pipelines: DemoPipeline[];
  owners: DemoOwner[];
  accounts: DemoAccount[];
  contacts: DemoContact[];
  deals: DemoDeal[];
  dealContacts: DemoDealContact[];
  stageHistory: DemoStageChange[];
  conversations: DemoConversation[];
}

export interface GenerateOptions {
  seed?: number;
  /** The moment the data set is "as of"; dates are spread around it. */
  now?: Date;
  accounts?: number;
}

const SELLER_DOMAIN = 'pandora-demo.com';
const DAY = 86_400_000;
const INDUSTRIES = [
  'Software',
  'Fintech',
  'Healthcare',
  'Logistics',
  'Manufacturing',
  'Retail',
  'Media',
  'Education',
  'Insurance',
  'Cybersecurity',
];
const BUYER_TITLES = [
  'VP Sales',
  'RevOps Manager',
  'CFO',
  'Head of Sales Operations',
  'CRO',
  'Sales Director',
  'IT Director',
  'Director of Revenue Operations',
  'VP Finance',
  'Enablement Lead',
];
const DEAL_THEMES = [
  'Platform',
  'Expansion',
  'Pilot',
  'Enterprise Rollout',
  'RevOps Suite',
  'Team Plan',
  'Forecasting Add-on',
  'Data Quality',
];
const CONTACT_ROLES = [
  'Decision Maker',
  'Champion',
  'Economic Buyer',
  'Technical Evaluator',
  'Influencer',
];
const NEXT_STEPS = [
  'Send pricing proposal',
  'Book technical deep-dive',
  'Security review with IT',
  'Exec sponsor meeting',
  'Finalize order form',
  'Pilot kickoff',
  'Legal redlines on MSA',
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A realistic B2B sales data set, the same for the same seed and `now`: owners,
 * accounts, contacts, deals across two pipelines with stage history, and meetings
 * with transcripts. It includes the flaws a real CRM has (missing close dates and
 * amounts, stale deals, past-due close dates) for skills to find. Everything scales
 * linearly with `accounts` (about 2.5 deals and 4 contacts each).
 */
export function generateDemoData(options: GenerateOptions = {}): DemoDataset {
  const seed = options.seed ?? 42;
  const now = options.now ?? new Date();
  const accountCount = options.accounts ?? 60;
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const nowMs = now.getTime();
  const width = Math.max(4, String(accountCount * 6).length);

  const owners: DemoOwner[] = Array.from({ length: 10 }, (_, index) => {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const isManager = index >= 8;
    return {
      sourceId: `demo-owner-${pad(index + 1, 2)}`,
      email: `${slug(firstName)}.${slug(lastName)}@${SELLER_DOMAIN}`,
      name: `${firstName} ${lastName}`,
      title: isManager
        ? 'Sales Manager'
        : index % 3 === 0
          ? 'Senior Account Executive'
          : 'Account Executive',
    };
  });
  const reps = owners.slice(0, 8);
  const managers = owners.slice(8);

  const accounts: DemoAccount[] = [];
  const contacts: DemoContact[] = [];
  const deals: DemoDeal[] = [];
  const dealContacts: DemoDealContact[] = [];
  const stageHistory: DemoStageChange[] = [];
  const conversations: DemoConversation[] = [];
  const usedNames = new Set<string>();
  const ownersById = new Map(owners.map((owner) => [owner.sourceId, owner]));

  for (let a = 1; a <= accountCount; a += 1) {
    let name = faker.company.name();
    // Large sets repeat names; a suffix keeps domains (and so contact emails) unique.
    if (usedNames.has(name)) name = `${name} ${a}`;
    usedNames.add(name);
    const domain = `${slug(name)}.com`;
    const employeeCount = Math.round(
      Math.exp(faker.number.float({ min: Math.log(20), max: Math.log(20_000) })),
    );
    const account: DemoAccount = {
      sourceId: `demo-account-${pad(a, width)}`,
      name,
      domain,
      industry: faker.helpers.arrayElement(INDUSTRIES),
      employeeCount,
      annualRevenue: Math.round(employeeCount * faker.number.int({ min: 80, max: 400 })) * 1000,
      ownerSourceId: faker.helpers.arrayElement(reps).sourceId,
    };
    accounts.push(account);

    const accountContacts: DemoContact[] = [];
    const emails = new Set<string>();
    const contactCount = faker.number.int({ min: 2, max: 6 });
    for (let c = 0; c < contactCount; c += 1) {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      let email = `${slug(firstName)}.${slug(lastName)}@${domain}`;
      if (emails.has(email)) email = email.replace('@', `${c + 1}@`);
      emails.add(email);
      accountContacts.push({
        sourceId: `demo-contact-${pad(contacts.length + accountContacts.length + 1, width)}`,
        accountSourceId: account.sourceId,
        email,
        firstName,
        lastName,
        title: faker.helpers.arrayElement(BUYER_TITLES),
        phone: faker.phone.number({ style: 'national' }),
      });
    }
    contacts.push(...accountContacts);

    // About one account in six has no deal yet: its meetings are "conversations without deals".
    const dealCount = faker.number.float() < 0.16 ? 0 : faker.number.int({ min: 1, max: 5 });
    const accountDeals: DemoDeal[] = [];
    for (let d = 0; d < dealCount; d += 1) {
      const deal = makeDeal(faker, account, deals.length + 1, width, nowMs);
      accountDeals.push(deal);
      deals.push(deal);
      stageHistory.push(...historyOf(faker, deal));
      const picked = faker.helpers.arrayElements(accountContacts, {
        min: 1,
        max: Math.min(3, accountContacts.length),
      });
      picked.forEach((contact, index) =>
        dealContacts.push({
          dealSourceId: deal.sourceId,
          contactSourceId: contact.sourceId,
          role: index === 0 ? 'Decision Maker' : faker.helpers.arrayElement(CONTACT_ROLES.slice(1)),
          isPrimary: index === 0,
        }),
      );
    }

    const meetingCount = faker.number.int({ min: 1, max: 3 });
    for (let m = 0; m < meetingCount; m += 1) {
      const deal = accountDeals.length ? faker.helpers.arrayElement(accountDeals) : undefined;
      const owner = ownersById.get(deal?.ownerSourceId ?? account.ownerSourceId)!;
      const buyers = faker.helpers.arrayElements(accountContacts, {
        min: 1,
        max: Math.min(3, accountContacts.length),
      });
      const kind = meetingKindFor(faker, deal);
      const startedAt = new Date(
        nowMs -
          faker.number.int({ min: 1, max: 90 }) * DAY -
          faker.number.int({ min: 0, max: 8 }) * 3_600_000,
      );
      const seller: Speaker = { name: owner.name, isInternal: true };
      conversations.push({
        sourceId: `demo-meeting-${pad(conversations.length + 1, width)}`,
        title: meetingTitle(kind, account.name),
        startedAt: startedAt.toISOString(),
        durationSeconds: faker.helpers.arrayElement([15, 25, 30, 45, 60]) * 60,
        participants: [
          { name: owner.name, email: owner.email, isInternal: true },
          ...buyers.map((b) => ({
            name: `${b.firstName} ${b.lastName}`,
            email: b.email,
            isInternal: false,
          })),
        ],
        transcript: buildTranscript(faker, {
          kind,
          accountName: account.name,
          amount: deal?.amount ?? faker.number.int({ min: 20, max: 150 }) * 1000,
          dueDate: new Date(startedAt.getTime() + faker.number.int({ min: 5, max: 45 }) * DAY),
          competitor: faker.helpers.arrayElement(COMPETITORS),
          seller,
          buyers: buyers.map((b) => ({ name: `${b.firstName} ${b.lastName}`, isInternal: false })),
        }),
        isInternal: false,
        accountSourceId: account.sourceId,
        dealSourceId: deal?.sourceId ?? null,
      });
    }
  }

  // Internal meetings (pipeline reviews) have no account and only sellers on the call.
  const internalCount = Math.max(2, Math.round(accountCount / 8));
  const accountsById = new Map(accounts.map((account) => [account.sourceId, account]));
  for (let i = 0; i < internalCount; i += 1) {
    const manager = faker.helpers.arrayElement(managers);
    const rep = faker.helpers.arrayElement(reps);
    const about = faker.helpers.arrayElement(deals.length ? deals : [undefined]);
    const startedAt = new Date(nowMs - faker.number.int({ min: 1, max: 60 }) * DAY);
    conversations.push({
      sourceId: `demo-meeting-${pad(conversations.length + 1, width)}`,
      title: meetingTitle('internal', ''),
      startedAt: startedAt.toISOString(),
      durationSeconds: 30 * 60,
      participants: [manager, rep].map((o) => ({ name: o.name, email: o.email, isInternal: true })),
      transcript: buildTranscript(faker, {
        kind: 'internal',
        accountName: (about && accountsById.get(about.accountSourceId)?.name) ?? 'Our top account',
        amount: about?.amount ?? 50_000,
        dueDate: new Date(startedAt.getTime() + 14 * DAY),
        competitor: faker.helpers.arrayElement(COMPETITORS),
        seller: { name: manager.name, isInternal: true },
        buyers: [{ name: rep.name, isInternal: true }],
      }),
      isInternal: true,
      accountSourceId: null,
      dealSourceId: null,
    });
  }

  return {
    seed,
    generatedAt: now.toISOString(),
    sellerDomain: SELLER_DOMAIN,
    pipelines: DEMO_PIPELINES,
    owners,
    accounts,
    contacts,
    deals,
    dealContacts,
    stageHistory,
    conversations,
  };
}

function pickStage(faker: Faker, pipeline: DemoPipeline): DemoStage {
  const roll = faker.number.float();
  const won = pipeline.stages.find((s) => s.isWon)!;
  const lost = pipeline.stages.find((s) => s.isClosed && !s.isWon)!;
  if (roll < 0.2) return won;
  if (roll < 0.33) return lost;
  return faker.helpers.arrayElement(pipeline.stages.filter((s) => !s.isClosed));
}

function forecastCategory(stage: DemoStage): DemoDeal['forecastCategory'] {
  if (stage.isWon) return 'closed';
  if (stage.isClosed) return 'omitted';
  if (stage.probability >= 0.8) return 'commit';
  if (stage.probability >= 0.5) return 'best_case';
  return 'pipeline';
}

function makeDeal(
  faker: Faker,
  account: DemoAccount,
  index: number,
  width: number,
  nowMs: number,
): DemoDeal {
  const pipeline = faker.number.float() < 0.75 ? DEMO_PIPELINES[0]! : DEMO_PIPELINES[1]!;
  const stage = pickStage(faker, pipeline);
  // Log-normal around $55K: most deals $20K-$120K, a long tail up to $500K.
  const raw = Math.exp(Math.log(55_000) + 0.8 * faker.number.float({ min: -1.6, max: 2.2 }));
  let amount: number | null = Math.round(Math.min(500_000, Math.max(5_000, raw)) / 100) * 100;
  const createdMs = nowMs - faker.number.int({ min: 10, max: 400 }) * DAY;
  let closeMs: number;
  let lastActivityMs: number | null;
  if (stage.isClosed) {
    closeMs = Math.min(nowMs - DAY, createdMs + faker.number.int({ min: 20, max: 150 }) * DAY);
    lastActivityMs = closeMs - faker.number.int({ min: 0, max: 5 }) * DAY;
  } else {
    // Some open deals carry a close date already in the past: a classic CRM flaw.
    closeMs = nowMs + faker.number.int({ min: -25, max: 120 }) * DAY;
    const stale = faker.number.float() < 0.12;
    lastActivityMs =
      nowMs -
      (stale ? faker.number.int({ min: 60, max: 150 }) : faker.number.int({ min: 0, max: 21 })) *
        DAY;
    if (faker.number.float() < 0.04) lastActivityMs = null;
  }
  let closeDate: string | null = isoDate(new Date(closeMs));
  if (!stage.isClosed && faker.number.float() < 0.07) closeDate = null;
  if (!stage.isClosed && faker.number.float() < 0.05) amount = null;
  return {
    sourceId: `demo-deal-${pad(index, width)}`,
    accountSourceId: account.sourceId,
    ownerSourceId: account.ownerSourceId,
    name: `${account.name} – ${pipeline.id === 'renewals' ? 'Renewal' : faker.helpers.arrayElement(DEAL_THEMES)}`,
    amount,
    closeDate,
    pipeline: pipeline.id,
    stage: stage.id,
    stageNormalized: stage.normalized,
    probability: stage.probability,
    forecastCategory: forecastCategory(stage),
    nextStep:
      !stage.isClosed && faker.number.float() < 0.7 ? faker.helpers.arrayElement(NEXT_STEPS) : null,
    lastActivityAt: lastActivityMs === null ? null : new Date(lastActivityMs).toISOString(),
    createdAt: new Date(createdMs).toISOString(),
  };
}

/** The path a deal took through its pipeline, ending at its current stage. */
function historyOf(faker: Faker, deal: DemoDeal): DemoStageChange[] {
  const pipeline = DEMO_PIPELINES.find((p) => p.id === deal.pipeline)!;
  const open = pipeline.stages.filter((s) => !s.isClosed);
  const current = pipeline.stages.find((s) => s.id === deal.stage)!;
  let path: DemoStage[];
  if (current.isWon) path = [...open, current];
  else if (current.isClosed)
    path = [...open.slice(0, faker.number.int({ min: 1, max: open.length })), current];
  else path = open.slice(0, open.indexOf(current) + 1);

  const start = new Date(deal.createdAt).getTime();
  const end = deal.lastActivityAt
    ? Math.max(start, new Date(deal.lastActivityAt).getTime())
    : start + DAY;
  const step = path.length > 1 ? (end - start) / (path.length - 1) : 0;
  return path.map((stage, index) => ({
    dealSourceId: deal.sourceId,
    fromStage: index === 0 ? null : path[index - 1]!.id,
    toStage: stage.id,
    changedAt: new Date(Math.round(start + step * index)).toISOString(),
  }));
}

function meetingKindFor(faker: Faker, deal: DemoDeal | undefined): MeetingKind {
  if (!deal) return faker.helpers.arrayElement(['intro', 'discovery'] as const);
  if (deal.pipeline === 'renewals') return 'renewal';
  switch (deal.stageNormalized) {
    case 'prospecting':
    case 'qualification':
      return faker.helpers.arrayElement(['intro', 'discovery'] as const);
    case 'discovery':
    case 'evaluation':
      return faker.helpers.arrayElement(['discovery', 'demo'] as const);
    default:
      return faker.helpers.arrayElement(['demo', 'negotiation'] as const);
  }
}
