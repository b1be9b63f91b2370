import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { createPool } from './pool.js';
import { migrate } from './migrate.js';

async function migrationsFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pandora-migrations-'));
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql);
  return dir;
}

describe('migrations', () => {
  it('apply once even when several processes start at the same moment', async () => {
    const { url } = await createTestDatabase();
    // A fresh schema of our own so the template's migrations table is not in the way.
    const schema = `m_${Date.now()}`;
    const admin = createPool(url, 1);
    await admin.query(`create schema ${schema}`);
    const dir = await migrationsFolder({
      '001_first.sql': `create table ${schema}.counter (n int); insert into ${schema}.counter values (1);`,
      '002_second.sql': `update ${schema}.counter set n = n + 1; select pg_sleep(0.2);`,
    });
    const pools = Array.from({ length: 4 }, () =>
      createPool(`${url}?options=-csearch_path%3D${schema}`, 2),
    );
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool, dir)));
      expect(results.flatMap((result) => result.applied).sort()).toEqual([
        '001_first',
        '002_second',
      ]);
      const { rows } = await admin.query<{ n: number }>(`select n from ${schema}.counter`);
      expect(rows[0]!.n).toBe(2);
    } finally {
      await Promise.all([...pools, admin].map((pool) => pool.end()));
    }
  });

  it('roll back a failing migration whole and report it', async () => {
    const { url } = await createTestDatabase();
    const schema = `f_${Date.now()}`;
    const pool = createPool(`${url}?options=-csearch_path%3D${schema}`, 2);
    await pool.query(`create schema ${schema}`);
    const dir = await migrationsFolder({
      '001_ok.sql': 'create table a (id int);',
      '002_broken.sql': 'create table b (id int); select no_such_function();',
    });
    try {
      await expect(migrate(pool, dir)).rejects.toThrow(/002_broken failed/);
      const { rows } = await pool.query<{ id: number }>(
        'select id from pandora_migrations order by id',
      );
      expect(rows.map((row) => row.id)).toEqual([1]);
      const { rowCount } = await pool.query(
        `select 1 from information_schema.tables where table_schema = $1::text and table_name = 'b'`,
        [schema],
      );
      expect(rowCount).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('refuse a migration edited after it was applied', async () => {
    const { url } = await createTestDatabase();
    const schema = `e_${Date.now()}`;
    const pool = createPool(`${url}?options=-csearch_path%3D${schema}`, 2);
    await pool.query(`create schema ${schema}`);
    const dir = await migrationsFolder({ '001_a.sql': 'create table a (id int);' });
    try {
      await migrate(pool, dir);
      await writeFile(path.join(dir, '001_a.sql'), 'create table a (id bigint);');
      await expect(migrate(pool, dir)).rejects.toThrow(/edited after it was applied/);
    } finally {
      await pool.end();
    }
  });
});
