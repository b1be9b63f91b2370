import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { createPool } from './pool.js';
import { TIMED_OUT, within } from '../timeout.js';

export interface Database {
  url: string;
  pool: pg.Pool;
  embedded: boolean;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
  /** Stops the embedded server this process started at once (a forced exit); see EmbeddedPostgres. */
  stopNow(): void;
}

/**
 * pool.end() waits for every checked-out client to come back. A query stuck on a
 * server that died, or a job still holding a client, must not keep the embedded
 * server from being stopped after it.
 */
const POOL_END_TIMEOUT_MS = 5_000;

const MIN_SERVER_VERSION = 140000;

/** Connects to DATABASE_URL, or starts/joins the embedded PostgreSQL in the data folder. */
export async function openDatabase(config: Config, log: Logger, poolSize = 10): Promise<Database> {
  let server: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      log: (message) => log.info({ component: 'postgres' }, message),
    });
    url = server.url;
  }
  const pool = createPool(url, poolSize);
  try {
    const { rows } = await pool.query<{ version: string }>(
      `select current_setting('server_version_num') as version`,
    );
    const version = Number(rows[0]?.version);
    if (version < MIN_SERVER_VERSION) {
      throw new Error(`Pandora needs PostgreSQL 14 or newer; this server is ${version}`);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    await server?.stop();
    throw error;
  }
  return {
    url,
    pool,
    embedded: Boolean(server),
    async close() {
      const ended = await within(
        pool.end().catch((error: unknown) => log.warn({ err: error }, 'closing the pool')),
        POOL_END_TIMEOUT_MS,
      );
      if (ended === TIMED_OUT) log.warn('the pool did not close in time');
      await server?.stop();
    },
    stopNow() {
      server?.stopNow();
    },
  };
}
