import { beforeAll, describe, expect, it } from 'vitest';
import type { Tenant, TestApp } from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import { boardsFixture } from '../flows/boards/boards.test-helper.js';

/** Boards over GraphQL: the same rights, answers and tenancy as REST's. */
let t: TestApp;
let admin: Tenant;
let other: Tenant;
let memberAuth: { cookie: string };
let memberKey: { authorization: string };
let repDeal: string;
let otherDeal: { id: string; sourceId: string };

beforeAll(async () => {
  ({ t, admin, other, memberAuth, memberKey, repDeal, otherDeal } = await boardsFixture(
    'rep-gql-boards@example.com',
  ));
});

const CREATE = `mutation ($ws: ID!, $input: BoardInput!) {
  createBoard(workspaceId: $ws, input: $input) { id name recordType itemCount columns { key name count } }
}`;
const MOVE = `mutation ($ws: ID!, $board: ID!, $record: String!, $column: String!) {
  moveBoardItem(workspaceId: $ws, boardId: $board, recordId: $record, column: $column) {
    recordId column fromColumn moved
  }
}`;
const BOARD = `query ($ws: ID!, $id: ID!, $column: String, $record: ID, $limit: Int, $after: String) {
  workspace(id: $ws) {
    board(id: $id) {
      id name itemCount columns { key count }
      items(column: $column, limit: $limit, after: $after) { items { recordId recordName column } nextCursor }
      history(recordId: $record, limit: $limit, after: $after) {
        entries { id recordId fromColumn toColumn actorUserId } nextCursor
      }
    }
  }
}`;
const BOARDS = `query ($ws: ID!) { workspace(id: $ws) { boards { id name } } }`;

const columns = [
  { key: 'new', name: 'New' },
  { key: 'priced', name: 'Priced' },
];

