import type {
  AgentCase,
  CrmDeal,
  CrmRecords,
  ExpectedFields,
  Stage,
} from '../../../src/agents/cases.js';
import { dayIn, iso, plusDays } from './dates.js';
import * as ev from './events.js';
import { seeded, type Rand } from './rand.js';
import {
  COMPANIES,
  COMPETITORS,
  FILLER_EXT,
  FILLER_INT,
  FIRST,
  LAST,
  PRODUCTS,
  VENDORS,
  ZONES,
  type Group,
} from './words.js';

/**
 * The generated labelled set: seeded, so the same seed writes the same cases. Each case
 * picks a matching situation (one deal, several with one named, several told apart by
 * who took part, account by domain, closed-won plus expansion, ambiguous, internal
 * only, unknown company) and, when a deal is expected, per field a statement, a trap
 * or nothing, in phrasings of one group (see words.ts); the labels follow from what
 * the generator chose, never from running the agent.
 */

export type Situation =
  | 'single'
  | 'expansion'
  | 'named'
  | 'participants'
  | 'domain'
  | 'free-mail-contact'
  | 'ambiguous'
  | 'internal-only'
  | 'unknown-company';

const SITUATIONS: [Situation, number][] = [
  ['single', 30],
  ['expansion', 8],
  ['named', 14],
  ['participants', 8],
  ['domain', 8],
  ['free-mail-contact', 3],
  ['ambiguous', 10],
  ['internal-only', 8],
  ['unknown-company', 6],
];

function weighted<T>(r: Rand, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '');

interface Person {
  name: string;
  email: string;
}

