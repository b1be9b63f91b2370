import { accountMeetings, reviewMeeting } from './conversations.js';
import { dealContactsOf, isOpen, makeDeal, stageHistoryOf } from './deals.js';
import { DEMO_PIPELINES } from './pipelines.js';
import { Random } from './random.js';
import type {
  DemoAccount,
  DemoContact,
  DemoConversation,
  DemoDataset,
  DemoDeal,
  DemoDealContact,
  DemoOwner,
  DemoStageChange,
} from './types.js';
import {
  AREA_CODES,
  BRAND_WORDS,
  BUYER_TITLES,
  INDUSTRIES,
  MANAGER_TITLES,
  REP_TITLES,
  SELLER_DOMAIN,
} from './vocabulary.js';

export type * from './types.js';

export interface GenerateOptions {
  seed?: number;
  /** The moment the data set is "as of"; every date is relative to it. */
  now?: Date;
  /** About 60 by default; contacts, deals and meetings scale linearly with it. */
  accounts?: number;
}

const QUALIFIERS = ['Holdings', 'International', 'Global', 'Worldwide'];
// Averages 2.5 deals per account; an account in eight has none yet.
const DEALS_PER_ACCOUNT = [12, 18, 22, 22, 14, 8, 4].map((weight, value) => ({ value, weight }));
const REPS = 8;
const MANAGERS = 2;

/**
 * A realistic B2B SaaS sales data set, deep-equal for the same seed and `now`: owners,
 * accounts, contacts, deals across two pipelines with stage history, and meetings with
 * transcripts. It keeps the flaws a real CRM has (missing close dates and amounts,
 * stale and past-due deals, meetings without deals) for skills to find. Per account:
 * about 4 contacts, 2.5 deals and 2 meetings.
 */
export function generateDemoData(options: GenerateOptions = {}): DemoDataset {
  const seed = options.seed ?? 42;
  const nowMs = (options.now ?? new Date()).getTime();
  const accountCount = options.accounts ?? 60;
  const random = new Random(seed);
  const width = Math.max(4, String(accountCount * 6).length);
  const id = (kind: string, n: number) => `demo-${kind}-${String(n).padStart(width, '0')}`;

  const owners = makeOwners(random);
  const reps = owners.slice(0, REPS);
  const managers = owners.slice(REPS);
  const ownersById = new Map(owners.map((owner) => [owner.sourceId, owner]));

  const accounts: DemoAccount[] = [];
  const contacts: DemoContact[] = [];
  const deals: DemoDeal[] = [];
  const dealContacts: DemoDealContact[] = [];
  const stageHistory: DemoStageChange[] = [];
  const conversations: DemoConversation[] = [];
  let meetings = 0;
  const nextMeetingId = () => id('meeting', (meetings += 1));
  const names = new Map<string, number>();
  const domains = new Set<string>();

  for (let a = 1; a <= accountCount; a += 1) {
    const account = makeAccount(random, id('account', a), random.pick(reps), names, domains);
    accounts.push(account);
    const accountContacts = makeContacts(random, account, contacts.length, id);
    contacts.push(...accountContacts);

    // Meetings at accounts without a deal are the "conversations without deals".
    const dealCount = random.weighted(DEALS_PER_ACCOUNT);
    const accountDeals: DemoDeal[] = [];
    for (let d = 0; d < dealCount; d += 1) {
      // Reps sometimes work a deal on a colleague's account.
      const owner = random.chance(0.85)
        ? ownersById.get(account.ownerSourceId)!
        : random.pick(reps);
      const deal = makeDeal(random, {
        sourceId: id('deal', deals.length + 1),
        account,
        owner,
        // The first deal is always new business; renewals come after a first sale.
        renewal: d > 0 && random.chance(0.4),
        nowMs,
      });
      accountDeals.push(deal);
      deals.push(deal);
      stageHistory.push(...stageHistoryOf(random, deal, nowMs));
      dealContacts.push(...dealContactsOf(random, deal, accountContacts));
    }

    conversations.push(
      ...accountMeetings(random, {
        account,
        contacts: accountContacts,
        deals: accountDeals,
        owners: ownersById,
        managers,
        nowMs,
        nextId: nextMeetingId,
      }),
    );
  }

  const openDeals = new Map<string, DemoDeal[]>();
  for (const deal of deals) {
    if (!isOpen(deal)) continue;
    const list = openDeals.get(deal.ownerSourceId) ?? [];
    list.push(deal);
    openDeals.set(deal.ownerSourceId, list);
  }
  const accountsById = new Map(accounts.map((account) => [account.sourceId, account]));
  const reviews = Math.max(2, Math.round(accountCount / 8));
  for (let i = 0; i < reviews; i += 1) {
    const review = reviewMeeting(random, {
      managers,
      reps,
      accounts: accountsById,
      openDeals,
      nowMs,
      nextId: nextMeetingId,
    });
    if (review) conversations.push(review);
  }

  return {
    seed,
    generatedAt: new Date(nowMs).toISOString(),
    sellerDomain: SELLER_DOMAIN,
    pipelines: structuredClone(DEMO_PIPELINES),
    owners,
    accounts,
    contacts,
    deals,
    dealContacts,
    stageHistory,
    conversations,
  };
}

