import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { testServices } from '../flows/engine/fixtures.test-helper.js';
import { runFlow } from '../flows/engine/runner.js';
import { getFlowRun } from '../flows/engine/runs.js';
import { generateDemoData } from './generate.js';
import { DEMO_FLOW_NAME, seedDemoFlows } from './flows.js';
import { seedDemoData } from './seed.js';

let db: TestDatabase;
let workspaceId: string;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  db = await createTestDatabase();
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into workspaces (name, slug) values ('Demo flows', 'demo-flows') returning id`,
  );
  workspaceId = rows[0]!.id;
  await seedDemoData(
    db.pool,
    workspaceId,
    generateDemoData({ seed: 3, now: new Date('2026-11-22T12:00:00Z'), accounts: 10 }),
  );
});

describe('the demo flow', () => {
  it('is published with one run that waits for the deal desk in the inbox', async () => {
    await seedDemoFlows({ pool: db.pool, log }, workspaceId);
    const { rows: runs } = await db.pool.query<{ id: string; version: number }>(
      `select r.id, r.version from flow_runs r join flows f on f.id = r.flow_id
       where f.workspace_id = $1::uuid and f.name = $2::text`,
      [workspaceId, DEMO_FLOW_NAME],
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]!.version).toBe(1);
    expect(await runFlow(testServices(db.pool), workspaceId, runs[0]!.id)).toBe('waiting');
    // Read as the API shows a run: steps in the flow's order. Two quick steps can start
    // in the same millisecond, so their start times alone do not order them.
    const run = await getFlowRun(db.pool, workspaceId, runs[0]!.id);
    expect(run!.steps.map((s) => [s.key, s.status])).toEqual([
      ['tag', 'completed'],
      ['threshold', 'completed'],
      ['large', 'completed'],
      ['approval', 'waiting'],
    ]);
    const { rows: items } = await db.pool.query<{ source: string; status: string }>(
      `select source, status from inbox_items where flow_run_id = $1::uuid`,
      [runs[0]!.id],
    );
    expect(items).toEqual([{ source: 'flow', status: 'pending' }]);
  });

  it('is seeded once however often the demo starts', async () => {
    await seedDemoFlows({ pool: db.pool, log }, workspaceId);
    const { rows } = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from flows where workspace_id = $1::uuid`,
      [workspaceId],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
