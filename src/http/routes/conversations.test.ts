import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeyAuth, createTenant, createTestApp, login, type Tenant } from '../../../test/app.js';
import { createMeetingWorld, type MeetingWorld } from '../../../test/meetings.js';
import { linkConversations } from '../../conversations/linker.js';

const t = await createTestApp();
let admin: Tenant;
/** The admin by console session: a person, so links and dismissals name them. */
let person: Tenant;
let w: MeetingWorld;
let ids: Record<string, string>;
let other: { tenant: Tenant; world: MeetingWorld; meeting: string; deal: string };

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const call = async (
  method: 'GET' | 'PUT' | 'DELETE' | 'POST',
  rest: string,
  payload?: object,
  tenant = admin,
) => {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${tenant.workspaceId}${rest}`,
    headers: tenant.auth,
    payload,
  });
  return { status: response.statusCode, body: response.json() };
};

beforeAll(async () => {
  admin = await createTenant(t);
  person = { ...admin, auth: (await login(t, admin.email, admin.password)) as never };
  w = await createMeetingWorld(t.db.pool, { workspaceId: admin.workspaceId });
  const rep = await w.owner({ name: 'Rita', email: 'rita@seller.io' });
  const acme = await w.account({ name: 'Acme', domain: 'acme.com' });
  const buyer = await w.contact({ email: 'buyer@acme.com', accountId: acme, firstName: 'Bea' });
  const deal = await w.deal({ name: 'Acme deal', accountId: acme });
  const globex = await w.account({ name: 'Globex' });
  await w.contact({ email: 'g@globex.com', accountId: globex });
  const otherDeal = await w.deal({ name: 'Elsewhere', accountId: globex, stage: 'closed_won' });
  ids = {
    acme,
    buyer,
    deal,
    globex,
    otherDeal,
    linked: await w.meeting({
      title: 'Acme demo',
      emails: ['rita@seller.io', 'buyer@acme.com'],
      startedAt: daysAgo(1),
      ownerId: rep,
    }),
    gap: await w.meeting({
      title: 'Globex intro',
      emails: ['g@globex.com'],
      startedAt: daysAgo(2),
    }),
    internal: await w.meeting({
      title: 'Stand-up',
      emails: ['rita@seller.io'],
      startedAt: daysAgo(3),
      isInternal: true,
      source: 'fireflies',
    }),
    nobody: await w.meeting({ title: 'Who?', emails: ['x@unknown.org'], startedAt: daysAgo(4) }),
  };
  await linkConversations(t.db.pool, admin.workspaceId);

  const tenant = await createTenant(t);
  const world = await createMeetingWorld(t.db.pool, { workspaceId: tenant.workspaceId });
  const account = await world.account({ name: 'Theirs' });
  await world.contact({ email: 'them@theirs.com', accountId: account });
  other = {
    tenant,
    world,
    meeting: await world.meeting({ emails: ['them@theirs.com'] }),
    deal: await world.deal({ name: 'Their deal', accountId: account, stage: 'closed_lost' }),
  };
  await linkConversations(t.db.pool, tenant.workspaceId);
});

describe('meetings', () => {
  it('lists meetings newest first with their links, filtered and paged', async () => {
    const all = await call('GET', '/conversations');
    expect(all.status).toBe(200);
    expect(all.body.conversations.map((c: { id: string }) => c.id)).toEqual([
      ids.linked,
      ids.gap,
      ids.internal,
      ids.nobody,
    ]);
    expect(all.body.conversations[0]).toMatchObject({
      title: 'Acme demo',
      participantCount: 2,
      owner: { name: 'Rita', email: 'rita@seller.io' },
      account: { id: ids.acme, name: 'Acme' },
      deal: { id: ids.deal, name: 'Acme deal' },
      contact: { id: ids.buyer, name: 'Bea' },
      linkMethod: 'email',
      linkConfidence: 0.85,
    });

    const only = async (query: string) =>
      (await call('GET', `/conversations?${query}`)).body.conversations.map(
        (c: { id: string }) => c.id,
      );
    expect(await only('internal=true')).toEqual([ids.internal]);
    expect(await only('linked=deal')).toEqual([ids.linked]);
    expect(await only('linked=account_only')).toEqual([ids.gap]);
    expect(await only('linked=none&internal=false')).toEqual([ids.nobody]);
    expect(await only('source=fireflies')).toEqual([ids.internal]);
    expect(await only('rep=RITA@seller.io')).toEqual([ids.linked]);
    expect(
      await only(`from=${encodeURIComponent(daysAgo(2.5))}&to=${encodeURIComponent(daysAgo(1.5))}`),
    ).toEqual([ids.gap]);

    const first = await call('GET', '/conversations?limit=3');
    expect(first.body.conversations).toHaveLength(3);
    const second = await call('GET', `/conversations?limit=3&after=${first.body.nextCursor}`);
    expect(second.body.conversations.map((c: { id: string }) => c.id)).toEqual([ids.nobody]);
    expect(second.body.nextCursor).toBeNull();
    expect((await call('GET', '/conversations?after=garbage')).body.error.code).toBe(
      'invalid_cursor',
    );
  });

  it('shows one meeting with participants, transcript and matched contacts', async () => {
    const { status, body } = await call('GET', `/conversations/${ids.linked}`);
    expect(status).toBe(200);
    expect(body.conversation).toMatchObject({
      id: ids.linked,
      participants: [
        { email: 'rita@seller.io', contactId: null },
        { email: 'buyer@acme.com', contactId: ids.buyer },
      ],
      contacts: [{ id: ids.buyer, email: 'buyer@acme.com', accountId: ids.acme }],
      transcript: null,
      gap: { dismissedAt: null, dealCreatedAt: null },
    });
  });

  it('links and unlinks by hand; the linker leaves a manual link alone', async () => {
    const linked = await call(
      'PUT',
      `/conversations/${ids.nobody}/link`,
      { dealId: ids.otherDeal },
      person,
    );
    expect(linked.status).toBe(200);
    expect(linked.body.conversation).toMatchObject({
      deal: { id: ids.otherDeal },
      // The account follows from the deal.
      account: { id: ids.globex },
      linkMethod: 'manual',
      linkConfidence: 1,
      linkedBy: admin.userId,
    });
    await linkConversations(t.db.pool, admin.workspaceId);
    expect((await call('GET', `/conversations/${ids.nobody}`)).body.conversation.linkMethod).toBe(
      'manual',
    );

    const mismatch = await call('PUT', `/conversations/${ids.nobody}/link`, {
      dealId: ids.deal,
      accountId: ids.globex,
    });
    expect(mismatch).toMatchObject({ status: 422, body: { error: { code: 'link_mismatch' } } });
    expect((await call('PUT', `/conversations/${ids.nobody}/link`, {})).status).toBe(400);

    // Unlinked by hand, it stays unlinked through the next linker run...
    const unlinked = await call('DELETE', `/conversations/${ids.linked}/link`);
    expect(unlinked.body.conversation).toMatchObject({
      deal: null,
      account: null,
      linkMethod: 'manual',
    });
    await linkConversations(t.db.pool, admin.workspaceId);
    expect((await call('GET', `/conversations/${ids.linked}`)).body.conversation.deal).toBeNull();
    // ...until it is handed back to the linker, which links it again at once.
    const back = await call('DELETE', `/conversations/${ids.linked}/link?automatic=true`);
    expect(back.body.conversation).toMatchObject({ deal: { id: ids.deal }, linkMethod: 'email' });
  });

  it('a member may read and link; an API key without a person links with no linkedBy', async () => {
    const memberKey = await apiKeyAuth(t, admin, 'member');
    const asMember = { ...admin, auth: memberKey };
    expect((await call('GET', '/conversations', undefined, asMember)).status).toBe(200);
    const linked = await call(
      'PUT',
      `/conversations/${ids.nobody}/link`,
      { accountId: ids.acme },
      asMember,
    );
    expect(linked.body.conversation).toMatchObject({
      account: { id: ids.acme },
      deal: null,
      linkedBy: null,
    });
  });
});

describe('conversations without deals', () => {
  it('lists, summarizes and dismisses gaps', async () => {
    const list = await call('GET', '/conversations/without-deals');
    expect(list.status).toBe(200);
    const gap = list.body.gaps.find(
      (g: { conversationId: string }) => g.conversationId === ids.gap,
    );
    expect(gap).toMatchObject({
      title: 'Globex intro',
      severity: 'high',
      cause: 'deal_not_created',
      account: { id: ids.globex, source: 'hubspot' },
      openDeals: [],
      totalContacts: 1,
    });
    expect((await call('GET', '/conversations/without-deals?severity=low')).body.gaps).toEqual([]);
    const before = (await call('GET', '/conversations/without-deals/summary')).body.summary;
    expect(before.bySeverity.high).toBeGreaterThanOrEqual(1);

    const dismissed = await call(
      'POST',
      `/conversations/without-deals/${ids.gap}/dismiss`,
      { reason: 'A partner, not a customer' },
      person,
    );
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.dismissedAt).toBeTruthy();
    const after = (await call('GET', '/conversations/without-deals/summary')).body.summary;
    expect(after).toMatchObject({
      open: before.open - 1,
      dismissedThisMonth: before.dismissedThisMonth + 1,
    });
    const again = await call('POST', `/conversations/without-deals/${ids.gap}/dismiss`, {
      reason: 'again',
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'not_a_gap' } } });
    const detail = (await call('GET', `/conversations/${ids.gap}`)).body.conversation;
    expect(detail.gap).toMatchObject({
      dismissedBy: admin.userId,
      dismissReason: 'A partner, not a customer',
    });
  });
});

describe("another workspace's ids", () => {
  it('are not found on every conversation route, and nothing of theirs changes', async () => {
    const theirs = other.meeting;
    const before = await other.world.link(theirs);
    const answers = [
      await call('GET', `/conversations/${theirs}`),
      await call('PUT', `/conversations/${theirs}/link`, { accountId: ids.acme }),
      await call('PUT', `/conversations/${ids.nobody}/link`, { dealId: other.deal }),
      await call('DELETE', `/conversations/${theirs}/link`),
      await call('DELETE', `/conversations/${theirs}/link?automatic=true`),
      await call('POST', `/conversations/without-deals/${theirs}/dismiss`, { reason: 'x' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await other.world.link(theirs)).toEqual(before);

    // Their workspace in the path: the scope refuses before anything is read.
    const path = `/api/workspaces/${other.tenant.workspaceId}`;
    for (const url of [
      `${path}/conversations`,
      `${path}/conversations/${theirs}`,
      `${path}/conversations/without-deals`,
      `${path}/conversations/without-deals/summary`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: admin.auth });
      expect(response.statusCode).toBe(404);
    }
    const mine = (await call('GET', '/conversations')).body.conversations.map(
      (c: { id: string }) => c.id,
    );
    expect(mine).not.toContain(theirs);
    expect(
      (await call('GET', '/conversations/without-deals')).body.gaps.map(
        (g: { conversationId: string }) => g.conversationId,
      ),
    ).not.toContain(theirs);
  });
});
