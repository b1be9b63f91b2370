import { openConnector } from '../crm/connect.js';
import type { Queryable } from '../db/pool.js';
import { publishEvent } from '../events/bus.js';
import { syncConnection } from '../ingest/sync/run.js';
import type { TaskHandlers } from '../jobs/queue.js';
import { computeFields } from '../skills/fields/run.js';
import { SKILL_NAMES, runSkill } from '../skills/registry.js';
import { seedWorkspace } from './bootstrap.js';
import { generateDemoData } from './generate.js';
import { seedLinkedConversations } from './seed.js';
import { syncDemoRecorder } from './recorder.js';
import { startDemoAgent } from './agent.js';
import { seedDemoFlows } from './flows.js';

/** The demo's own job, for the runtime to add to the worker's handlers. */
export const demoHandlers: Pick<TaskHandlers, 'demo.seed'> = {
  'demo.seed': async (payload, { db, secretKey, log }) => {
    const sandbox = await sandboxConnectionOf(db, payload.workspaceId);
    if (!sandbox) {
      const counts = await seedWorkspace(db, payload.workspaceId, { seed: payload.seed });
      log.info({ workspaceId: payload.workspaceId, counts }, 'demo data seeded');
      return;
    }
    // The demo CRM is the emulator: sync it like any CRM, then add the meetings.
    const opened = await openConnector({ pool: db, secretKey, log }, payload.workspaceId, sandbox);
    const run = await syncConnection(
      { pool: db, ...opened, log },
      { mode: 'full', trigger: 'demo' },
    );
    if (run.status === 'failed') throw new Error(`demo sync failed: ${JSON.stringify(run.errors)}`);
    // The emulated Gong's calls come in by a real sync and are linked by the linker;
    // without it (no recorder in this sandbox) the meetings are written linked.
    const meetings =
      (await syncDemoRecorder({ pool: db, secretKey, log }, payload.workspaceId)) ??
      (await seedLinkedConversations(
        db,
        payload.workspaceId,
        generateDemoData({ seed: payload.seed }),
        opened.crmType,
      ));
    await publishEvent(db, {
      workspaceId: payload.workspaceId,
      type: 'demo.seeded',
      payload: { deals: run.counts.deals?.fetched ?? 0, conversations: meetings },
    });
    // The demo opens with its action cards and scores, not empty pages.
    for (const name of SKILL_NAMES) {
      await runSkill(db, payload.workspaceId, name, {}, { trigger: 'schedule', actor: 'demo' });
    }
    for (const skill of ['deal-score', 'account-score'] as const) {
      await computeFields(db, payload.workspaceId, skill, { trigger: 'schedule', actor: 'demo' });
    }
    await startDemoAgent({ pool: db, secretKey, log }, payload.workspaceId, sandbox);
    await seedDemoFlows({ pool: db, log }, payload.workspaceId);
    log.info(
      { workspaceId: payload.workspaceId, runId: run.id, meetings },
      'demo synced from the sandbox CRM, skills run',
    );
  },
};

async function sandboxConnectionOf(
  db: Queryable,
  workspaceId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `select id from connections
     where workspace_id = $1::uuid and kind = 'sandbox' and crm_type is not null
       and credentials is not null
     order by created_at limit 1`,
    [workspaceId],
  );
  return rows[0]?.id;
}