function person(r: Rand, domain: string, taken: Set<string>): Person {
  for (;;) {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const name = `${first} ${last}`;
    if (taken.has(name)) continue;
    taken.add(name);
    return { name, email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}` };
  }
}

/** The two files: what calibration is fitted on, and what the figures are reported on. */
export const GENERATED = {
  fit: { seed: 14, count: 800, group: 'A', prefix: 'gen-fit' },
  holdout: { seed: 1414, count: 800, group: 'B', prefix: 'gen-holdout' },
} as const;

export const toJsonLines = (cases: readonly AgentCase[]) =>
  cases.map((c) => `${JSON.stringify(c)}\n`).join('');

export function generateCases(options: {
  seed: number;
  count: number;
  group: Group;
  prefix: string;
}): AgentCase[] {
  const r = seeded(options.seed);
  return Array.from({ length: options.count }, (_, i) =>
    generateCase(r, options.group, `${options.prefix}-${String(i + 1).padStart(4, '0')}`),
  );
}

function generateCase(r: Rand, g: Group, id: string): AgentCase {
  const situation = weighted(r, SITUATIONS);
  const vendor = r.pick(VENDORS);
  const [company, other] = r.shuffle(COMPANIES) as [string, string];
  const domain = `${slug(company)}.${r.pick(['com', 'com', 'io', 'de', 'co.uk'])}`;
  const otherDomain = `${slug(other)}.com`;
  const timeZone = r.pick(ZONES);
  const fiscalYearStartMonth = r.pick([1, 1, 1, 2, 4, 7, 10]);
  const startedAt = new Date(
    Date.UTC(2026, r.int(0, 17), r.int(1, 28), r.int(0, 23), r.pick([0, 30])),
  )
    .toISOString()
    .replace('.000Z', 'Z');
  const today = dayIn(startedAt, timeZone);
  const competitors = r.shuffle(COMPETITORS).slice(0, r.int(3, 5));
  const taken = new Set<string>();
  const rep = person(r, vendor, taken);
  const reps = r.chance(0.3) ? [rep, person(r, vendor, taken)] : [rep];
  const buyers = [person(r, domain, taken), person(r, domain, taken), person(r, domain, taken)];
  const outsider = person(r, otherDomain, taken);

  const accounts: CrmRecords['accounts'] = [
    { id: 'a-main', name: company, domain: r.chance(0.9) ? domain : null },
    { id: 'a-other', name: other, domain: otherDomain },
  ];
  if (r.chance(0.3))
    accounts.push({ id: 'a-partner', name: `${vendor} (partner)`, domain: vendor });
  const contacts: CrmRecords['contacts'] = [
    { id: 'p1', name: buyers[0]!.name, email: buyers[0]!.email, accountId: 'a-main' },
    { id: 'p2', name: buyers[1]!.name, email: buyers[1]!.email, accountId: 'a-main' },
    { id: 'p9', name: outsider.name, email: outsider.email, accountId: 'a-other' },
  ];
  if (accounts.some((a) => a.id === 'a-partner'))
    contacts.push({ id: 'p-rep', name: rep.name, email: rep.email, accountId: 'a-partner' });

  const products = r.shuffle(PRODUCTS);
  const stageTarget: Stage | null = r.chance(0.4)
    ? r.pick(['negotiation', 'proposal', 'evaluation', 'closed_won', 'closed_lost'] as Stage[])
    : null;
  const current = {
    closeDate: iso(plusDays(today, r.int(5, 120))),
    amount: r.int(20, 300) * 1000,
    stage: ev.stageBefore(r, stageTarget),
  };
  const deal = (did: string, product: string, extra: Partial<CrmDeal> = {}): CrmDeal => ({
    id: did,
    name: `${company} - ${product}`,
    accountId: 'a-main',
    contactIds: ['p1'],
    stage: current.stage,
    amount: current.amount,
    closeDate: current.closeDate,
    nextStep: null,
    competitors: [],
    isClosed: false,
    updatedAt: iso(plusDays(today, -r.int(3, 60))) + 'T12:00:00Z',
    ...extra,
  });
  const deals: CrmDeal[] = [
    deal('d-other', products[5]!, {
      accountId: 'a-other',
      contactIds: ['p9'],
      name: `${other} - ${products[5]}`,
    }),
  ];
  if (accounts.some((a) => a.id === 'a-partner'))
    deals.push(
      deal('d-partner', 'Referral program', {
        accountId: 'a-partner',
        contactIds: ['p-rep'],
        name: `${vendor} partner deal`,
      }),
    );
  let expectedDeal: string | null = 'd-1';
  let attendees: Person[] = [...reps, buyers[0]!];
  let title = r.pick([
    `${company} / ${vendorName(vendor)} - check-in`,
    `${vendorName(vendor)} <> ${company}`,
    `${company} weekly sync`,
    `Call with ${company}`,
    `${company}: next steps`,
  ]);
  let naming: string | null = null;
  const closed = (): CrmDeal =>
    deal('d-0', products[0]!, {
      isClosed: true,
      stage: r.chance(0.7) ? 'closed_won' : 'closed_lost',
      closeDate: iso(plusDays(today, -r.int(30, 300))),
    });
  switch (situation) {
    case 'single':
      deals.push(deal('d-1', products[0]!, { contactIds: r.chance(0.8) ? ['p1'] : [] }));
      if (r.chance(0.3)) deals.push(closed());
      if (r.chance(0.3)) attendees.push(buyers[1]!);
      break;
    case 'expansion':
      deals.push(
        deal('d-0', products[0]!, {
          isClosed: true,
          stage: 'closed_won',
          contactIds: ['p1'],
          closeDate: iso(plusDays(today, -r.int(30, 300))),
        }),
      );
      deals.push(
        deal('d-1', `${products[0]} ${r.pick(['expansion', 'upsell', 'seats expansion'])}`, {
          contactIds: r.chance(0.5) ? ['p1'] : [],
        }),
      );
      break;
    case 'named': {
      const n = r.int(2, 3);
      for (let k = 1; k <= n; k += 1)
        deals.push(deal(`d-${k}`, products[k]!, { contactIds: ['p1', 'p2'] }));
      const pick = r.int(1, n);
      expectedDeal = `d-${pick}`;
      naming = products[pick]!;
      if (r.chance(0.5))
        title = r.pick([
          `${company} - ${naming} review`,
          `${naming} demo for ${company}`,
          `${company} | ${naming}`,
        ]);
      else naming = `say:${naming}`;
      attendees.push(buyers[1]!);
      break;
    }
    case 'participants':
      deals.push(
        deal('d-1', products[1]!, { contactIds: ['p1'] }),
        deal('d-2', products[2]!, { contactIds: ['p2'] }),
      );
      if (r.chance(0.5)) {
        expectedDeal = 'd-2';
        attendees = [...reps, buyers[1]!];
      }
      break;
    case 'domain':
      deals.push(deal('d-1', products[0]!, { contactIds: [] }));
      attendees = [
        ...reps,
        r.chance(0.3)
          ? { ...buyers[2]!, email: buyers[2]!.email.replace('@', '@eu.') }
          : buyers[2]!,
      ];
      accounts[0]!.domain = domain;
      break;
    case 'free-mail-contact': {
      const gmail = { ...buyers[2]!, email: `${slug(buyers[2]!.name)}@gmail.com` };
      contacts.push({ id: 'p3', name: gmail.name, email: gmail.email, accountId: 'a-main' });
      deals.push(deal('d-1', products[0]!, { contactIds: ['p3'] }));
      attendees = [...reps, gmail];
      break;
    }
    case 'ambiguous':
      deals.push(
        deal('d-1', products[1]!, { contactIds: ['p1'] }),
        deal('d-2', products[2]!, { contactIds: ['p1'] }),
      );
      expectedDeal = null;
      break;
    case 'internal-only':
      deals.push(deal('d-1', products[0]!));
      attendees = [...reps, person(r, vendor, taken)];
      title = r.pick([
        'Weekly pipeline review',
        'Forecast call',
        'Deal desk',
        `Prep for ${company}`,
      ]);
      expectedDeal = null;
      break;
    case 'unknown-company': {
      deals.push(deal('d-1', products[0]!));
      const stranger = person(
        r,
        `${slug(r.pick(COMPANIES))}-${r.pick(['labs', 'group', 'systems'])}.com`,
        taken,
      );
      attendees = [...reps, stranger];
      title = `Intro call with ${stranger.name.split(' ')[1]}'s team`;
      expectedDeal = null;
      break;
    }
  }

  const ctx: ev.EventContext = {
    r,
    g,
    today,
    fiscalStart: fiscalYearStartMonth,
    deal: current,
    competitors,
    currency:
      timeZone === 'Europe/Berlin' && r.chance(0.7)
        ? 'EUR'
        : timeZone === 'Europe/London' && r.chance(0.7)
          ? 'GBP'
          : r.pick(['USD', 'USD', 'USD', 'none']),
  };
  const events = fieldEvents(ctx, stageTarget);
  const internalOnly = situation === 'internal-only';
  const expectedFields: ExpectedFields = {
    close_date: null,
    amount: null,
    stage: null,
    next_step: null,
    competitors: null,
  };
  for (const e of events) Object.assign(expectedFields, e.expect);

  const customers = attendees.filter((p) => !p.email.endsWith(`@${vendor}`));
  const speakerFor = (who: 'ext' | 'int') =>
    who === 'int' || internalOnly || customers.length === 0 ? r.pick(reps) : r.pick(customers);
  const lines: { who: 'ext' | 'int'; text: string }[] = [];
  lines.push({
    who: 'int',
    text: r.pick([
      'Thanks for joining, everyone.',
      'Hi all, thanks for the time.',
      'Shall we get started?',
    ]),
  });
  if (naming?.startsWith('say:'))
    lines.push({
      who: r.chance(0.5) ? 'ext' : 'int',
      text: r.pick([
        `Today I mainly want to talk about the ${naming.slice(4)}.`,
        `Let's focus on the ${naming.slice(4)} today.`,
        `Quick update on the ${naming.slice(4)} first.`,
      ]),
    });
  for (const e of events) {
    if (r.chance(0.5))
      lines.push(
        r.chance(0.5)
          ? { who: 'ext', text: r.pick(FILLER_EXT) }
          : { who: 'int', text: r.pick(FILLER_INT) },
      );
    lines.push(...e.lines);
  }
  if (lines.length < 4)
    lines.push({ who: 'ext', text: r.pick(FILLER_EXT) }, { who: 'int', text: r.pick(FILLER_INT) });
  lines.push({
    who: 'int',
    text: r.pick([
      'Thanks, talk soon.',
      'Great, I will follow up by email.',
      'Appreciate it, bye for now.',
    ]),
  });

  let t = 0;
  const transcript = lines.map((line) => {
    const out = { speaker: speakerFor(line.who).name, text: line.text, startSeconds: t };
    t += r.int(8, 60);
    return out;
  });
  const participants = r.shuffle(attendees).map((p) => ({ name: p.name, email: p.email }));
  return {
    id,
    meeting: { title, startedAt, durationSeconds: t + r.int(60, 900), participants, transcript },
    config: { internalDomains: [vendor], competitors, timeZone, fiscalYearStartMonth },
    crm: { accounts, contacts, deals },
    expected: { dealId: expectedDeal, fields: expectedDeal === null ? null : expectedFields },
  };
}

