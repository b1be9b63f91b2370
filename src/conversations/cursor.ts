import { badRequest } from '../errors.js';

/**
 * Keyset cursors for the meeting lists: the sort values of a page's last row, then its
 * id, as base64url JSON. Opaque to clients; checked on the way back in.
 */
export function encodeCursor(values: (string | number)[], id: string): string {
  return Buffer.from(JSON.stringify([...values, id])).toString('base64url');
}

/** The values (as many as `shape` says, each of the type it says) and the id. */
export function decodeCursor(
  cursor: string,
  shape: readonly ('string' | 'number')[],
): { values: (string | number)[]; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === shape.length + 1 &&
      shape.every((type, i) => typeof value[i] === type) &&
      typeof value[shape.length] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value[shape.length])
    ) {
      const values = value.slice(0, shape.length) as (string | number)[];
      if (values.every((v) => typeof v !== 'string' || !Number.isNaN(Date.parse(v)))) {
        return { values, id: value[shape.length] as string };
      }
    }
  } catch {
    // answered below
  }
  throw badRequest('invalid_cursor', 'after is not a cursor this API returned', {
    field: 'after',
  });
}
