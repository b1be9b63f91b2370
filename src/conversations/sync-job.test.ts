import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { generateDemoData } from '../demo/generate.js';
import { handlers } from '../jobs/handlers.js';
import { createGongWorld, type GongWorld } from './emulator/gong/testing.test-helper.js';
import { dueSourceConnections } from './schedule.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const dataset = generateDemoData({ seed: 5, accounts: 8, now: NOW });
let world: GongWorld;
const context = () => ({
  db: world.db.pool,
  secretKey: TEST_SECRET_KEY,
  log: pino({ level: 'silent' }),
  jobId: '1',
  attempt: 1,
});

async function queuedLinks(): Promise<number> {
  const { rows } = await world.db.pool.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = 'conversations.link' and payload->>'workspaceId' = $1::text`,
    [world.workspaceId],
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  world = await createGongWorld({
    dataset,
    settings: { perSecond: null },
    metadata: { syncLookbackDays: 36_500 },
  });
});

describe('the conversation sync job and its schedule', () => {
  it('finds source connections due, never CRM or webhook ones', async () => {
    await world.db.pool.query(
      `insert into connections (workspace_id, source_type, name, status)
       values ($1::uuid, 'webhook', 'Recorder webhook', 'connected')`,
      [world.workspaceId],
    );
    expect(await dueSourceConnections(world.db.pool)).toEqual([
      { workspaceId: world.workspaceId, connectionId: world.connectionId },
    ]);
  });

  it('syncs the connection, records the run, queues the linker, and is no longer due', async () => {
    await handlers['conversations.sync'](
      { workspaceId: world.workspaceId, connectionId: world.connectionId, trigger: 'manual' },
      context(),
    );
    const { rows } = await world.db.pool.query<{ status: string; n: number }>(
      `select r.status,
              (select count(*) from conversations c where c.connection_id = r.connection_id)::int as n
       from sync_runs r where r.connection_id = $1::uuid`,
      [world.connectionId],
    );
    expect(rows).toEqual([{ status: 'succeeded', n: dataset.conversations.length }]);
    expect(await dueSourceConnections(world.db.pool)).toEqual([]);
    expect(await queuedLinks()).toBe(1);
  });

  it('refused credentials put the connection in error and are not retried', async () => {
    await world.db.pool.query(`delete from graphile_worker._private_jobs`);
    await world.setCredentials({ accessKey: 'x', accessKeySecret: 'y' });
    const error = await handlers['conversations.sync'](
      { workspaceId: world.workspaceId, connectionId: world.connectionId, trigger: 'manual' },
      context(),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NonRetryableError' });
    const { rows } = await world.db.pool.query<{ status: string; message: string }>(
      `select status, status_message as message from connections where id = $1::uuid`,
      [world.connectionId],
    );
    expect(rows[0]).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/^The recorder refused the credentials .*reconnect/),
    });
    expect(await queuedLinks()).toBe(0);
  });
});
