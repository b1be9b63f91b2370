import { describe, expect, it } from 'vitest';
import { generateDemoData, type DemoDeal } from './generate.js';
import { COMPETITORS } from './transcripts.js';

const now = new Date('2026-11-22T12:00:00Z');
const data = generateDemoData({ seed: 42, now });
const DAY = 86_400_000;
// Map.groupBy needs Node 21.
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
const isOpen = (deal: DemoDeal) => !deal.stageNormalized.startsWith('closed');
const AMOUNT = /\$\d{1,3}(,\d{3})+/;
const DATE =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/;

describe('demo data generator', () => {
  it('is deterministic for a seed and a date, and differs across seeds', () => {
    expect(generateDemoData({ seed: 42, now })).toEqual(data);
    const other = generateDemoData({ seed: 43, now });
    expect(other.accounts.map((a) => a.name)).not.toEqual(data.accounts.map((a) => a.name));
    expect(other.deals).not.toEqual(data.deals);
  });

  it('has about 60 accounts, 10 owners and the documented ratios', () => {
    expect(data.accounts).toHaveLength(60);
    expect(data.owners).toHaveLength(10);
    expect(data.contacts.length / 60).toBeGreaterThanOrEqual(3);
    expect(data.contacts.length / 60).toBeLessThanOrEqual(5);
    expect(data.deals.length / 60).toBeGreaterThan(1.8);
    expect(data.deals.length / 60).toBeLessThan(3.2);
    expect(data.conversations.length / 60).toBeGreaterThan(1.4);
    expect(data.conversations.length / 60).toBeLessThan(2.6);
  });

  it('references only records that exist, with unique ids, domains and emails', () => {
    const ids = (rows: { sourceId: string }[]) => {
      const set = new Set(rows.map((row) => row.sourceId));
      expect(set.size).toBe(rows.length);
      return set;
    };
    const owners = ids(data.owners);
    const accounts = ids(data.accounts);
    const contacts = ids(data.contacts);
    const deals = ids(data.deals);
    ids(data.conversations);
    const contactAccount = new Map(data.contacts.map((c) => [c.sourceId, c.accountSourceId]));
    const dealAccount = new Map(data.deals.map((d) => [d.sourceId, d.accountSourceId]));
    for (const account of data.accounts) expect(owners.has(account.ownerSourceId)).toBe(true);
    for (const contact of data.contacts) expect(accounts.has(contact.accountSourceId)).toBe(true);
    for (const deal of data.deals) {
      expect(accounts.has(deal.accountSourceId)).toBe(true);
      expect(owners.has(deal.ownerSourceId)).toBe(true);
    }
    for (const link of data.dealContacts) {
      expect(deals.has(link.dealSourceId)).toBe(true);
      expect(contacts.has(link.contactSourceId)).toBe(true);
      // A deal's contacts work at the deal's account.
      expect(contactAccount.get(link.contactSourceId)).toBe(dealAccount.get(link.dealSourceId));
    }
    for (const change of data.stageHistory) expect(deals.has(change.dealSourceId)).toBe(true);
    for (const meeting of data.conversations) {
      if (meeting.accountSourceId) expect(accounts.has(meeting.accountSourceId)).toBe(true);
      if (meeting.dealSourceId) {
        expect(dealAccount.get(meeting.dealSourceId)).toBe(meeting.accountSourceId);
      }
    }
    expect(new Set(data.contacts.map((c) => c.email)).size).toBe(data.contacts.length);
    expect(new Set(data.accounts.map((a) => a.domain)).size).toBe(data.accounts.length);
    const domains = new Map(data.accounts.map((a) => [a.sourceId, a.domain]));
    for (const contact of data.contacts) {
      expect(contact.email.endsWith(`@${domains.get(contact.accountSourceId)}`)).toBe(true);
    }
  });

  it('gives every deal a stage of its pipeline and a history that ends there', () => {
    const history = groupBy(data.stageHistory, (change) => change.dealSourceId);
    for (const deal of data.deals) {
      const pipeline = data.pipelines.find((p) => p.id === deal.pipeline)!;
      const stage = pipeline.stages.find((s) => s.id === deal.stage)!;
      expect(stage.normalized).toBe(deal.stageNormalized);
      expect(deal.probability).toBe(stage.probability);
      if (stage.isWon) {
        expect(deal.stageNormalized).toBe('closed_won');
        expect(deal.forecastCategory).toBe('closed');
      }
      if (stage.isClosed) expect(deal.closeDate! <= '2026-11-22').toBe(true);

      const changes = history.get(deal.sourceId)!;
      expect(changes[0]!.fromStage).toBeNull();
      expect(changes.at(-1)!.toStage).toBe(deal.stage);
      changes.forEach((change, index) => {
        if (index > 0) {
          expect(change.fromStage).toBe(changes[index - 1]!.toStage);
          expect(change.changedAt > changes[index - 1]!.changedAt).toBe(true);
        }
        expect(change.changedAt >= deal.createdAt).toBe(true);
        expect(Date.parse(change.changedAt)).toBeLessThanOrEqual(now.getTime());
      });
    }
    expect(new Set(data.deals.map((d) => d.pipeline))).toEqual(new Set(['default', 'renewals']));
  });

  it('has exactly one primary contact per deal', () => {
    const links = groupBy(data.dealContacts, (link) => link.dealSourceId);
    for (const deal of data.deals) {
      const dealLinks = links.get(deal.sourceId) ?? [];
      expect(dealLinks.length).toBeGreaterThanOrEqual(1);
      expect(dealLinks.length).toBeLessThanOrEqual(3);
      expect(dealLinks.filter((link) => link.isPrimary)).toHaveLength(1);
    }
  });

  it('spreads amounts like real deals and keeps the flaws a real CRM has', () => {
    const amounts = data.deals.flatMap((d) => (d.amount === null ? [] : [d.amount]));
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(500_000);
    expect(amounts.every((amount) => amount % 100 === 0)).toBe(true);
    const typical = amounts.filter((amount) => amount >= 20_000 && amount <= 120_000);
    expect(typical.length / amounts.length).toBeGreaterThan(0.55);

    const open = data.deals.filter(isOpen);
    expect(open.some((d) => d.closeDate === null)).toBe(true);
    expect(open.some((d) => d.amount === null)).toBe(true);
    expect(open.some((d) => d.closeDate !== null && d.closeDate < '2026-11-22')).toBe(true);
    const stale = open.filter(
      (d) => d.lastActivityAt && now.getTime() - Date.parse(d.lastActivityAt) > 60 * DAY,
    );
    expect(stale.length).toBeGreaterThan(0);
    // Closed deals are complete: only open ones miss fields.
    for (const deal of data.deals.filter((d) => !isOpen(d))) {
      expect(deal.closeDate).not.toBeNull();
      expect(deal.nextStep).toBeNull();
    }
  });

  it('writes transcripts that mention amounts, dates, competitors and next steps', () => {
    for (const meeting of data.conversations) {
      const lines = meeting.transcript.split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(8);
      expect(lines.length).toBeLessThanOrEqual(20);
      const names = new Set(meeting.participants.map((p) => p.name));
      for (const line of lines) expect(names.has(line.slice(0, line.indexOf(': ')))).toBe(true);
    }
    const external = data.conversations.filter((m) => !m.isInternal);
    const share = (test: (text: string) => boolean) =>
      external.filter((m) => test(m.transcript)).length / external.length;
    const competitor = (t: string) => COMPETITORS.some((c) => t.includes(c));
    expect(share((t) => AMOUNT.test(t))).toBeGreaterThan(0.6);
    expect(share((t) => DATE.test(t))).toBeGreaterThan(0.9);
    expect(share(competitor)).toBeGreaterThan(0.35);
    expect(share((t) => /next step/i.test(t))).toBeGreaterThan(0.9);
    expect(share((t) => AMOUNT.test(t) || DATE.test(t) || competitor(t))).toBe(1);
  });

  it('has internal meetings and meetings at accounts that have no deal', () => {
    const internal = data.conversations.filter((m) => m.isInternal);
    expect(internal.length).toBeGreaterThan(0);
    for (const meeting of internal) {
      expect(meeting.accountSourceId).toBeNull();
      expect(meeting.dealSourceId).toBeNull();
      expect(meeting.participants.every((p) => p.isInternal)).toBe(true);
      expect(meeting.participants.every((p) => p.email.endsWith(`@${data.sellerDomain}`))).toBe(
        true,
      );
    }
    const external = data.conversations.filter((m) => !m.isInternal);
    for (const meeting of external) {
      expect(meeting.participants.some((p) => p.isInternal)).toBe(true);
      expect(meeting.participants.some((p) => !p.isInternal)).toBe(true);
    }
    const accountsWithDeals = new Set(data.deals.map((d) => d.accountSourceId));
    const withoutDeals = external.filter((m) => !accountsWithDeals.has(m.accountSourceId!));
    expect(withoutDeals.length).toBeGreaterThan(0);
  });

  it('dates meetings within the life of their deal, and in the past', () => {
    const deals = new Map(data.deals.map((d) => [d.sourceId, d]));
    for (const meeting of data.conversations) {
      expect(Date.parse(meeting.startedAt)).toBeLessThanOrEqual(now.getTime());
      const deal = meeting.dealSourceId ? deals.get(meeting.dealSourceId) : undefined;
      if (!deal) continue;
      expect(meeting.startedAt >= deal.createdAt).toBe(true);
      expect(meeting.startedAt <= deal.lastActivityAt!).toBe(true);
    }
  });

  it('scales linearly with the number of accounts', () => {
    const large = generateDemoData({ seed: 1, now, accounts: 2_000 });
    expect(large.accounts).toHaveLength(2_000);
    expect(large.deals.length).toBeGreaterThan(4_500);
    expect(large.deals.length).toBeLessThan(5_500);
    expect(large.conversations.length).toBeGreaterThan(3_000);
    expect(new Set(large.deals.map((d) => d.sourceId)).size).toBe(large.deals.length);
    expect(new Set(large.accounts.map((a) => a.name)).size).toBe(2_000);
    expect(new Set(large.contacts.map((c) => c.email)).size).toBe(large.contacts.length);
  });
});
