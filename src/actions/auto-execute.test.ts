import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import { demoHandlers } from '../demo/jobs.js';
import { handlers } from '../jobs/handlers.js';
import { startWorker, type RunningWorker } from '../jobs/queue.js';
import { runSkill } from '../skills/registry.js';
import { createPolicy } from './policies.js';

/**
 * A workspace whose policy runs a skill's new actions at once, with the skill run
 * again while those executions are under way: every action ends settled (never
 * `in_progress`), every execute job ends without an error, and one dedupe key has at
 * most one unsettled action.
 */
let world: CrmWorld;
let worker: RunningWorker;

beforeAll(async () => {
  world = await createCrmWorld();
  worker = await startWorker({
    pool: world.db.pool,
    connectionString: world.db.url,
    log: pino({ level: process.env.JOB_LOG ?? 'silent' }),
    handlers: { ...handlers, ...demoHandlers },
    concurrency: 2,
    schedules: false,
    secretKey: TEST_SECRET_KEY,
  });
});

afterAll(async () => {
  await worker.stop();
});

/** Pandora's copy of CRM deals that have no close date: what the audit skill flags. */
async function undatedDeals(count: number): Promise<string[]> {
  const ids = await world.recordIds('hubspot', count);
  for (const [i, id] of ids.entries()) {
    await world.db.pool.query(
      `insert into deals (workspace_id, source, source_id, name, amount, close_date, stage,
                          stage_normalized)
       values ($1::uuid, 'hubspot', $2::text, $3::text, $4::numeric, null, 'qualifiedtobuy',
               'discovery')`,
      [world.workspaceId, id, `Undated ${i}`, 10_000 + i],
    );
  }
  return ids;
}

async function actionsByStatus(): Promise<Record<string, number>> {
  const { rows } = await world.db.pool.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from actions where workspace_id = $1::uuid group by status`,
    [world.workspaceId],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The queue's execute jobs: each one's attempts and last error, once none is left to run. */
async function executeJobs() {
  const { rows } = await world.db.pool.query<{ attempts: number; lastError: string | null }>(
    `select attempts, last_error as "lastError" from graphile_worker.jobs
     where task_identifier = 'actions.execute'`,
  );
  return rows;
}

describe('an auto_execute policy and a skill run again during the executions', () => {
  it('leaves no action in progress and no execute job failing', async () => {
    const ids = await undatedDeals(3);
    await createPolicy(world.db.pool, world.workspaceId, {
      name: 'Fill close dates',
      match: { actionTypes: ['clean_data'] },
      effect: 'auto_execute',
    });
    // The CRM refuses every deal update (a validation error, so the actions end
    // `failed`, back among the keys a re-run updates) and answers slowly, so the second
    // run comes while the first run's actions are in progress.
    world.emulator.ctx.faults.add({ kind: 'partial_batch', api: 'hubspot', path: '/batch/update' });
    world.emulator.ctx.settings.latencyMs = 600;
    try {
      expect(await runSkill(world.db.pool, world.workspaceId, 'data-quality-audit')).toMatchObject({
        created: 3,
      });
      await waitFor('the executions to start', async () => {
        const statuses = await actionsByStatus();
        return statuses.in_progress === 3;
      });
      // The in-progress actions hold their keys: nothing new, nothing changed under them.
      expect(await runSkill(world.db.pool, world.workspaceId, 'data-quality-audit')).toMatchObject({
        created: 0,
        updated: 0,
        suppressed: 3,
      });
      await waitFor('every execution to settle', async () => {
        const jobs = await executeJobs();
        return jobs.length === 0 || jobs.some((job) => job.lastError !== null);
      });
      expect(await executeJobs()).toEqual([]);
      expect(await actionsByStatus()).toEqual({ failed: 3 });
      const { rows: failed } = await world.db.pool.query(
        `select task, last_error from failed_jobs where workspace_id = $1::uuid`,
        [world.workspaceId],
      );
      expect(failed).toEqual([]);

      // A third run, after they settled, refreshes the same three actions.
      expect(await runSkill(world.db.pool, world.workspaceId, 'data-quality-audit')).toMatchObject({
        created: 0,
        updated: 3,
      });
      const { rows } = await world.db.pool.query<{ key: string; n: number }>(
        `select dedupe_key as key, count(*)::int as n from actions
         where workspace_id = $1::uuid group by dedupe_key order by 1`,
        [world.workspaceId],
      );
      expect(rows).toEqual(
        ids
          .map((id) => ({ key: `data-quality-audit:deal:${id}`, n: 1 }))
          .sort((a, b) => a.key.localeCompare(b.key)),
      );
    } finally {
      world.emulator.ctx.faults.clear();
      world.emulator.ctx.settings.latencyMs = 0;
    }
  }, 60_000);
});
