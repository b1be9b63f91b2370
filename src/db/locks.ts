import type pg from 'pg';

/** Every advisory lock namespace in one place, so two kinds of lock never collide. */
export const LOCKS = {
  /** One execute or undo per action at a time. */
  action: 0x5a1c7,
  /** One runner per action batch. */
  actionBatch: 0x5a1c8,
  /** One reconciler of pending CRM writes per connection. */
  reconcile: 0x5a1c9,
  /** One runner per write-back run. */
  writebackRun: 0x5a1ca,
  /** One undo per flow step run at a time. */
  flowStepUndo: 0x5a1f1,
} as const;

/**
 * Session-level advisory locks: held on one connection until released, and freed by
 * Postgres when the session ends, so a process that dies never leaves one behind.
 * A lock is a namespace (one per kind of thing locked) and a key within it.
 */
export async function tryLock(client: pg.PoolClient, space: number, key: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(
    `select pg_try_advisory_lock($1::integer, hashtext($2::text)) as ok`,
    [space, key],
  );
  return rows[0]!.ok;
}

export async function unlock(client: pg.PoolClient, space: number, key: string): Promise<void> {
  await client.query(`select pg_advisory_unlock($1::integer, hashtext($2::text))`, [space, key]);
}

/** Runs `fn` holding the lock, or answers `busy()` at once when another session holds it. */
export async function withTryLock<T>(
  pool: pg.Pool,
  space: number,
  key: string,
  fn: () => Promise<T>,
  busy: () => T | Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    if (!(await tryLock(client, space, key))) return await busy();
    try {
      return await fn();
    } finally {
      await unlock(client, space, key);
    }
  } finally {
    client.release();
  }
}
