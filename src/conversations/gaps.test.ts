import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { createMeetingWorld } from '../../test/meetings.js';
import {
  closeGapWithDeal,
  dismissGap,
  gapSummary,
  GAP_THRESHOLDS,
  getGap,
  listGaps,
  reopenGap,
} from './gaps.js';
import { linkConversations } from './linker.js';

const db = await createTestDatabase();
const pool = db.pool;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const { substantiveSeconds, recentDays, staleDays } = GAP_THRESHOLDS;

async function world() {
  const w = await createMeetingWorld(pool);
  const rep = await w.owner({ name: 'Rita Rep', email: 'rita@seller.io' });
  const quiet = await w.account({ name: 'Quiet', domain: 'quiet.com' });
  const busy = await w.account({ name: 'Busy', domain: 'busy.com' });
  const quietContact = await w.contact({ email: 'q@quiet.com', accountId: quiet, firstName: 'Q' });
  await w.contact({ email: 'other@quiet.com', accountId: quiet });
  // Two open deals: a domain match cannot pick one, so the meeting stays account-only.
  const dealA = await w.deal({ name: 'Busy A', accountId: busy, amount: 1000 });
  await w.deal({ name: 'Busy B', accountId: busy });
  const meeting = (input: { emails: string[]; days: number; seconds: number; rep?: boolean }) =>
    w.meeting({
      emails: input.emails,
      startedAt: daysAgo(input.days),
      durationSeconds: input.seconds,
      ownerId: input.rep ? rep : null,
      hostEmail: input.rep ? null : 'host@seller.io',
    });
  const long = substantiveSeconds + 600;
  const short = substantiveSeconds - 60;
  const ids = {
    recentLong: await meeting({ emails: ['q@quiet.com'], days: 2, seconds: long, rep: true }),
    recentShort: await meeting({ emails: ['q@quiet.com'], days: 3, seconds: short }),
    middleLong: await meeting({ emails: ['q@quiet.com'], days: recentDays + 5, seconds: long }),
    oldLong: await meeting({ emails: ['q@quiet.com'], days: staleDays + 5, seconds: long }),
    oldShort: await meeting({ emails: ['q@quiet.com'], days: staleDays + 5, seconds: short }),
    busyOldShort: await meeting({ emails: ['x@busy.com'], days: staleDays + 5, seconds: short }),
    internal: await w.meeting({ emails: ['q@quiet.com'], isInternal: true }),
  };
  await linkConversations(pool, w.workspaceId);
  return { w, rep, quiet, busy, quietContact, dealA, ids };
}

