import { beforeAll, describe, expect, it } from 'vitest';
import type { Tenant, TestApp } from '../../../test/app.js';
import { boardsFixture } from '../../flows/boards/boards.test-helper.js';

/** Boards over REST: admins create them, members read them and move their own records. */
let t: TestApp;
let admin: Tenant;
let other: Tenant;
let memberAuth: { cookie: string };
let memberKey: { authorization: string };
let repDeal: string;
let otherDeal: { id: string; sourceId: string };

beforeAll(async () => {
  ({ t, admin, other, memberAuth, memberKey, repDeal, otherDeal } = await boardsFixture(
    'rep-boards@example.com',
    'REP-boards@example.com',
  ));
});

async function call(
  method: 'GET' | 'POST',
  path: string,
  payload?: object,
  headers: Record<string, string> = admin.auth,
  tenant: Tenant = admin,
) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${tenant.workspaceId}/boards${path}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

const columns = [
  { key: 'new', name: 'New' },
  { key: 'priced', name: 'Priced' },
];

describe('boards REST', () => {
  let boardId: string;

  it('an admin creates a board; names are unique in any case; column keys too', async () => {
    const created = await call('POST', '', {
      name: 'Renewals',
      description: 'Deals up for renewal',
      recordType: 'deal',
      columns,
    });
    expect(created.status).toBe(201);
    expect(created.body.board).toMatchObject({
      name: 'Renewals',
      recordType: 'deal',
      columns,
      counts: { new: 0, priced: 0 },
      itemCount: 0,
    });
    boardId = created.body.board.id;

    const again = await call('POST', '', { name: 'RENEWALS', recordType: 'deal', columns });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'board_exists' } } });
    const twice = await call('POST', '', {
      name: 'Twice',
      recordType: 'deal',
      columns: [columns[0], columns[0]],
    });
    expect(twice).toMatchObject({ status: 400, body: { error: { code: 'invalid_board' } } });
    const byMember = await call(
      'POST',
      '',
      { name: 'Mine', recordType: 'deal', columns },
      memberAuth,
    );
    expect(byMember.status).toBe(403);
  });

  it('moves records: admins any, members their own; counts, items and history follow', async () => {
    const put = await call('POST', `/${boardId}/items`, {
      recordId: otherDeal.sourceId,
      column: 'new',
    });
    expect(put).toEqual({
      status: 200,
      body: { recordId: otherDeal.id, column: 'new', fromColumn: null, moved: true },
    });
    const own = await call(
      'POST',
      `/${boardId}/items`,
      { recordId: repDeal, column: 'priced' },
      memberAuth,
    );
    expect(own.status).toBe(200);
    const notOwn = await call(
      'POST',
      `/${boardId}/items`,
      { recordId: otherDeal.id, column: 'priced' },
      memberAuth,
    );
    expect(notOwn).toMatchObject({ status: 403, body: { error: { code: 'record_out_of_scope' } } });
    const keyed = await call(
      'POST',
      `/${boardId}/items`,
      { recordId: repDeal, column: 'new' },
      memberKey,
    );
    expect(keyed.status).toBe(403);
    const badColumn = await call('POST', `/${boardId}/items`, { recordId: repDeal, column: 'won' });
    expect(badColumn).toMatchObject({ status: 400, body: { error: { code: 'unknown_column' } } });
    const unknown = await call('POST', `/${boardId}/items`, { recordId: 'nope', column: 'new' });
    expect(unknown.status).toBe(404);
    const moved = await call('POST', `/${boardId}/items`, {
      recordId: otherDeal.id,
      column: 'priced',
    });
    expect(moved.body).toMatchObject({ fromColumn: 'new', moved: true });

    const board = await call('GET', `/${boardId}`, undefined, memberAuth);
    expect(board.body.board).toMatchObject({ counts: { new: 0, priced: 2 }, itemCount: 2 });
    const listed = await call('GET', '', undefined, memberAuth);
    expect(listed.body.boards.map((b: { name: string }) => b.name)).toEqual(['Renewals']);

    const items = await call('GET', `/${boardId}/items?column=priced`);
    expect(items.body.items.map((i: { recordName: string }) => i.recordName)).toEqual([
      'Other deal',
      'Rep deal',
    ]);
    const history = await call('GET', `/${boardId}/history?recordId=${otherDeal.id}`);
    expect(
      history.body.entries.map(
        (e: { fromColumn: string | null; toColumn: string; actorUserId: string }) => [
          e.fromColumn,
          e.toColumn,
          e.actorUserId,
        ],
      ),
    ).toEqual([
      ['new', 'priced', null],
      [null, 'new', null],
    ]);
    const mine = await call('GET', `/${boardId}/history?recordId=${repDeal}`);
    expect(mine.body.entries[0].actorUserId).toEqual(expect.any(String));
  });

  it('pages items and history with a cursor, and refuses a made-up one', async () => {
    const first = await call('GET', `/${boardId}/history?limit=2`);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call('GET', `/${boardId}/history?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.entries).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.entries, ...second.body.entries].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(3);

    const page = await call('GET', `/${boardId}/items?limit=1`);
    const rest = await call('GET', `/${boardId}/items?limit=1&cursor=${page.body.nextCursor}`);
    expect(rest.body.items[0].id).not.toBe(page.body.items[0].id);
    const bad = await call('GET', `/${boardId}/items?cursor=abc`);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_cursor' } } });
  });

  it("another workspace's board is not found", async () => {
    expect((await call('GET', `/${boardId}`, undefined, other.auth, other)).status).toBe(404);
    expect((await call('GET', `/${boardId}/items`, undefined, other.auth, other)).status).toBe(404);
    expect((await call('GET', `/${boardId}/history`, undefined, other.auth, other)).status).toBe(
      404,
    );
    const move = await call(
      'POST',
      `/${boardId}/items`,
      { recordId: otherDeal.id, column: 'new' },
      other.auth,
      other,
    );
    expect(move.status).toBe(404);
    expect((await call('GET', '', undefined, other.auth, other)).body.boards).toEqual([]);
  });
});
