import { describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { dueConnections } from '../ingest/sync/schedule.js';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
} from './connections.js';
import { createWorkspace } from './workspaces.js';

describe('CRM connections beside conversation sources', () => {
  it('never show a conversation source to the CRM layer', async () => {
    const db = await createTestDatabase();
    const { id: workspaceId } = await createWorkspace(db.pool, { name: 'Two kinds' });
    const crm = await createConnection(db.pool, TEST_SECRET_KEY, {
      workspaceId,
      crmType: 'hubspot',
      name: 'HubSpot',
      credentials: { kind: 'private_app', accessToken: 'pat-secret' },
      status: 'connected',
    });
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into connections (workspace_id, source_type, name, credentials, status)
       values ($1::uuid, 'gong', 'Gong', '\\x00'::bytea, 'connected') returning id`,
      [workspaceId],
    );
    const gong = rows[0]!.id;

    expect((await listConnections(db.pool, workspaceId)).map((c) => c.id)).toEqual([crm.id]);
    await expect(getConnection(db.pool, workspaceId, gong)).rejects.toMatchObject({ status: 404 });
    await expect(deleteConnection(db.pool, workspaceId, gong)).rejects.toMatchObject({
      status: 404,
    });
    const due = (await dueConnections(db.pool)).filter((c) => c.workspaceId === workspaceId);
    expect(due.map((c) => c.connectionId)).toEqual([crm.id]);
  });

  it('is either a CRM or a conversation source, never both or neither', async () => {
    const db = await createTestDatabase();
    const { id: workspaceId } = await createWorkspace(db.pool, { name: 'Neither' });
    for (const [crmType, sourceType] of [
      [null, null],
      ['hubspot', 'gong'],
    ]) {
      await expect(
        db.pool.query(
          `insert into connections (workspace_id, crm_type, source_type, name)
           values ($1::uuid, $2::text, $3::text, 'x')`,
          [workspaceId, crmType, sourceType],
        ),
      ).rejects.toMatchObject({ code: '23514' });
    }
  });
});
