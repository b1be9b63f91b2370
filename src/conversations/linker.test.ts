import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { createMeetingWorld } from '../../test/meetings.js';
import { LINK_CONFIDENCE, linkConversations } from './linker.js';

const db = await createTestDatabase();
const pool = db.pool;
const meetingAt = '2026-10-15T15:00:00.000Z';

describe('tier 1: participant email -> contact -> account -> open deal', () => {
  it('prefers the open deal whose contacts took part, and records every matched contact', async () => {
    const w = await createMeetingWorld(pool);
    const acme = await w.account({ name: 'Acme', domain: 'acme.com' });
    const cfo = await w.contact({ email: 'CFO@acme.com', accountId: acme });
    const cto = await w.contact({ email: 'cto@acme.com', accountId: acme });
    // Closer in time, but nobody on it took part.
    await w.deal({ name: 'Acme renewal', accountId: acme, lastActivityAt: meetingAt });
    const expansion = await w.deal({
      name: 'Acme expansion',
      accountId: acme,
      lastActivityAt: '2026-06-01T00:00:00Z',
    });
    await w.dealContact(expansion, cto);
    const meeting = await w.meeting({
      emails: ['rep@seller.io', 'cfo@ACME.com', 'cto@acme.com'],
      startedAt: meetingAt,
    });

    const report = await linkConversations(pool, w.workspaceId);

    expect(report).toMatchObject({ considered: 1, changed: 1, withDeal: 1, contactsAdded: 2 });
    const link = await w.link(meeting);
    expect(link).toMatchObject({
      accountId: acme,
      dealId: expansion,
      // The contact the link rests on is the one on the deal.
      contactId: cto,
      linkMethod: 'email',
      linkConfidence: LINK_CONFIDENCE.emailDealContact,
      linkedBy: null,
    });
    expect(link.contacts).toEqual([cfo, cto].sort());
    expect(link.linkedAt).not.toBeNull();
  });

  it('among several open deals nobody took part in, takes the one active closest to the meeting; closed deals never', async () => {
    const w = await createMeetingWorld(pool);
    const acme = await w.account({ name: 'Acme' });
    await w.contact({ email: 'buyer@acme.com', accountId: acme });
    await w.deal({ name: 'Old', accountId: acme, lastActivityAt: '2026-01-01T00:00:00Z' });
    const near = await w.deal({
      name: 'Near',
      accountId: acme,
      lastActivityAt: '2026-10-20T00:00:00Z',
    });
    await w.deal({ name: 'Won', accountId: acme, stage: 'closed_won', lastActivityAt: meetingAt });
    const meeting = await w.meeting({ emails: ['buyer@acme.com'], startedAt: meetingAt });

    await linkConversations(pool, w.workspaceId);

    expect(await w.link(meeting)).toMatchObject({
      dealId: near,
      linkMethod: 'email',
      linkConfidence: LINK_CONFIDENCE.emailClosestDeal,
    });
  });

  it("links the account's only open deal, or the account alone when it has none open", async () => {
    const w = await createMeetingWorld(pool);
    const one = await w.account({ name: 'One deal' });
    const none = await w.account({ name: 'No open deal' });
    await w.contact({ email: 'a@one.com', accountId: one });
    await w.contact({ email: 'b@none.com', accountId: none });
    const only = await w.deal({ name: 'Only', accountId: one });
    await w.deal({ name: 'Lost', accountId: none, stage: 'closed_lost' });
    const toOne = await w.meeting({ emails: ['a@one.com'] });
    const toNone = await w.meeting({ emails: ['b@none.com'] });

    const report = await linkConversations(pool, w.workspaceId);

    expect(report).toMatchObject({ withDeal: 1, accountOnly: 1 });
    expect(await w.link(toOne)).toMatchObject({
      dealId: only,
      accountId: one,
      linkConfidence: LINK_CONFIDENCE.emailOnlyOpenDeal,
    });
    expect(await w.link(toNone)).toMatchObject({
      dealId: null,
      accountId: none,
      linkMethod: 'email',
      linkConfidence: LINK_CONFIDENCE.emailAccount,
    });
  });

  it("never matches another workspace's contacts", async () => {
    const mine = await createMeetingWorld(pool);
    const theirs = await createMeetingWorld(pool);
    const account = await theirs.account({ name: 'Theirs', domain: 'shared.com' });
    await theirs.contact({ email: 'x@shared.com', accountId: account });
    await theirs.deal({ name: 'Their deal', accountId: account });
    const meeting = await mine.meeting({ emails: ['x@shared.com'] });

    expect(await linkConversations(pool, mine.workspaceId)).toMatchObject({ changed: 0 });
    expect(await mine.link(meeting)).toMatchObject({ accountId: null, dealId: null });
  });
});

