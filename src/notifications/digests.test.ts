import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { buildDueDigests } from './digests.js';
import {
  addMember,
  deliverJobs,
  deliveriesOf,
  installSlack,
  newWorkspace,
} from './fixtures.test-helper.js';
import { updatePreferences } from './preferences.js';
import { recordNotification } from './record.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

/** Held notifications for a member, as if recorded at `at`. */
async function hold(workspaceId: string, userId: string, titles: string[], at: string) {
  for (const title of titles) {
    await recordNotification(db.pool, {
      workspaceId,
      type: 'agent_run',
      recipients: [userId],
      title,
      link: `/runs/${title}`,
    });
  }
  await db.pool.query(
    // Only these titles' rows: moving earlier ones too would tie their times, and the
    // digest would order them by random ids.
    `update notification_deliveries set created_at = $3::timestamptz
     where workspace_id = $1::uuid and recipient_user_id = $2::uuid and status = 'held'
       and payload->>'title' = any($4::text[])`,
    [workspaceId, userId, at, titles],
  );
}

async function digestsOf(userId: string) {
  const { rows } = await db.pool.query<{
    id: string;
    title: string;
    body: string;
    inApp: boolean;
    data: { channel: string; items: Array<{ title: string }> };
  }>(
    `select id::text, title, body, in_app as "inApp", data from notifications
     where recipient_user_id = $1::uuid and kind = 'digest' order by data->>'channel'`,
    [userId],
  );
  return rows;
}

describe('buildDueDigests', () => {
  it('sends a daily digest at the local hour in the member’s time zone, once', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const rep = await addMember(db.pool, workspaceId);
    await updatePreferences(db.pool, workspaceId, rep.userId, [], {
      timeZone: 'America/New_York',
      digestHour: 9,
    });
    // 07:00 and 07:30 in New York (UTC-5 in December).
    await hold(workspaceId, rep.userId, ['first'], '2026-12-03T12:00:00Z');
    await hold(workspaceId, rep.userId, ['second'], '2026-12-03T12:30:00Z');

    // 08:30 New York: the 9 o'clock digest is not due yet.
    expect(await buildDueDigests(db.pool, { now: new Date('2026-12-03T13:30:00Z') })).toEqual({
      members: 0,
      digests: 0,
      items: 0,
    });
    // 09:05 New York (14:05 UTC).
    expect(await buildDueDigests(db.pool, { now: new Date('2026-12-03T14:05:00Z') })).toEqual({
      members: 1,
      digests: 1,
      items: 2,
    });
    const [digest] = await digestsOf(rep.userId);
    expect(digest).toMatchObject({
      title: 'Your daily digest: 2 notifications',
      body: 'first\nsecond',
      inApp: false,
      data: { channel: 'email', items: [{ title: 'first' }, { title: 'second' }] },
    });
    const rows = await deliveriesOf(db.pool, workspaceId);
    expect(rows.filter((r) => r.status === 'digested')).toHaveLength(2);
    const sent = rows.find((r) => r.notificationId === digest!.id)!;
    expect(sent).toMatchObject({ channel: 'email', status: 'pending' });
    expect(sent.payload).toMatchObject({
      type: 'digest',
      items: [{ title: 'first', link: '/runs/first' }, { title: 'second' }],
    });
    expect((await deliverJobs(db.pool)).map((j) => j.deliveryId)).toContain(sent.id);
    const { rows: carried } = await db.pool.query(
      `select distinct digest_notification_id::text as id from notification_deliveries
       where status = 'digested' and workspace_id = $1::uuid`,
      [workspaceId],
    );
    expect(carried).toEqual([{ id: digest!.id }]);

    // Later the same day: held again, but this period's digest went out.
    await hold(workspaceId, rep.userId, ['third'], '2026-12-03T15:00:00Z');
    expect(
      (await buildDueDigests(db.pool, { now: new Date('2026-12-03T20:00:00Z') })).members,
    ).toBe(0);
    // The next morning at 9 New York.
    expect(await buildDueDigests(db.pool, { now: new Date('2026-12-04T14:01:00Z') })).toMatchObject(
      { members: 1, items: 1 },
    );
  });

  it('sends hourly digests per channel, grouping only that channel’s rows', async () => {
    const workspaceId = await newWorkspace(db.pool);
    await installSlack(db.pool, workspaceId);
    const rep = await addMember(db.pool, workspaceId);
    await updatePreferences(
      db.pool,
      workspaceId,
      rep.userId,
      [{ channel: 'slack', type: 'agent_run', mode: 'digest' }],
      { digestPeriod: 'hourly' },
    );
    await hold(workspaceId, rep.userId, ['a', 'b', 'c'], '2026-12-03T10:20:00Z');
    expect(
      (await buildDueDigests(db.pool, { now: new Date('2026-12-03T10:50:00Z') })).members,
    ).toBe(0);
    expect(await buildDueDigests(db.pool, { now: new Date('2026-12-03T11:00:30Z') })).toEqual({
      members: 1,
      digests: 2,
      items: 6,
    });
    const digests = await digestsOf(rep.userId);
    expect(digests.map((d) => [d.data.channel, d.title, d.data.items.length])).toEqual([
      ['email', 'Your hourly digest: 3 notifications', 3],
      ['slack', 'Your hourly digest: 3 notifications', 3],
    ]);
  });

  it('sends one digest when two workers build at once', async () => {
    const workspaceId = await newWorkspace(db.pool);
    const members = [];
    for (let i = 0; i < 20; i += 1) {
      const member = await addMember(db.pool, workspaceId);
      await hold(workspaceId, member.userId, ['x', 'y'], '2026-12-05T01:00:00Z');
      members.push(member);
    }
    const now = new Date('2026-12-05T09:10:00Z');
    const [one, two] = await Promise.all([
      buildDueDigests(db.pool, { now, batchSize: 3 }),
      buildDueDigests(db.pool, { now, batchSize: 3 }),
    ]);
    expect(one.members + two.members).toBe(20);
    expect(one.items + two.items).toBe(40);
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from notifications
       where workspace_id = $1::uuid and kind = 'digest'`,
      [workspaceId],
    );
    expect(rows[0]!.n).toBe(20);
    expect((await deliveriesOf(db.pool, workspaceId)).filter((r) => r.status === 'held')).toEqual(
      [],
    );
  });
});
