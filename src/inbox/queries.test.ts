import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import type { Caller } from '../actions/service.js';
import { HttpError } from '../errors.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { createCaller } from './fixtures.test-helper.js';
import { countPendingInboxItems, listInboxItems } from './queries.js';

let db: TestDatabase;
let workspaceId: string;
let admin: Caller;
let ana: Caller;
let ben: Caller;

/**
 * 60 items in one instant (keyset ties broken by id): a third Ana's, a third Ben's,
 * a third the admins'; every fourth a question; every fifth already approved.
 */
beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Inbox lists' })).id;
  admin = await createCaller(db.pool, workspaceId, 'admin');
  ana = await createCaller(db.pool, workspaceId, 'member');
  ben = await createCaller(db.pool, workspaceId, 'member');
  await db.pool.query(
    `insert into inbox_items (workspace_id, assignee_user_id, item_type, source, title, status,
                              created_at)
     select $1::uuid,
            case i % 3 when 0 then $2::uuid when 1 then $3::uuid end,
            case when i % 4 = 0 then 'question' else 'approval' end, 'agent', 'Item ' || i,
            case when i % 5 = 0 then 'approved' else 'pending' end,
            case when i <= 30 then timestamptz '2026-12-01 10:00:00.123456'
                 else timestamptz '2026-12-01 09:00:00' + i * interval '1 microsecond' end
     from generate_series(1, 60) i`,
    [workspaceId, ana.sourceId, ben.sourceId],
  );
  // Another workspace's items never show.
  const other = await createWorkspace(db.pool, { name: 'Elsewhere' });
  await db.pool.query(
    `insert into inbox_items (workspace_id, item_type, source, title)
     select $1::uuid, 'alert', 'anomaly', 'Theirs ' || i from generate_series(1, 5) i`,
    [other.id],
  );
});

async function everyPage(caller: Caller, filters: Parameters<typeof listInboxItems>[2]) {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listInboxItems(db.pool, caller, { ...filters, limit: 7, cursor });
    seen.push(...page.items.map((item) => item.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

const titles = (numbers: number[]) => numbers.map((i) => `Item ${i}`);
const range = (predicate: (i: number) => boolean) =>
  Array.from({ length: 60 }, (_, k) => k + 1).filter(predicate);

describe('listing the inbox', () => {
  it('pages an admin through every pending item once, newest first, ties by id', async () => {
    const seen = await everyPage(admin, {});
    expect(seen).toHaveLength(48);
    expect(new Set(seen).size).toBe(48);
    expect(seen.sort()).toEqual(titles(range((i) => i % 5 !== 0)).sort());
    const { items } = await listInboxItems(db.pool, admin, { limit: 100 });
    const { rows } = await db.pool.query<{ id: string }>(
      `select id from inbox_items where workspace_id = $1::uuid and status = 'pending'
       order by created_at desc, id desc`,
      [workspaceId],
    );
    expect(items.map((item) => item.id)).toEqual(rows.map((row) => row.id));
  });

  it('shows a member only their own items, whatever they ask for', async () => {
    const own = titles(range((i) => i % 3 === 0 && i % 5 !== 0)).sort();
    expect((await everyPage(ana, {})).sort()).toEqual(own);
    expect((await everyPage(ana, { assignee: 'all' })).sort()).toEqual(own);
    expect(await countPendingInboxItems(db.pool, ana)).toBe(own.length);
    expect(await countPendingInboxItems(db.pool, ben)).toBe(
      range((i) => i % 3 === 1 && i % 5 !== 0).length,
    );
  });

  it("gives an admin's `me` their own and the admins' unassigned items", async () => {
    const mine = titles(range((i) => i % 3 === 2 && i % 5 !== 0)).sort();
    expect((await everyPage(admin, { assignee: 'me' })).sort()).toEqual(mine);
    expect(await countPendingInboxItems(db.pool, admin, { assignee: 'me' })).toBe(mine.length);
    expect(await countPendingInboxItems(db.pool, admin)).toBe(48);
  });

  it('filters by status and type', async () => {
    expect((await everyPage(admin, { status: ['approved'] })).sort()).toEqual(
      titles(range((i) => i % 5 === 0)).sort(),
    );
    expect(
      (await everyPage(admin, { status: ['pending', 'approved'], type: ['question'] })).sort(),
    ).toEqual(titles(range((i) => i % 4 === 0)).sort());
    expect(await countPendingInboxItems(db.pool, admin, { type: ['question'] })).toBe(
      range((i) => i % 4 === 0 && i % 5 !== 0).length,
    );
  });

  it('refuses a cursor it did not make', async () => {
    const error = await listInboxItems(db.pool, admin, { cursor: 'bm90LWEtY3Vyc29y' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe('invalid_cursor');
  });
});
