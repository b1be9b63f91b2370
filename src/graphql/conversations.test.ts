import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, login, type Tenant } from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import { createMeetingWorld, type MeetingWorld } from '../../test/meetings.js';
import { linkConversations } from '../conversations/linker.js';

const t = await createTestApp();
let owner: Tenant;
let session: object;
let w: MeetingWorld;
const ids: Record<string, string> = {};
let theirs: { tenant: Tenant; meeting: string; deal: string; world: MeetingWorld };

const asOwner = async (query: string, variables: object = {}, auth: object = owner.auth) => {
  const answer = await graphql(t, auth, query, { ws: owner.workspaceId, ...variables });
  expect(answer.errors).toBeUndefined();
  return answer.data;
};

beforeAll(async () => {
  owner = await createTenant(t);
  session = await login(t, owner.email, owner.password);
  w = await createMeetingWorld(t.db.pool, { workspaceId: owner.workspaceId });
  ids.acme = await w.account({ name: 'Acme', domain: 'acme.com' });
  ids.buyer = await w.contact({ email: 'buyer@acme.com', accountId: ids.acme });
  ids.deal = await w.deal({ name: 'Acme deal', accountId: ids.acme });
  ids.initech = await w.account({ name: 'Initech' });
  await w.contact({ email: 'bill@initech.com', accountId: ids.initech });
  ids.linked = await w.meeting({ title: 'Acme demo', emails: ['buyer@acme.com'] });
  ids.gap = await w.meeting({
    title: 'Initech intro',
    emails: ['bill@initech.com'],
    startedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  });
  await linkConversations(t.db.pool, owner.workspaceId);

  const tenant = await createTenant(t);
  const world = await createMeetingWorld(t.db.pool, { workspaceId: tenant.workspaceId });
  const account = await world.account({ name: 'Theirs' });
  await world.contact({ email: 'x@theirs.com', accountId: account });
  theirs = {
    tenant,
    world,
    meeting: await world.meeting({ emails: ['x@theirs.com'] }),
    deal: await world.deal({ name: 'Their deal', accountId: account, stage: 'closed_won' }),
  };
  await linkConversations(t.db.pool, tenant.workspaceId);
});

