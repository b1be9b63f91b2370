import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { createMeetingWorld, type MeetingWorld } from '../../test/meetings.js';
import { classifyConversations, resolveInternalDomains } from './internal.js';
import { linkConversations } from './linker.js';

const db = await createTestDatabase();
const pool = db.pool;

async function state(id: string) {
  const { rows } = await pool.query<{ isInternal: boolean; reason: string | null }>(
    `select is_internal as "isInternal", internal_reason as reason from conversations
     where id = $1::uuid`,
    [id],
  );
  return rows[0]!;
}

async function setting(w: MeetingWorld, domains: string[]) {
  await pool.query(`update workspaces set internal_domains = $2::text[] where id = $1::uuid`, [
    w.workspaceId,
    domains,
  ]);
}

describe('internal domains', () => {
  it('come from the setting, else the team (tracked reps and CRM owners), else inference', async () => {
    const w = await createMeetingWorld(pool);
    expect(await resolveInternalDomains(pool, w.workspaceId)).toEqual({
      domains: [],
      source: 'none',
    });
    // Hosts mostly on a domain no contact or account has: inferred.
    await w.account({ name: 'Acme', domain: 'acme.com' });
    await w.contact({ email: 'b@acme.com' });
    for (const host of ['a@seller.io', 'b@seller.io', 'c@acme.com', 'd@gmail.com']) {
      await w.meeting({ emails: [], hostEmail: host });
    }
    await w.meeting({ emails: [], hostEmail: 'e@seller.io' });
    expect(await resolveInternalDomains(pool, w.workspaceId)).toEqual({
      domains: ['seller.io'],
      source: 'inference',
    });
    // A tracked rep of a conversation source and a CRM owner: the team; free mail is not.
    await pool.query(
      `insert into connections (workspace_id, source_type, name, metadata)
       values ($1::uuid, 'gong', 'Gong', $2::jsonb)`,
      [
        w.workspaceId,
        JSON.stringify({
          directory: [
            { id: 'u1', email: 'Rep@Seller.IO', name: 'Rep' },
            { id: 'u2', email: 'untracked@elsewhere.io', name: 'No' },
          ],
          trackedUserIds: ['u1'],
        }),
      ],
    );
    await w.owner({ name: 'Owner', email: 'owner@seller-eu.io' });
    await w.owner({ name: 'Private', email: 'someone@gmail.com' });
    expect(await resolveInternalDomains(pool, w.workspaceId)).toEqual({
      domains: ['seller-eu.io', 'seller.io'],
      source: 'team',
    });
    await setting(w, ['corp.example']);
    expect(await resolveInternalDomains(pool, w.workspaceId)).toEqual({
      domains: ['corp.example'],
      source: 'setting',
    });
  });

  it('never infers a free-mail domain', async () => {
    const w = await createMeetingWorld(pool);
    for (const host of ['a@gmail.com', 'b@gmail.com'])
      await w.meeting({ emails: [], hostEmail: host });
    expect((await resolveInternalDomains(pool, w.workspaceId)).source).toBe('none');
  });
});

describe('the internal filter', () => {
  it('marks meetings where everybody is internal, or whose title says so, with the reason', async () => {
    const w = await createMeetingWorld(pool);
    await setting(w, ['seller.io', 'seller-eu.io']);
    const acme = await w.account({ name: 'Acme', domain: 'acme.com' });
    await w.contact({ email: 'cfo@acme.com', accountId: acme });
    const m = {
      team: await w.meeting({
        title: 'Pipeline review',
        emails: ['a@seller.io', 'B@Seller-EU.io'],
      }),
      customer: await w.meeting({ title: 'Demo', emails: ['a@seller.io', 'cfo@acme.com'] }),
      standup: await w.meeting({ title: 'Daily Stand-Up', emails: ['x@partner.net'] }),
      oneOnOne: await w.meeting({ title: 'Rita / Sam 1:1', emails: [] }),
      oneOnOneWords: await w.meeting({ title: 'one-on-one with Sam', emails: [] }),
      allHands: await w.meeting({ title: 'Q4 All Hands', emails: [] }),
      candidate: await w.meeting({ title: 'Interview: backend engineer', emails: ['c@gmail.com'] }),
      // Near misses: a customer in the room, or the word is part of another.
      customerInterview: await w.meeting({
        title: "Interview with Acme's CFO",
        emails: ['a@seller.io', 'cfo@acme.com'],
      }),
      customerDomain: await w.meeting({
        title: 'Acme offsite planning',
        emails: ['new.person@acme.com'],
      }),
      retrofit: await w.meeting({ title: 'Retrofit kickoff', emails: ['x@partner.net'] }),
      ratio: await w.meeting({ title: 'Review 1:10 scale model', emails: ['x@partner.net'] }),
      standupComedy: await w.meeting({ title: 'Standupish chat', emails: ['x@partner.net'] }),
    };

    const report = await classifyConversations(pool, w.workspaceId);

    const reasons = Object.fromEntries(
      await Promise.all(Object.entries(m).map(async ([k, id]) => [k, (await state(id)).reason])),
    );
    expect(reasons).toEqual({
      team: 'all_participants_internal:seller-eu.io,seller.io',
      customer: null,
      standup: 'title:stand-up',
      oneOnOne: 'title:1:1',
      oneOnOneWords: 'title:1:1',
      allHands: 'title:all-hands',
      candidate: 'title:interview',
      customerInterview: null,
      customerDomain: null,
      retrofit: null,
      ratio: null,
      standupComedy: null,
    });
    expect(await state(m.team)).toMatchObject({ isInternal: true });
    expect(report).toMatchObject({ internal: 6, external: 6, changed: 6 });
    expect(await classifyConversations(pool, w.workspaceId)).toMatchObject({ changed: 0 });

    // The admin drops a domain: the meeting is external again.
    await setting(w, ['seller.io']);
    await classifyConversations(pool, w.workspaceId);
    expect(await state(m.team)).toEqual({ isInternal: false, reason: null });
  });

  it('leaves a meeting its source marked internal; the linker unlinks one that became internal', async () => {
    const w = await createMeetingWorld(pool);
    const acme = await w.account({ name: 'Acme', domain: 'acme.com' });
    await w.contact({ email: 'buyer@acme.com', accountId: acme });
    const fromSource = await w.meeting({ title: 'Call', emails: ['x@y.com'], isInternal: true });
    const meeting = await w.meeting({ title: 'Call', emails: ['buyer@acme.com'] });
    await linkConversations(pool, w.workspaceId);
    expect((await w.link(meeting)).accountId).toBe(acme);

    // Acme turns out to be the workspace's own domain.
    await setting(w, ['acme.com']);
    const report = await linkConversations(pool, w.workspaceId);

    expect(report).toMatchObject({ reclassified: 1, unlinkedInternal: 1 });
    expect(await state(meeting)).toEqual({
      isInternal: true,
      reason: 'all_participants_internal:acme.com',
    });
    expect((await w.link(meeting)).accountId).toBeNull();
    expect(await state(fromSource)).toEqual({ isInternal: true, reason: null });
  });
});
