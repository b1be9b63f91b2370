import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { migrationsDir } from '../paths.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** Reads `migrations/NNN_name.sql` in order; ids must be unique and contiguous from 1. */
export async function loadMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file name "${file}" must look like 001_name.sql`);
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({
      id: Number(match[1]),
      name: match[2]!,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) {
      throw new Error(`Migration ${label(migration)} is out of sequence`);
    }
  });
  return migrations;
}

function label(migration: Migration): string {
  return `${String(migration.id).padStart(3, '0')}_${migration.name}`;
}

// Any constant will do; it only has to be the same for every Pandora process.
const BOOTSTRAP_LOCK = 7_236_100;

export interface MigrateResult {
  applied: string[];
  latest: number;
}

/**
 * Applies pending migrations, each in its own transaction. Safe when several
 * processes start at once: each migration's row is inserted first, so a second
 * process blocks on that row until the first commits, then sees the conflict
 * and skips the migration.
 */
export async function migrate(pool: pg.Pool, dir = migrationsDir): Promise<MigrateResult> {
  const migrations = await loadMigrations(dir);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1::bigint)', [BOOTSTRAP_LOCK]);
    await client.query(`
      create table if not exists pandora_migrations (
        id integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
    await client.query('commit');

    for (const migration of migrations) {
      await client.query('begin');
      try {
        const { rows } = await client.query<{ checksum: string }>(
          `insert into pandora_migrations (id, name, checksum) values ($1::int, $2::text, $3::text)
           on conflict (id) do nothing
           returning checksum`,
          [migration.id, migration.name, migration.checksum],
        );
        if (rows.length === 1) {
          await client.query(migration.sql);
          applied.push(label(migration));
        } else {
          await assertUnchanged(client, migration);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw new Error(`Migration ${label(migration)} failed: ${String(error)}`, {
          cause: error,
        });
      }
    }
  } finally {
    client.release();
  }
  return { applied, latest: migrations.at(-1)?.id ?? 0 };
}

async function assertUnchanged(client: pg.PoolClient, migration: Migration): Promise<void> {
  const { rows } = await client.query<{ checksum: string }>(
    'select checksum from pandora_migrations where id = $1::int',
    [migration.id],
  );
  if (rows[0] && rows[0].checksum !== migration.checksum) {
    throw new Error(
      `was edited after it was applied; migrations are forward-only, add a new file instead`,
    );
  }
}

/** The id of the newest applied migration, or 0 on an empty database. */
export async function appliedVersion(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ version: number | null }>(
    `select max(id) as version from pandora_migrations`,
  );
  return rows[0]?.version ?? 0;
}
