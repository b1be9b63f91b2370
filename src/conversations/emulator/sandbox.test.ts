import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { generateDemoData } from '../../demo/generate.js';
import { writeCredentials } from '../../tenancy/connections.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { openSourceConnector } from '../connect.js';
import { FIREFLIES_EMULATOR_API_KEY } from './fireflies/index.js';
import { startConversationEmulators, type RunningConversationEmulators } from './sandbox.js';

const dataset = generateDemoData({ seed: 3, accounts: 8, now: new Date('2025-06-01T00:00:00Z') });
let db: TestDatabase;
let running: RunningConversationEmulators;
let workspaceId: string;
const ids: Record<'gong' | 'fireflies', string> = { gong: '', fireflies: '' };

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Recorders' })).id;
  for (const source of ['gong', 'fireflies'] as const) {
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into connections (workspace_id, source_type, kind, name, metadata, status)
       values ($1::uuid, $2::text, 'sandbox', $2::text, '{"plan": "business"}'::jsonb, 'connected')
       returning id`,
      [workspaceId, source],
    );
    ids[source] = rows[0]!.id;
  }
  await writeCredentials(db.pool, TEST_SECRET_KEY, workspaceId, ids.fireflies, {
    apiKey: FIREFLIES_EMULATOR_API_KEY,
  });
  running = await startConversationEmulators({
    pool: db.pool,
    host: '127.0.0.1',
    port: 0,
    dataset,
    crmIdFor: () => undefined,
    log: pino({ level: 'silent' }),
  });
});
afterAll(() => running.stop());

describe('the sandbox recorders', () => {
  it('serve Fireflies beside Gong, each sandbox connection pointed at its own', async () => {
    const { rows } = await db.pool.query<{ sourceType: string; baseUrl: string }>(
      `select source_type as "sourceType", metadata->>'baseUrl' as "baseUrl"
       from connections where workspace_id = $1::uuid order by source_type`,
      [workspaceId],
    );
    expect(rows).toEqual([
      { sourceType: 'fireflies', baseUrl: running.firefliesUrl },
      { sourceType: 'gong', baseUrl: running.gongUrl },
    ]);
    expect(running.firefliesUrl).not.toBe(running.gongUrl);
  });

  it('let a sandbox Fireflies connection read the demo team and its meetings', async () => {
    const { connector } = await openSourceConnector(
      { pool: db.pool, secretKey: TEST_SECRET_KEY },
      workspaceId,
      ids.fireflies,
    );
    const users = await connector.listUsers();
    expect(users.map((user) => user.email).sort()).toEqual(
      dataset.owners.map((owner) => owner.email).sort(),
    );
    const meeting = dataset.conversations[0]!;
    const host = users.find((user) => user.email === meeting.participants[0]!.email)!;
    const page = await connector.listCalls({
      user: host,
      from: new Date(meeting.startedAt),
      to: new Date(Date.parse(meeting.startedAt) + 1),
    });
    expect(page.calls.map((call) => call.title)).toEqual([meeting.title]);
  });
});
