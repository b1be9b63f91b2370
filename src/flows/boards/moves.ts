/**
 * Moving a record on a board: into a column (putting it on the board first if need be),
 * optionally off another board, every change written to `board_history` in the same
 * transaction. A flow's move carries its step's idempotency key: the same step run
 * again (after a crash) finds its move in the history and makes no second one.
 */
import type pg from 'pg';
import { badRequest } from '../../errors.js';
import type { Board } from './store.js';

export interface MoveActor {
  userId: string | null;
  flowRunId?: string;
  stepKey?: string;
}

export interface MoveResult {
  /** The column the record was in before (null: it was not on the board). */
  fromColumn: string | null;
  column: string;
  /** False when it was in that column already (nothing written). */
  moved: boolean;
  /** The column it left on `fromBoard` (null: it was not there). */
  leftColumn: string | null;
  /** True when this step run had made the move already (a resumed run). */
  replayed: boolean;
}

/** Throws 400 `unknown_column` naming the board's columns. */
export function checkColumn(board: Board, column: string): void {
  if (!board.columns.some((c) => c.key === column)) {
    throw badRequest(
      'unknown_column',
      `The board ${JSON.stringify(board.name)} has no column ${JSON.stringify(column)} (its columns: ${board.columns.map((c) => c.key).join(', ')})`,
      { field: 'column' },
    );
  }
}

interface HistoryInsert {
  workspaceId: string;
  boardId: string;
  recordId: string;
  from: string | null;
  to: string | null;
  actor: MoveActor;
  idempotencyKey: string | null;
}

async function record(client: pg.PoolClient, entry: HistoryInsert): Promise<void> {
  await client.query(
    `insert into board_history (workspace_id, board_id, record_id, from_column, to_column,
                                actor_user_id, flow_run_id, step_key, idempotency_key)
     values ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::uuid, $7::uuid, $8::text, $9::text)`,
    [
      entry.workspaceId,
      entry.boardId,
      entry.recordId,
      entry.from,
      entry.to,
      entry.actor.userId,
      entry.actor.flowRunId ?? null,
      entry.actor.stepKey ?? null,
      entry.idempotencyKey,
    ],
  );
}

/**
 * Moves `recordId` (Pandora's id, of the board's record type, already checked) to
 * `column` of `board`, in the caller's transaction. `fromBoard`: the record also leaves
 * that board (a transfer).
 */
export async function moveRecord(
  client: pg.PoolClient,
  input: {
    workspaceId: string;
    board: Board;
    recordId: string;
    column: string;
    fromBoard?: Board | null;
    actor: MoveActor;
    idempotencyKey?: string | null;
  },
): Promise<MoveResult> {
  const { workspaceId, board, recordId, column } = input;
  checkColumn(board, column);
  const key = input.idempotencyKey ?? null;
  if (key) {
    const { rows } = await client.query<{
      boardId: string;
      from: string | null;
      to: string | null;
    }>(
      `select board_id as "boardId", from_column as "from", to_column as "to"
         from board_history
        where workspace_id = $1::uuid and idempotency_key = $2::text`,
      [workspaceId, key],
    );
    const here = rows.find((row) => row.boardId === board.id);
    if (here) {
      const left = input.fromBoard ? rows.find((row) => row.boardId === input.fromBoard!.id) : null;
      return {
        fromColumn: here.from,
        column: here.to ?? column,
        moved: true,
        leftColumn: left?.from ?? null,
        replayed: true,
      };
    }
  }

  // Locks the item (or, for a record not on the board yet, the insert's conflict does).
  let { rows } = await client.query<{ column: string }>(
    `select column_key as "column" from board_items
      where board_id = $1::uuid and record_id = $2::uuid for update`,
    [board.id, recordId],
  );
  let fromColumn: string | null = rows[0]?.column ?? null;
  let moved = false;
  if (!rows[0]) {
    ({ rows } = await client.query<{ column: string }>(
      `insert into board_items (workspace_id, board_id, record_id, column_key)
       values ($1::uuid, $2::uuid, $3::uuid, $4::text)
       on conflict (board_id, record_id) do nothing
       returning column_key as "column"`,
      [workspaceId, board.id, recordId, column],
    ));
    if (rows[0]) {
      moved = true;
    } else {
      // Someone put it on the board meanwhile: move it from where they put it.
      ({ rows } = await client.query<{ column: string }>(
        `select column_key as "column" from board_items
          where board_id = $1::uuid and record_id = $2::uuid for update`,
        [board.id, recordId],
      ));
      fromColumn = rows[0]!.column;
    }
  }
  if (!moved && fromColumn !== column) {
    await client.query(
      `update board_items set column_key = $3::text, moved_at = now()
        where board_id = $1::uuid and record_id = $2::uuid`,
      [board.id, recordId, column],
    );
    moved = true;
  }
  if (moved) {
    await record(client, {
      workspaceId,
      boardId: board.id,
      recordId,
      from: fromColumn,
      to: column,
      actor: input.actor,
      idempotencyKey: key,
    });
  }

  let leftColumn: string | null = null;
  if (input.fromBoard && input.fromBoard.id !== board.id) {
    const left = await client.query<{ column: string }>(
      `delete from board_items where board_id = $1::uuid and record_id = $2::uuid
       returning column_key as "column"`,
      [input.fromBoard.id, recordId],
    );
    leftColumn = left.rows[0]?.column ?? null;
    if (leftColumn) {
      await record(client, {
        workspaceId,
        boardId: input.fromBoard.id,
        recordId,
        from: leftColumn,
        to: null,
        actor: input.actor,
        idempotencyKey: key,
      });
    }
  }
  return { fromColumn, column, moved, leftColumn, replayed: false };
}
