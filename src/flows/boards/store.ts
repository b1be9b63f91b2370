/**
 * Boards of records (migrations/031_boards.sql): create and list boards, page through a
 * board's items and its history. Moving records is moves.ts.
 */
import type { Queryable } from '../../db/pool.js';
import { PgCode, pgErrorCode } from '../../db/pool.js';
import { badRequest, conflict } from '../../errors.js';

export const BOARD_RECORD_TYPES = ['deal', 'contact', 'account'] as const;
export type BoardRecordType = (typeof BOARD_RECORD_TYPES)[number];

export interface BoardColumn {
  key: string;
  name: string;
}

export interface Board {
  id: string;
  name: string;
  description: string | null;
  recordType: BoardRecordType;
  columns: BoardColumn[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BoardSummary extends Board {
  /** Items per column key (every column listed, 0 when empty). */
  counts: Record<string, number>;
  itemCount: number;
}

export const COLUMN_KEY = '^[a-z0-9][a-z0-9_-]{0,63}$';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const BOARD_COLUMNS = `b.id, b.name, b.description, b.record_type as "recordType", b.columns,
  b.created_by as "createdBy", b.created_at as "createdAt", b.updated_at as "updatedAt"`;

export async function createBoard(
  db: Queryable,
  workspaceId: string,
  input: {
    name: string;
    description?: string;
    recordType: BoardRecordType;
    columns: BoardColumn[];
  },
  userId: string | null,
): Promise<Board> {
  const seen = new Set<string>();
  input.columns.forEach((column, index) => {
    if (seen.has(column.key)) {
      throw badRequest('invalid_board', `Two columns have the key ${column.key}`, [
        { field: `columns[${index}].key`, message: 'must be unique in the board' },
      ]);
    }
    seen.add(column.key);
  });
  try {
    const { rows } = await db.query<Board>(
      `insert into boards as b (workspace_id, name, description, record_type, columns, created_by)
       values ($1::uuid, $2::text, $3::text, $4::text, $5::jsonb, $6::uuid)
       returning ${BOARD_COLUMNS}`,
      [
        workspaceId,
        input.name.trim(),
        input.description ?? null,
        input.recordType,
        JSON.stringify(input.columns.map(({ key, name }) => ({ key, name }))),
        userId,
      ],
    );
    return rows[0]!;
  } catch (error) {
    if (pgErrorCode(error) === PgCode.uniqueViolation) {
      throw conflict('board_exists', `A board named ${JSON.stringify(input.name)} exists already`, {
        field: 'name',
      });
    }
    throw error;
  }
}

export async function listBoards(db: Queryable, workspaceId: string): Promise<BoardSummary[]> {
  const { rows } = await db.query<Board & { counts: Record<string, number> | null }>(
    `select ${BOARD_COLUMNS},
            (select jsonb_object_agg(c.column_key, c.n)
               from (select column_key, count(*)::int as n from board_items
                     where board_id = b.id group by column_key) c) as counts
       from boards b
      where b.workspace_id = $1::uuid
      order by lower(b.name), b.id`,
    [workspaceId],
  );
  return rows.map(({ counts, ...row }) => {
    const board = row;
    const perColumn = Object.fromEntries(
      board.columns.map((column) => [column.key, counts?.[column.key] ?? 0]),
    );
    return {
      ...board,
      counts: perColumn,
      itemCount: Object.values(perColumn).reduce((sum, n) => sum + n, 0),
    };
  });
}

/** A board of the workspace by its id, or else by its name (any case); null when none. */
export async function findBoard(
  db: Queryable,
  workspaceId: string,
  ref: string,
): Promise<Board | null> {
  const { rows } = await db.query<Board>(
    `select ${BOARD_COLUMNS} from boards b
      where b.workspace_id = $1::uuid
        and (($2::uuid is not null and b.id = $2::uuid) or lower(b.name) = lower($3::text))
      order by (b.id = $2::uuid) desc nulls last
      limit 1`,
    [workspaceId, UUID.test(ref) ? ref : null, ref.trim()],
  );
  return rows[0] ?? null;
}

/**
 * A keyset cursor: the last row's time in microseconds since the epoch (a JS date would
 * drop Postgres's microseconds and skip rows) and its id, opaque to clients.
 */
export function encodeCursor(micros: string, id: string): string {
  return Buffer.from(JSON.stringify([micros, id])).toString('base64url');
}

/** The cursor's time as SQL: `$n` holds the microseconds. */
const CURSOR_TIME = (param: string) =>
  `('epoch'::timestamptz + ${param}::bigint * interval '1 microsecond')`;
const MICROS = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text`;

export function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      /^\d{1,18}$/.test(value[0]) &&
      typeof value[1] === 'string' &&
      UUID.test(value[1])
    ) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', 'cursor is not a cursor this API returned', {
    field: 'cursor',
  });
}

/** The record's display name, by the board's record type. */
const RECORD_NAME = (alias: string, type: string) => `case ${type}
  when 'deal' then (select d.name from deals d
                    where d.id = ${alias}.record_id and d.workspace_id = ${alias}.workspace_id)
  when 'account' then (select a.name from accounts a
                       where a.id = ${alias}.record_id and a.workspace_id = ${alias}.workspace_id)
  else (select coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email,
                        c.source_id)
        from contacts c where c.id = ${alias}.record_id and c.workspace_id = ${alias}.workspace_id)
  end`;

export interface BoardItem {
  id: string;
  recordType: BoardRecordType;
  recordId: string;
  /** Null when the record is gone from Pandora. */
  recordName: string | null;
  column: string;
  addedAt: string;
  movedAt: string;
}

/** A board's items, the most recently moved first; `cursor` continues a page. */
export async function listBoardItems(
  db: Queryable,
  workspaceId: string,
  boardId: string,
  options: { column?: string; limit: number; cursor?: string },
): Promise<{ items: BoardItem[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const { rows } = await db.query<BoardItem & { micros: string }>(
    `select i.id, b.record_type as "recordType", i.record_id as "recordId",
            ${RECORD_NAME('i', 'b.record_type')} as "recordName",
            i.column_key as "column", i.added_at as "addedAt", i.moved_at as "movedAt",
            ${MICROS('i.moved_at')} as micros
       from board_items i join boards b on b.id = i.board_id
      where i.workspace_id = $1::uuid and i.board_id = $2::uuid
        and ($3::text is null or i.column_key = $3::text)
        and ($4::text is null or (i.moved_at, i.id) < (${CURSOR_TIME('$4')}, $5::uuid))
      order by i.moved_at desc, i.id desc
      limit $6::int`,
    [
      workspaceId,
      boardId,
      options.column ?? null,
      after?.at ?? null,
      after?.id ?? null,
      options.limit + 1,
    ],
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ micros: _micros, ...row }) => row),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.micros, last.id) : null,
  };
}

export interface BoardHistoryEntry {
  id: string;
  recordType: BoardRecordType;
  recordId: string;
  recordName: string | null;
  /** Null: put on the board. */
  fromColumn: string | null;
  /** Null: taken off the board (moved to another). */
  toColumn: string | null;
  actorUserId: string | null;
  flowRunId: string | null;
  flowId: string | null;
  stepKey: string | null;
  createdAt: string;
}

/** A board's moves, newest first; `recordId` narrows to one record. */
export async function listBoardHistory(
  db: Queryable,
  workspaceId: string,
  boardId: string,
  options: { recordId?: string; limit: number; cursor?: string },
): Promise<{ entries: BoardHistoryEntry[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const { rows } = await db.query<BoardHistoryEntry & { micros: string }>(
    `select h.id, b.record_type as "recordType", h.record_id as "recordId",
            ${RECORD_NAME('h', 'b.record_type')} as "recordName",
            h.from_column as "fromColumn", h.to_column as "toColumn",
            h.actor_user_id as "actorUserId", h.flow_run_id as "flowRunId",
            r.flow_id as "flowId", h.step_key as "stepKey", h.created_at as "createdAt",
            ${MICROS('h.created_at')} as micros
       from board_history h
       join boards b on b.id = h.board_id
       left join flow_runs r on r.id = h.flow_run_id
      where h.workspace_id = $1::uuid and h.board_id = $2::uuid
        and ($3::uuid is null or h.record_id = $3::uuid)
        and ($4::text is null or (h.created_at, h.id) < (${CURSOR_TIME('$4')}, $5::uuid))
      order by h.created_at desc, h.id desc
      limit $6::int`,
    [
      workspaceId,
      boardId,
      options.recordId ?? null,
      after?.at ?? null,
      after?.id ?? null,
      options.limit + 1,
    ],
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ micros: _micros, ...row }) => row),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.micros, last.id) : null,
  };
}