describe("tier 2: the recorder's CRM ids", () => {
  it('takes the deal the recorder names, by source and source id', async () => {
    const w = await createMeetingWorld(pool);
    const account = await w.account({ name: 'Named', sourceId: 'acc-9' });
    const deal = await w.deal({ name: 'Named deal', accountId: account, sourceId: 'deal-9' });
    const meeting = await w.meeting({
      emails: ['stranger@elsewhere.org'],
      crmContext: { crmType: 'hubspot', accountIds: ['acc-9'], dealIds: ['deal-9'] },
    });
    const otherCrm = await w.meeting({
      emails: ['stranger@elsewhere.org'],
      crmContext: { crmType: 'salesforce', accountIds: [], dealIds: ['deal-9'] },
    });

    await linkConversations(pool, w.workspaceId);

    expect(await w.link(meeting)).toMatchObject({
      dealId: deal,
      accountId: account,
      linkMethod: 'crm_ids',
      linkConfidence: LINK_CONFIDENCE.crmIdsDeal,
    });
    expect(await w.link(otherCrm)).toMatchObject({ dealId: null, linkMethod: null });
  });

  it('records the contacts the recorder names', async () => {
    const w = await createMeetingWorld(pool);
    const account = await w.account({ name: 'Named' });
    const contact = await w.contact({
      email: 'other@named.com',
      accountId: account,
      sourceId: 'c-1',
    });
    const meeting = await w.meeting({
      emails: ['unknown@named.com'],
      crmContext: { crmType: 'hubspot', contactIds: ['c-1'] },
    });

    await linkConversations(pool, w.workspaceId);

    expect(await w.link(meeting)).toMatchObject({ accountId: account, contactId: contact });
    expect((await w.link(meeting)).contacts).toEqual([contact]);
  });
});

describe('tier 3: single open deal, account domain', () => {
  it('takes the only open deal of the account the recorder names', async () => {
    const w = await createMeetingWorld(pool);
    const account = await w.account({ name: 'Named', sourceId: 'acc-1' });
    const deal = await w.deal({ name: 'The one', accountId: account });
    const meeting = await w.meeting({
      emails: ['x@nowhere.org'],
      crmContext: { crmType: 'hubspot', accountIds: ['acc-1'] },
    });

    await linkConversations(pool, w.workspaceId);

    expect(await w.link(meeting)).toMatchObject({
      dealId: deal,
      accountId: account,
      linkMethod: 'single_open_deal',
      linkConfidence: LINK_CONFIDENCE.singleOpenDeal,
    });
  });

  it("matches a participant's email domain to an account; never a free-mail domain", async () => {
    const w = await createMeetingWorld(pool);
    const globex = await w.account({ name: 'Globex', domain: 'globex.com' });
    const deal = await w.deal({ name: 'Globex deal', accountId: globex });
    const initech = await w.account({ name: 'Initech', domain: 'initech.com' });
    await w.deal({ name: 'A', accountId: initech });
    await w.deal({ name: 'B', accountId: initech });
    await w.account({ name: 'Somebody put gmail', domain: 'gmail.com' });
    const toGlobex = await w.meeting({ emails: ['new.person@globex.com'] });
    const toInitech = await w.meeting({ emails: ['new.person@initech.com'] });
    const freeMail = await w.meeting({ emails: ['someone@gmail.com'] });

    await linkConversations(pool, w.workspaceId);

    expect(await w.link(toGlobex)).toMatchObject({
      dealId: deal,
      accountId: globex,
      contactId: null,
      linkMethod: 'account_domain',
      linkConfidence: LINK_CONFIDENCE.domainDeal,
    });
    // Two open deals: the domain alone cannot say which.
    expect(await w.link(toInitech)).toMatchObject({
      dealId: null,
      accountId: initech,
      linkMethod: 'account_domain',
      linkConfidence: LINK_CONFIDENCE.domainAccount,
    });
    expect(await w.link(freeMail)).toMatchObject({ accountId: null, linkMethod: null });
  });
});

