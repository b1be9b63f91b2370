import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { createPool } from '../../src/db/pool.js';
import { migrate } from '../../src/db/migrate.js';
import { migrateJobQueue } from '../../src/jobs/queue.js';

export interface BenchDatabase {
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** A migrated database: BENCH_DATABASE_URL's, or a throwaway embedded server. */
export async function benchDatabase(): Promise<BenchDatabase> {
  let url = process.env.BENCH_DATABASE_URL;
  let dataDir: string | undefined;
  let stopServer = async () => undefined as void;
  if (!url) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-bench-'));
    const server = await startEmbeddedPostgres({ dataDir });
    url = server.url;
    stopServer = () => server.stop();
  }
  const pool = createPool(url, 20);
  await migrate(pool);
  await migrateJobQueue(pool);
  return {
    pool,
    url,
    async close() {
      await pool.end();
      await stopServer();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
