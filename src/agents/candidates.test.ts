import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createMeetingWorld, type MeetingWorld } from '../../test/meetings.js';
import { loadCandidates, loadConversation, meetingOf } from './candidates.js';

let db: TestDatabase;
let world: MeetingWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createMeetingWorld(db.pool);
});

const scope = { source: 'hubspot', internalDomains: ['seller.io'] };

async function closeDeal(dealId: string, stage: string, closeDate: string) {
  await db.pool.query(
    `update deals set stage = $2::text, stage_normalized = $2::text, close_date = $3::date
     where id = $1::uuid`,
    [dealId, stage, closeDate],
  );
}

describe('candidates of a meeting', () => {
  it("reads the participants' contacts, their accounts, open and recently closed deals, and domain accounts", async () => {
    const acme = await world.account({ name: 'Acme', domain: 'acme.com' });
    const globex = await world.account({ name: 'Globex', domain: 'globex.com' });
    const elsewhere = await world.account({ name: 'Initech', domain: 'initech.com' });
    const buyer = await world.contact({
      email: 'Buyer@Acme.com',
      accountId: acme,
      firstName: 'Bo',
    });
    await world.contact({ email: 'someone@initech.com', accountId: elsewhere });
    const open = await world.deal({ name: 'Acme platform', accountId: acme, amount: 90_000 });
    const won = await world.deal({ name: 'Acme pilot', accountId: acme });
    await closeDeal(won, 'closed_won', '2026-10-01');
    const old = await world.deal({ name: 'Acme 2023', accountId: acme });
    await closeDeal(old, 'closed_lost', '2023-01-10');
    // An open deal at another account the buyer is a contact on.
    const sideDeal = await world.deal({ name: 'Side project', accountId: elsewhere });
    await world.dealContact(sideDeal, buyer);
    const globexDeal = await world.deal({ name: 'Globex expansion', accountId: globex });
    await world.deal({ name: 'Initech other', accountId: elsewhere });
    // Same email in another CRM: not a candidate for a HubSpot agent.
    const sf = await createMeetingWorld(db.pool, {
      source: 'salesforce',
      workspaceId: world.workspaceId,
    });
    await sf.contact({ email: 'buyer@acme.com' });

    const meeting = await world.meeting({
      emails: ['buyer@acme.com', 'cto@globex.com', 'rep@seller.io', 'friend@gmail.com'],
      startedAt: '2026-12-01T15:00:00Z',
    });
    const conversation = await loadConversation(db.pool, world.workspaceId, meeting);
    const { crm, deals } = await loadCandidates(db.pool, world.workspaceId, conversation, scope);

    expect(crm.contacts).toEqual([
      { id: buyer, name: 'Bo', email: 'Buyer@Acme.com', accountId: acme },
    ]);
    expect(crm.accounts.map((a) => a.name).sort()).toEqual(['Acme', 'Globex']);
    expect(crm.deals.map((d) => d.name).sort()).toEqual([
      'Acme pilot',
      'Acme platform',
      'Globex expansion',
      'Side project',
    ]);
    expect(crm.deals.find((d) => d.id === won)).toMatchObject({
      isClosed: true,
      stage: 'closed_won',
      closeDate: '2026-10-01',
    });
    expect(crm.deals.find((d) => d.id === sideDeal)!.contactIds).toEqual([buyer]);
    expect(deals.get(open)).toMatchObject({ name: 'Acme platform', amount: 90_000 });
    expect(deals.get(globexDeal)!.sourceId).toMatch(/^deal-/);
  });

  it("finds nothing of another workspace's, and refuses its meeting", async () => {
    const other = await createMeetingWorld(db.pool);
    const account = await other.account({ name: 'Hooli', domain: 'hooli.com' });
    await other.contact({ email: 'gavin@hooli.com', accountId: account });
    await other.deal({ name: 'Hooli deal', accountId: account });
    const meeting = await world.meeting({ emails: ['gavin@hooli.com'] });
    const conversation = await loadConversation(db.pool, world.workspaceId, meeting);
    const { crm } = await loadCandidates(db.pool, world.workspaceId, conversation, scope);
    expect(crm).toEqual({ accounts: [], contacts: [], deals: [] });
    await expect(loadConversation(db.pool, other.workspaceId, meeting)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('the meeting as the core reads it', () => {
  it('splits "Speaker: text" lines, joins continuations, and spreads start times over the call', () => {
    const meeting = meetingOf({
      id: 'x',
      title: 'Pricing call',
      startedAt: '2026-12-01T15:00:00.000Z',
      durationSeconds: 600,
      participants: [{ name: 'Bo', email: 'bo@acme.com' }],
      transcript:
        'Ana Rep: Thanks for joining.\nBo Buyer: We can sign by March 31.\nthat is firm\n' +
        'Ana Rep: Great, so 150k a year it is: agreed?',
      isInternal: false,
      dealId: null,
      accountId: null,
      linkMethod: null,
      ownerId: null,
    });
    expect(meeting.transcript.map(({ speaker, text }) => [speaker, text])).toEqual([
      ['Ana Rep', 'Thanks for joining.'],
      ['Bo Buyer', 'We can sign by March 31. that is firm'],
      ['Ana Rep', 'Great, so 150k a year it is: agreed?'],
    ]);
    const starts = meeting.transcript.map((u) => u.startSeconds);
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBeGreaterThan(0);
    expect(starts[2]).toBeGreaterThan(starts[1]!);
    expect(starts[2]).toBeLessThan(600);
  });
});
