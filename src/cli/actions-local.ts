import type pg from 'pg';
import { createBatch, getBatch, runBatch } from '../actions/batch.js';
import { policyGate } from '../actions/policy-gate.js';
import { listActions } from '../actions/store.js';
import type { SecretKey } from '../tenancy/secrets.js';
import type { Logger } from 'pino';
import { runSkill } from '../skills/registry.js';
import { followBatch, type ActionsBackend } from './actions-backend.js';

/**
 * `pandora actions` on the database this machine reaches: batches run in this
 * process (the server's workers are not needed), with the workspace's policies.
 */
export function localActions(
  deps: { pool: pg.Pool; log: Logger; secretKey: () => Promise<SecretKey> },
  workspace: { id: string; slug: string },
): ActionsBackend {
  const { pool } = deps;
  return {
    workspace,
    async list(filter) {
      const page = await listActions(pool, workspace.id, {
        status: filter.status ? [filter.status] : undefined,
        severity: filter.severity ? [filter.severity] : undefined,
        order: 'impact',
        limit: filter.limit,
      });
      return page.actions;
    },
    async openActionIds(filter) {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await listActions(pool, workspace.id, {
          status: ['open'],
          severity: filter.severity ? [filter.severity] : undefined,
          actionType: filter.actionType,
          limit: 500,
          after,
        });
        ids.push(...page.actions.map((action) => action.id));
        after = page.nextCursor ?? undefined;
      } while (after);
      return ids;
    },
    runSkill(name) {
      return runSkill(pool, workspace.id, name, {}, { trigger: 'manual', actor: 'cli' });
    },
    async execute(actionIds, actor, watcher) {
      const secretKey = await deps.secretKey();
      const created = await createBatch(pool, workspace.id, actor, actionIds, { enqueue: false });
      return runBatch({ pool, secretKey, log: deps.log }, workspace.id, created.id, {
        gate: policyGate(pool, workspace.id),
        onProgress: (done, total) => watcher.progress(done, total),
      });
    },
    watch(batchId, watcher) {
      return followBatch(() => getBatch(pool, workspace.id, batchId), watcher);
    },
  };
}
