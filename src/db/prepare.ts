import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { migrateJobQueue } from '../jobs/queue.js';
import { openDatabase, type Database } from './connect.js';
import { migrate } from './migrate.js';

/** Opens the database and brings it (and the queue's schema) up to date. */
export async function prepareDatabase(
  config: Config,
  log: Logger,
  poolSize?: number,
): Promise<Database> {
  const db = await openDatabase(config, log, poolSize);
  try {
    const result = await migrate(db.pool);
    if (result.applied.length) log.info({ applied: result.applied }, 'migrations applied');
    await migrateJobQueue(db.pool);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
