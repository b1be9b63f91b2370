/**
 * Boards as REST and GraphQL serve them: a board by id (404 otherwise), and moving a
 * record by hand with the caller's rights (members move only records they own).
 */
import type pg from 'pg';
import { withTransaction, type Queryable } from '../../db/pool.js';
import { forbidden, HttpError, notFound } from '../../errors.js';
import { resolveRecord } from '../steps/records.js';
import { FlowStepError } from '../types.js';
import { moveRecord } from './moves.js';
import { findBoard, listBoards, type Board, type BoardSummary } from './store.js';

export interface BoardCaller {
  workspaceId: string;
  role: 'admin' | 'member';
  /** Null for an API key. */
  userId: string | null;
}

/** The board with its column counts, or 404. */
export async function getBoardSummary(
  db: Queryable,
  workspaceId: string,
  boardId: string,
): Promise<BoardSummary> {
  const board = (await listBoards(db, workspaceId)).find((b) => b.id === boardId);
  if (!board) throw notFound('board', boardId);
  return board;
}

/** The board by its id only (not by name), or 404. */
export async function requireBoard(
  db: Queryable,
  workspaceId: string,
  boardId: string,
): Promise<Board> {
  const board = await findBoard(db, workspaceId, boardId);
  if (!board || board.id !== boardId) throw notFound('board', boardId);
  return board;
}

export interface ManualMove {
  recordId: string;
  column: string;
  fromColumn: string | null;
  moved: boolean;
}

/**
 * Puts a record (Pandora's or the CRM's id) in a column of the board, recorded in its
 * history as the caller's move. A member moves only records they own: 403
 * record_out_of_scope; a member API key acts for no one (403).
 */
export async function moveRecordAs(
  pool: pg.Pool,
  caller: BoardCaller,
  boardId: string,
  input: { recordId: string; column: string },
): Promise<ManualMove> {
  const { workspaceId, role, userId } = caller;
  const board = await requireBoard(pool, workspaceId, boardId);
  if (role !== 'admin' && !userId) {
    throw forbidden('A member API key acts for no one: sign in to move your own records');
  }
  const record = await resolveRecord(
    pool,
    { workspaceId, scopeUserId: role === 'admin' ? null : userId },
    board.recordType,
    input.recordId,
  ).catch((error: unknown) => {
    if (error instanceof FlowStepError && error.category === 'permission') {
      throw new HttpError(403, 'record_out_of_scope', error.message, undefined, { cause: error });
    }
    if (error instanceof FlowStepError) {
      throw new HttpError(404, 'not_found', error.message, undefined, { cause: error });
    }
    throw error;
  });
  const result = await withTransaction(pool, (client) =>
    moveRecord(client, {
      workspaceId,
      board,
      recordId: record.id,
      column: input.column,
      actor: { userId },
    }),
  );
  return {
    recordId: record.id,
    column: result.column,
    fromColumn: result.fromColumn,
    moved: result.moved,
  };
}
