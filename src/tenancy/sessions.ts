import type { Queryable } from '../db/pool.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'pandora_session';

/** Starts a console session; returns the cookie value (the only copy of the token). */
export async function createSession(
  db: Queryable,
  userId: string,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('ps_');
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.query(
    `insert into sessions (token_hash, user_id, expires_at) values ($1::text, $2::uuid, $3::timestamptz)`,
    [hashToken(token), userId, expiresAt],
  );
  return { token, expiresAt };
}

/** The user id of a live session, refreshing its last-seen time at most once a minute. */
export async function resolveSession(db: Queryable, token: string): Promise<string | undefined> {
  const { rows } = await db.query<{ userId: string }>(
    `with live as (
       select token_hash, user_id from sessions
       where token_hash = $1::text and expires_at > now()
     ), touched as (
       update sessions s set last_seen_at = now()
       from live where s.token_hash = live.token_hash and s.last_seen_at < now() - interval '1 minute'
     )
     select user_id as "userId" from live`,
    [hashToken(token)],
  );
  return rows[0]?.userId;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1::text', [hashToken(token)]);
}

/** Deletes expired sessions; returns how many. */
export async function pruneSessions(db: Queryable): Promise<number> {
  const { rowCount } = await db.query('delete from sessions where expires_at <= now()');
  return rowCount ?? 0;
}
