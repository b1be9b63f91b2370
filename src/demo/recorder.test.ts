import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { startSandbox, type RunningSandbox } from '../crm/emulator/sandbox.js';
import { ensureDemoWorkspace } from './bootstrap.js';
import { generateDemoData } from './generate.js';
import { demoHandlers } from './jobs.js';

const log = pino({ level: 'silent' });
const dataset = generateDemoData({ seed: 42, accounts: 12 });
let db: TestDatabase;
let dataDir: string;
let sandbox: RunningSandbox;
let workspaceId: string;

const start = () =>
  startSandbox({
    pool: db.pool,
    dataDir,
    host: '127.0.0.1',
    port: 0,
    initialData: () => dataset,
    conversations: () => dataset,
    log,
  });

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-demo-gong-'));
  sandbox = await start();
  const workspace = await ensureDemoWorkspace(db.pool, {
    sandboxUrl: sandbox.url,
    gongUrl: sandbox.gongUrl,
    secretKey: TEST_SECRET_KEY,
  });
  workspaceId = workspace!.id;
});

afterAll(async () => {
  await sandbox.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the demo's emulated Gong", () => {
  it("brings the demo's meetings in by a real sync through the emulator, then links them", async () => {
    await demoHandlers['demo.seed'](
      { workspaceId, seed: 42 },
      { db: db.pool, secretKey: TEST_SECRET_KEY, log, jobId: '1', attempt: 1 },
    );
    const { rows } = await db.pool.query<{
      source: string;
      n: number;
      transcripts: number;
      internal: number;
      linked: number;
      withMethod: number;
    }>(
      `select source, count(*)::int as n,
              count(*) filter (where transcript is not null)::int as transcripts,
              count(*) filter (where not exists (
                select 1 from jsonb_array_elements(participants) p
                where not (p->>'isInternal')::boolean))::int as internal,
              count(*) filter (where deal_id is not null)::int as linked,
              count(*) filter (where link_method is not null)::int as "withMethod"
       from conversations where workspace_id = $1::uuid group by source`,
      [workspaceId],
    );
    expect(rows).toHaveLength(1);
    const gong = rows[0]!;
    expect(gong).toMatchObject({
      source: 'gong',
      n: dataset.conversations.length,
      transcripts: dataset.conversations.length,
      // Internal reviews come in too, for the internal filter to mark.
      internal: dataset.conversations.filter((m) => m.isInternal).length,
    });
    expect(gong.linked).toBeGreaterThan(0);
    expect(gong.withMethod).toBeGreaterThan(0);

    const { rows: connection } = await db.pool.query<{
      status: string;
      tracked: number;
      runs: { trigger: string; status: string }[];
    }>(
      `select c.status, jsonb_array_length(c.metadata->'trackedUserIds')::int as tracked,
              (select jsonb_agg(jsonb_build_object('trigger', r.trigger, 'status', r.status))
               from sync_runs r where r.connection_id = c.id) as runs
       from connections c where c.workspace_id = $1::uuid and c.source_type = 'gong'`,
      [workspaceId],
    );
    expect(connection).toEqual([
      {
        status: 'connected',
        tracked: dataset.owners.length,
        runs: [{ trigger: 'demo', status: 'succeeded' }],
      },
    ]);
  });

  it('points the sandbox Gong connection at wherever the emulator listens after a restart', async () => {
    await sandbox.stop();
    sandbox = await start();
    const { rows } = await db.pool.query<{ baseUrl: string }>(
      `select metadata->>'baseUrl' as "baseUrl" from connections
       where workspace_id = $1::uuid and source_type = 'gong'`,
      [workspaceId],
    );
    expect(rows[0]!.baseUrl).toBe(sandbox.gongUrl);
    expect(sandbox.gongUrl).not.toBe(sandbox.url);
  });
});