function vendorName(domain: string): string {
  const base = domain.split('.')[0]!;
  return base[0]!.toUpperCase() + base.slice(1);
}

/** Per field a statement (about half), a trap (a third) or nothing; one event per field. */
function fieldEvents(c: ev.EventContext, stageTarget: Stage | null): ev.Event[] {
  const { r } = c;
  const out: ev.Event[] = [];
  const decided = new Set<string>();
  const add = (e: ev.Event) => {
    if (e.fields.some((f) => decided.has(f))) return;
    e.fields.forEach((f) => decided.add(f));
    out.push(e);
  };
  if (r.chance(0.08)) add(ev.holdTrap(c));
  const roll = () => r.next();
  const x1 = roll();
  if (x1 < 0.5) add(ev.closeDatePositive(c));
  else if (x1 < 0.85) add(ev.closeDateTrap(c));
  const x2 = roll();
  if (x2 < 0.45) add(ev.amountPositive(c));
  else if (x2 < 0.8) add(ev.amountTrap(c));
  if (stageTarget !== null) add(ev.stagePositive(c, stageTarget));
  else if (r.chance(0.5)) add(ev.stageTrap(c));
  const x4 = roll();
  if (x4 < 0.35) add(ev.nextStepPositive(c));
  else if (x4 < 0.6) add(ev.nextStepTrap(c));
  const x5 = roll();
  if (x5 < 0.3) add(ev.competitorsPositive(c));
  else if (x5 < 0.55) add(ev.competitorsTrap(c));
  return r.shuffle(out);
}
