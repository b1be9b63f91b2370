import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { toHttpError } from './error-handler.js';

describe('database errors as answers', () => {
  it('turns a broken CHECK rule and a malformed value into 400s, never a 500', async () => {
    const db = await createTestDatabase();
    const workspace = await createWorkspace(db.pool, { name: 'Errors' });
    const check = await db.pool
      .query(
        `insert into actions (workspace_id, action_type, severity, title, target_type, target_source_id, source_type)
         values ($1::uuid, 'update_field', 'loud', 't', 'deal', '1', 'api')`,
        [workspace.id],
      )
      .catch((error: unknown) => error);
    expect(toHttpError(check)).toMatchObject({
      status: 400,
      code: 'invalid_value',
      message: expect.stringContaining('actions_severity_check'),
    });
    const malformed = await db.pool
      .query(`select 1 from actions where id = $1::uuid`, ['nope'])
      .catch((error: unknown) => error);
    expect(toHttpError(malformed)).toMatchObject({ status: 400, code: 'invalid_value' });
  });
});

describe('Postgres data exceptions (SQLSTATE class 22) as answers', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(
      `create table bounded (id int primary key, code varchar(3), count int4, at timestamptz,
                             required text not null default 'x')`,
    );
  });

  const refusal = (sql: string, params: unknown[] = []) =>
    db.pool.query(sql, params).then(
      () => expect.fail(`${sql} was accepted`),
      (error: unknown) => toHttpError(error),
    );

  it.each([
    ['22021', `insert into bounded (id, code) values (1, $1::text)`, ['a\u0000']],
    ['22008', `insert into bounded (id, at) values (1, $1::timestamptz)`, ['0000-01-01T00:00:00Z']],
    ['22003', `insert into bounded (id, count) values (1, $1::bigint)`, [2 ** 40]],
    ['22001', `insert into bounded (id, code) values (1, $1::text)`, ['four']],
    ['22P02', `insert into bounded (id, count) values (1, $1::int)`, ['1e+21']],
  ])('%s is a 400 invalid_value carrying the SQLSTATE', async (sqlstate, sql, params) => {
    const error = await refusal(sql, params);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_value',
      details: expect.objectContaining({ sqlstate }),
    });
    expect(error.message).not.toMatch(/something went wrong/i);
  });

  it('names the column when Postgres does (a required value left null)', async () => {
    const error = await refusal(`insert into bounded (id, required) values (1, null)`);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_value',
      message: expect.stringContaining('required'),
      details: { sqlstate: '23502', column: 'required', table: 'bounded' },
    });
  });

  it('a reference to nothing is a 400, not a 500', async () => {
    const workspace = await createWorkspace(db.pool, { name: 'References' });
    const error = await refusal(
      `insert into memberships (workspace_id, user_id, role)
       values ($1::uuid, '00000000-0000-4000-8000-000000000000', 'member')`,
      [workspace.id],
    );
    expect(error).toMatchObject({ status: 400, code: 'invalid_reference' });
  });

  it('anything else from Postgres stays a 500', async () => {
    const error = await refusal(`select * from no_such_table`);
    expect(error.status).toBe(500);
  });
});