function emailLocalPart(firstName: string, lastName: string): string {
  return `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
}

function makeOwners(random: Random): DemoOwner[] {
  const owners: DemoOwner[] = [];
  const emails = new Set<string>();
  while (owners.length < REPS + MANAGERS) {
    const firstName = random.faker.person.firstName();
    const lastName = random.faker.person.lastName();
    const email = `${emailLocalPart(firstName, lastName)}@${SELLER_DOMAIN}`;
    if (emails.has(email)) continue;
    emails.add(email);
    const isManager = owners.length >= REPS;
    owners.push({
      sourceId: `demo-owner-${String(owners.length + 1).padStart(2, '0')}`,
      email,
      name: `${firstName} ${lastName}`,
      title: isManager ? random.pick(MANAGER_TITLES) : random.pick(REP_TITLES),
    });
  }
  return owners;
}

function makeAccount(
  random: Random,
  sourceId: string,
  owner: DemoOwner,
  names: Map<string, number>,
  domains: Set<string>,
): DemoAccount {
  const industry = random.weighted(INDUSTRIES);
  let name = '';
  for (let attempt = 0; attempt < 3 && (name === '' || names.has(name)); attempt += 1) {
    const word = random.chance(0.4) ? random.pick(BRAND_WORDS) : random.faker.person.lastName();
    name = `${word} ${random.pick(industry.suffixes)}`;
  }
  // Large data sets run out of combinations; a qualifier keeps names (and so domains)
  // unique. No industry suffix is a qualifier, so a qualified name never equals a base one.
  const seen = names.get(name) ?? 0;
  names.set(name, seen + 1);
  if (seen > 0) name = `${name} ${QUALIFIERS[seen - 1] ?? seen + 1}`;
  const base = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  let domain = `${base}.com`;
  for (let n = 0; domains.has(domain); n += 1) {
    domain = n < 2 ? `${base}.${['io', 'co'][n]}` : `${base}${n}.com`;
  }
  domains.add(domain);
  // Company sizes are log-uniform (many small, few large); revenue follows headcount.
  const employeeCount = Math.round(Math.exp(Math.log(20) + random.next() * Math.log(1_000)));
  return {
    sourceId,
    name,
    domain,
    industry: industry.name,
    employeeCount,
    annualRevenue: Math.round((employeeCount * random.int(120, 350)) / 100) * 100_000,
    ownerSourceId: owner.sourceId,
  };
}

function makeContacts(
  random: Random,
  account: DemoAccount,
  before: number,
  id: (kind: string, n: number) => string,
): DemoContact[] {
  const contacts: DemoContact[] = [];
  const emails = new Set<string>();
  const count = random.int(2, 6);
  while (contacts.length < count) {
    const firstName = random.faker.person.firstName();
    const lastName = random.faker.person.lastName();
    const base = emailLocalPart(firstName, lastName);
    let local = base;
    for (let n = 2; emails.has(local); n += 1) local = `${base}${n}`;
    emails.add(local);
    contacts.push({
      sourceId: id('contact', before + contacts.length + 1),
      accountSourceId: account.sourceId,
      email: `${local}@${account.domain}`,
      firstName,
      lastName,
      title: random.weighted(BUYER_TITLES).title,
      // 555-01xx numbers are reserved for fiction; some contacts have none, as in any CRM.
      phone: random.chance(0.1)
        ? null
        : `+1 ${random.pick(AREA_CODES)}-555-01${String(random.int(0, 99)).padStart(2, '0')}`,
    });
  }
  return contacts;
}