describe('internal meetings, manual links, idempotence', () => {
  it('skips internal meetings and unlinks one that became internal, unless linked by hand', async () => {
    const w = await createMeetingWorld(pool);
    const acme = await w.account({ name: 'Acme' });
    await w.contact({ email: 'buyer@acme.com', accountId: acme });
    await w.deal({ name: 'Acme deal', accountId: acme });
    const internal = await w.meeting({ emails: ['buyer@acme.com'], isInternal: true });
    const becomes = await w.meeting({ emails: ['buyer@acme.com'] });
    const manual = await w.meeting({ emails: ['buyer@acme.com'] });
    await linkConversations(pool, w.workspaceId);
    expect(await w.link(internal)).toMatchObject({ accountId: null, linkMethod: null });
    await pool.query(
      `update conversations set link_method = 'manual', link_confidence = 1 where id = $1::uuid`,
      [manual],
    );
    await pool.query(`update conversations set is_internal = true where id = any($1::uuid[])`, [
      [becomes, manual],
    ]);

    const report = await linkConversations(pool, w.workspaceId);

    expect(report.unlinkedInternal).toBe(1);
    expect(await w.link(becomes)).toMatchObject({
      accountId: null,
      dealId: null,
      contactId: null,
      linkMethod: null,
      contacts: [],
    });
    expect(await w.link(manual)).toMatchObject({ accountId: acme, linkMethod: 'manual' });
  });

  it('never replaces a manual link, even an empty one', async () => {
    const w = await createMeetingWorld(pool);
    const acme = await w.account({ name: 'Acme' });
    await w.contact({ email: 'buyer@acme.com', accountId: acme });
    await w.deal({ name: 'Acme deal', accountId: acme });
    const meeting = await w.meeting({ emails: ['buyer@acme.com'] });
    await pool.query(`update conversations set link_method = 'manual' where id = $1::uuid`, [
      meeting,
    ]);

    await linkConversations(pool, w.workspaceId);

    expect(await w.link(meeting)).toMatchObject({ accountId: null, linkMethod: 'manual' });
  });

  it('a second run changes nothing; a change in the CRM moves the link', async () => {
    const w = await createMeetingWorld(pool);
    const acme = await w.account({ name: 'Acme' });
    const buyer = await w.contact({ email: 'buyer@acme.com', accountId: acme });
    const deal = await w.deal({ name: 'Acme deal', accountId: acme });
    const meeting = await w.meeting({ emails: ['buyer@acme.com'] });
    await linkConversations(pool, w.workspaceId);
    const first = await w.link(meeting);

    const again = await linkConversations(pool, w.workspaceId);

    expect(again).toMatchObject({ changed: 0, contactsAdded: 0, contactsRemoved: 0 });
    expect(await w.link(meeting)).toEqual(first);
    expect(first.dealId).toBe(deal);

    // The deal is lost and the contact leaves: the meeting keeps nothing stale.
    await pool.query(`update deals set stage_normalized = 'closed_lost' where id = $1::uuid`, [
      deal,
    ]);
    await pool.query(`update contacts set email = 'gone@acme.com' where id = $1::uuid`, [buyer]);
    const moved = await linkConversations(pool, w.workspaceId);
    expect(moved).toMatchObject({ changed: 1, contactsRemoved: 1 });
    expect(await w.link(meeting)).toMatchObject({
      accountId: null,
      dealId: null,
      linkMethod: null,
      linkedAt: null,
      contacts: [],
    });
  });

  it('links only the meetings asked for', async () => {
    const w = await createMeetingWorld(pool);
    const acme = await w.account({ name: 'Acme' });
    await w.contact({ email: 'buyer@acme.com', accountId: acme });
    const asked = await w.meeting({ emails: ['buyer@acme.com'] });
    const other = await w.meeting({ emails: ['buyer@acme.com'] });

    const report = await linkConversations(pool, w.workspaceId, { conversationIds: [asked] });

    expect(report.considered).toBe(1);
    expect((await w.link(asked)).accountId).toBe(acme);
    expect((await w.link(other)).accountId).toBeNull();
  });
});

describe('the rep', () => {
  it("is the CRM owner with the host's email, set after the owner appears and kept by re-runs", async () => {
    const w = await createMeetingWorld(pool);
    const meeting = await w.meeting({ emails: ['buyer@acme.com'], hostEmail: 'Rep@Seller.io' });
    const repOf = async () =>
      (
        await pool.query<{ ownerId: string | null }>(
          'select owner_id as "ownerId" from conversations where id = $1::uuid',
          [meeting],
        )
      ).rows[0]!.ownerId;

    expect((await linkConversations(pool, w.workspaceId)).repsAssigned).toBe(0);
    expect(await repOf()).toBeNull();

    // The CRM sync brings the owner; the linker runs after it.
    const rep = await w.owner({ name: 'Rep', email: 'rep@seller.io' });
    await w.owner({ name: 'Someone else', email: 'other@seller.io' });
    expect((await linkConversations(pool, w.workspaceId)).repsAssigned).toBe(1);
    expect(await repOf()).toBe(rep);
    expect((await linkConversations(pool, w.workspaceId)).repsAssigned).toBe(0);
  });
});
