import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createInboxItem } from '../../inbox/items.js';
import { settleItems } from '../../inbox/resolve.js';
import { notifyExpiringItems } from './expiring.js';
import { member, noticesOf, sorted, workspace, type TestMember } from './fixtures.test-helper.js';

let db: TestDatabase;
let ws: string;
let admin: TestMember;
let rep: TestMember;

const HOUR = 3_600_000;
const created = new Date('2026-12-01T09:00:00Z');
const at = (hours: number) => new Date(created.getTime() + hours * HOUR);

beforeAll(async () => {
  db = await createTestDatabase();
  ws = await workspace(db.pool);
  admin = await member(db.pool, ws, 'admin');
  rep = await member(db.pool, ws, 'member');
});

/** A pending item created at `created` that expires `lifetimeHours` later. */
async function item(
  lifetimeHours: number,
  options: { itemType?: 'approval' | 'question' | 'alert'; assignee?: string | null } = {},
) {
  const id = await createInboxItem(db.pool, {
    workspaceId: ws,
    itemType: options.itemType ?? 'approval',
    source: options.itemType === 'alert' ? 'anomaly' : 'policy',
    title: `Lives ${lifetimeHours} hours`,
    assigneeUserId: options.assignee === undefined ? rep.userId : options.assignee,
    expiresAt: at(lifetimeHours).toISOString(),
  });
  await db.pool.query(`update inbox_items set created_at = $2::timestamptz where id = $1::uuid`, [
    id,
    created.toISOString(),
  ]);
  return id!;
}

const expiringFor = async (itemId: string) =>
  (await noticesOf(db.pool, ws, 'expiring')).filter((n) => n.inboxItemId === itemId);

describe('approvals about to expire', () => {
  it('get one critical notice within the window, to the assignee, however often the job runs', async () => {
    const week = await item(168);
    // Two days left of seven: outside a 24-hour window.
    expect(await notifyExpiringItems(db.pool, { windowHours: 24, now: at(120) })).toBe(0);
    expect(await expiringFor(week)).toEqual([]);

    expect(await notifyExpiringItems(db.pool, { windowHours: 24, now: at(150) })).toBe(1);
    const notices = await expiringFor(week);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientUserId: rep.userId,
      critical: true,
      severity: 'warning',
      title: 'Expires in 18 hours: Lives 168 hours',
      link: `/inbox/${week}`,
      dedupeKey: `expiring:${week}`,
    });

    // Every later run (and one racing it) leaves it at one.
    expect(await notifyExpiringItems(db.pool, { windowHours: 24, now: at(151) })).toBe(0);
    await Promise.all([
      notifyExpiringItems(db.pool, { windowHours: 24, now: at(160) }),
      notifyExpiringItems(db.pool, { windowHours: 24, now: at(160) }),
    ]);
    expect(await expiringFor(week)).toHaveLength(1);
  });

  it('a short-lived item is not called expiring as soon as it is made', async () => {
    const short = await item(2);
    // A quarter of its two hours: not at 1 hour left, at 20 minutes left.
    await notifyExpiringItems(db.pool, { windowHours: 24, now: at(1) });
    expect(await expiringFor(short)).toEqual([]);
    await notifyExpiringItems(db.pool, { windowHours: 24, now: at(1 + 40 / 60) });
    const notices = await expiringFor(short);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toBe('Expires in 20 minutes: Lives 2 hours');
  });

  it('unassigned questions go to the admins; decided, expired items and alerts get nothing', async () => {
    const question = await item(10, { itemType: 'question', assignee: null });
    const decided = await item(10);
    await settleItems(db.pool, ws, [decided], 'approved', { actor: 'someone' });
    const alert = await item(10, { itemType: 'alert', assignee: null });
    const gone = await item(5);
    await notifyExpiringItems(db.pool, { windowHours: 24, now: at(9) });
    expect(sorted((await expiringFor(question)).map((n) => n.recipientUserId))).toEqual([
      admin.userId,
    ]);
    expect(await expiringFor(decided)).toEqual([]);
    expect(await expiringFor(alert)).toEqual([]);
    // Its time is up already: the expiry job's business, not a warning.
    expect(await expiringFor(gone)).toEqual([]);
  });
});
