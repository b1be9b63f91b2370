import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { prepareDatabase } from '../db/prepare.js';
import { HttpError } from '../errors.js';
import { findWorkspaceBySlug, getWorkspace, type Workspace } from '../tenancy/workspaces.js';

/** Runs a one-shot command against the database, closing it whatever happens. */
export async function withDatabase<T>(
  config: Config,
  log: Logger,
  fn: (pool: pg.Pool) => Promise<T>,
): Promise<T> {
  const db = await prepareDatabase(config, log, 4);
  try {
    return await fn(db.pool);
  } finally {
    await db.close();
  }
}

/** The workspace a command names by slug or id. */
export async function resolveWorkspace(pool: pg.Pool, ref: string): Promise<Workspace> {
  const bySlug = await findWorkspaceBySlug(pool, ref);
  if (bySlug) return bySlug;
  if (/^[0-9a-f-]{36}$/i.test(ref)) return getWorkspace(pool, ref);
  throw new HttpError(404, 'not_found', `No workspace with slug or id "${ref}"`);
}
