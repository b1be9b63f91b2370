import type { Queryable } from '../db/pool.js';
import type { ExecuteOptions } from './engine.js';
import { decidePolicy } from './policies.js';

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