describe('boards over GraphQL', () => {
  let boardId: string;
  const move = (record: string, column: string, auth: object = admin.auth) =>
    graphql(t, auth, MOVE, { ws: admin.workspaceId, board: boardId, record, column });
  const read = (variables: object, auth: object = admin.auth) =>
    graphql(t, auth, BOARD, { ws: admin.workspaceId, id: boardId, ...variables });

  it('an admin creates a board; a taken name and a member are refused', async () => {
    const created = await graphql(t, admin.auth, CREATE, {
      ws: admin.workspaceId,
      input: { name: 'Renewals', recordType: 'deal', columns, description: null },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createBoard).toMatchObject({
      name: 'Renewals',
      recordType: 'deal',
      itemCount: 0,
      columns: [
        { key: 'new', name: 'New', count: 0 },
        { key: 'priced', name: 'Priced', count: 0 },
      ],
    });
    boardId = created.data.createBoard.id;
    const input = { name: 'renewals', recordType: 'deal', columns };
    expect(codeOf(await graphql(t, admin.auth, CREATE, { ws: admin.workspaceId, input }))).toBe(
      'board_exists',
    );
    const bad = await graphql(t, admin.auth, CREATE, {
      ws: admin.workspaceId,
      input: { ...input, name: 'Bad', columns: [{ key: 'No Spaces', name: 'x' }] },
    });
    expect(codeOf(bad)).toBe('validation_failed');
    expect(codeOf(await graphql(t, memberAuth, CREATE, { ws: admin.workspaceId, input }))).toBe(
      'forbidden',
    );
  });

  it('moves records: admins any, members their own; the board, items and history follow', async () => {
    const put = await move(otherDeal.sourceId, 'new');
    expect(put.data.moveBoardItem).toEqual({
      recordId: otherDeal.id,
      column: 'new',
      fromColumn: null,
      moved: true,
    });
    expect((await move(repDeal, 'priced', memberAuth)).data.moveBoardItem.moved).toBe(true);
    expect(codeOf(await move(otherDeal.id, 'priced', memberAuth))).toBe('record_out_of_scope');
    expect(codeOf(await move(repDeal, 'new', memberKey))).toBe('forbidden');
    expect(codeOf(await move(repDeal, 'won'))).toBe('unknown_column');
    expect(codeOf(await move('nope', 'new'))).toBe('not_found');
    expect((await move(otherDeal.id, 'priced')).data.moveBoardItem).toMatchObject({
      fromColumn: 'new',
      moved: true,
    });

    const board = await read({ column: 'priced', record: otherDeal.id }, memberAuth);
    expect(board.errors).toBeUndefined();
    expect(board.data.workspace.board).toMatchObject({
      itemCount: 2,
      columns: [
        { key: 'new', count: 0 },
        { key: 'priced', count: 2 },
      ],
      items: {
        items: [
          { recordId: otherDeal.id, recordName: 'Other deal', column: 'priced' },
          { recordId: repDeal, recordName: 'Rep deal', column: 'priced' },
        ],
        nextCursor: null,
      },
    });
    expect(
      board.data.workspace.board.history.entries.map(
        (e: { fromColumn: string | null; toColumn: string }) => [e.fromColumn, e.toColumn],
      ),
    ).toEqual([
      ['new', 'priced'],
      [null, 'new'],
    ]);
    const mine = await read({ record: repDeal });
    expect(mine.data.workspace.board.history.entries[0].actorUserId).toEqual(expect.any(String));
    const listed = await graphql(t, memberAuth, BOARDS, { ws: admin.workspaceId });
    expect(listed.data.workspace.boards.map((b: { name: string }) => b.name)).toEqual(['Renewals']);
  });

  it('pages with a cursor, and refuses bad arguments', async () => {
    const first = await read({ limit: 2 });
    const history = first.data.workspace.board.history;
    expect(history.entries).toHaveLength(2);
    const second = await graphql(
      t,
      admin.auth,
      `
        query ($ws: ID!, $id: ID!, $after: String) {
          workspace(id: $ws) {
            board(id: $id) {
              history(limit: 2, after: $after) {
                entries {
                  id
                }
                nextCursor
              }
            }
          }
        }
      `,
      { ws: admin.workspaceId, id: boardId, after: history.nextCursor },
    );
    expect(second.data.workspace.board.history).toMatchObject({ nextCursor: null });
    expect(second.data.workspace.board.history.entries).toHaveLength(1);
    expect(codeOf(await read({ after: 'abc' }))).toBe('invalid_cursor');
    expect(codeOf(await read({ limit: 0 }))).toBe('validation_failed');
    expect(codeOf(await read({ column: 'Not A Key' }))).toBe('validation_failed');
    expect(codeOf(await read({ record: 'not-a-uuid' }))).toBe('validation_failed');
  });

  it("another workspace gets not_found for this one's boards, under either workspace", async () => {
    const intruder = await read({}, other.auth);
    expect([intruder.status, codeOf(intruder)]).toEqual([404, 'not_found']);
    const ownWorkspace = await graphql(t, other.auth, BOARD, {
      ws: other.workspaceId,
      id: boardId,
    });
    expect(codeOf(ownWorkspace)).toBe('not_found');
    const moved = await graphql(t, other.auth, MOVE, {
      ws: other.workspaceId,
      board: boardId,
      record: otherDeal.id,
      column: 'new',
    });
    expect(codeOf(moved)).toBe('not_found');
    expect(
      codeOf(
        await graphql(t, other.auth, MOVE, {
          ws: admin.workspaceId,
          board: boardId,
          record: otherDeal.id,
          column: 'new',
        }),
      ),
    ).toBe('not_found');
    const created = await graphql(t, other.auth, CREATE, {
      ws: admin.workspaceId,
      input: { name: 'Intruder', recordType: 'deal', columns },
    });
    expect(codeOf(created)).toBe('not_found');
    expect(
      (await graphql(t, other.auth, BOARDS, { ws: other.workspaceId })).data.workspace.boards,
    ).toEqual([]);
  });
});
