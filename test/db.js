import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createPool } from '../src/db/pool.js';
/**
 * A fresh database cloned from the migrated template, dropped after the file's tests.
 * Cloning takes a few milliseconds, so every test file gets its own.
 */
export async function createTestDatabase() {
    const templateUrl = inject('templateDatabaseUrl');
    const template = new URL(templateUrl);
    const name = `pandora_test_${randomBytes(6).toString('hex')}`;
    const adminUrl = new URL(templateUrl);
    adminUrl.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`create database ${name} template ${template.pathname.slice(1)}`);
    await admin.end();
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    const pool = createPool(url.toString(), 5);
    afterAll(async () => {
        await pool.end();
        const dropper = new pg.Client({ connectionString: adminUrl.toString() });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
    });
    return { url: url.toString(), pool };
}
//# sourceMappingURL=db.js.map