describe('GraphQL conversations', () => {
  it('lists meetings with their links, and reads one with participants and contacts', async () => {
    const data = await asOwner(
      `query ($ws: ID!) { workspace(id: $ws) {
         conversations(filter: { linked: deal }, first: 10) {
           conversations { id title linkMethod linkConfidence deal { id } account { name }
                           participants { email contactId } contacts { id } gap { dismissedAt } }
           nextCursor }
         conversation(id: "${ids.gap}") { id transcript account { id } deal { id } } } }`,
    );
    expect(data.workspace.conversations).toEqual({
      conversations: [
        {
          id: ids.linked,
          title: 'Acme demo',
          linkMethod: 'email',
          linkConfidence: 0.85,
          deal: { id: ids.deal },
          account: { name: 'Acme' },
          participants: [{ email: 'buyer@acme.com', contactId: ids.buyer }],
          contacts: [{ id: ids.buyer }],
          gap: { dismissedAt: null },
        },
      ],
      nextCursor: null,
    });
    expect(data.workspace.conversation).toEqual({
      id: ids.gap,
      transcript: null,
      account: { id: ids.initech },
      deal: null,
    });
  });

  it('lists and summarizes gaps, and dismisses one as the person logged in', async () => {
    const data = await asOwner(
      `query ($ws: ID!) { workspace(id: $ws) {
         conversationGaps(severity: [high]) { gaps { conversationId severity cause
           account { id source } rep { email } } nextCursor }
         conversationGapSummary { open bySeverity { high medium low } dismissedThisMonth } } }`,
    );
    expect(data.workspace.conversationGaps.gaps).toEqual([
      {
        conversationId: ids.gap,
        severity: 'high',
        cause: 'deal_not_created',
        account: { id: ids.initech, source: 'hubspot' },
        rep: { email: null },
      },
    ]);
    expect(data.workspace.conversationGapSummary).toEqual({
      open: 1,
      bySeverity: { high: 1, medium: 0, low: 0 },
      dismissedThisMonth: 0,
    });

    const dismissed = await asOwner(
      `mutation ($ws: ID!, $id: ID!) { dismissConversationGap(workspaceId: $ws, conversationId: $id,
         reason: "Their reseller") { conversationId dismissedAt } }`,
      { id: ids.gap },
      session,
    );
    expect(dismissed.dismissConversationGap.conversationId).toBe(ids.gap);
    const again = await graphql(
      t,
      owner.auth,
      `
        mutation ($ws: ID!, $id: ID!) {
          dismissConversationGap(workspaceId: $ws, conversationId: $id, reason: "x") {
            dismissedAt
          }
        }
      `,
      { ws: owner.workspaceId, id: ids.gap },
    );
    expect(codeOf(again)).toBe('not_a_gap');
    const detail = await asOwner(
      `query ($ws: ID!) { workspace(id: $ws) { conversation(id: "${ids.gap}") {
         gap { dismissedBy dismissReason } } } }`,
    );
    expect(detail.workspace.conversation.gap).toEqual({
      dismissedBy: owner.userId,
      dismissReason: 'Their reseller',
    });
  });

  it('links and unlinks by hand', async () => {
    const linked = await asOwner(
      `mutation ($ws: ID!, $id: ID!, $deal: ID!) { setConversationLink(workspaceId: $ws,
         conversationId: $id, input: { dealId: $deal }) { linkMethod linkConfidence linkedBy
         deal { id } account { id } } }`,
      { id: ids.gap, deal: ids.deal },
      session,
    );
    expect(linked.setConversationLink).toEqual({
      linkMethod: 'manual',
      linkConfidence: 1,
      linkedBy: owner.userId,
      deal: { id: ids.deal },
      account: { id: ids.acme },
    });
    const empty = await graphql(
      t,
      owner.auth,
      `
        mutation ($ws: ID!, $id: ID!) {
          setConversationLink(workspaceId: $ws, conversationId: $id, input: {}) {
            id
          }
        }
      `,
      { ws: owner.workspaceId, id: ids.gap },
    );
    expect(codeOf(empty)).toBe('validation_failed');

    const unlinked = await asOwner(
      `mutation ($ws: ID!, $id: ID!) { removeConversationLink(workspaceId: $ws, conversationId: $id) {
         linkMethod deal { id } } }`,
      { id: ids.linked },
    );
    expect(unlinked.removeConversationLink).toEqual({ linkMethod: 'manual', deal: null });
    const back = await asOwner(
      `mutation ($ws: ID!, $id: ID!) { removeConversationLink(workspaceId: $ws, conversationId: $id,
         automatic: true) { linkMethod deal { id } } }`,
      { id: ids.linked },
    );
    expect(back.removeConversationLink).toEqual({ linkMethod: 'email', deal: { id: ids.deal } });
  });

  it('reads and sets the internal domains (admins), queuing the re-classification', async () => {
    const set = await asOwner(
      `mutation ($ws: ID!) { setInternalDomains(workspaceId: $ws, domains: ["Seller.io"]) {
         domains resolved { domains source } reclassificationQueued } }`,
    );
    expect(set.setInternalDomains).toEqual({
      domains: ['seller.io'],
      resolved: { domains: ['seller.io'], source: 'setting' },
      reclassificationQueued: true,
    });
    const read = await asOwner(
      `query ($ws: ID!) { workspace(id: $ws) { internalDomains { domains resolved { source } } } }`,
    );
    expect(read.workspace.internalDomains).toEqual({
      domains: ['seller.io'],
      resolved: { source: 'setting' },
    });
    const bad = await graphql(
      t,
      owner.auth,
      `
        mutation ($ws: ID!) {
          setInternalDomains(workspaceId: $ws, domains: ["a@b.com"]) {
            domains
          }
        }
      `,
      { ws: owner.workspaceId },
    );
    expect(codeOf(bad)).toBe('invalid_domain');
    const member = await createTenant(t, 'member', 'member');
    const refused = await graphql(
      t,
      member.auth,
      `
        mutation ($ws: ID!) {
          setInternalDomains(workspaceId: $ws, domains: []) {
            domains
          }
        }
      `,
      { ws: member.workspaceId },
    );
    expect(codeOf(refused)).toBe('forbidden');
    const foreign = await graphql(
      t,
      owner.auth,
      `
        mutation ($ws: ID!) {
          setInternalDomains(workspaceId: $ws, domains: ["x.example"]) {
            domains
          }
        }
      `,
      { ws: theirs.tenant.workspaceId },
    );
    expect(codeOf(foreign)).toBe('not_found');
  });

  it("answers not_found for another workspace's meetings, deals and workspace", async () => {
    const before = await theirs.world.link(theirs.meeting);
    const attempts = [
      `query ($ws: ID!) { workspace(id: $ws) { conversation(id: "${theirs.meeting}") { id } } }`,
      `mutation ($ws: ID!) { setConversationLink(workspaceId: $ws, conversationId: "${theirs.meeting}", input: { accountId: "${ids.acme}" }) { id } }`,
      `mutation ($ws: ID!) { setConversationLink(workspaceId: $ws, conversationId: "${ids.linked}", input: { dealId: "${theirs.deal}" }) { id } }`,
      `mutation ($ws: ID!) { removeConversationLink(workspaceId: $ws, conversationId: "${theirs.meeting}", automatic: true) { id } }`,
      `mutation ($ws: ID!) { dismissConversationGap(workspaceId: $ws, conversationId: "${theirs.meeting}", reason: "x") { dismissedAt } }`,
    ];
    for (const query of attempts) {
      const answer = await graphql(t, owner.auth, query, { ws: owner.workspaceId });
      expect(codeOf(answer), query).toBe('not_found');
    }
    const theirWorkspace = await graphql(
      t,
      owner.auth,
      `
        query ($ws: ID!) {
          workspace(id: $ws) {
            conversations {
              conversations {
                id
              }
            }
          }
        }
      `,
      { ws: theirs.tenant.workspaceId },
    );
    expect(codeOf(theirWorkspace)).toBe('not_found');
    expect(await theirs.world.link(theirs.meeting)).toEqual(before);
  });
});
