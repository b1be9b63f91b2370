/**
 * GraphQL for boards of records, as REST's .../boards: `boards` and `board` (with its
 * items and its history, paged) on Workspace; `createBoard` (admins) and
 * `moveBoardItem` (members move their own records).
 */
import { Type } from '@sinclair/typebox';
import { getBoardSummary, moveRecordAs } from '../flows/boards/service.js';
import {
  BOARD_RECORD_TYPES,
  COLUMN_KEY,
  createBoard,
  listBoardHistory,
  listBoardItems,
  listBoards,
  type BoardSummary,
} from '../flows/boards/store.js';
import { access, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls } from './validate.js';

export const boardTypeDefs = /* GraphQL */ `
  enum BoardRecordType {
    deal
    contact
    account
  }

  type BoardColumn {
    key: String!
    name: String!
    "Records in the column now."
    count: Int!
  }

  type BoardItem {
    id: ID!
    recordType: BoardRecordType!
    recordId: ID!
    "Null when the record is gone from Pandora."
    recordName: String
    column: String!
    addedAt: String!
    movedAt: String!
  }

  type BoardItemPage {
    items: [BoardItem!]!
    "Pass as after for the next page; null on the last."
    nextCursor: String
  }

  type BoardHistoryEntry {
    id: ID!
    recordType: BoardRecordType!
    recordId: ID!
    recordName: String
    "Null: put on the board."
    fromColumn: String
    "Null: moved to another board."
    toColumn: String
    actorUserId: ID
    flowRunId: ID
    flowId: ID
    stepKey: String
    createdAt: String!
  }

  type BoardHistoryPage {
    entries: [BoardHistoryEntry!]!
    nextCursor: String
  }

  type Board {
    id: ID!
    name: String!
    description: String
    recordType: BoardRecordType!
    "In order, each with its count."
    columns: [BoardColumn!]!
    itemCount: Int!
    createdBy: ID
    createdAt: String!
    updatedAt: String!
    "The records on the board, the most recently moved first."
    items(column: String, limit: Int, after: String): BoardItemPage!
    "Every move on the board, newest first; recordId narrows to one record."
    history(recordId: ID, limit: Int, after: String): BoardHistoryPage!
  }

  type BoardMove {
    "Pandora's id of the record."
    recordId: ID!
    column: String!
    "The column it was in; null when it was not on the board."
    fromColumn: String
    "False when it was in that column already."
    moved: Boolean!
  }

  input BoardColumnInput {
    key: String!
    name: String!
  }

  input BoardInput {
    name: String!
    description: String
    recordType: BoardRecordType!
    columns: [BoardColumnInput!]!
  }

  extend type Workspace {
    "The workspace boards by name."
    boards: [Board!]!
    board(id: ID!): Board!
  }

  extend type Mutation {
    "A board of deals, contacts or accounts (admins); board_exists when the name is taken."
    createBoard(workspaceId: ID!, input: BoardInput!): Board!
    "Puts a record (Pandora's or the CRM's id) in a column, or moves it there; members move only records they own."
    moveBoardItem(workspaceId: ID!, boardId: ID!, recordId: String!, column: String!): BoardMove!
  }
`;

type Ctx = GraphQLContext;
type BoardParent = BoardSummary & { workspaceId: string };

const ColumnKey = Type.String({ pattern: COLUMN_KEY });
const checkInput = argument(
  'input',
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    recordType: Type.Union(BOARD_RECORD_TYPES.map((type) => Type.Literal(type))),
    columns: Type.Array(
      Type.Object({ key: ColumnKey, name: Type.String({ minLength: 1, maxLength: 100 }) }),
      { minItems: 1, maxItems: 30 },
    ),
  }),
);
const checkLimit = argument('limit', Type.Integer({ minimum: 1, maximum: 200 }));
const checkAfter = argument('after', Type.String({ maxLength: 200 }));
const checkColumn = argument('column', ColumnKey);
const checkRecordId = argument('recordId', Type.String({ minLength: 1, maxLength: 200 }));

const asParent = (board: BoardSummary, workspaceId: string): BoardParent => ({
  ...board,
  workspaceId,
});

interface Page {
  limit?: number | null;
  after?: string | null;
}

function pageOf(args: Page) {
  checkLimit(args.limit);
  checkAfter(args.after);
  return { limit: args.limit ?? 50, cursor: args.after ?? undefined };
}

export const boardResolvers = {
  Workspace: {
    boards: (parent: { id: string }, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const granted = await access(context, parent.id);
        const boards = await listBoards(context.pool, granted.workspaceId);
        return boards.map((board) => asParent(board, granted.workspaceId));
      }),
    board: (parent: { id: string }, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const granted = await access(context, parent.id);
        const board = await getBoardSummary(
          context.pool,
          granted.workspaceId,
          uuidArg('id', args.id),
        );
        return asParent(board, granted.workspaceId);
      }),
  },
  Board: {
    columns: (parent: BoardParent) =>
      parent.columns.map((column) => ({ ...column, count: parent.counts[column.key] ?? 0 })),
    // The board was found in parent.workspaceId, after its access check.
    items: (parent: BoardParent, args: Page & { column?: string | null }, context: Ctx) =>
      guarded(async () => {
        checkColumn(args.column);
        return listBoardItems(context.pool, parent.workspaceId, parent.id, {
          ...pageOf(args),
          column: args.column ?? undefined,
        });
      }),
    history: (parent: BoardParent, args: Page & { recordId?: string | null }, context: Ctx) =>
      guarded(async () => {
        const recordId = args.recordId ? uuidArg('recordId', args.recordId) : undefined;
        return listBoardHistory(context.pool, parent.workspaceId, parent.id, {
          ...pageOf(args),
          recordId,
        });
      }),
  },
  Mutation: {
    createBoard: (
      _parent: unknown,
      args: {
        workspaceId: string;
        input: {
          name: string;
          description?: string | null;
          recordType: (typeof BOARD_RECORD_TYPES)[number];
          columns: { key: string; name: string }[];
        };
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const granted = await access(context, args.workspaceId, 'admin');
        const input = withoutNulls(args.input);
        checkInput(input);
        const created = await createBoard(context.pool, granted.workspaceId, input, granted.userId);
        const board = await getBoardSummary(context.pool, granted.workspaceId, created.id);
        return asParent(board, granted.workspaceId);
      }),
    moveBoardItem: (
      _parent: unknown,
      args: { workspaceId: string; boardId: string; recordId: string; column: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const granted = await access(context, args.workspaceId);
        const boardId = uuidArg('boardId', args.boardId);
        checkRecordId(args.recordId);
        checkColumn(args.column);
        return moveRecordAs(context.pool, granted, boardId, {
          recordId: args.recordId,
          column: args.column,
        });
      }),
  },
};
