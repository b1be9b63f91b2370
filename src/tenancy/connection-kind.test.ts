import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { openConnector } from '../crm/connect.js';
import { migrationsDir } from '../paths.js';
import { createConnection } from './connections.js';
import { createWorkspace } from './workspaces.js';

/** The data step of the migration that added `connections.kind`, run on rows made before it. */
async function connectionKindUpdate(): Promise<string> {
  const file = (await readdir(migrationsDir)).find((name) => name.endsWith('_connection_kind.sql'));
  const sql = await readFile(path.join(migrationsDir, file!), 'utf8');
  return sql.slice(sql.indexOf('update connections'));
}

describe('connections marked sandbox before the kind existed', () => {
  it('become sandbox connections whose stored (possibly forged) URL is dropped', async () => {
    const db = await createTestDatabase();
    const { id: workspaceId } = await createWorkspace(db.pool, { name: 'Before the fix' });
    const make = (metadata: Record<string, unknown>) =>
      createConnection(db.pool, TEST_SECRET_KEY, {
        workspaceId,
        crmType: 'hubspot',
        name: 'HubSpot',
        credentials: { kind: 'private_app', accessToken: 'pat-secret' },
        metadata,
        status: 'connected',
      });
    // What a user could send to POST /connections before: the mark and a URL of their choosing.
    const forged = await make({ sandbox: true, baseUrl: 'http://127.0.0.1:5432', tier: 'free' });
    const plain = await make({ baseUrl: 'https://api.hubapi.com', tier: 'free' });

    await db.pool.query(await connectionKindUpdate());

    const { rows } = await db.pool.query<{ id: string; kind: string; metadata: object }>(
      'select id, kind, metadata from connections where workspace_id = $1::uuid',
      [workspaceId],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(forged.id)).toMatchObject({
      kind: 'sandbox',
      metadata: { sandbox: true, tier: 'free' },
    });
    expect(byId.get(forged.id)!.metadata).not.toHaveProperty('baseUrl');
    expect(byId.get(plain.id)).toMatchObject({
      kind: 'crm',
      metadata: { baseUrl: 'https://api.hubapi.com' },
    });
    // Until the server's emulator sets its URL, the forged one is never called.
    await expect(
      openConnector({ pool: db.pool, secretKey: TEST_SECRET_KEY }, workspaceId, forged.id),
    ).rejects.toMatchObject({ status: 409, code: 'sandbox_not_running' });
  });
});
