/**
 * Meetings uploaded as a file: a JSON array of meetings or a CSV with a header row.
 * Each row is checked on its own; the good ones are stored (source `upload`), the
 * others reported by row and column, so one bad date does not hold back a file of
 * thousands. A row is identified by its `id` column, else by its title and start, so
 * uploading the same file again stores nothing twice.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type pg from 'pg';
import { HttpError } from '../errors.js';
import { storeInboundMeetings } from './inbound.js';
import {
  derivedMeetingId,
  toRecordedCall,
  type InboundMeeting,
  type MeetingInput,
} from './meeting-input.js';

/** Rows per upload: a few years of a team's meetings; more goes in several files. */
export const MAX_UPLOAD_ROWS = 5_000;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Errors listed in the answer; the count says how many there were in all. */
const MAX_LISTED_ERRORS = 100;
/** Meetings stored per transaction. */
const CHUNK = 500;

export interface RowError {
  /** 1 for the first meeting (the first line after a CSV's header). */
  row: number;
  /** The column (CSV) or field (JSON, e.g. `participants.0.email`); null for the whole row. */
  column: string | null;
  message: string;
}

export interface UploadSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not stored: invalid, or a repeat of an earlier row's id in the same file. */
  skipped: number;
  errors: RowError[];
  /** Errors in all (the list stops at 100). */
  errorCount: number;
}

/** A row's problems, by field path (`participants.0.email`); empty when it is a valid meeting. */
export type RowValidator = (row: unknown) => { field: string; message: string }[];

/** CSV headers as written by people: `Started At`, `started_at` and `startedAt` are one column. */
const CSV_COLUMNS: Record<string, keyof MeetingInput> = {
  id: 'id',
  title: 'title',
  startedat: 'startedAt',
  duration: 'duration',
  durationseconds: 'duration',
  participants: 'participants',
  hostemail: 'hostEmail',
  transcript: 'transcript',
  url: 'url',
};
const REQUIRED_CSV_COLUMNS: (keyof MeetingInput)[] = ['title', 'startedAt', 'duration'];

function columnKey(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

/** `Ann Lee <ann@x.com>; bob@y.com`: people separated by semicolons (names may hold commas). */
export function parseParticipants(cell: string): { email: string; name?: string }[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const named = /^(.*?)\s*<([^<>]*)>$/.exec(part);
      if (!named) return { email: part };
      const name = named[1]!.replace(/^"(.*)"$/, '$1').trim();
      return name ? { email: named[2]!.trim(), name } : { email: named[2]!.trim() };
    });
}

function tooMany(): HttpError {
  return new HttpError(
    400,
    'too_many_rows',
    `The file has more than ${MAX_UPLOAD_ROWS} meetings; upload at most ${MAX_UPLOAD_ROWS} at a time`,
    [{ field: 'body', message: `at most ${MAX_UPLOAD_ROWS} rows` }],
  );
}

/**
 * A CSV's rows as meeting objects (still unchecked), or a 400 naming what is wrong with
 * the file as a whole: not CSV, unknown or missing columns, too many rows.
 */
export function csvRows(text: string): Record<string, unknown>[] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      // The header and one row too many are enough to refuse a file that is too long.
      to: MAX_UPLOAD_ROWS + 2,
    }) as string[][];
  } catch (error) {
    const where = error instanceof CsvError && error.lines ? ` (line ${error.lines})` : '';
    throw new HttpError(
      400,
      'malformed_csv',
      `The file is not valid CSV${where}: ${(error as Error).message}`,
      [{ field: 'body', message: (error as Error).message }],
      { cause: error },
    );
  }
  const [header, ...rows] = records;
  if (!header) return [];
  if (rows.length > MAX_UPLOAD_ROWS) throw tooMany();
  const columns = header.map((name, index) => {
    const column = CSV_COLUMNS[columnKey(name)];
    if (!column) {
      throw new HttpError(400, 'validation_failed', `Unknown CSV column "${name}"`, [
        {
          field: `header.${index + 1}`,
          message: `"${name}" is not a column; use ${Object.values(CSV_COLUMNS)
            .filter((c, i, all) => all.indexOf(c) === i)
            .join(', ')}`,
        },
      ]);
    }
    return column;
  });
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length) {
    throw new HttpError(
      400,
      'validation_failed',
      `The CSV needs the columns ${missing.join(', ')}`,
      missing.map((column) => ({ field: `header.${column}`, message: 'is a required column' })),
    );
  }
  return rows.map((cells) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const cell = cells[index]!.trim();
      if (cell === '') return;
      if (column === 'participants') row.participants = parseParticipants(cell);
      else if (column === 'duration') row.duration = /^\d+$/.test(cell) ? Number(cell) : cell;
      else row[column] = cell;
    });
    row.participants ??= [];
    return row;
  });
}

/** A JSON upload: an array of meetings. */
export function jsonRows(body: unknown): unknown[] {
  if (!Array.isArray(body)) {
    throw new HttpError(400, 'validation_failed', 'Send a JSON array of meetings', [
      { field: 'body', message: 'must be an array' },
    ]);
  }
  if (body.length > MAX_UPLOAD_ROWS) throw tooMany();
  return body;
}

/**
 * Checks every row, stores the valid ones and hands them to the linker; answers what
 * happened to each kind of row. `format` says how a problem's place is named:
 * CSV columns by their meeting field's top name, JSON by its full path.
 */
export async function importMeetings(
  deps: { pool: pg.Pool },
  workspaceId: string,
  rows: unknown[],
  validate: RowValidator,
  format: 'csv' | 'json',
): Promise<UploadSummary> {
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  const meetings: InboundMeeting[] = [];
  rows.forEach((row, index) => {
    const number = index + 1;
    const problems = validate(row);
    if (problems.length) {
      for (const problem of problems) {
        const path = problem.field.replace(/^body\.?/, '');
        const column = format === 'csv' ? path.split('.')[0] || null : path || null;
        errors.push({ row: number, column, message: problem.message });
      }
      return;
    }
    const meeting = row as MeetingInput;
    const id = meeting.id ?? derivedMeetingId(meeting.title, meeting.startedAt);
    const earlier = firstRowOf.get(id);
    if (earlier !== undefined) {
      errors.push({
        row: number,
        column: meeting.id ? 'id' : null,
        message: meeting.id
          ? `repeats the id of row ${earlier}; skipped`
          : `repeats the title and start of row ${earlier}; skipped`,
      });
      return;
    }
    firstRowOf.set(id, number);
    meetings.push(toRecordedCall(meeting, id));
  });

  const summary: UploadSummary = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: rows.length - meetings.length,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errorCount: errors.length,
  };
  for (let start = 0; start < meetings.length; start += CHUNK) {
    const stored = await storeInboundMeetings(
      deps,
      workspaceId,
      { source: 'upload', connectionId: null, trigger: 'upload' },
      meetings.slice(start, start + CHUNK),
    );
    summary.created += stored.created;
    summary.updated += stored.updated;
    summary.unchanged += stored.unchanged;
  }
  return summary;
}