describe('conversations without deals', () => {
  it('classifies cause and severity by the thresholds, with the account, its open deals and contacts', async () => {
    const { w, ids, quiet, quietContact, dealA } = await world();

    const { gaps, nextCursor } = await listGaps(pool, w.workspaceId);

    expect(nextCursor).toBeNull();
    const byId = new Map(gaps.map((gap) => [gap.conversationId, gap]));
    expect(byId.has(ids.internal)).toBe(false);
    expect(
      Object.fromEntries(
        Object.entries(ids)
          .filter(([name]) => name !== 'internal')
          .map(([name, id]) => [name, `${byId.get(id)?.cause}/${byId.get(id)?.severity}`]),
      ),
    ).toEqual({
      recentLong: 'deal_not_created/high',
      recentShort: 'early_stage/medium',
      middleLong: 'deal_not_created/medium',
      oldLong: 'disqualified_not_logged/low',
      oldShort: 'early_stage/low',
      // The account has open deals: somebody should have tied the meeting to one.
      busyOldShort: 'deal_not_created/medium',
    });
    // Most severe first, newest first within a severity.
    expect(gaps.map((gap) => gap.severity)).toEqual([
      'high',
      'medium',
      'medium',
      'medium',
      'low',
      'low',
    ]);
    const recent = byId.get(ids.recentLong)!;
    expect(recent.account).toMatchObject({ id: quiet, name: 'Quiet' });
    expect(recent.openDeals).toEqual([]);
    expect(recent.totalContacts).toBe(2);
    expect(recent.contacts.find((c) => c.id === quietContact)).toMatchObject({
      name: 'Q',
      participated: true,
    });
    expect(recent.rep).toMatchObject({ name: 'Rita Rep', email: 'rita@seller.io' });
    expect(byId.get(ids.recentShort)!.rep).toMatchObject({
      ownerId: null,
      email: 'host@seller.io',
    });
    expect(byId.get(ids.busyOldShort)!.openDeals.map((d) => d.id)).toContain(dealA);
  });

  it('filters by severity, cause and rep, and pages by keyset without repeats', async () => {
    const { w, ids } = await world();

    const high = await listGaps(pool, w.workspaceId, { severity: ['high'] });
    expect(high.gaps.map((g) => g.conversationId)).toEqual([ids.recentLong]);
    const early = await listGaps(pool, w.workspaceId, { cause: ['early_stage'] });
    expect(early.gaps.map((g) => g.conversationId).sort()).toEqual(
      [ids.recentShort, ids.oldShort].sort(),
    );
    const byRep = await listGaps(pool, w.workspaceId, { rep: 'RITA@seller.io' });
    expect(byRep.gaps.map((g) => g.conversationId)).toEqual([ids.recentLong]);

    const all = (await listGaps(pool, w.workspaceId)).gaps.map((g) => g.conversationId);
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = await listGaps(pool, w.workspaceId, { limit: 2, after });
      paged.push(...page.gaps.map((g) => g.conversationId));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(paged).toEqual(all);
    await expect(listGaps(pool, w.workspaceId, { after: 'bm9wZQ' })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_cursor',
    });
  });

  it('a dismissed gap leaves the list and counts in the summary; dismissing twice is a conflict', async () => {
    const { w, ids } = await world();
    const user = await w.user('Dana');
    const before = await gapSummary(pool, w.workspaceId);
    expect(before).toMatchObject({ open: 6, bySeverity: { high: 1, medium: 3, low: 2 } });

    await dismissGap(pool, w.workspaceId, ids.oldLong, {
      reason: 'Lost to a competitor',
      userId: user,
    });

    const after = await gapSummary(pool, w.workspaceId);
    expect(after).toMatchObject({ open: 5, bySeverity: { low: 1 }, dismissedThisMonth: 1 });
    const { rows } = await pool.query(
      `select gap_dismissed_by as by, gap_dismiss_reason as reason from conversations where id = $1::uuid`,
      [ids.oldLong],
    );
    expect(rows[0]).toEqual({ by: user, reason: 'Lost to a competitor' });
    await expect(
      dismissGap(pool, w.workspaceId, ids.oldLong, { reason: 'again', userId: null }),
    ).rejects.toMatchObject({ status: 409, code: 'not_a_gap' });
    await expect(
      dismissGap(pool, w.workspaceId, ids.internal, { reason: 'x', userId: null }),
    ).rejects.toMatchObject({ status: 409, code: 'not_a_gap' });
    await expect(getGap(pool, w.workspaceId, ids.oldLong)).rejects.toMatchObject({ status: 404 });
  });

  it('a deal created from a gap closes it, links by hand, and survives the linker', async () => {
    const { w, ids, quiet } = await world();
    const user = await w.user('Dana');
    const deal = await w.deal({ name: 'Quiet – new', accountId: quiet });
    // A second open deal at the account: the linker alone would not pick the new one.
    await w.deal({
      name: 'Quiet – other',
      accountId: quiet,
      lastActivityAt: new Date().toISOString(),
    });

    await closeGapWithDeal(pool, w.workspaceId, ids.recentLong, deal, user);
    await linkConversations(pool, w.workspaceId);

    expect(await w.link(ids.recentLong)).toMatchObject({
      dealId: deal,
      accountId: quiet,
      linkMethod: 'manual',
      linkConfidence: 1,
      linkedBy: user,
    });
    expect((await gapSummary(pool, w.workspaceId)).createdThisMonth).toBe(1);
    expect((await listGaps(pool, w.workspaceId)).gaps.map((g) => g.conversationId)).not.toContain(
      ids.recentLong,
    );

    // The created deal was undone: the meeting is a gap again.
    expect(await reopenGap(pool, w.workspaceId, ids.recentLong)).toBe(true);
    expect(await reopenGap(pool, w.workspaceId, ids.recentShort)).toBe(false);
    expect(await getGap(pool, w.workspaceId, ids.recentLong)).toMatchObject({
      account: { id: quiet, source: 'hubspot' },
    });
    expect(await w.link(ids.recentLong)).toMatchObject({ dealId: null, linkMethod: null });
    const other = await createMeetingWorld(pool);
    const foreignDeal = await other.deal({ name: 'Not yours' });
    await expect(
      closeGapWithDeal(pool, w.workspaceId, ids.recentShort, foreignDeal, null),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      closeGapWithDeal(pool, other.workspaceId, ids.recentShort, foreignDeal, null),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("never shows or dismisses another workspace's gaps", async () => {
    const { ids } = await world();
    const other = await createMeetingWorld(pool);

    expect((await listGaps(pool, other.workspaceId)).gaps).toEqual([]);
    await expect(
      dismissGap(pool, other.workspaceId, ids.recentLong, { reason: 'x', userId: null }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(getGap(pool, other.workspaceId, ids.recentLong)).rejects.toMatchObject({
      status: 404,
    });
  });
});
