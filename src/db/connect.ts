import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { createPool } from './pool.js';

export interface Database {
  url: string;
  pool: pg.Pool;
  embedded: boolean;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

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
      await pool.end().catch((error: unknown) => log.warn({ err: error }, 'closing the pool'));
      await server?.stop();
    },
  };
}
