import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Gong's list cursors are signed JWTs (HS256) carrying the page and an expiry. The
 * emulator's carry the offset, the expiry and a hash of the request they continue: a
 * POST list is continued by re-sending the same body with the cursor, and a cursor
 * sent with another filter is refused.
 */
interface CursorPayload {
  offset: number;
  exp: number;
  q: string;
}

export type CursorVerdict =
  { ok: true; offset: number } | { ok: false; reason: 'invalid' | 'expired' };

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256' }));

export class CursorSigner {
  private readonly key = randomBytes(32);

  /** The hash of what a cursor continues: the request's body without its cursor. */
  static queryHash(scope: string, body: unknown): string {
    return createHash('sha256')
      .update(scope)
      .update(JSON.stringify(body ?? null))
      .digest('base64url')
      .slice(0, 22);
  }

  sign(payload: CursorPayload): string {
    const body = b64(JSON.stringify(payload));
    return `${HEADER}.${body}.${this.mac(`${HEADER}.${body}`)}`;
  }

  verify(cursor: string, query: string, nowMs: number): CursorVerdict {
    const [header, body, mac] = cursor.split('.');
    if (!header || !body || !mac) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.mac(`${header}.${body}`));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'invalid' };
    }
    let payload: CursorPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (payload.q !== query || !Number.isInteger(payload.offset) || payload.offset < 0) {
      return { ok: false, reason: 'invalid' };
    }
    if (payload.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, offset: payload.offset };
  }

  private mac(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
