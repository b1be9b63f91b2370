import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
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
