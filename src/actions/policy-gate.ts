import type { Queryable } from '../db/pool.js';
import { holdInInbox } from '../inbox/held-actions.js';
import { enqueue } from '../jobs/queue.js';
import type { ExecuteOptions } from './execute.js';
import { decidePolicy } from './policies.js';
import { transition, type Action } from './store.js';

/**
 * The execute gate from the workspace's policies: `block` stops an action,
 * `require_approval` holds it until an admin or its owner approves it (an approved
 * action runs), `auto_execute` and no matching policy let it run.
 */
export function policyGate(
  db: Queryable,
  workspaceId: string,
): NonNullable<ExecuteOptions['gate']> {
  return async (action) => {
    const decision = await decidePolicy(db, workspaceId, action);
    if (decision?.effect === 'block') return 'block';
    if (decision?.effect === 'require_approval' && !action.approvedBy) return 'needs_approval';
    return 'allow';
  };
}

/**
 * What the workspace's policies do to newly proposed actions: `require_approval`
 * holds them for approval, `auto_execute` queues their execution (one job per
 * policy, so their writes share batch calls), and `block` leaves them open with
 * execution refused. Returns the actions as they now are, in order.
 */
export async function applyPoliciesToNew(
  db: Queryable,
  workspaceId: string,
  actions: Action[],
): Promise<Action[]> {
  const result: Action[] = [];
  const toRun = new Map<string, string[]>();
  for (const action of actions) {
    const decision = await decidePolicy(db, workspaceId, action);
    if (decision?.effect === 'require_approval') {
      const held = await transition(db, workspaceId, action.id, ['open'], 'awaiting_approval', {
        event: 'approval_required',
        actor: 'policy',
        details: { policyId: decision.policy.id, policy: decision.policy.name },
      });
      await holdInInbox(db, workspaceId, held, decision.policy);
      result.push(held);
      continue;
    }
    if (decision?.effect === 'auto_execute') {
      const actor = `policy ${decision.policy.name}`;
      toRun.set(actor, [...(toRun.get(actor) ?? []), action.id]);
    }
    result.push(action);
  }
  for (const [actor, actionIds] of toRun) {
    await enqueue(db, 'actions.execute', { workspaceId, actionIds, actor });
  }
  return result;
}
