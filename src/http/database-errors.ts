/**
 * Postgres refusals that a request caused, by SQLSTATE (never by message text): a value
 * the database cannot hold (class 22, data exceptions) or a rule it breaks (class 23,
 * integrity constraints) is a 400 or 409 naming what Postgres names, not a 500.
 * Validation should have caught each of them first; these are the backstop.
 */
import { PgCode, pgErrorCode } from '../db/pool.js';
import { HttpError } from '../errors.js';

/** The fields of a Postgres error that name the place, when the server sends them. */
interface PgErrorFields {
  column?: string;
  constraint?: string;
  table?: string;
  dataType?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

// Data exceptions a request's values cause, with what to tell the caller.
const DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'A text value in the request is longer than allowed',
  '22003': 'A number in the request is out of range',
  '22007': 'A date or time in the request is not valid',
  '22008': 'A date or time in the request is out of range',
  '22021': 'A text value in the request holds a character that cannot be stored (such as \\u0000)',
  '22P05': 'A text value in the request holds a character that cannot be stored (such as \\u0000)',
  [PgCode.invalidTextRepresentation]: 'A value in the request has the wrong format',
  '22025': 'A text value in the request has an invalid escape',
  '2201B': 'A pattern in the request is not a valid regular expression',
};

/** What Postgres says about where, without its message text. */
function placeOf(error: PgErrorFields): Record<string, string> {
  const place: Record<string, string> = {};
  if (error.column) place.column = error.column;
  if (error.constraint) place.constraint = error.constraint;
  if (error.table) place.table = error.table;
  if (error.dataType) place.dataType = error.dataType;
  return place;
}

/** The answer to a Postgres error a request caused; undefined for anything else. */
export function databaseRefusal(error: unknown): HttpError | undefined {
  const code = pgErrorCode(error);
  if (!code || !SQLSTATE.test(code)) return undefined;
  const fields = error as PgErrorFields;
  const details = { sqlstate: code, ...placeOf(fields) };
  if (code.startsWith('22')) {
    const message = DATA_EXCEPTIONS[code] ?? 'A value in the request cannot be stored';
    const column = fields.column ? ` (${fields.column})` : '';
    return new HttpError(400, 'invalid_value', `${message}${column}`, details, { cause: error });
  }
  switch (code) {
    case PgCode.checkViolation:
      // A rule of the schema a request got past: a client error, never a 500.
      return new HttpError(
        400,
        'invalid_value',
        `A value in the request is outside what is allowed${fields.constraint ? ` (${fields.constraint})` : ''}`,
        details,
        { cause: error },
      );
    case PgCode.notNullViolation:
      return new HttpError(
        400,
        'invalid_value',
        `A required value is missing${fields.column ? ` (${fields.column})` : ''}`,
        details,
        { cause: error },
      );
    case PgCode.foreignKeyViolation:
      return new HttpError(
        400,
        'invalid_reference',
        'The request refers to something that does not exist (or no longer does)',
        details,
        { cause: error },
      );
    case PgCode.uniqueViolation:
      return new HttpError(409, 'conflict', 'That already exists', details, { cause: error });
    default:
      return undefined;
  }
}
