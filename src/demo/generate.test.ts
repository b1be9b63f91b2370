import { describe, expect, it } from 'vitest';
import { generateDemoData } from './generate.js';
import { COMPETITORS } from './transcripts.js';

const now = new Date('2026-11-22T12:00:00Z');
const data = generateDemoData({ seed: 42, now });

describe('demo data generator', () => {
  it('is deterministic for a seed and a date, and differs across seeds', () => {
    expect(generateDemoData({ seed: 42, now })).toEqual(data);
    expect(generateDemoData({ seed: 43, now }).accounts[0]!.name).not.toBe(data.accounts[0]!.name);
  });

  it('references only records that exist', () => {
    const ids = (rows: { sourceId: string }[]) => new Set(rows.map((row) => row.sourceId));
    const owners = ids(data.owners);
    const accounts = ids(data.accounts);
    const contacts = ids(data.contacts);
    const deals = ids(data.deals);
    for (const account of data.accounts) expect(owners.has(account.ownerSourceId)).toBe(true);
    for (const contact of data.contacts) expect(accounts.has(contact.accountSourceId)).toBe(true);
    for (const deal of data.deals) {
      expect(accounts.has(deal.accountSourceId)).toBe(true);
      expect(owners.has(deal.ownerSourceId)).toBe(true);
    }
    for (const link of data.dealContacts) {
      expect(deals.has(link.dealSourceId)).toBe(true);
      expect(contacts.has(link.contactSourceId)).toBe(true);
    }
    for (const meeting of data.conversations) {
      if (meeting.accountSourceId) expect(accounts.has(meeting.accountSourceId)).toBe(true);
      if (meeting.dealSourceId) expect(deals.has(meeting.dealSourceId)).toBe(true);
    }
    expect(new Set(data.contacts.map((c) => c.email)).size).toBe(data.contacts.length);
  });

  it('gives every deal a valid stage of its pipeline and a history ending there', () => {
    const historyByDeal = new Map<string, string[]>();
    for (const change of data.stageHistory) {
      historyByDeal.set(change.dealSourceId, [
        ...(historyByDeal.get(change.dealSourceId) ?? []),
        change.toStage,
      ]);
    }
    for (const deal of data.deals) {
      const pipeline = data.pipelines.find((p) => p.id === deal.pipeline)!;
      const stage = pipeline.stages.find((s) => s.id === deal.stage)!;
      expect(stage.normalized).toBe(deal.stageNormalized);
      expect(historyByDeal.get(deal.sourceId)?.at(-1)).toBe(deal.stage);
      if (stage.isWon) expect(deal.forecastCategory).toBe('closed');
    }
    expect(new Set(data.deals.map((d) => d.pipeline))).toEqual(new Set(['default', 'renewals']));
  });

  it('has exactly one primary contact per deal', () => {
    const primaries = new Map<string, number>();
    for (const link of data.dealContacts) {
      if (link.isPrimary)
        primaries.set(link.dealSourceId, (primaries.get(link.dealSourceId) ?? 0) + 1);
    }
    for (const deal of data.deals) expect(primaries.get(deal.sourceId)).toBe(1);
  });

  it('carries the flaws a real CRM has, for skills to find', () => {
    const open = data.deals.filter((d) => !d.stageNormalized.startsWith('closed'));
    expect(open.some((d) => d.closeDate === null)).toBe(true);
    expect(open.some((d) => d.amount === null)).toBe(true);
    expect(open.some((d) => d.closeDate !== null && d.closeDate < '2026-11-22')).toBe(true);
    const stale = open.filter(
      (d) => d.lastActivityAt && now.getTime() - Date.parse(d.lastActivityAt) > 60 * 86_400_000,
    );
    expect(stale.length).toBeGreaterThan(0);
    const amounts = data.deals.flatMap((d) => (d.amount === null ? [] : [d.amount]));
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(500_000);
  });

  it('writes meetings whose transcripts mention amounts, dates, competitors and next steps', () => {
    const external = data.conversations.filter((m) => !m.isInternal);
    const share = (test: (text: string) => boolean) =>
      external.filter((m) => test(m.transcript)).length / external.length;
    expect(share((t) => /\$\d{1,3}(,\d{3})+/.test(t))).toBeGreaterThan(0.7);
    expect(
      share((t) =>
        /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/.test(
          t,
        ),
      ),
    ).toBeGreaterThan(0.7);
    expect(share((t) => COMPETITORS.some((c) => t.includes(c)))).toBeGreaterThan(0.7);
    expect(share((t) => /next step/i.test(t))).toBeGreaterThan(0.7);

    const internal = data.conversations.filter((m) => m.isInternal);
    expect(internal.length).toBeGreaterThan(0);
    for (const meeting of internal) {
      expect(meeting.accountSourceId).toBeNull();
      expect(meeting.participants.every((p) => p.email.endsWith(`@${data.sellerDomain}`))).toBe(
        true,
      );
    }
    const accountsWithDeals = new Set(data.deals.map((d) => d.accountSourceId));
    const withoutDeals = external.filter((m) => !accountsWithDeals.has(m.accountSourceId!));
    expect(withoutDeals.length).toBeGreaterThan(0);
  });

  it('scales linearly with the number of accounts', () => {
    const large = generateDemoData({ seed: 1, now, accounts: 2_000 });
    expect(large.accounts).toHaveLength(2_000);
    expect(large.deals.length).toBeGreaterThan(4_000);
    expect(large.deals.length).toBeLessThan(6_500);
    expect(new Set(large.deals.map((d) => d.sourceId)).size).toBe(large.deals.length);
  });
});
