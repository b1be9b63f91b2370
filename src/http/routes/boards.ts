import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getBoardSummary, moveRecordAs, requireBoard } from '../../flows/boards/service.js';
import {
  BOARD_RECORD_TYPES,
  COLUMN_KEY,
  createBoard,
  listBoardHistory,
  listBoardItems,
  listBoards,
} from '../../flows/boards/store.js';
import type { AppContext } from '../context.js';
import { errorResponses, PageLimit, pageSize, strictObject, Timestamp, Uuid } from '../schemas.js';

const RecordType = Type.Union(BOARD_RECORD_TYPES.map((type) => Type.Literal(type)));
const ColumnKey = Type.String({ pattern: COLUMN_KEY, description: 'a-z, 0-9, _ and -' });
const Column = Type.Object({ key: ColumnKey, name: Type.String({ minLength: 1, maxLength: 100 }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const BoardSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  recordType: RecordType,
  columns: Type.Array(Column),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'Items per column key' }),
  itemCount: Type.Integer(),
});
const ItemSchema = Type.Object({
  id: Uuid,
  recordType: RecordType,
  recordId: Uuid,
  recordName: Nullable(Type.String()),
  column: Type.String(),
  addedAt: Timestamp,
  movedAt: Timestamp,
});
const HistorySchema = Type.Object({
  id: Uuid,
  recordType: RecordType,
  recordId: Uuid,
  recordName: Nullable(Type.String()),
  fromColumn: Nullable(Type.String({ description: 'null: put on the board' })),
  toColumn: Nullable(Type.String({ description: 'null: moved to another board' })),
  actorUserId: Nullable(Uuid),
  flowRunId: Nullable(Uuid),
  flowId: Nullable(Uuid),
  stepKey: Nullable(Type.String()),
  createdAt: Timestamp,
});
const BoardParams = Type.Object({ boardId: Uuid });
const Cursor = Type.Optional(Type.String({ maxLength: 200 }));

/**
 * Boards of records: members read them and move their own records; admins create boards
 * and move any record. Flows move records with the move_to_board step.
 */
export function boardRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/boards';
  const tags = ['boards'];
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listBoards',
          tags,
          summary: 'List boards',
          description: 'The workspace boards by name, with how many records each column holds.',
          response: { 200: Type.Object({ boards: Type.Array(BoardSchema) }) },
        },
      },
      async (request) => ({ boards: await listBoards(ctx.pool, request.access.workspaceId) }),
    );

    app.post(
      base,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createBoard',
          tags,
          summary: 'Create a board',
          description:
            'A board of deals, contacts or accounts with its columns in order; 409 board_exists when the name is taken.',
          body: strictObject({
            name: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            recordType: RecordType,
            columns: Type.Array(Column, { minItems: 1, maxItems: 30 }),
          }),
          response: { 201: Type.Object({ board: BoardSchema }), ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const { workspaceId, userId } = request.access;
        const created = await createBoard(ctx.pool, workspaceId, request.body, userId);
        return reply
          .status(201)
          .send({ board: await getBoardSummary(ctx.pool, workspaceId, created.id) });
      },
    );

    app.get(
      `${base}/:boardId`,
      {
        schema: {
          operationId: 'getBoard',
          tags,
          summary: 'Get a board',
          description: 'The board with its columns and their counts.',
          params: BoardParams,
          response: { 200: Type.Object({ board: BoardSchema }) },
        },
      },
      async (request) => ({
        board: await getBoardSummary(ctx.pool, request.access.workspaceId, request.params.boardId),
      }),
    );

    app.get(
      `${base}/:boardId/items`,
      {
        schema: {
          operationId: 'listBoardItems',
          tags,
          summary: 'List board items',
          description:
            'The records on the board, the most recently moved first, with keyset pagination (pass `nextCursor` as `cursor`).',
          params: BoardParams,
          querystring: Type.Object({
            column: Type.Optional(ColumnKey),
            limit: PageLimit(200, 50),
            cursor: Cursor,
          }),
          response: {
            200: Type.Object({
              items: Type.Array(ItemSchema),
              nextCursor: Nullable(Type.String()),
            }),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        await requireBoard(ctx.pool, workspaceId, request.params.boardId);
        return listBoardItems(
          ctx.pool,
          workspaceId,
          request.params.boardId,
          pageSize(request.query, 50),
        );
      },
    );

    app.post(
      `${base}/:boardId/items`,
      {
        schema: {
          operationId: 'moveBoardItem',
          tags,
          summary: 'Move a record on a board',
          description:
            "Puts a record (Pandora's or the CRM's id) in a column, or moves it there, and records the move. Members move only records they own (403 record_out_of_scope).",
          params: BoardParams,
          body: strictObject({
            recordId: Type.String({ minLength: 1, maxLength: 200 }),
            column: ColumnKey,
          }),
          response: {
            200: Type.Object({
              recordId: Uuid,
              column: Type.String(),
              fromColumn: Nullable(Type.String()),
              moved: Type.Boolean(),
            }),
            ...errorResponses(403),
          },
        },
      },
      async (request) =>
        moveRecordAs(ctx.pool, request.access, request.params.boardId, request.body),
    );

    app.get(
      `${base}/:boardId/history`,
      {
        schema: {
          operationId: 'listBoardHistory',
          tags,
          summary: 'List board history',
          description:
            'Every move on the board, newest first (who or which flow run made it); `recordId` narrows to one record.',
          params: BoardParams,
          querystring: Type.Object({
            recordId: Type.Optional(Uuid),
            limit: PageLimit(200, 50),
            cursor: Cursor,
          }),
          response: {
            200: Type.Object({
              entries: Type.Array(HistorySchema),
              nextCursor: Nullable(Type.String()),
            }),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        await requireBoard(ctx.pool, workspaceId, request.params.boardId);
        return listBoardHistory(
          ctx.pool,
          workspaceId,
          request.params.boardId,
          pageSize(request.query, 50),
        );
      },
    );
  };
}
