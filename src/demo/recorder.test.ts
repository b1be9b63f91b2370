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
import { DEMO_AGENT_MEETINGS, DEMO_AGENT_NAME } from './agent.js';
import { runAgentsForConversation } from '../agents/run.js';

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

  it('starts a live agent that asks about each field it uses, queued on the latest linked meetings once', async () => {
    const { rows: agents } = await db.pool.query<{
      id: string;
      status: string;
      mode: string;
      rules: string[];
    }>(
      `select id, status, mode, array(select f->>'rule' from jsonb_array_elements(fields) f) as rules
       from agent_configs where workspace_id = $1::uuid and name = $2::text`,
      [workspaceId, DEMO_AGENT_NAME],
    );
    expect(agents).toHaveLength(1);
    expect(agents[0]).toMatchObject({ status: 'active', mode: 'live' });
    expect(agents[0]!.rules.filter((rule) => rule !== 'never')).toEqual([
      'ask',
      'ask',
      'ask',
      'ask',
    ]);
    const queued = async () => {
      const { rows } = await db.pool.query<{ payload: { conversationId: string } }>(
        `select j.payload from graphile_worker._private_jobs j
         join graphile_worker._private_tasks t on t.id = j.task_id
         where t.identifier = 'agents.run'`,
      );
      return rows.map((row) => row.payload);
    };
    const first = await queued();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(DEMO_AGENT_MEETINGS);

    // A retried seed queues nothing new.
    await demoHandlers['demo.seed'](
      { workspaceId, seed: 42 },
      { db: db.pool, secretKey: TEST_SECRET_KEY, log, jobId: '2', attempt: 2 },
    );
    expect((await queued()).length).toBe(first.length);
    const { rows: count } = await db.pool.query<{ n: number }>(
      'select count(*)::int as n from agent_configs where workspace_id = $1::uuid',
      [workspaceId],
    );
    expect(count[0]!.n).toBe(1);

    // Its runs fill the inbox and write nothing to the CRM until someone approves.
    for (const payload of first) {
      await runAgentsForConversation(
        { pool: db.pool, secretKey: TEST_SECRET_KEY, log },
        { ...payload, workspaceId, trigger: 'linked' },
      );
    }
    const { rows: after } = await db.pool.query<{ runs: number; items: number; writes: number }>(
      `select (select count(*)::int from activity_logs where workspace_id = $1::uuid) as runs,
              (select count(*)::int from inbox_items where workspace_id = $1::uuid) as items,
              (select count(*)::int from crm_write_log where workspace_id = $1::uuid) as writes`,
      [workspaceId],
    );
    expect(after[0]!.runs).toBeGreaterThan(0);
    expect(after[0]!.items).toBeGreaterThan(0);
    expect(after[0]!.writes).toBe(0);
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
